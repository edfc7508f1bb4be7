/**
 * From columns of rows to the core's sparse {@link Ratings}, in linear time: two stable
 * counting sorts (by item, then by user) put the rows in CSR order — by user, by item within
 * a user, and in file order within a repeated (user, item) pair — so repeated pairs sit side
 * by side, where a policy resolves them. Timestamps follow their ratings into user order.
 */
import type { Ratings } from '../ratings';
import type { ImportSteps } from './control';
import { runSteps } from './control';
import { RatingsParseError } from './errors';

/**
 * What to do when a (user, item) pair appears on several rows: refuse the file (the default:
 * which rating would be the one?), keep the last row's, average them, or add them up (counts
 * of repeated interactions). With a merge, the pair's timestamp is its last row's (keep last)
 * or its latest (average, sum).
 */
export type DuplicatePolicy = 'refuse' | 'last' | 'average' | 'sum';

export interface RatingColumns {
  m: number;
  n: number;
  /** Rows used: entries 0..count-1 of the arrays. */
  count: number;
  users: Int32Array;
  items: Int32Array;
  values: Float64Array;
  timestamps?: Float64Array | null;
  /** 1-based line of each row, named in the refusal of a repeated pair. */
  lines?: Int32Array | null;
  userIds: readonly string[];
  itemIds: readonly string[];
}

export interface BuiltRatings {
  ratings: Ratings;
  /** Timestamps in user order (position p of `ratings.userCol`), or null. */
  timestamps: Float64Array | null;
  /** Rows that repeated an earlier (user, item) pair and were merged into it. */
  duplicateRows: number;
}

/**
 * The rows in order of (user, item, row): a stable counting sort by item, then one by user.
 * The user keys travel with the first sort so that the second reads them in sequence
 * (gathering users[r] in item order would miss the cache on every row).
 */
function sortRows(users: Int32Array, items: Int32Array, count: number, m: number, n: number): Int32Array {
  const itemStart = new Int32Array(n + 1);
  for (let r = 0; r < count; r++) itemStart[items[r]! + 1]!++;
  for (let j = 0; j < n; j++) itemStart[j + 1]! += itemStart[j]!;
  const byItem = new Int32Array(count);
  const userByItem = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const q = itemStart[items[r]!]!++;
    byItem[q] = r;
    userByItem[q] = users[r]!;
  }
  const userStart = new Int32Array(m + 1);
  for (let r = 0; r < count; r++) userStart[users[r]! + 1]!++;
  for (let i = 0; i < m; i++) userStart[i + 1]! += userStart[i]!;
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[userStart[userByItem[k]!]!++] = byItem[k]!;
  return order;
}

function refuseRepeats(c: RatingColumns, order: Int32Array, repeats: number): never {
  const lineOf = (r: number) => (c.lines ? c.lines[r]! : r + 1);
  const repeatLines = new Int32Array(repeats);
  let best = -1;
  let bestFirst = -1;
  let k = 0;
  let groupStart = 0;
  for (let q = 1; q < order.length; q++) {
    const r = order[q]!;
    const prev = order[q - 1]!;
    if (c.users[r] !== c.users[prev] || c.items[r] !== c.items[prev]) {
      groupStart = q;
      continue;
    }
    repeatLines[k++] = lineOf(r);
    // Rows of a pair are in file order, so its first row is where the group starts.
    if (best < 0 || lineOf(r) < lineOf(best)) {
      best = r;
      bestFirst = order[groupStart]!;
    }
  }
  repeatLines.sort();
  const more =
    repeats > 1
      ? ` ${repeats.toLocaleString('en-US')} rows in all repeat an earlier pair (lines ${Array.from(repeatLines.subarray(0, 5)).join(', ')}${repeats > 5 ? ', …' : ''}).`
      : '';
  throw new RatingsParseError(
    c.lines ? lineOf(best) : 0,
    `user "${c.userIds[c.users[best]!]}" rated item "${c.itemIds[c.items[best]!]}" again (first on line ${lineOf(bestFirst)}); ` +
      `each pair may appear once.${more} To open the file anyway, choose to keep the last, the average or (for counts) the sum of a repeated pair.`,
  );
}

/**
 * Builds R (CSR by user, CSC by item) from columns, exactly as `ratingsFromTriples` would
 * from the same entries, in O(rows + m + n) time. Yields between its passes.
 */
