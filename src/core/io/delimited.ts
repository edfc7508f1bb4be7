/**
 * Delimited text, read fast: lines and fields as offsets into one string, so a million-line
 * file is split without a string per line. Fields may be quoted as in RFC 4180
 * (`"Smith, J",Heat,5`, with `""` for a quote inside); a quoted field cannot span lines
 * (rating and title files never need it, and it keeps line numbers honest).
 */

/** Field separators a rating or titles file may use. */
export type Delimiter = ',' | '\t' | '::' | ' ' | ';' | '|';

export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'commas',
  '\t': 'tabs',
  '::': '"::"',
  ' ': 'spaces',
  ';': 'semicolons',
  '|': '"|"',
};

/** Strict number syntax: no "NaN", "Infinity", hex or empty strings (which `Number()` would take). */
export const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const MAX_FIELDS = 4096;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The text with every line end as "\n" (CRLF stays as is: lines drop a trailing "\r" themselves). */
export function normalizeLineEnds(text: string): string {
  // A lone CR (old Mac files) would otherwise leave the whole file on one line.
  return text.includes('\r') && /\r(?!\n)/.test(text) ? text.replace(/\r\n?/g, '\n') : text;
}

/** End of the line starting at `pos`: the offset of its "\n", or the text's length. */
export function lineEndAt(text: string, pos: number): number {
  const e = text.indexOf('\n', pos);
  return e < 0 ? text.length : e;
}

/** The line's content end, without a trailing "\r". */
export function contentEnd(text: string, pos: number, end: number): number {
  return end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** True for a line with nothing but blanks, or whose first non-blank character is "#" (a comment). */
export function isSkippedLine(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === SPACE || c === TAB || c === 13 || c === 0xfeff) continue;
    return c === HASH;
  }
  return true;
}

/** Number of "\n" in the text: the line count, give or take the last line. */
export function countNewlines(text: string): number {
  let count = 0;
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) count++;
  return count;
}

/** Rows that are neither blank nor comments (a header, if any, included). */
export function countDataLines(text: string): number {
  let count = 0;
  for (let pos = 0; pos < text.length;) {
    const end = lineEndAt(text, pos);
    if (!isSkippedLine(text, pos, end)) count++;
    pos = end + 1;
  }
  return count;
}

/** A line of the file: its offsets and its 1-based number. */
export interface LineSpan {
  start: number;
  end: number;
  line: number;
}

/** The first `count` lines that hold data (not blank, not comments). */
export function firstDataLines(text: string, count: number): LineSpan[] {
  const out: LineSpan[] = [];
  let line = 0;
  for (let pos = 0; pos < text.length && out.length < count;) {
    const end = lineEndAt(text, pos);
    line++;
    if (!isSkippedLine(text, pos, end)) out.push({ start: pos, end: contentEnd(text, pos, end), line });
    pos = end + 1;
  }
  return out;
}

/**
 * Splits lines of one text into fields, reusing its buffers: after {@link split} returns
 * true, fields 0..count-1 are available as offsets ({@link field}, {@link number}).
 */
export class FieldSplitter {
  count = 0;
  /** Why the last {@link split} failed. */
  error = '';
  /** The last line ended in a separator (`a,b,3,`): that empty last field was dropped. */
  trailingDelimiter = false;
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  /** 0 plain, 1 quoted, 2 quoted with `""` escapes inside. */
  private quoted = new Uint8Array(16);
  private readonly space: boolean;
  private readonly first: number;
  private readonly double: boolean;

  /** With `quotes` false, a '"' is an ordinary character (MovieLens' `u.item` and `movies.dat` are not CSV). */
  constructor(
    readonly text: string,
    readonly delimiter: Delimiter,
    readonly quotes = true,
  ) {
    this.space = delimiter === ' ';
    this.first = delimiter.charCodeAt(0);
    this.double = delimiter.length === 2;
  }

  /** Blanks around a field: spaces, and tabs unless tabs separate the fields. */
  private blank(c: number): boolean {
    return c === SPACE || (c === TAB && this.delimiter !== '\t');
  }

  private atDelimiter(p: number, end: number): boolean {
    const c = this.text.charCodeAt(p);
    if (this.space) return c === SPACE || c === TAB;
    if (c !== this.first) return false;
    return !this.double || (p + 1 < end && this.text.charCodeAt(p + 1) === this.first);
  }

