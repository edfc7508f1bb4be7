/**
 * MovieLens archives opened as downloaded from grouplens.org: `ml-100k.zip` (`u.data`, titles
 * and genres in `u.item`, its own splits `u1.base`/`u1.test` … `u5`, `ua`, `ub`),
 * `ml-latest-small.zip` (`ratings.csv` + `movies.csv`) and `ml-1m.zip` (`ratings.dat` +
 * `movies.dat`). The archive is read through an {@link ArchiveReader} (the zip itself is
 * opened outside the core, by `src/io/zipArchive.ts` with fflate), so this module only
 * knows the layouts. MovieLens may not be redistributed: MF Lab never ships it; people
 * download it and open it here.
 */
import type { DatasetSource, RatingScaleSpec } from '../dataset';
import { DEFAULT_LIMITS, checkByteLimit, runSteps, runStepsAsync, type AsyncImportControl, type ImportSteps } from './control';
import { RatingsParseError, inFile } from './errors';
import { importRatingsPairSteps, importRatingsSteps, type ImportResult, type RatingsImportOptions } from './importRatings';
import { RATING_SCALES } from './ratingScale';
import { sha256Hex } from './sha256';
import { attachTitles, parseGenreNames, parseTitlesSteps, type TitlesFormat } from './titles';

/** The files of an archive, read on demand (inflating only what is used). */
export interface ArchiveReader {
  /** Entry names of the files, as stored ("ml-100k/u.data"). */
  readonly names: readonly string[];
  /** Uncompressed size of an entry, from the archive's directory (checked against the limits before inflating). */
  size(name: string): number;
  /** The entry's bytes. */
  read(name: string): Uint8Array;
  /** The archive's own bytes, when at hand (its SHA-256 names the data set's source). */
  readonly raw?: Uint8Array;
}

export type MovieLensKind = 'ml-100k' | 'ml-1m' | 'ml-latest-small' | 'movielens-csv' | 'movielens-dat';

/** One way to open the archive: all its ratings, or one of its train/held-out splits. */
export interface ArchiveChoice {
  /** "all", or the split's name: "u1" … "u5", "ua", "ub". */
  id: string;
  /** For the panel: "All 100,000 ratings (u.data)", "Split 1: u1.base + u1.test (80 % / 20 %)". */
  label: string;
  ratings: string;
  test: string | null;
}

export interface ArchiveDescription {
  kind: MovieLensKind;
  /** "MovieLens 100K". */
  label: string;
  choices: ArchiveChoice[];
  /** The titles entry, or null. */
  titles: string | null;
  titlesFormat: TitlesFormat | null;
  /** `u.genre`, naming u.item's genre flags, or null. */
  genres: string | null;
  /** The scale MovieLens documents for this release. */
  scale: RatingScaleSpec;
}

/** A file's name without its folders. */
const baseName = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/** Entries a zip tool adds that are not part of the data (macOS resource forks, folders). */
const isJunk = (name: string) => name.startsWith('__MACOSX/') || baseName(name).startsWith('._') || name.endsWith('/');

const SPLIT_LABELS: Record<string, string> = {
  ua: 'Split a: ua.base + ua.test (10 ratings of each user held out)',
  ub: 'Split b: ub.base + ub.test (another 10 ratings of each user held out)',
};

function describe100k(find: (base: string) => string | null, data: string): ArchiveDescription {
  const choices: ArchiveChoice[] = [{ id: 'all', label: 'All ratings (u.data)', ratings: data, test: null }];
  for (const id of ['u1', 'u2', 'u3', 'u4', 'u5', 'ua', 'ub']) {
    const base = find(`${id}.base`);
    const test = find(`${id}.test`);
    if (!base || !test) continue;
    const label = SPLIT_LABELS[id] ?? `Split ${id.slice(1)} of 5: ${id}.base + ${id}.test (80 % train, 20 % held out)`;
    choices.push({ id, label, ratings: base, test });
  }
  const titles = find('u.item');
  return {
    kind: 'ml-100k',
    label: 'MovieLens 100K',
    choices,
    titles,
    titlesFormat: titles ? 'u.item' : null,
    genres: find('u.genre'),
    scale: { ...RATING_SCALES.stars },
  };
}

/**
 * Which MovieLens release an archive is, from its entry names, and the ways it can be
 * opened. Throws {@link RatingsParseError} naming what was expected when it is none.
 */
