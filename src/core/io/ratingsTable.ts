/**
 * A rating file read into columns: one typed-array slot per row (user index, item index,
 * value, timestamp, line number), ids interned as they first appear. No object per row, so
 * ML-1M's million rows cost a few typed arrays and two maps of ids.
 */
import { assertMapping, columnsNeeded, guessMapping, namesRatingColumns, type ColumnMapping } from './columnMapping';
import { CHECK_EVERY_LINES, DEFAULT_LIMITS, checkRatingsLimit, type ImportLimits, type ImportSteps } from './control';
import {
  DELIMITER_NAMES,
  FieldSplitter,
  LineReader,
  countDataLines,
  countNewlines,
  detectDelimiter,
  detectHeader,
  firstDataLines,
  splitLine,
  type Delimiter,
  type LineSpan,
} from './delimited';
import { RatingsParseError } from './errors';
import { IdInterner } from './idInterner';
import { addToScaleStats, emptyScaleStats, type ScaleStats } from './ratingScale';

/** How a file is laid out: found by {@link detectLayout}, or overridden by the person. */
export interface TableLayout {
  delimiter: Delimiter;
  /** The header's names, or null when the first data line is already a rating. */
  header: string[] | null;
  /** Number of columns (the header's or the first row's). */
  columns: number;
  mapping: ColumnMapping;
  /** 1-based line of the first data row (after the header). */
  firstRowLine: number;
}

export interface LayoutOptions {
  delimiter?: Delimiter;
  /** Whether the first data line is a header (detected when omitted). */
  header?: boolean;
  mapping?: ColumnMapping;
}

/** The rows of a file, column by column. Row r: users[r], items[r], values[r], timestamps?.[r], lines[r]. */
export interface RatingsTable {
  count: number;
  userIds: string[];
  itemIds: string[];
  users: Int32Array;
  items: Int32Array;
  values: Float64Array;
  timestamps: Float64Array | null;
  /** 1-based line of each row, for messages about duplicates and values off the scale. */
  lines: Int32Array;
  stats: ScaleStats;
  layout: TableLayout;
  /** Rows skipped because their user or item was not known (only with {@link TableOptions.known}). */
  skipped: number;
}

export interface TableOptions extends LayoutOptions {
  limits?: ImportLimits;
  /**
   * Ids already numbered (a training set's): rows naming another user or item are skipped and
   * counted instead of adding one (a held-out file aligned to its training file).
   */
  known?: { userIds: readonly string[]; itemIds: readonly string[] };
}

const NO_ROWS = 'The file has no rating rows: expected lines of the form "user, item, rating".';

/** A file's separator and header, from its first data lines. */
export interface FileShape {
  delimiter: Delimiter;
  /** The first data line split, and the second (null when there is none). */
  first: string[];
  second: string[] | null;
  hasHeader: boolean;
  sample: LineSpan[];
}

/** Finds the separator and whether there is a header (cheap: reads at most six lines). */
export function detectShape(text: string, options: LayoutOptions = {}): FileShape {
  const sample = firstDataLines(text, 6);
  if (sample.length === 0) throw new RatingsParseError(0, NO_ROWS);
  const delimiter = options.delimiter ?? detectDelimiter(text, sample);
  const splitter = new FieldSplitter(text, delimiter);
  if (!splitter.split(sample[0]!.start, sample[0]!.end)) throw new RatingsParseError(sample[0]!.line, splitter.error);
  const first = splitter.fields();
  const second = sample[1] ? splitLine(text, sample[1], delimiter) : null;
  const hasHeader = options.header ?? detectHeader(first, second, namesRatingColumns);
  return { delimiter, first, second, hasHeader, sample };
}