export function* buildRatingsSteps(c: RatingColumns, policy: DuplicatePolicy = 'refuse'): ImportSteps<BuiltRatings> {
  const { m, n, count } = c;
  if (c.userIds.length !== m || c.itemIds.length !== n) throw new RangeError(`Expected ${m} user and ${n} item labels.`);
  for (let r = 0; r < count; r++) {
    const i = c.users[r]!;
    const j = c.items[r]!;
    if (!(i >= 0 && i < m && j >= 0 && j < n)) throw new RangeError(`Row ${r} (${i}, ${j}) lies outside the ${m}×${n} matrix.`);
  }
  yield { phase: 'building', done: 0, total: 4 };
  const users = c.users;
  const items = c.items;
  const values = c.values;
  const stamps = c.timestamps ?? null;
  const order = sortRows(users, items, count, m, n);
  yield { phase: 'building', done: 1, total: 4 };
  let repeats = 0;
  for (let q = 1; q < count; q++) {
    const r = order[q]!;
    const prev = order[q - 1]!;
    if (users[r] === users[prev] && items[r] === items[prev]) repeats++;
  }
  if (repeats > 0 && policy === 'refuse') refuseRepeats(c, order, repeats);

  const nnz = count - repeats;
  const userPtr = new Int32Array(m + 1);
  const userCol = new Int32Array(nnz);
  const userVal = new Float64Array(nnz);
  const times = stamps ? new Float64Array(nnz) : null;
  const last = policy === 'last';
  let p = -1;
  let group = 0;
  let prevUser = -1;
  for (let q = 0; q < count; q++) {
    const r = order[q]!;
    const i = users[r]!;
    const j = items[r]!;
    const v = values[r]!;
    if (i === prevUser && userCol[p] === j) {
      group++;
      if (last) userVal[p] = v;
      else userVal[p]! += v;
      if (times) times[p] = last ? stamps![r]! : Math.max(times[p]!, stamps![r]!);
      continue;
    }
    if (policy === 'average' && group > 1) userVal[p]! /= group;
    p++;
    group = 1;
    prevUser = i;
    userCol[p] = j;
    userVal[p] = v;
    if (times) times[p] = stamps![r]!;
    userPtr[i + 1]!++;
  }
  if (policy === 'average' && group > 1) userVal[p]! /= group;
  for (let i = 0; i < m; i++) userPtr[i + 1]! += userPtr[i]!;
  yield { phase: 'building', done: 2, total: 4 };
  const ratings = completeRatings(m, n, c.userIds, c.itemIds, userPtr, userCol, userVal);
  yield { phase: 'building', done: 4, total: 4 };
  return { ratings, timestamps: times, duplicateRows: repeats };
}

/** {@link buildRatingsSteps} run to its end. */
export function ratingsFromColumns(c: RatingColumns, policy: DuplicatePolicy = 'refuse'): BuiltRatings {
  return runSteps(buildRatingsSteps(c, policy));
}

/** Adds the item-side index (CSC) to a CSR whose items are sorted within each user. */
export function completeRatings(
  m: number,
  n: number,
  userIds: readonly string[],
  itemIds: readonly string[],
  userPtr: Int32Array,
  userCol: Int32Array,
  userVal: Float64Array,
): Ratings {
  const nnz = userCol.length;
  const itemPtr = new Int32Array(n + 1);
  for (let p = 0; p < nnz; p++) itemPtr[userCol[p]! + 1]!++;
  for (let j = 0; j < n; j++) itemPtr[j + 1]! += itemPtr[j]!;
  const fill = itemPtr.slice(0, n);
  const itemRow = new Int32Array(nnz);
  const itemVal = new Float64Array(nnz);
  const itemToUserPos = new Int32Array(nnz);
  // Walking users in order keeps each item's users sorted.
  for (let i = 0; i < m; i++) {
    for (let p = userPtr[i]!; p < userPtr[i + 1]!; p++) {
      const q = fill[userCol[p]!]!++;
      itemRow[q] = i;
      itemVal[q] = userVal[p]!;
      itemToUserPos[q] = p;
    }
  }
  return {
    m,
    n,
    nnz,
    userIds: [...userIds],
    itemIds: [...itemIds],
    userPtr,
    userCol,
    userVal,
    itemPtr,
    itemRow,
    itemVal,
    itemToUserPos,
  };
}
