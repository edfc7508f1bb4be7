/**
 * The `file` recipe: files a person dropped, picked or pasted, built into a data set in the
 * worker. One zip is a MovieLens archive (opened as downloaded; a split such as u1 gives
 * train + held-out); otherwise one rating file, optionally a held-out file beside it (a
 * train + test pair) and a titles file. Every refusal names the file and the line; nothing
 * is returned until the whole data set is built, so the lab's data stays as it was.
 */
import {
  DEFAULT_LIMITS,
  ImportCancelledError,
  RatingsParseError,
  attachTitles,
  detectTitlesFormat,
  inFile,
  importRatingsAsync,
  importRatingsPairAsync,
  openMovieLensArchiveAsync,
  parseTitlesSteps,
  previewRatings,
  runStepsAsync,
  textOf,
  type AsyncImportControl,
  type ColumnMapping,
  type Dataset,
  type ImportLimits,
  type ImportProgress,
  type RatingScaleSpec,
} from '../core';
import { isZip, openFileBytes } from '../io/zipArchive';
import { BuildCancelled, type BuildContext } from './buildContext';

/** One file of a `file` recipe. `role` is inferred from the name and bytes when omitted. */
export interface RecipeFile {
  name: string;
  bytes: Uint8Array;
  role?: FileRole;
}

export type FileRole = 'ratings' | 'test' | 'titles' | 'archive';

export interface FileRecipe {
  kind: 'file';
  files: RecipeFile[];
  /** Which columns are user, item, rating (or count) and time; guessed when omitted. */
  mapping?: ColumnMapping;
  /** The rating scale the person chose; detected when omitted. */
  scale?: RatingScaleSpec;
  /** Implicit feedback: the value column is a count (or there is none: one row = one interaction). */
  implicit?: boolean;
  /** For an archive: "all" (default) or a split ("u1", …, "ua", "ub"). */
  choice?: string;
  /** The data set's name (default: the rating file's). */
  name?: string;
  /** Lower limits (tests); the defaults are stated in the Open data panel. */
  limits?: ImportLimits;
}

const baseName = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/** Titles files by name: MovieLens' own, or any name with "title", "movies" or "items" in it. */
export function looksLikeTitles(name: string): boolean {
  const base = baseName(name).toLowerCase();
  return base === 'u.item' || /^(movies|items)\.(dat|csv|tsv|txt)$/.test(base) || /titles?/.test(base);
}

/** What a file is for, from its role, its bytes and its name. */
export function roleOf(file: RecipeFile): FileRole {
  if (file.role) return file.role;
  if (isZip(file.bytes)) return 'archive';
  if (looksLikeTitles(file.name.replace(/\.gz$/i, ''))) return 'titles';
  if (/\.test(\.gz)?$/i.test(file.name) || /(^|[-_.])test([-_.]|$)/i.test(baseName(file.name))) return 'test';
  return 'ratings';
}

function sorted(files: RecipeFile[]): Record<FileRole, RecipeFile[]> {
  const out: Record<FileRole, RecipeFile[]> = { ratings: [], test: [], titles: [], archive: [] };
  for (const f of files) out[roleOf(f)].push(f);
  return out;
}

/** The files are a set MF Lab can open (one archive, or one rating file with an optional test and titles file). */
export function checkFileSet(files: RecipeFile[]): Record<FileRole, RecipeFile[]> {
  if (files.length === 0) throw new RatingsParseError(0, 'No file was given: drop, pick or paste a rating file.');
  const s = sorted(files);
  const names = (list: RecipeFile[]) => list.map((f) => `"${f.name}"`).join(' and ');
  if (s.archive.length > 1) throw new RatingsParseError(0, `Open one archive at a time (${names(s.archive)} were given).`);
  if (s.archive.length === 1 && s.ratings.length + s.test.length > 0)
    throw new RatingsParseError(0, `Open the archive ${names(s.archive)} on its own, or the rating files without it.`);
  if (s.archive.length === 0 && s.ratings.length === 0 && s.test.length === 1) {
    // A lone file named "test" is the rating file.
    s.ratings = s.test;
    s.test = [];
  }
  if (s.archive.length === 0 && s.ratings.length === 2 && s.test.length === 0) {
    // Two rating files: the smaller one is the held-out part (u1.base is four times u1.test).
    const [a, b] = s.ratings as [RecipeFile, RecipeFile];
    s.ratings = [a.bytes.length >= b.bytes.length ? a : b];
    s.test = [a.bytes.length >= b.bytes.length ? b : a];
  }
  if (s.archive.length === 0 && s.ratings.length !== 1)
    throw new RatingsParseError(
      0,
      s.ratings.length === 0
        ? `${names(s.titles)} ${s.titles.length === 1 ? 'is a titles file' : 'are titles files'}: open a rating file with it.`
        : `Open one rating file at a time, with at most a held-out file and a titles file (${names(s.ratings)} were given).`,
    );
  if (s.test.length > 1 || s.titles.length > 1)
    throw new RatingsParseError(0, 'Open at most one held-out file and one titles file with the ratings.');
  return s;
}