/** Finds the separator, the header, the columns and (unless given) the mapping. */
export function detectLayout(text: string, options: LayoutOptions = {}): TableLayout {
  const { delimiter, first, second, hasHeader, sample } = detectShape(text, options);
  const header = hasHeader ? first : null;
  const row = hasHeader ? second : first;
  const columns = Math.max(first.length, row?.length ?? 0);
  const mapping = options.mapping ?? guessMapping(header, columns);
  const firstRowLine = (hasHeader ? sample[1]?.line : sample[0]!.line) ?? 0;
  if (columnsNeeded(mapping) > columns) {
    throw new RatingsParseError(
      firstRowLine,
      `the column mapping reads column ${columnsNeeded(mapping)}, but the rows have ${columns} field${columns === 1 ? '' : 's'} separated by ${DELIMITER_NAMES[delimiter]}.`,
    );
  }
  assertMapping(mapping, columns);
  return { delimiter, header, columns, mapping, firstRowLine };
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Unix seconds of an ISO-8601 date or date-time; a time without an offset is read as UTC (the same everywhere). */
export function parseIsoSeconds(s: string): number {
  const match = ISO_DATE.exec(s);
  if (!match) return NaN;
  const iso = match[2] ? `${match[1]}T${match[2]}${match[3] ?? 'Z'}` : match[1]!;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 1000 : NaN;
}

function roleNames(layout: TableLayout): string {
  const names = new Array<string>(layout.columns).fill('unused');
  const { mapping } = layout;
  names[mapping.user] = 'user';
  names[mapping.item] = 'item';
  if (mapping.value !== null) names[mapping.value] = mapping.valueKind === 'explicit' ? 'rating' : 'count';
  if (mapping.timestamp !== null) names[mapping.timestamp] = 'timestamp';
  return names.join(', ');
}

/** A row's rating or count: a finite number, and for counts not negative. */
function readValue(splitter: FieldSplitter, column: number, what: 'rating' | 'count', line: number): number {
  const value = splitter.number(column);
  if (Number.isNaN(value))
    throw new RatingsParseError(line, `the ${what} "${splitter.field(column).slice(0, 40)}" is not a number.`);
  if (!Number.isFinite(value))
    throw new RatingsParseError(line, `the ${what} "${splitter.field(column).slice(0, 40)}" is too large.`);
  if (what === 'count' && value < 0)
    throw new RatingsParseError(line, `the count ${value} is negative; counts and plays are 0 or more.`);
  return value;
}

/** A row's time in Unix seconds: a number, or an ISO date. */
function readTime(splitter: FieldSplitter, column: number, line: number): number {
  let time = splitter.number(column);
  if (Number.isNaN(time)) time = parseIsoSeconds(splitter.field(column));
  if (!Number.isFinite(time)) {
    throw new RatingsParseError(
      line,
      `the timestamp "${splitter.field(column).slice(0, 40)}" is neither Unix seconds nor a date like 2013-04-01 or 2013-04-01T10:00:00Z.`,
    );
  }
  return time;
}

/**
 * Reads every row of a rating file into a {@link RatingsTable}, yielding progress (in
 * characters) every {@link CHECK_EVERY_LINES} rows. Refuses, with the line: a row with too
 * few or too many fields, an empty user or item, a value that is not a finite number, a
 * negative count, a timestamp that is neither Unix seconds nor an ISO date; and a file with
 * more rows than the limit, before reading any (counting lines is cheap).
 */
export function* scanRatingsTable(text: string, options: TableOptions = {}): ImportSteps<RatingsTable> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const estimate = countNewlines(text) + 1;
  if (estimate > limits.maxRatings + 1) checkRatingsLimit(countDataLines(text) - 1, limits);
  const layout = detectLayout(text, options);
  const { mapping, columns, delimiter } = layout;
  const needed = columnsNeeded(mapping);
  const capacity = Math.min(estimate, limits.maxRatings + 1);
  const users = new Int32Array(capacity);
  const items = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  const lines = new Int32Array(capacity);
  const timestamps = mapping.timestamp !== null ? new Float64Array(capacity) : null;
  const userIndex = new IdInterner(options.known?.userIds);
  const itemIndex = new IdInterner(options.known?.itemIds);
  const frozen = options.known !== undefined;
  const stats = emptyScaleStats();
  const what = mapping.valueKind === 'explicit' ? 'rating' : 'count';
  const reader = new LineReader(text);
  const splitter = new FieldSplitter(text, delimiter);
  if (layout.header) reader.next();
  let count = 0;
  let skipped = 0;
  let read = 0;
  while (reader.next()) {
    const line = reader.line;
    if (++read % CHECK_EVERY_LINES === 0) yield { phase: 'parsing', done: reader.pos, total: text.length };
    if (!splitter.split(reader.start, reader.end)) throw new RatingsParseError(line, splitter.error);
    const n = splitter.count;
    if (n < needed || n > columns) {
      throw new RatingsParseError(
        line,
        `expected ${columns} fields (${roleNames(layout)}) separated by ${DELIMITER_NAMES[delimiter]}, found ${n}: "${reader.excerpt()}".`,
      );
    }
    if (splitter.isEmpty(mapping.user)) throw new RatingsParseError(line, 'the user field is empty.');
    if (splitter.isEmpty(mapping.item)) throw new RatingsParseError(line, 'the item field is empty.');
    const value = mapping.value === null ? 1 : readValue(splitter, mapping.value, what, line);
    const time = mapping.timestamp === null ? 0 : readTime(splitter, mapping.timestamp, line);
    const user = userIndex.indexOf(splitter, mapping.user, frozen);
    const item = itemIndex.indexOf(splitter, mapping.item, frozen);
    if (user < 0 || item < 0) {
      skipped++;
      continue;
    }
    if (count >= limits.maxRatings) checkRatingsLimit(count + 1, limits);
    users[count] = user;
    items[count] = item;
    values[count] = value;
    lines[count] = line;
    if (timestamps) timestamps[count] = time;
    addToScaleStats(stats, value);
    count++;
  }
  if (count === 0 && skipped === 0) {
    throw new RatingsParseError(0, layout.header ? 'The file has a header but no rating rows.' : NO_ROWS);
  }
  return {
    count,
    userIds: userIndex.ids,
    itemIds: itemIndex.ids,
    users,
    items,
    values,
    timestamps,
    lines,
    stats,
    layout,
    skipped,
  };
}

