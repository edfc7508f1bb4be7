/**
 * Titles files: item id → title (and genres), in the formats the data sets ship them:
 * MovieLens 100K's `u.item` (pipe-separated, ISO-8859-1, genres as 19 0/1 flags named by
 * `u.genre`), `movies.csv` (ml-latest-small: CSV with quoted titles, genres `A|B`),
 * `movies.dat` (ML-1M, MovieTweetings: `id::Title (Year)::A|B`) and a plain `id,title[,genres]`
 * file for any data set. Titles are kept as plain strings (the views escape them).
 */
import type { Dataset } from '../dataset';
import { CHECK_EVERY_LINES, runSteps, type ImportControl, type ImportSteps } from './control';
import { textOf, type TextEncodingName } from './decodeText';
import {
  DELIMITER_NAMES,
  FieldSplitter,
  LineReader,
  detectDelimiter,
  firstDataLines,
  isNumberText,
  splitLine,
  type Delimiter,
} from './delimited';
import { RatingsParseError } from './errors';

export type TitlesFormat = 'u.item' | 'movies.csv' | 'movies.dat' | 'csv';

export interface TitlesTable {
  format: TitlesFormat;
  ids: string[];
  titles: string[];
  /** Genres of each id (possibly empty), or null when the file has none. */
  genres: string[][] | null;
}

/** MovieLens 100K's genre flags, in `u.genre`'s order. */
export const MOVIELENS_100K_GENRES = [
  'unknown',
  'Action',
  'Adventure',
  'Animation',
  "Children's",
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Fantasy',
  'Film-Noir',
  'Horror',
  'Musical',
  'Mystery',
  'Romance',
  'Sci-Fi',
  'Thriller',
  'War',
  'Western',
] as const;

export interface TitlesOptions extends ImportControl {
  /** The format; found from `fileName` or the content when omitted. */
  format?: TitlesFormat;
  fileName?: string;
  /** Genre names of `u.item`'s flags (from {@link parseGenreNames}); MovieLens 100K's by default. */
  genreNames?: readonly string[];
  encoding?: TextEncodingName | 'auto';
}

/** `u.genre`: `name|index` lines, to the names in index order. */
export function parseGenreNames(input: string | Uint8Array): string[] {
  const { text } = textOf(input);
  const names: string[] = [];
  const reader = new LineReader(text);
  const splitter = new FieldSplitter(text, '|', false);
  while (reader.next()) {
    splitter.split(reader.start, reader.end);
    const index = splitter.count === 2 ? splitter.number(1) : NaN;
    if (!Number.isInteger(index) || index < 0 || index > 1000 || splitter.isEmpty(0)) {
      throw new RatingsParseError(reader.line, `expected "genre name|index", found "${reader.excerpt()}".`);
    }
    names[index] = splitter.field(0);
  }
  return Array.from(names, (name, k) => name ?? `genre ${k}`);
}

/** The format from a file name, else from the first line's shape. */
export function detectTitlesFormat(text: string, fileName?: string): TitlesFormat {
  const base = (fileName ?? '').split('/').pop()!.toLowerCase();
  if (base === 'u.item') return 'u.item';
  if (base === 'movies.dat') return 'movies.dat';
  if (base === 'movies.csv') return 'movies.csv';
  const first = firstDataLines(text, 1)[0];
  if (!first) return 'csv';
  const line = text.slice(first.start, first.end);
  if (line.includes('::')) return 'movies.dat';
  if (line.split('|').length === 24) return 'u.item';
  if (/^\s*movieId\s*,\s*title\s*,\s*genres\s*$/i.test(line)) return 'movies.csv';
  return 'csv';
}

interface FormatSpec {
  delimiter: Delimiter;
  quotes: boolean;
  /** Column of the id, the title, and the genres (null: none; 'flags': u.item's 19 flags from column 5). */
  title: number;
  genres: number | 'flags' | null;
  genreSeparator: string;
  header: boolean;
}

function specOf(format: TitlesFormat, text: string): FormatSpec {
  switch (format) {
    case 'u.item':
      return { delimiter: '|', quotes: false, title: 1, genres: 'flags', genreSeparator: '|', header: false };
    case 'movies.dat':
      return { delimiter: '::', quotes: false, title: 1, genres: 2, genreSeparator: '|', header: false };
    case 'movies.csv':
      return { delimiter: ',', quotes: true, title: 1, genres: 2, genreSeparator: '|', header: true };
    case 'csv': {
      const sample = firstDataLines(text, 6);
      const delimiter = detectDelimiter(text, sample);
      const first = sample[0] ? (splitLine(text, sample[0], delimiter) ?? []) : [];
      const second = sample[1] ? splitLine(text, sample[1], delimiter) : null;
      // A header names its columns: "id,title" above "1,Toy Story" (the id column turns numeric), or known names.
      const header =
        (second !== null && !isNumberText(first[0] ?? '') && isNumberText(second[0] ?? '')) ||
        /^(id|item|itemid|item_id|movieid|movie_id|movie)$/i.test((first[0] ?? '').trim());
      return { delimiter, quotes: true, title: 1, genres: first.length >= 3 ? 2 : null, genreSeparator: '|', header };
    }
  }
}

