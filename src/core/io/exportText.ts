/**
 * Writing data back out: R as a rating file the command line (and {@link importRatings})
 * reads back to the same entries under the same labels, and U, V as CSV with their ids.
 * Labels are quoted as in RFC 4180 when they would otherwise not read back as themselves
 * (any separator or a quote inside, blanks at an end, a leading "#" that would make a comment).
 */
import type { Dataset } from '../dataset';
import type { Factors } from '../factors';
import type { Ratings } from '../ratings';
import type { Delimiter } from './delimited';

/** A label as written in a file with this separator: as is when safe, else quoted with `""` inside. */
export function formatField(label: string, delimiter: Delimiter): string {
  if (label === '') throw new RangeError('An empty label cannot be written to a rating file (it would read as a missing field).');
  if (/[\r\n]/.test(label)) {
    throw new RangeError(`The label "${label.replace(/[\r\n]+/g, '⏎')}" holds a line break, which a rating file cannot hold.`);
  }
  // Any separator MF Lab might detect is quoted, whichever one this file uses: detection
  // looks for separators outside quotes, so the file reads back with the one it was written with.
  const needsQuotes =
    /[",\t;|]|::/.test(label) ||
    label.startsWith('#') ||
    label.startsWith('\uFEFF') ||
    /^[ \t]|[ \t]$/.test(label) ||
    (delimiter === ' ' && label.includes(' ')) ||
    (delimiter === '::' && /^:|:$/.test(label));
  return needsQuotes ? `"${label.replaceAll('"', '""')}"` : label;
}

/** A number exactly as it reads back (`String` round-trips doubles; −0 keeps its sign). */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

export interface RatingsExportOptions {
  /** Field separator (default ","). */
  delimiter?: Delimiter;
  /** Write a header line `user,item,rating[,timestamp]` (default true). */
  header?: boolean;
  /** Timestamps in user order (as in {@link Dataset.timestamps}), written as a fourth column. */
  timestamps?: Float64Array | null;
  /** Header name of the value column (default "rating"; "count" suits implicit data). */
  valueName?: string;
}

/**
 * R's known entries as a rating file, one `user,item,rating[,timestamp]` row per entry in
 * user order. Reading it back gives the same labels and entries (users keep their order
 * when each has a rating; items are numbered as they first appear or by id).
 */
export function exportRatingsText(R: Ratings, options: RatingsExportOptions = {}): string {
  const sep = options.delimiter ?? ',';
  const times = options.timestamps ?? null;
  if (times && times.length !== R.nnz) throw new RangeError(`Expected ${R.nnz} timestamps, got ${times.length}.`);
  const users = R.userIds.map((id) => formatField(id, sep));
  const items = R.itemIds.map((id) => formatField(id, sep));
  const out: string[] = [];
  if (options.header ?? true)
    out.push(['user', 'item', options.valueName ?? 'rating', ...(times ? ['timestamp'] : [])].join(sep));
  for (let i = 0; i < R.m; i++) {
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
      const row = users[i] + sep + items[R.userCol[p]!] + sep + formatNumber(R.userVal[p]!);
      out.push(times ? row + sep + formatNumber(times[p]!) : row);
    }
  }
  return out.join('\n') + '\n';
}

/** A data set's training ratings as a rating file (with its timestamps when it has them, unless told not to). */
export function exportDatasetText(
  dataset: Dataset,
  options: Omit<RatingsExportOptions, 'timestamps'> & { timestamps?: boolean } = {},
): string {
  return exportRatingsText(dataset.ratings, {
    ...options,
    valueName: options.valueName ?? (dataset.kind === 'implicit' ? 'count' : 'rating'),
    timestamps: options.timestamps === false ? null : dataset.timestamps,
  });
}

/**
 * A factor matrix as CSV: a header `id,f1,…,fd`, then one row per user (U) or item (V)
 * with its id and its d entries (row r of the row-major m×d buffer).
 */
export function factorsCsv(ids: readonly string[], M: Float64Array, d: number, idName = 'id'): string {
  if (M.length !== ids.length * d) throw new RangeError(`Expected ${ids.length}×${d} entries, got ${M.length}.`);
  const out = [[idName, ...Array.from({ length: d }, (_, a) => `f${a + 1}`)].join(',')];
  for (let r = 0; r < ids.length; r++) {
    let row = formatField(ids[r]!, ',');
    for (let a = 0; a < d; a++) row += ',' + formatNumber(M[r * d + a]!);
    out.push(row);
  }
  return out.join('\n') + '\n';
}

/** U (rows by user id) and V (rows by item id) as two CSV files. */
export function exportFactorsCsv(R: Ratings, F: Factors): { U: string; V: string } {
  if (F.m !== R.m || F.n !== R.n) throw new RangeError(`The factors are ${F.m}×${F.n}, the ratings ${R.m}×${R.n}.`);
  return { U: factorsCsv(R.userIds, F.U, F.d, 'user'), V: factorsCsv(R.itemIds, F.V, F.d, 'item') };
}