  private push(start: number, end: number, quoted: number): boolean {
    if (this.count === this.starts.length) {
      if (this.count >= MAX_FIELDS) {
        this.error = `the line has more than ${MAX_FIELDS} fields.`;
        return false;
      }
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
      this.starts = grow(this.starts, new Int32Array(this.count * 2));
      this.ends = grow(this.ends, new Int32Array(this.count * 2));
      this.quoted = grow(this.quoted, new Uint8Array(this.count * 2));
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.quoted[this.count] = quoted;
    this.count++;
    return true;
  }

  /** Splits text[start, end) (one line without its line end); false with {@link error} set when malformed. */
  split(start: number, end: number): boolean {
    const t = this.text;
    const step = this.delimiter.length;
    this.count = 0;
    this.trailingDelimiter = false;
    let pos = start;
    for (;;) {
      while (pos < end && this.blank(t.charCodeAt(pos))) pos++;
      if (this.space && pos >= end) return true;
      if (this.quotes && pos < end && t.charCodeAt(pos) === QUOTE) {
        let p = pos + 1;
        let escaped = false;
        for (;;) {
          while (p < end && t.charCodeAt(p) !== QUOTE) p++;
          if (p >= end) {
            this.error = `a quoted field is not closed (the " at column ${pos - start + 1} has no closing ").`;
            return false;
          }
          if (p + 1 < end && t.charCodeAt(p + 1) === QUOTE) {
            escaped = true;
            p += 2;
            continue;
          }
          break;
        }
        if (!this.push(pos + 1, p, escaped ? 2 : 1)) return false;
        pos = p + 1;
        // Blanks may follow the closing quote (they separate fields when spaces do).
        if (!this.space) while (pos < end && this.blank(t.charCodeAt(pos))) pos++;
        if (pos < end && !this.atDelimiter(pos, end)) {
          this.error = `a quoted field is followed by text before the next separator (column ${pos - start + 1}).`;
          return false;
        }
      } else {
        const fieldStart = pos;
        while (pos < end && !this.atDelimiter(pos, end)) pos++;
        let fieldEnd = pos;
        while (fieldEnd > fieldStart && this.blank(t.charCodeAt(fieldEnd - 1))) fieldEnd--;
        if (!this.push(fieldStart, fieldEnd, 0)) return false;
      }
      if (pos >= end) return true;
      pos += step;
      if (!this.space && pos >= end) {
        this.trailingDelimiter = true;
        return true;
      }
    }
  }

  /** Field k as a string (quotes removed, `""` read as `"`). */
  field(k: number): string {
    const s = this.text.slice(this.starts[k]!, this.ends[k]!);
    return this.quoted[k] === 2 ? s.replaceAll('""', '"') : s;
  }

  /**
   * Field k as a small whole number when it is written canonically (unquoted digits, no
   * leading zero, below 2²⁴), else -1. Ids like MovieLens' "1193" take this path and skip
   * making a string; "0104257" does not (as a string it differs from "104257").
   */
  smallInteger(k: number): number {
    const start = this.starts[k]!;
    const end = this.ends[k]!;
    const len = end - start;
    if (this.quoted[k] !== 0 || len === 0 || len > 8) return -1;
    const t = this.text;
    if (len > 1 && t.charCodeAt(start) === 48) return -1;
    let v = 0;
    for (let p = start; p < end; p++) {
      const c = t.charCodeAt(p) - 48;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
    return v < 1 << 24 ? v : -1;
  }

  isEmpty(k: number): boolean {
    return this.starts[k] === this.ends[k];
  }

  /** Field k as a number, or NaN when it is not one in {@link NUMBER_TEXT}'s syntax. */
  number(k: number): number {
    return parseNumberAt(this.text, this.starts[k]!, this.ends[k]!);
  }

  /** All fields of the last split line. */
  fields(): string[] {
    return Array.from({ length: this.count }, (_, k) => this.field(k));
  }
}

/**
 * The number written in text[start, end): plain decimals are read from their digits (exact:
 * an integer below 10¹⁵ divided by an exact power of ten is correctly rounded, as `Number()`
 * is); anything else goes through {@link NUMBER_TEXT} and `Number()`. NaN when not a number.
 */
export function parseNumberAt(text: string, start: number, end: number): number {
  let p = start;
  let negative = false;
  const sign = text.charCodeAt(p);
  if (sign === 45 || sign === 43) {
    negative = sign === 45;
    p++;
  }
  let whole = 0;
  let digits = 0;
  let fraction = 0;
  for (; p < end; p++) {
    const c = text.charCodeAt(p) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    digits++;
  }
  if (p < end && text.charCodeAt(p) === 46) {
    for (p++; p < end; p++) {
      const c = text.charCodeAt(p) - 48;
      if (c < 0 || c > 9) break;
      whole = whole * 10 + c;
      fraction++;
    }
  }
  if (p === end && digits + fraction > 0 && digits + fraction <= 15) {
    const value = fraction > 0 ? whole / POW10[fraction]! : whole;
    return negative ? -value : value;
  }
  const s = text.slice(start, end);
  return NUMBER_TEXT.test(s) ? Number(s) : NaN;
}

/** True when the whole string is a number in {@link NUMBER_TEXT}'s syntax. */
export function isNumberText(s: string): boolean {
  return NUMBER_TEXT.test(s.trim());
}

const CANDIDATES: Delimiter[] = ['\t', '::', ',', ';', '|', ' '];

/** Fields of one line under a delimiter (quote-aware), or null when the line is malformed under it. */
export function splitLine(text: string, span: { start: number; end: number }, delimiter: Delimiter): string[] | null {
  const splitter = new FieldSplitter(text, delimiter);
  return splitter.split(span.start, span.end) ? splitter.fields() : null;
}

/** True when the line holds the delimiter outside quoted fields. */
function holdsDelimiter(text: string, span: LineSpan, delimiter: Delimiter): boolean {
  let inQuotes = false;
  for (let p = span.start; p < span.end; p++) {
    const c = text.charCodeAt(p);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && text.startsWith(delimiter, p)) return true;
  }
  return false;
}

/**
 * The separator of a file, from its first data lines: the first of tab, "::", comma,
 * semicolon and "|" that appears (outside quotes) in the first line and splits the sample
 * lines into the same number (≥ 2) of fields; failing that, the first that appears in the
 * first line; failing that, spaces.
 */
export function detectDelimiter(text: string, sample: readonly LineSpan[]): Delimiter {
  const first = sample[0];
  if (!first) return ',';
  const present = CANDIDATES.filter((d) => d === ' ' || holdsDelimiter(text, first, d));
  for (const d of present) {
    const counts = sample.map((span) => splitLine(text, span, d)?.length ?? -1);
    if (counts[0]! >= 2 && counts.every((c) => c === counts[0])) return d;
  }
  return present[0] ?? ' ';
}

/**
 * Whether the first data line is a header. A header holds no numbers, and a data row below it
 * holds a number where it holds a name (`userId,movieId,rating` above `1,31,2.5`). Without
 * such a row: a single line of three or more names (where the rating would be) is a header,
 * and so is a line the caller recognises as column names (`user,item` above `alice,matrix`).
 * A file written without a header never reads as having one: its rows all hold a number.
 */
export function detectHeader(
  first: readonly string[],
  second: readonly string[] | null,
  namesColumns: (fields: readonly string[]) => boolean = () => false,
): boolean {
  if (first.some(isNumberText)) return false;
  if (second === null) return first.length >= 3 || namesColumns(first);
  return first.some((_, c) => c < second.length && isNumberText(second[c]!)) || namesColumns(first);
}

/** Reads the lines of a text one after another, skipping blanks and comments, counting line numbers. */
export class LineReader {
  /** Offset of the next line to read. */
  pos = 0;
  /** 1-based number of the line last returned. */
  line = 0;
  start = 0;
  end = 0;

  constructor(readonly text: string) {}

  /** Moves to the next data line; false at the end of the text. */
  next(): boolean {
    const t = this.text;
    while (this.pos < t.length) {
      const start = this.pos;
      let end = t.indexOf('\n', start);
      if (end < 0) end = t.length;
      this.pos = end + 1;
      this.line++;
      if (isSkippedLine(t, start, end)) continue;
      this.start = start;
      this.end = end > start && t.charCodeAt(end - 1) === 13 ? end - 1 : end;
      return true;
    }
    return false;
  }

  /** The current line, shortened for a message. */
  excerpt(max = 60): string {
    const s = this.text.slice(this.start, this.end).trim();
    return s.length > max ? `${s.slice(0, max)}…` : s;
  }
}
