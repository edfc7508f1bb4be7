/**
 * The rating matrix R (m users × n items) with unknown entries `?`, stored sparsely:
 * only the known entries Ω are kept, indexed both by user (CSR) and by item (CSC),
 * because ALS alternates between solving every user and solving every item.
 */

/** A known entry r_ij given by position. */
export interface Triple {
  user: number;
  item: number;
  value: number;
}

/** A dense classroom matrix: a number is a known rating, `null` is `?`. */
export type DenseMatrix = (number | null)[][];

export interface Ratings {
  /** Number of users (rows of R). */
  readonly m: number;
  /** Number of items (columns of R). */
  readonly n: number;
  /** Number of known entries |Ω|. */
  readonly nnz: number;
  readonly userIds: readonly string[];
  readonly itemIds: readonly string[];
  /** CSR by user: the known entries of user i are positions userPtr[i]..userPtr[i+1]. */
  readonly userPtr: Int32Array;
  /** Item index of each position, in user order (sorted within a user). */
  readonly userCol: Int32Array;
  /** Rating of each position, in user order. */
  readonly userVal: Float64Array;
  /** CSC by item: the known entries of item j are positions itemPtr[j]..itemPtr[j+1]. */
  readonly itemPtr: Int32Array;
  /** User index of each position, in item order (sorted within an item). */
  readonly itemRow: Int32Array;
  /** Rating of each position, in item order. */
  readonly itemVal: Float64Array;
  /** For each item-order position, the matching user-order position. */
  readonly itemToUserPos: Int32Array;
}

export function defaultUserIds(m: number): string[] {
  return Array.from({ length: m }, (_, i) => `u${i + 1}`);
}

export function defaultItemIds(n: number): string[] {
  return Array.from({ length: n }, (_, j) => `m${j + 1}`);
}

/**
 * Builds R from its known entries. Positions must lie inside m×n; a pair given twice
 * is an error (which value would be the rating?).
 */
