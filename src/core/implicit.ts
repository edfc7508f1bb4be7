import { ratingsFromTriples, type DenseMatrix, type Ratings, type Triple } from './ratings';

/**
 * Implicit feedback (Hu, Koren & Volinsky 2008; the lecture's P and C).
 *
 * Every pair (i, j) has a preference p_ij ∈ {0, 1} and a confidence c_ij ≥ 0, and the
 * loss sums over *all* m·n pairs. Storing m·n numbers does not scale, so pairs are split:
 * a sparse list of "listed" pairs with their own (p_ij, c_ij), and every other pair has
 * p = 0 and the baseline confidence c0. With c = 1 + α·r, c0 = 1; with the lecture's C,
 * where unobserved pairs get confidence 0, c0 = 0.
 */
export interface ImplicitData {
  /** The listed pairs and their raw values (a rating, a count, a share watched, or p). */
  readonly pattern: Ratings;
  /** Confidence of every pair that is not listed (its preference is 0). */
  readonly c0: number;
  /** p_ij of each listed pair, in user order (aligned with pattern.userCol). */
  readonly pUser: Float64Array;
  /** c_ij of each listed pair, in user order. */
  readonly cUser: Float64Array;
  /** p_ij of each listed pair, in item order (aligned with pattern.itemRow). */
  readonly pItem: Float64Array;
  /** c_ij of each listed pair, in item order. */
  readonly cItem: Float64Array;
  readonly source: { kind: 'alpha'; alpha: number } | { kind: 'matrix' };
}

function withItemOrder(
  pattern: Ratings,
  c0: number,
  pUser: Float64Array,
  cUser: Float64Array,
  source: ImplicitData['source'],
): ImplicitData {
  const pItem = new Float64Array(pattern.nnz);
  const cItem = new Float64Array(pattern.nnz);
  for (let q = 0; q < pattern.nnz; q++) {
    const p = pattern.itemToUserPos[q]!;
    pItem[q] = pUser[p]!;
    cItem[q] = cUser[p]!;
  }
  return { pattern, c0, pUser, cUser, pItem, cItem, source };
}

/**
 * The paper's confidence from raw observations r_ij ≥ 0 (counts, shares watched,
 * ratings): p_ij = 1 if r_ij > 0 else 0, and c_ij = 1 + α·r_ij; unobserved pairs have
 * p = 0 and c = 1.
 */
export function implicitFromObservations(R: Ratings, alpha: number): ImplicitData {
  if (!(alpha >= 0) || !Number.isFinite(alpha)) throw new RangeError(`α must be a non-negative number (got ${alpha}).`);
  const pUser = new Float64Array(R.nnz);
  const cUser = new Float64Array(R.nnz);
  for (let p = 0; p < R.nnz; p++) {
    const r = R.userVal[p]!;
    if (r < 0) {
      throw new RangeError(
        `Implicit feedback must be non-negative (an amount of interaction), but an entry is ${r}; with c = 1 + α·r it would get confidence below 1.`,
      );
    }
    pUser[p] = r > 0 ? 1 : 0;
    cUser[p] = 1 + alpha * r;
  }
  return withItemOrder(R, 1, pUser, cUser, { kind: 'alpha', alpha });
}

/**
 * P and C given entry by entry, as in the lecture. The baseline c0 is the confidence
 * most pairs with p = 0 share (0 for the lecture's C); every pair that differs is listed.
 */
export function implicitFromMatrices(
  P: readonly (readonly number[])[],
  C: readonly (readonly number[])[],
  userIds?: readonly string[],
  itemIds?: readonly string[],
): ImplicitData {
  const m = P.length;
  const n = m > 0 ? P[0]!.length : 0;
  if (C.length !== m || C.some((row) => row.length !== n) || P.some((row) => row.length !== n)) {
    throw new RangeError(`P and C must both be ${m}×${n}.`);
  }
  const counts = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const p = P[i]![j]!;
      const c = C[i]![j]!;
      if (p !== 0 && p !== 1) throw new RangeError(`P must be binary: entry (${i + 1}, ${j + 1}) is ${p}.`);
      if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`Confidence must be ≥ 0: C(${i + 1}, ${j + 1}) is ${c}.`);
      if (p === 0) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  let c0 = 0;
  let best = -1;
  for (const [c, count] of counts) {
    if (count > best || (count === best && c < c0)) {
      best = count;
      c0 = c;
    }
  }
  const triples: Triple[] = [];
  const values: { p: number; c: number }[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const p = P[i]![j]!;
      const c = C[i]![j]!;
      if (p !== 0 || c !== c0) triples.push({ user: i, item: j, value: p });
    }
  }
  const pattern = ratingsFromTriples(m, n, triples, userIds, itemIds);
  for (let i = 0; i < m; i++) {
    for (let q = pattern.userPtr[i]!; q < pattern.userPtr[i + 1]!; q++) {
      const j = pattern.userCol[q]!;
      values.push({ p: P[i]![j]!, c: C[i]![j]! });
    }
  }
  return withItemOrder(
    pattern,
    c0,
    Float64Array.from(values, (v) => v.p),
    Float64Array.from(values, (v) => v.c),
    { kind: 'matrix' },
  );
}

/** Dense P (m×n) of implicit data. */
export function preferenceMatrix(data: ImplicitData): number[][] {
  const { pattern } = data;
  const out = Array.from({ length: pattern.m }, () => new Array<number>(pattern.n).fill(0));
  for (let i = 0; i < pattern.m; i++) {
    for (let q = pattern.userPtr[i]!; q < pattern.userPtr[i + 1]!; q++) out[i]![pattern.userCol[q]!] = data.pUser[q]!;
  }
  return out;
}

/** Dense C (m×n) of implicit data. */
export function confidenceMatrix(data: ImplicitData): number[][] {
  const { pattern } = data;
  const out = Array.from({ length: pattern.m }, () => new Array<number>(pattern.n).fill(data.c0));
  for (let i = 0; i < pattern.m; i++) {
    for (let q = pattern.userPtr[i]!; q < pattern.userPtr[i + 1]!; q++) out[i]![pattern.userCol[q]!] = data.cUser[q]!;
  }
  return out;
}

/**
 * The lecture's "from explicit to implicit": a known rating at or above the threshold
 * becomes 1, one below it becomes 0, and `?` stays `?`.
 */
export function thresholdRatings(R: DenseMatrix, threshold: number): DenseMatrix {
  return R.map((row) => row.map((v) => (v === null ? null : v >= threshold ? 1 : 0)));
}
