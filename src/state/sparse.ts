/**
 * Edits of the core's sparse {@link Ratings} (CSR by user, CSC by item) as pure functions on
 * typed arrays: no per-entry objects, so they work on a million ratings as on the lecture's
 * 24 cells. Labels are shared between versions, never copied. An edit that moves entries
 * returns a map from old positions (user order) to new ones, so that lists of positions
 * (the held-out cells) follow the entries they name.
 */
import type { Ratings } from '../core';

/**
 * R from its CSR layout (items sorted within each user, no pair twice), with the CSC built
 * in O(nnz + n): walking users in order keeps each item's users sorted. The arrays and
 * labels are kept, not copied.
 */
export function ratingsFromCsr(
  m: number,
  n: number,
  userPtr: Int32Array,
  userCol: Int32Array,
  userVal: Float64Array,
  userIds: readonly string[],
  itemIds: readonly string[],
): Ratings {
  const nnz = userPtr[m] ?? 0;
  const itemPtr = new Int32Array(n + 1);
  for (let p = 0; p < nnz; p++) itemPtr[userCol[p]! + 1]!++;
  for (let j = 0; j < n; j++) itemPtr[j + 1]! += itemPtr[j]!;
  const fill = itemPtr.slice(0, n);
  const itemRow = new Int32Array(nnz);
  const itemVal = new Float64Array(nnz);
  const itemToUserPos = new Int32Array(nnz);
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
    userIds,
    itemIds,
    userPtr,
    userCol: nnz === userCol.length ? userCol : userCol.subarray(0, nnz),
    userVal: nnz === userVal.length ? userVal : userVal.subarray(0, nnz),
    itemPtr,
    itemRow,
    itemVal,
    itemToUserPos,
  };
}

/** An m×n matrix with no known entry. */
export function emptyRatings(m: number, n: number, userIds: readonly string[], itemIds: readonly string[]): Ratings {
  return ratingsFromCsr(m, n, new Int32Array(m + 1), new Int32Array(0), new Float64Array(0), userIds, itemIds);
}

