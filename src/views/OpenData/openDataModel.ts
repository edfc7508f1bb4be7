/**
 * What the Open data panel knows about the files in hand, as plain functions: what each
 * file is (ratings, held-out, titles, a MovieLens archive), a preview of the rating file
 * with its column mapping and scale, and the recipe the worker builds from them. Only the
 * first rows are read here (on the page); the whole file is parsed in the worker.
 */
import {
  DEFAULT_LIMITS,
  RATING_SCALES,
  checkByteLimit,
  describeMovieLensArchive,
  describeScale,
  formatMegabytes,
  previewRatings,
  type ArchiveDescription,
  type ColumnMapping,
  type RatingScaleSpec,
  type RatingsPreview,
} from '../../core';
import { gunzipIfNeeded, isGzip, openZip } from '../../io/zipArchive';
import { roleOf, type FileRole } from '../../worker/fileDataset';
import type { DatasetRecipe } from '../../worker/protocol';
import { formatCount } from '../../core/formatCount';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  role: FileRole;
}

export const ROLE_NAMES: Record<FileRole, string> = {
  ratings: 'Ratings (training)',
  test: 'Held-out ratings (test)',
  titles: 'Titles (item id → title)',
  archive: 'MovieLens archive',
};

/** The limits the panel states. */
export const LIMITS_TEXT =
  `Files up to ${formatMegabytes(DEFAULT_LIMITS.maxBytes)} and ${formatCount(DEFAULT_LIMITS.maxRatings)} ratings ` +
  '(MovieLens 1M, a million ratings, fits).';

/** The scales a person can choose, by key; "detected" leaves it to the data. */
export const SCALE_CHOICES: { key: string; label: string; scale: RatingScaleSpec | null }[] = [
  { key: 'detected', label: 'Detect from the data', scale: null },
  { key: 'stars', label: describeScale(RATING_SCALES.stars), scale: RATING_SCALES.stars },
  { key: 'halfStars', label: describeScale(RATING_SCALES.halfStars), scale: RATING_SCALES.halfStars },
  { key: 'zeroToFive', label: describeScale(RATING_SCALES.zeroToFive), scale: RATING_SCALES.zeroToFive },
  { key: 'tenPoint', label: describeScale(RATING_SCALES.tenPoint), scale: RATING_SCALES.tenPoint },
  { key: 'binary', label: describeScale(RATING_SCALES.binary), scale: RATING_SCALES.binary },
];

/** The files as picked, each with the role its name and bytes suggest. */
export function pick(files: { name: string; bytes: Uint8Array }[]): PickedFile[] {
  return files.map((f) => ({ ...f, role: roleOf(f) }));
}

/** Appends files to those in hand; a file of the same name replaces the earlier one. */
export function addFiles(current: PickedFile[], added: PickedFile[]): PickedFile[] {
  const names = new Set(added.map((f) => f.name));
  return [...current.filter((f) => !names.has(f.name)), ...added];
}

/** Largest gzip file previewed on the page (its ratings are unpacked again in the worker). */
const GZIP_PREVIEW_BYTES = 4 * 1024 * 1024;

export type Inspection =
  | { kind: 'none' }
  | { kind: 'archive'; file: PickedFile; description: ArchiveDescription }
  | { kind: 'ratings'; file: PickedFile; preview: RatingsPreview | null; note: string | null };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A first look at the files: the archive's choices, or the rating file's first rows under a mapping. Throws a refusal in words. */
export function inspect(files: PickedFile[], mapping?: ColumnMapping): Inspection {
  const archive = files.find((f) => f.role === 'archive');
  if (archive) {
    checkByteLimit(archive.bytes.length, DEFAULT_LIMITS, `"${archive.name}"`);
    try {
      return { kind: 'archive', file: archive, description: describeMovieLensArchive(openZip(archive.bytes).names) };
    } catch (error) {
      throw new Error(`${archive.name}: ${message(error)}`);
    }
  }
  const file = files.find((f) => f.role === 'ratings') ?? files.find((f) => f.role === 'test');
  if (!file) return { kind: 'none' };
  if (isGzip(file.bytes) && file.bytes.length > GZIP_PREVIEW_BYTES)
    return { kind: 'ratings', file, preview: null, note: 'A large .gz file: its columns are found when it is opened.' };
  try {
    const bytes = gunzipIfNeeded(file.bytes);
    return { kind: 'ratings', file, preview: previewRatings(bytes, { rows: 8, ...(mapping ? { mapping } : {}) }), note: null };
  } catch (error) {
    throw new Error(`${file.name}: ${message(error)}`);
  }
}

/** The name of column c: the header's, else "column c+1". */
export function columnName(preview: RatingsPreview, c: number): string {
  const header = preview.layout.header?.[c];
  return header ? `${c + 1}: ${header}` : `column ${c + 1}`;
}

export interface RecipeChoices {
  mapping: ColumnMapping | null;
  implicit: boolean;
  scaleKey: string;
  choice: string;
}

/** The worker's recipe for the files and the choices made in the panel. */
export function recipeOf(files: PickedFile[], inspection: Inspection, choices: RecipeChoices): DatasetRecipe {
  const scale = SCALE_CHOICES.find((s) => s.key === choices.scaleKey)?.scale ?? null;
  const recipe: DatasetRecipe = {
    kind: 'file',
    files: files.map((f) => ({ name: f.name, bytes: f.bytes, role: f.role })),
  };
  if (inspection.kind === 'archive') {
    recipe.choice = choices.choice;
    if (scale) recipe.scale = { ...scale };
    return recipe;
  }
  if (choices.mapping) recipe.mapping = { ...choices.mapping, valueKind: choices.implicit ? 'implicit' : 'explicit' };
  recipe.implicit = choices.implicit;
  if (scale && !choices.implicit) recipe.scale = { ...scale };
  return recipe;
}

/** What the build is called while it runs ("Opening “ratings.csv”"). */
export function openingLabel(files: PickedFile[]): string {
  const main = files.find((f) => f.role === 'archive' || f.role === 'ratings') ?? files[0];
  return `Opening “${main?.name ?? 'pasted ratings'}”`;
}
