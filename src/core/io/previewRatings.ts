/**
 * A first look at a rating file before it is imported: its separator, header, first rows
 * split into columns, a guessed column mapping and a guessed scale. Cheap on any size: only
 * the first 256 kB are decoded and read; the row count is estimated from the line ends.
 */
import type { ColumnMapping } from './columnMapping';
import { DEFAULT_LIMITS, checkByteLimit, type ImportLimits } from './control';
import { decodeText, textOf, type TextEncodingName } from './decodeText';
import { FieldSplitter, LineReader, countNewlines, isNumberText, type Delimiter } from './delimited';
import { addToScaleStats, detectScale, emptyScaleStats, type ScaleGuess } from './ratingScale';
import { detectLayout, parseIsoSeconds, type TableLayout } from './ratingsTable';

export interface PreviewRow {
  /** 1-based line in the file. */
  line: number;
  /** The fields, unquoted; empty when the line could not be split (see `problem`). */
  fields: string[];
  /** Why this line would be refused, or null. */
  problem: string | null;
}

export interface RatingsPreview {
  encoding: TextEncodingName;
  /** Separator, header, column count and the mapping (guessed unless one was given). */
  layout: TableLayout;
  /** The first rows after the header. */
  rows: PreviewRow[];
  /** The scale guessed from the sampled rows' values under the mapping (the import detects it from all rows). */
  scale: ScaleGuess;
  /** Rows the scale guess looked at. */
  sampledRows: number;
  /** Rows in the whole file, estimated from its line ends. */
  estimatedRows: number;
  /** Size of the input (bytes, or characters for text). */
  size: number;
}

export interface PreviewOptions {
  delimiter?: Delimiter;
  header?: boolean;
  mapping?: ColumnMapping;
  /** Rows to return (default 20). */
  rows?: number;
  encoding?: TextEncodingName | 'auto';
  limits?: ImportLimits;
}

const PREFIX_BYTES = 256 * 1024;
const SAMPLE_ROWS = 1000;

/** Decodes at most the first 256 kB, cut at a line end (a "\n" byte never sits inside a UTF-8 character). */
function prefixText(
  input: string | Uint8Array,
  encoding: TextEncodingName | 'auto',
): { text: string; encoding: TextEncodingName } {
  if (typeof input === 'string') {
    const cut = input.length > PREFIX_BYTES ? input.lastIndexOf('\n', PREFIX_BYTES) : -1;
    return textOf(cut > 0 ? input.slice(0, cut + 1) : input.slice(0, PREFIX_BYTES));
  }
  const utf16 = input.length >= 2 && (input[0] === 0xff || input[0] === 0xfe) && (input[1] === 0xfe || input[1] === 0xff);
  if (input.length <= PREFIX_BYTES || utf16) return decodeText(input, encoding);
  const cut = input.lastIndexOf(10, PREFIX_BYTES);
  return decodeText(input.subarray(0, cut > 0 ? cut + 1 : PREFIX_BYTES), encoding);
}

function estimateRows(input: string | Uint8Array, header: boolean): number {
  let lines = 0;
  if (typeof input === 'string') lines = countNewlines(input);
  else for (let p = input.indexOf(10); p >= 0; p = input.indexOf(10, p + 1)) lines++;
  const last =
    input.length > 0 && (typeof input === 'string' ? input.charCodeAt(input.length - 1) : input[input.length - 1]) !== 10;
  return Math.max(0, lines + (last ? 1 : 0) - (header ? 1 : 0));
}

/**
 * Splits the first rows of a file and guesses how to read it. Throws
 * {@link RatingsParseError} only when nothing can be shown (a binary file, a file over the
 * size limit, no data lines); a bad row among the first ones is returned with its problem.
 */
export function previewRatings(input: string | Uint8Array, options: PreviewOptions = {}): RatingsPreview {
  checkByteLimit(input.length, options.limits ?? DEFAULT_LIMITS);
  const { text, encoding } = prefixText(input, options.encoding ?? 'auto');
  const layout = detectLayout(text, options);
  const { mapping, columns } = layout;
  const reader = new LineReader(text);
  const splitter = new FieldSplitter(text, layout.delimiter);
  if (layout.header) reader.next();
  const rows: PreviewRow[] = [];
  const stats = emptyScaleStats();
  const wanted = options.rows ?? 20;
  let sampled = 0;
  while (sampled < SAMPLE_ROWS && reader.next()) {
    sampled++;
    const ok = splitter.split(reader.start, reader.end);
    const fields = ok ? splitter.fields() : [];
    let problem = ok ? null : splitter.error;
    if (ok && (fields.length < columns || fields.length > columns)) {
      problem = `expected ${columns} fields, found ${fields.length}.`;
    }
    if (ok && problem === null) problem = rowProblem(fields, mapping);
    if (ok && problem === null && mapping.value !== null) addToScaleStats(stats, Number(fields[mapping.value]));
    if (rows.length < wanted) rows.push({ line: reader.line, fields, problem });
  }
  if (mapping.value === null && stats.count === 0) addToScaleStats(stats, 1);
  return {
    encoding,
    layout,
    rows,
    scale: detectScale(stats, mapping.valueKind),
    sampledRows: sampled,
    estimatedRows: estimateRows(input, layout.header !== null),
    size: input.length,
  };
}

/** What the import would refuse in a row under a mapping, or null. */
function rowProblem(fields: readonly string[], mapping: ColumnMapping): string | null {
  if (fields[mapping.user] === '') return 'the user field is empty.';
  if (fields[mapping.item] === '') return 'the item field is empty.';
  if (mapping.value !== null) {
    const v = fields[mapping.value] ?? '';
    if (!isNumberText(v)) return `the ${mapping.valueKind === 'explicit' ? 'rating' : 'count'} "${v}" is not a number.`;
  }
  if (mapping.timestamp !== null) {
    const t = fields[mapping.timestamp] ?? '';
    if (!isNumberText(t) && !Number.isFinite(parseIsoSeconds(t)))
      return `the timestamp "${t}" is neither Unix seconds nor a date.`;
  }
  return null;
}