/** The mapping the import uses: the person's, with the value kind set by `implicit`; else guessed. */
function mappingOf(recipe: FileRecipe, bytes: Uint8Array, limits: ImportLimits): ColumnMapping | undefined {
  if (recipe.implicit === undefined) return recipe.mapping;
  const base = recipe.mapping ?? previewRatings(bytes, { rows: 1, limits }).layout.mapping;
  return { ...base, valueKind: recipe.implicit ? 'implicit' : 'explicit' };
}

function control(ctx: BuildContext): AsyncImportControl {
  return {
    pause: () => ctx.checkpoint(),
    onProgress: (p: ImportProgress) => ctx.progress(`${p.phase}${p.file ? ` ${baseName(p.file)}` : ''}`, p.done, p.total),
  };
}

/** Attaches a titles file to a data set; refusals name the titles file. */
async function withTitles(dataset: Dataset, file: RecipeFile | undefined, ctx: BuildContext): Promise<Dataset> {
  if (!file) return dataset;
  try {
    const bytes = openFileBytes(file.bytes);
    if (bytes.kind !== 'text') throw new RatingsParseError(0, 'A titles file is a text file, not an archive.');
    const { text } = textOf(bytes.bytes);
    const name = file.name.replace(/\.gz$/i, '');
    const titles = await runStepsAsync(parseTitlesSteps(text, { format: detectTitlesFormat(text, name) }), control(ctx));
    return attachTitles(dataset, titles).dataset;
  } catch (error) {
    throw inFile(error, file.name);
  }
}

/** Builds the data set a `file` recipe describes. */
export async function buildFileDataset(recipe: FileRecipe, ctx: BuildContext): Promise<Dataset> {
  const limits = recipe.limits ?? DEFAULT_LIMITS;
  const set = checkFileSet(recipe.files);
  try {
    ctx.progress('reading', 0, 1);
    await ctx.checkpoint();
    const archive = set.archive[0];
    if (archive) {
      const opened = openFileBytes(archive.bytes, limits);
      if (opened.kind !== 'archive') throw new RatingsParseError(0, `"${archive.name}" is not a zip archive.`);
      const { dataset } = await openMovieLensArchiveAsync(opened.reader, recipe.choice ?? 'all', {
        fileName: archive.name,
        limits,
        ...(recipe.scale ? { scale: recipe.scale } : {}),
        ...(recipe.name ? { name: recipe.name } : {}),
        ...control(ctx),
      });
      return await withTitles(dataset, set.titles[0], ctx);
    }
    const ratings = set.ratings[0]!;
    const unpack = (f: RecipeFile) => {
      try {
        const opened = openFileBytes(f.bytes, limits);
        if (opened.kind !== 'text') throw new RatingsParseError(0, 'an archive cannot be a rating file here.');
        return opened.bytes;
      } catch (error) {
        throw inFile(error, f.name);
      }
    };
    const bytes = unpack(ratings);
    const fileName = ratings.name.replace(/\.gz$/i, '');
    const mapping = mappingOf(recipe, bytes, limits);
    const options = {
      fileName,
      limits,
      name: recipe.name ?? fileName,
      ...(mapping ? { mapping } : {}),
      ...(recipe.scale ? { scale: recipe.scale } : {}),
      ...control(ctx),
    };
    const test = set.test[0];
    const { dataset } = test
      ? await importRatingsPairAsync(bytes, unpack(test), { ...options, testFileName: test.name })
      : await importRatingsAsync(bytes, options).catch((error: unknown) => {
          throw error instanceof ImportCancelledError ? error : inFile(error, ratings.name);
        });
    return await withTitles(dataset, set.titles[0], ctx);
  } catch (error) {
    if (error instanceof ImportCancelledError) throw new BuildCancelled();
    throw error;
  }
}