/**
 * Renumbers a table's users and items (in place: its index arrays are rewritten) in natural order of their ids (numbers by value —
 * so MovieLens user "1" is row 0 — then other ids by their characters) instead of order of
 * first appearance, which in most files is arbitrary.
 */
export function sortTableIds(table: RatingsTable): RatingsTable {
  const remap = (ids: string[], index: Int32Array) => {
    const order = naturalOrder(ids);
    const newOf = new Int32Array(ids.length);
    order.forEach((old, k) => (newOf[old] = k));
    for (let r = 0; r < table.count; r++) index[r] = newOf[index[r]!]!;
    return order.map((old) => ids[old]!);
  };
  return { ...table, userIds: remap(table.userIds, table.users), itemIds: remap(table.itemIds, table.items) };
}

const DIGITS = /^\d+$/;

/** Indices of `ids` in natural order: whole numbers by value first, then everything else by code units. */
export function naturalOrder(ids: readonly string[]): number[] {
  const key = ids.map((id) => (DIGITS.test(id) ? id.replace(/^0+(?=\d)/, '') : null));
  return ids
    .map((_, k) => k)
    .sort((a, b) => {
      const ka = key[a] ?? null;
      const kb = key[b] ?? null;
      if (ka !== null && kb !== null) {
        if (ka.length !== kb.length) return ka.length - kb.length;
        if (ka !== kb) return ka < kb ? -1 : 1;
      } else if (ka !== null || kb !== null) {
        return ka !== null ? -1 : 1;
      }
      const x = ids[a]!;
      const y = ids[b]!;
      return x < y ? -1 : x > y ? 1 : 0;
    });
}