/** The first position of user i whose item is ≥ j (where (i, j) is or would be). */
export function lowerBound(R: Ratings, i: number, j: number): number {
  let lo = R.userPtr[i]!;
  let hi = R.userPtr[i + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (R.userCol[mid]! < j) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The user-order position of (i, j), or −1 when it is not known. */
export function positionOf(R: Ratings, i: number, j: number): number {
  if (i < 0 || i >= R.m || j < 0 || j >= R.n) return -1;
  const p = lowerBound(R, i, j);
  return p < R.userPtr[i + 1]! && R.userCol[p] === j ? p : -1;
}

/** The user of each user-order position (the row index CSR leaves implicit). */
export function rowOfPositions(R: Ratings): Int32Array {
  const rows = new Int32Array(R.nnz);
  for (let i = 0; i < R.m; i++) rows.fill(i, R.userPtr[i]!, R.userPtr[i + 1]!);
  return rows;
}

/** A new R and where each old position went (−1: removed); map is null when no entry moved. */
export interface Reshaped {
  R: Ratings;
  map: Int32Array | null;
}

/** The same pattern with other labels (every array shared). */
export function withLabels(R: Ratings, userIds: readonly string[], itemIds: readonly string[]): Ratings {
  return { ...R, userIds, itemIds };
}

/** The same pattern with values f(v, position) — user order; the CSC values follow. */
export function mapValues(R: Ratings, f: (value: number, position: number) => number): Ratings {
  const userVal = new Float64Array(R.nnz);
  for (let p = 0; p < R.nnz; p++) userVal[p] = f(R.userVal[p]!, p);
  const itemVal = new Float64Array(R.nnz);
  for (let q = 0; q < R.nnz; q++) itemVal[q] = userVal[R.itemToUserPos[q]!]!;
  return { ...R, userVal, itemVal };
}

/** Sets r_ij (null removes it): a changed value keeps every position, an insertion or removal shifts the later ones. */
export function withEntry(R: Ratings, i: number, j: number, value: number | null): Reshaped {
  const p = lowerBound(R, i, j);
  const present = p < R.userPtr[i + 1]! && R.userCol[p] === j;
  if (present && value !== null) {
    if (Object.is(R.userVal[p], value)) return { R, map: null };
    return { R: mapValues(R, (v, q) => (q === p ? value : v)), map: null };
  }
  if (!present && value === null) return { R, map: null };
  const nnz = R.nnz + (present ? -1 : 1);
  const userPtr = R.userPtr.slice();
  for (let k = i + 1; k <= R.m; k++) userPtr[k]! += present ? -1 : 1;
  const userCol = new Int32Array(nnz);
  const userVal = new Float64Array(nnz);
  const map = new Int32Array(R.nnz);
  if (present) {
    userCol.set(R.userCol.subarray(0, p));
    userCol.set(R.userCol.subarray(p + 1), p);
    userVal.set(R.userVal.subarray(0, p));
    userVal.set(R.userVal.subarray(p + 1), p);
    for (let q = 0; q < R.nnz; q++) map[q] = q < p ? q : q === p ? -1 : q - 1;
  } else {
    userCol.set(R.userCol.subarray(0, p));
    userCol[p] = j;
    userCol.set(R.userCol.subarray(p), p + 1);
    userVal.set(R.userVal.subarray(0, p));
    userVal[p] = value!;
    userVal.set(R.userVal.subarray(p), p + 1);
    for (let q = 0; q < R.nnz; q++) map[q] = q < p ? q : q + 1;
  }
  return { R: ratingsFromCsr(R.m, R.n, userPtr, userCol, userVal, R.userIds, R.itemIds), map };
}

/** Appends a user with no entries (positions unchanged). */
export function withUserAppended(R: Ratings, id: string): Ratings {
  const userPtr = new Int32Array(R.m + 2);
  userPtr.set(R.userPtr);
  userPtr[R.m + 1] = R.nnz;
  return { ...R, m: R.m + 1, userIds: [...R.userIds, id], userPtr };
}

/** Appends an item nobody has rated (positions unchanged). */
export function withItemAppended(R: Ratings, id: string): Ratings {
  const itemPtr = new Int32Array(R.n + 2);
  itemPtr.set(R.itemPtr);
  itemPtr[R.n + 1] = R.nnz;
  return { ...R, n: R.n + 1, itemIds: [...R.itemIds, id], itemPtr };
}

/** Keeps the entries `keep` accepts, with users and items renumbered by `userMap` / `itemMap` (−1: dropped). */
function filtered(
  R: Ratings,
  m: number,
  n: number,
  userIds: readonly string[],
  itemIds: readonly string[],
  userMap: (i: number) => number,
  itemMap: (j: number) => number,
): Reshaped {
  const map = new Int32Array(R.nnz).fill(-1);
  const userPtr = new Int32Array(m + 1);
  const userCol = new Int32Array(R.nnz);
  const userVal = new Float64Array(R.nnz);
  let k = 0;
  for (let i = 0; i < R.m; i++) {
    const to = userMap(i);
    if (to < 0) continue;
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
      const j = itemMap(R.userCol[p]!);
      if (j < 0) continue;
      map[p] = k;
      userCol[k] = j;
      userVal[k++] = R.userVal[p]!;
    }
    userPtr[to + 1] = k;
  }
  // Users are renumbered in order, so the pointers are filled left to right.
  for (let i = 1; i <= m; i++) if (userPtr[i]! < userPtr[i - 1]!) userPtr[i] = userPtr[i - 1]!;
  return {
    R: ratingsFromCsr(m, n, userPtr, userCol.slice(0, k), userVal.slice(0, k), userIds, itemIds),
    map,
  };
}

/** Removes user i and their entries. */
export function withoutUser(R: Ratings, i: number): Reshaped {
  const ids = R.userIds.filter((_, k) => k !== i);
  return filtered(
    R,
    R.m - 1,
    R.n,
    ids,
    R.itemIds,
    (k) => (k === i ? -1 : k > i ? k - 1 : k),
    (j) => j,
  );
}

/** Removes item j and its entries. */
export function withoutItem(R: Ratings, j: number): Reshaped {
  const ids = R.itemIds.filter((_, k) => k !== j);
  return filtered(
    R,
    R.m,
    R.n - 1,
    R.userIds,
    ids,
    (i) => i,
    (k) => (k === j ? -1 : k > j ? k - 1 : k),
  );
}

/** A sorted list of positions carried through an edit (positions whose entry went are dropped). */
export function remapPositions(list: Int32Array, map: Int32Array | null): Int32Array {
  if (!map) return list;
  const out = new Int32Array(list.length);
  let k = 0;
  for (const p of list) {
    const to = map[p]!;
    if (to >= 0) out[k++] = to;
  }
  return k === list.length ? out : out.slice(0, k);
}

/** Whether a sorted position list holds p. */
export function hasPosition(list: Int32Array, p: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === p) return true;
    if (v < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A sorted position list with p added or removed. */
export function togglePosition(list: Int32Array, p: number): Int32Array {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] === p) {
    const out = new Int32Array(list.length - 1);
    out.set(list.subarray(0, lo));
    out.set(list.subarray(lo + 1), lo);
    return out;
  }
  const out = new Int32Array(list.length + 1);
  out.set(list.subarray(0, lo));
  out[lo] = p;
  out.set(list.subarray(lo), lo + 1);
  return out;
}

/** Bytes held by R's typed arrays (labels not counted). */
export function ratingsBytes(R: Ratings): number {
  return (
    R.userPtr.byteLength +
    R.userCol.byteLength +
    R.userVal.byteLength +
    R.itemPtr.byteLength +
    R.itemRow.byteLength +
    R.itemVal.byteLength +
    R.itemToUserPos.byteLength
  );
}
