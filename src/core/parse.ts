import { ratingsFromTriples, type Ratings, type Triple } from './ratings';

/**
 * Rating files: one `user item rating [timestamp]` row per line, separated by commas,
 * tabs, `::` or spaces, with or without a header. MovieLens `u.data` (tabs, no header),
 * `ratings.csv` (commas, header) and `ratings.dat` (`::`) all load.
 */

export type Delimiter = ',' | '\t' | '::' | ' ';

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

/** A malformed rating file: names the line and what is wrong with it. */
export class RatingsParseError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(line > 0 ? `Line ${line}: ${detail}` : detail);
    this.name = 'RatingsParseError';
  }
}

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'commas', '\t': 'tabs', '::': '"::"', ' ': 'spaces' };

function detectDelimiter(line: string): Delimiter {
  if (line.includes('\t')) return '\t';
  if (line.includes('::')) return '::';
  if (line.includes(',')) return ',';
  return ' ';
}

function splitLine(line: string, delimiter: Delimiter): string[] {
  if (delimiter === ' ') return line.trim().split(/\s+/);
  return line.split(delimiter).map((f) => f.trim());
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a rating file's text; throws {@link RatingsParseError} naming the first bad line. */
export function parseRatingsText(text: string): ParsedRatings {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (first < 0) throw new RatingsParseError(0, 'The file has no rating rows: expected lines of the form "user, item, rating".');
  const delimiter = detectDelimiter(lines[first]!);
  const firstFields = splitLine(lines[first]!, delimiter);
  const header = firstFields.length >= 3 && !NUMBER.test(firstFields[2]!) ? firstFields : null;
  const rows: RatingRow[] = [];
  const seen = new Map<string, number>();
  for (let l = header ? first + 1 : first; l < lines.length; l++) {
    const raw = lines[l]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const line = l + 1;
    const fields = splitLine(raw, delimiter);
    if (fields.length < 3 || fields.length > 4) {
      throw new RatingsParseError(
        line,
        `expected 3 or 4 fields (user, item, rating[, timestamp]) separated by ${DELIMITER_NAMES[delimiter]}, found ${fields.length}: "${raw.trim().slice(0, 60)}".`,
      );
    }
    const [user, item, rating, timestamp] = fields as [string, string, string, string | undefined];
    if (user === '') throw new RatingsParseError(line, 'the user field is empty.');
    if (item === '') throw new RatingsParseError(line, 'the item field is empty.');
    if (!NUMBER.test(rating)) throw new RatingsParseError(line, `the rating "${rating}" is not a number.`);
    const value = Number(rating);
    if (!Number.isFinite(value)) throw new RatingsParseError(line, `the rating "${rating}" is too large.`);
    const key = `${user}\u0000${item}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new RatingsParseError(
        line,
        `user "${user}" rated item "${item}" again (first on line ${earlier}); each pair may appear once.`,
      );
    }
    seen.set(key, line);
    rows.push({ user, item, value, timestamp: timestamp ?? null, line });
  }
  if (rows.length === 0) throw new RatingsParseError(0, 'The file has a header but no rating rows.');
  return { rows, delimiter, header };
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
 * appearance (users keep their order when each has a rating).
 */
export function serializeRatings(R: Ratings, delimiter: Delimiter = ',', header = true): string {
  const sep = delimiter;
  for (const id of [...R.userIds, ...R.itemIds]) {
    // A label must not hold a separator, start a comment line, or run into a "::" separator.
    if (id === '' || /[\s,]|::/.test(id) || id.startsWith('#') || (sep === '::' && id.includes(':'))) {
      throw new RangeError(
        `The label "${id}" cannot be written to a rating file: it is empty, holds a separator, a space${sep === '::' ? ' or a colon' : ''}, or starts with "#".`,
      );
    }
  }
  const out: string[] = header ? [['user', 'item', 'rating'].join(sep)] : [];
  for (let i = 0; i < R.m; i++) {
    for (let q = R.userPtr[i]!; q < R.userPtr[i + 1]!; q++) {
      out.push([R.userIds[i], R.itemIds[R.userCol[q]!], String(R.userVal[q])].join(sep));
    }
  }
  return out.join('\n') + '\n';
}