const NO_GENRES = '(no genres listed)';

/** The steps of {@link parseTitles}. */
export function* parseTitlesSteps(input: string | Uint8Array, options: TitlesOptions = {}): ImportSteps<TitlesTable> {
  const { text } = textOf(input, options.encoding);
  const format = options.format ?? detectTitlesFormat(text, options.fileName);
  const spec = specOf(format, text);
  const genreNames = options.genreNames ?? MOVIELENS_100K_GENRES;
  const reader = new LineReader(text);
  const splitter = new FieldSplitter(text, spec.delimiter, spec.quotes);
  const ids: string[] = [];
  const titles: string[] = [];
  const genres: string[][] | null = spec.genres === null ? null : [];
  const seen = new Map<string, number>();
  const needed = spec.genres === 'flags' ? 5 + genreNames.length : spec.title + 1;
  if (spec.header) reader.next();
  while (reader.next()) {
    const line = reader.line;
    if (!splitter.split(reader.start, reader.end)) throw new RatingsParseError(line, splitter.error);
    if (splitter.count < needed) {
      throw new RatingsParseError(
        line,
        `expected ${needed} fields separated by ${DELIMITER_NAMES[spec.delimiter]} (${format}: id, title${spec.genres === null ? '' : ', genres'}), found ${splitter.count}: "${reader.excerpt()}".`,
      );
    }
    if (splitter.isEmpty(0)) throw new RatingsParseError(line, 'the id field is empty.');
    const id = splitter.field(0);
    const earlier = seen.get(id);
    if (earlier !== undefined) throw new RatingsParseError(line, `item "${id}" already has a title (line ${earlier}).`);
    seen.set(id, line);
    ids.push(id);
    titles.push(splitter.field(spec.title));
    if (genres && spec.genres === 'flags') {
      const list: string[] = [];
      for (let g = 0; g < genreNames.length; g++) {
        const flag = splitter.number(5 + g);
        if (flag !== 0 && flag !== 1) {
          throw new RatingsParseError(line, `genre flag ${g + 1} (${genreNames[g]}) is "${splitter.field(5 + g)}", not 0 or 1.`);
        }
        if (flag === 1) list.push(genreNames[g]!);
      }
      genres.push(list);
    } else if (genres && typeof spec.genres === 'number') {
      const field = spec.genres < splitter.count ? splitter.field(spec.genres).trim() : '';
      genres.push(field === '' || field === NO_GENRES ? [] : field.split(spec.genreSeparator).map((g) => g.trim()));
    }
    if (ids.length % CHECK_EVERY_LINES === 0) yield { phase: 'titles', done: reader.pos, total: text.length };
  }
  if (ids.length === 0) throw new RatingsParseError(0, `The titles file has no titles (expected ${format} lines).`);
  return { format, ids, titles, genres };
}

/**
 * Reads a titles file. Refuses (with the line) a row without an id or title, a repeated id,
 * or a `u.item` genre flag that is not 0 or 1.
 */
export function parseTitles(input: string | Uint8Array, options: TitlesOptions = {}): TitlesTable {
  return runSteps(parseTitlesSteps(input, options), options);
}

export interface AttachedTitles {
  dataset: Dataset;
  /** Items of the data set that got a title. */
  matched: number;
  /** Items without one (their title stays null). */
  missing: number;
  /** Titles whose id is not an item of the data set (ignored). */
  unused: number;
}

/** The data set with titles (and genres, when the file has them) by item id. R is unchanged. */
export function attachTitles(dataset: Dataset, table: TitlesTable): AttachedTitles {
  const byId = new Map<string, number>(table.ids.map((id, k) => [id, k]));
  const itemIds = dataset.ratings.itemIds;
  let matched = 0;
  const itemTitles = itemIds.map((id) => {
    const k = byId.get(id);
    if (k === undefined) return null;
    matched++;
    return table.titles[k]!;
  });
  const itemGenres = table.genres ? itemIds.map((id) => [...(table.genres![byId.get(id) ?? -1] ?? [])]) : dataset.itemGenres;
  return {
    dataset: { ...dataset, itemTitles, itemGenres },
    matched,
    missing: itemIds.length - matched,
    unused: table.ids.length - matched,
  };
}
