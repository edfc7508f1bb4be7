import { exportRatingsText } from './io/exportText';
import { DELIMITER_NAMES, FieldSplitter, LineReader, NUMBER_TEXT, type Delimiter } from './io/delimited';
import { textOf } from './io/decodeText';
import { RatingsParseError } from './io/errors';
import { detectShape } from './io/ratingsTable';
import { ratingsFromTriples, type Ratings, type Triple } from './ratings';

/**
 * Rating files as the command line reads them: one `user item rating [timestamp]` row per
 * line, separated by commas, tabs, `::`, semicolons, "|" or spaces, with or without a header,
 * fields optionally quoted (`"Smith, J",Heat,5`). MovieLens `u.data` (tabs, no header),
 * `ratings.csv` (commas, header) and `ratings.dat` (`::`) all load.
 *
 * This is the simple, row-object reader. The app's importer (`importRatings` in `./io`)
 * reads the same files into typed arrays without an object per row, with column mapping,
 * scales, repeated-pair policies, limits, progress and cancellation.
 */

export { RatingsParseError };
export type { Delimiter };

export interface RatingRow {
  user: string;
  item: string;
  value: number;
  timestamp: string | null;
  /** 1-based line number in the file. */
  line: number;
}

export interface ParsedRatings {
  rows: RatingRow[];
  delimiter: Delimiter;
  header: string[] | null;
}

/** Parses a rating file's text; throws {@link RatingsParseError} naming the first bad line. */
export function parseRatingsText(input: string): ParsedRatings {
  const { text } = textOf(input);
  const shape = detectShape(text);
  const { delimiter } = shape;
  const reader = new LineReader(text);
  const splitter = new FieldSplitter(text, delimiter);
  if (shape.hasHeader) reader.next();
  const rows: RatingRow[] = [];
  const seen = new Map<string, number>();
  while (reader.next()) {
    const line = reader.line;
    if (!splitter.split(reader.start, reader.end)) throw new RatingsParseError(line, splitter.error);
    if (splitter.count < 3 || splitter.count > 4) {
      throw new RatingsParseError(
        line,
        `expected 3 or 4 fields (user, item, rating[, timestamp]) separated by ${DELIMITER_NAMES[delimiter]}, found ${splitter.count}: "${reader.excerpt()}".`,
      );
    }
    if (splitter.isEmpty(0)) throw new RatingsParseError(line, 'the user field is empty.');
    if (splitter.isEmpty(1)) throw new RatingsParseError(line, 'the item field is empty.');
    const [user, item, rating] = [splitter.field(0), splitter.field(1), splitter.field(2)];
    if (!NUMBER_TEXT.test(rating)) throw new RatingsParseError(line, `the rating "${rating.slice(0, 40)}" is not a number.`);
    const value = Number(rating);
    if (!Number.isFinite(value)) throw new RatingsParseError(line, `the rating "${rating.slice(0, 40)}" is too large.`);
    const key = `${user}\u0000${item}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new RatingsParseError(
        line,
        `user "${user}" rated item "${item}" again (first on line ${earlier}); each pair may appear once.`,
      );
    }
    seen.set(key, line);
    rows.push({ user, item, value, timestamp: splitter.count === 4 ? splitter.field(3) : null, line });
  }
  if (rows.length === 0) throw new RatingsParseError(0, 'The file has a header but no rating rows.');
  return { rows, delimiter, header: shape.hasHeader ? shape.first : null };
}

export interface IdOrder {
  userIds?: readonly string[];
  itemIds?: readonly string[];
}

/** Builds R from parsed rows; users and items are numbered in order of first appearance. */
export function ratingsFromRows(rows: readonly RatingRow[], order: IdOrder = {}): Ratings {
  const users = new Map<string, number>((order.userIds ?? []).map((id, i) => [id, i]));
  const items = new Map<string, number>((order.itemIds ?? []).map((id, j) => [id, j]));
  const triples: Triple[] = [];
  for (const row of rows) {
    let user = users.get(row.user);
    if (user === undefined) users.set(row.user, (user = users.size));
    let item = items.get(row.item);
    if (item === undefined) items.set(row.item, (item = items.size));
    triples.push({ user, item, value: row.value });
  }
  return ratingsFromTriples(users.size, items.size, triples, [...users.keys()], [...items.keys()]);
}

export function parseRatings(text: string): Ratings {
  return ratingsFromRows(parseRatingsText(text).rows);
}

/**
 * Held-out rows aligned to a training matrix: rows whose user or item the training data
 * does not know are skipped (a factor model has no vector for them) and counted.
 */
export function alignRows(train: Ratings, rows: readonly RatingRow[]): { test: Ratings; skipped: number } {
  const users = new Map(train.userIds.map((id, i) => [id, i]));
  const items = new Map(train.itemIds.map((id, j) => [id, j]));
  const triples: Triple[] = [];
  let skipped = 0;
  for (const row of rows) {
    const user = users.get(row.user);
    const item = items.get(row.item);
    if (user === undefined || item === undefined) skipped++;
    else triples.push({ user, item, value: row.value });
  }
  return { test: ratingsFromTriples(train.m, train.n, triples, train.userIds, train.itemIds), skipped };
}

/**
 * Writes R's known entries as a rating file that {@link parseRatings} reads back to the same
 * ratings: the same labels and entries, though items are numbered in order of first
 * appearance (users keep their order when each has a rating). Labels that hold the
 * separator, a quote, blanks at an end or a leading "#" are quoted; an empty label or one
 * with a line break cannot be written (RangeError).
 */
export function serializeRatings(R: Ratings, delimiter: Delimiter = ',', header = true): string {
  return exportRatingsText(R, { delimiter, header });
}