export function ratingsFromTriples(
  m: number,
  n: number,
  triples: readonly Triple[],
  userIds: readonly string[] = defaultUserIds(m),
  itemIds: readonly string[] = defaultItemIds(n),
): Ratings {
  if (!Number.isInteger(m) || m < 0 || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`R must have a whole, non-negative number of users and items (got ${m}×${n}).`);
  }
  if (userIds.length !== m) throw new RangeError(`Expected ${m} user labels, got ${userIds.length}.`);
  if (itemIds.length !== n) throw new RangeError(`Expected ${n} item labels, got ${itemIds.length}.`);
  const k = triples.length;
  const userPtr = new Int32Array(m + 1);
  for (const t of triples) {
    if (!Number.isInteger(t.user) || t.user < 0 || t.user >= m || !Number.isInteger(t.item) || t.item < 0 || t.item >= n) {
      throw new RangeError(`Entry (${t.user}, ${t.item}) lies outside the ${m}×${n} matrix.`);
    }
    if (!Number.isFinite(t.value)) throw new RangeError(`Entry (${t.user}, ${t.item}) is not a finite number.`);
    userPtr[t.user + 1]!++;
  }
  for (let i = 0; i < m; i++) userPtr[i + 1]! += userPtr[i]!;
  const fill = userPtr.slice(0, m);
  const userCol = new Int32Array(k);
  const userVal = new Float64Array(k);
  for (const t of triples) {
    const p = fill[t.user]!++;
    userCol[p] = t.item;
    userVal[p] = t.value;
  }
  // Sort each user's entries by item (insertion sort: rows are short and often sorted).
  for (let i = 0; i < m; i++) {
    const lo = userPtr[i]!;
    const hi = userPtr[i + 1]!;
    for (let p = lo + 1; p < hi; p++) {
      const c = userCol[p]!;
      const v = userVal[p]!;
      let q = p - 1;
      while (q >= lo && userCol[q]! > c) {
        userCol[q + 1] = userCol[q]!;
        userVal[q + 1] = userVal[q]!;
        q--;
      }
      userCol[q + 1] = c;
      userVal[q + 1] = v;
    }
    for (let p = lo + 1; p < hi; p++) {
      if (userCol[p] === userCol[p - 1]) {
        throw new RangeError(
          `User ${userIds[i]} has two ratings for item ${itemIds[userCol[p]!]}: a pair (i, j) can be known only once.`,
        );
      }
    }
  }
  const itemPtr = new Int32Array(n + 1);
  for (let p = 0; p < k; p++) itemPtr[userCol[p]! + 1]!++;
  for (let j = 0; j < n; j++) itemPtr[j + 1]! += itemPtr[j]!;
  const itemFill = itemPtr.slice(0, n);
  const itemRow = new Int32Array(k);
  const itemVal = new Float64Array(k);
  const itemToUserPos = new Int32Array(k);
  // Walking users in order keeps each item's users sorted.
  for (let i = 0; i < m; i++) {
    for (let p = userPtr[i]!; p < userPtr[i + 1]!; p++) {
      const q = itemFill[userCol[p]!]!++;
      itemRow[q] = i;
      itemVal[q] = userVal[p]!;
      itemToUserPos[q] = p;
    }
  }
  return {
    m,
    n,
    nnz: k,
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

/** R from a dense matrix where `null` marks `?`. */
export function ratingsFromDense(rows: DenseMatrix, userIds?: readonly string[], itemIds?: readonly string[]): Ratings {
  const m = rows.length;
  const n = m > 0 ? rows[0]!.length : (itemIds?.length ?? 0);
  const triples: Triple[] = [];
  rows.forEach((row, i) => {
    if (row.length !== n) throw new RangeError(`Row ${i + 1} has ${row.length} entries, expected ${n}.`);
    row.forEach((value, j) => {
      if (value !== null) triples.push({ user: i, item: j, value });
    });
  });
  return ratingsFromTriples(m, n, triples, userIds ?? defaultUserIds(m), itemIds ?? defaultItemIds(n));
}

/** The dense m×n view of R, `null` for `?`. Only for small matrices. */
export function ratingsToDense(R: Ratings): DenseMatrix {
  const out: DenseMatrix = Array.from({ length: R.m }, () => new Array<number | null>(R.n).fill(null));
  forEachKnown(R, (i, j, v) => {
    out[i]![j] = v;
  });
  return out;
}

/** Visits every known entry in user order. */
export function forEachKnown(R: Ratings, visit: (user: number, item: number, value: number) => void): void {
  for (let i = 0; i < R.m; i++) {
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) visit(i, R.userCol[p]!, R.userVal[p]!);
  }
}

/** The known entries as triples, in user order. */
export function ratingsToTriples(R: Ratings): Triple[] {
  const out: Triple[] = [];
  forEachKnown(R, (user, item, value) => out.push({ user, item, value }));
  return out;
}

/** r_ij, or null when (i, j) is not in Ω. */
export function ratingAt(R: Ratings, i: number, j: number): number | null {
  let lo = R.userPtr[i]!;
  let hi = R.userPtr[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = R.userCol[mid]!;
    if (c === j) return R.userVal[mid]!;
    if (c < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** Ωᵢ: the items user i rated. */
export function userOmega(R: Ratings, i: number): number[] {
  return Array.from(R.userCol.subarray(R.userPtr[i]!, R.userPtr[i + 1]!));
}

/** Ωʲ: the users who rated item j. */
export function itemOmega(R: Ratings, j: number): number[] {
  return Array.from(R.itemRow.subarray(R.itemPtr[j]!, R.itemPtr[j + 1]!));
}

/** Share of the m·n entries that are known (the Netflix Prize's was about 1.2%). */
export function density(R: Ratings): number {
  return R.m * R.n === 0 ? 0 : R.nnz / (R.m * R.n);
}