export function describeMovieLensArchive(names: readonly string[]): ArchiveDescription {
  const files = names.filter((n) => !isJunk(n));
  // The shallowest entry of that name (a zip of a folder has the folder as prefix; a re-zipped one may not).
  const find = (base: string) =>
    files.filter((n) => baseName(n) === base).sort((a, b) => a.split('/').length - b.split('/').length)[0] ?? null;
  const folder = (name: string) => name.split('/').slice(-2, -1)[0] ?? '';
  const uData = find('u.data');
  if (uData) return describe100k(find, uData);
  const ratingsDat = find('ratings.dat');
  if (ratingsDat) {
    const titles = find('movies.dat');
    const is1m = folder(ratingsDat) === 'ml-1m';
    return {
      kind: is1m ? 'ml-1m' : 'movielens-dat',
      label: is1m ? 'MovieLens 1M' : `MovieLens (${folder(ratingsDat) || 'ratings.dat'})`,
      choices: [{ id: 'all', label: 'All ratings (ratings.dat)', ratings: ratingsDat, test: null }],
      titles,
      titlesFormat: titles ? 'movies.dat' : null,
      genres: null,
      scale: is1m ? { ...RATING_SCALES.stars } : { ...RATING_SCALES.halfStars },
    };
  }
  const ratingsCsv = find('ratings.csv');
  if (ratingsCsv) {
    const titles = find('movies.csv');
    const small = folder(ratingsCsv) === 'ml-latest-small';
    return {
      kind: small ? 'ml-latest-small' : 'movielens-csv',
      label: small ? 'MovieLens latest small' : `MovieLens (${folder(ratingsCsv) || 'ratings.csv'})`,
      choices: [{ id: 'all', label: 'All ratings (ratings.csv)', ratings: ratingsCsv, test: null }],
      titles,
      titlesFormat: titles ? 'movies.csv' : null,
      genres: null,
      scale: { ...RATING_SCALES.halfStars },
    };
  }
  const listed = files.slice(0, 6).join(', ') + (files.length > 6 ? `, … (${files.length} files)` : '');
  throw new RatingsParseError(
    0,
    `This zip holds ${files.length === 0 ? 'no files' : listed}. MF Lab opens MovieLens archives as downloaded: ` +
      'ml-100k.zip (ml-100k/u.data, titles in u.item), ml-latest-small.zip (ratings.csv with movies.csv) ' +
      'or ml-1m.zip (ratings.dat with movies.dat). For other data, open the rating file itself.',
  );
}

export interface ArchiveOpenOptions extends Omit<RatingsImportOptions, 'fileName' | 'mapping' | 'delimiter' | 'header'> {
  /** The archive's file name ("ml-100k.zip"), for the data set's source. */
  fileName?: string;
}

function sourceOf(reader: ArchiveReader, fileName: string, entry: string): DatasetSource {
  const bytes = reader.raw ?? reader.read(entry);
  return { kind: 'file', fileName, bytes: bytes.length, sha256: sha256Hex(bytes) };
}

/** The steps of {@link openMovieLensArchive}. */
export function* openMovieLensArchiveSteps(
  reader: ArchiveReader,
  choiceId = 'all',
  options: ArchiveOpenOptions = {},
): ImportSteps<ImportResult> {
  const info = describeMovieLensArchive(reader.names);
  const choice = info.choices.find((c) => c.id === choiceId);
  if (!choice) {
    throw new RangeError(`This archive has no choice "${choiceId}"; it has ${info.choices.map((c) => c.id).join(', ')}.`);
  }
  const limits = options.limits ?? DEFAULT_LIMITS;
  for (const entry of [choice.ratings, choice.test]) {
    if (entry) checkByteLimit(reader.size(entry), limits, baseName(entry));
  }
  const fileName = options.fileName ?? `${info.kind}.zip`;
  const base = {
    ...options,
    name: options.name ?? (choice.test ? `${info.label} (${baseName(choice.ratings)} + ${baseName(choice.test)})` : info.label),
    scale: options.scale ?? info.scale,
    source: options.source ?? sourceOf(reader, fileName, choice.ratings),
    fileName: choice.ratings,
  };
  let result = choice.test
    ? yield* importRatingsPairSteps(reader.read(choice.ratings), reader.read(choice.test), { ...base, testFileName: choice.test })
    : yield* wrap(importRatingsSteps(reader.read(choice.ratings), base), choice.ratings);
  if (info.titles) {
    const genreNames = info.genres ? wrapSync(() => parseGenreNames(reader.read(info.genres!)), info.genres) : undefined;
    const titles = yield* wrap(
      parseTitlesSteps(reader.read(info.titles), { format: info.titlesFormat ?? undefined, genreNames }),
      info.titles,
    );
    result = { ...result, dataset: attachTitles(result.dataset, titles).dataset };
  }
  return result;
}

/** Runs steps, attributing a refusal to the archive member it came from. */
function* wrap<T>(steps: ImportSteps<T>, file: string): ImportSteps<T> {
  try {
    return yield* steps;
  } catch (error) {
    throw inFile(error, file);
  }
}

function wrapSync<T>(read: () => T, file: string): T {
  try {
    return read();
  } catch (error) {
    throw inFile(error, file);
  }
}

/**
 * Opens a MovieLens archive: the chosen ratings (all, or a split's `.base` as training data
 * and its `.test` as `dataset.test`), on the release's documented scale, with titles and
 * genres attached. Refusals name the member and line ("ml-100k/u.data: Line 7: …").
 */
export function openMovieLensArchive(reader: ArchiveReader, choiceId = 'all', options: ArchiveOpenOptions = {}): ImportResult {
  return runSteps(openMovieLensArchiveSteps(reader, choiceId, options), options);
}

/** {@link openMovieLensArchive}, pausing between steps so a worker can receive a cancel message. */
export function openMovieLensArchiveAsync(
  reader: ArchiveReader,
  choiceId: string,
  options: ArchiveOpenOptions & AsyncImportControl,
): Promise<ImportResult> {
  return runStepsAsync(openMovieLensArchiveSteps(reader, choiceId, options), options);
}
