/**
 * The core's Problem from a {@link ProblemSpec}: the CSR arrays the page handed over become
 * Ratings (the CSC built in O(nnz), no per-entry objects), and the lecture's C, given as a
 * base with exceptions, becomes the core's ImplicitData without visiting the m·n pairs.
 */
import {
  explicitProblem,
  implicitFromObservations,
  implicitProblem,
  ratingAt,
  type ImplicitData,
  type Problem,
  type Ratings,
} from '../core';
import { ratingsFromCsr } from '../state/sparse';
import type { ProblemSpec, SparseRows } from './protocol';

/** Ratings over the spec's shape and labels from CSR rows. */
export function ratingsOfRows(spec: Pick<ProblemSpec, 'm' | 'n' | 'userIds' | 'itemIds'>, rows: SparseRows): Ratings {
  return ratingsFromCsr(spec.m, spec.n, rows.ptr, rows.col, rows.val, spec.userIds, spec.itemIds);
}

/** The training problem and the held-out ratings of a spec. */
export function problemOf(spec: ProblemSpec, alpha: number): { problem: Problem; test: Ratings | null } {
  const train = ratingsOfRows(spec, spec.train);
  const test = spec.test ? ratingsOfRows(spec, spec.test) : null;
  if (spec.mode === 'explicit') return { problem: explicitProblem(train), test };
  if (spec.confidence) return { problem: implicitProblem(implicitFromSparse(spec, train, spec.confidence)), test };
  return { problem: implicitProblem(implicitFromObservations(train, alpha)), test };
}

/**
 * ImplicitData from P's known entries (p ∈ {0, 1}; absent = 0) and C as a base with
 * exceptions — the same data the core's implicitFromMatrices makes from the dense P and C:
 * c0 is the confidence most pairs with p = 0 share (ties: the smaller), and every pair with
 * p = 1 or c ≠ c0 is listed, its value being p.
 */
export function implicitFromSparse(
  spec: Pick<ProblemSpec, 'm' | 'n' | 'userIds' | 'itemIds'>,
  P: Ratings,
  C: { base: number; entries: SparseRows },
): ImplicitData {
  const { m, n } = spec;
  const E = C.entries;
  const pAt = (i: number, j: number) => ratingAt(P, i, j) ?? 0;
  for (const v of P.userVal) if (v !== 0 && v !== 1) throw new RangeError(`P must be binary: an entry is ${v}.`);
  for (const c of E.val) if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`Confidence must be ≥ 0: an entry is ${c}.`);
  if (!(C.base >= 0) || !Number.isFinite(C.base)) throw new RangeError(`Confidence must be ≥ 0: the baseline is ${C.base}.`);

  // c0: counts over pairs with p = 0.
  const counts = new Map<number, number>();
  let liked = 0;
  for (const v of P.userVal) if (v === 1) liked++;
  let listedUnliked = 0;
  for (let i = 0; i < m; i++) {
    for (let p = E.ptr[i]!; p < E.ptr[i + 1]!; p++) {
      if (pAt(i, E.col[p]!) === 1) continue;
      counts.set(E.val[p]!, (counts.get(E.val[p]!) ?? 0) + 1);
      listedUnliked++;
    }
  }
  const baseCount = m * n - liked - listedUnliked;
  if (baseCount > 0) counts.set(C.base, (counts.get(C.base) ?? 0) + baseCount);
  let c0 = 0;
  let best = -1;
  for (const [c, count] of counts) {
    if (count > best || (count === best && c < c0)) {
      best = count;
      c0 = c;
    }
  }

  // The listed pairs, row by row: p = 1, or c ≠ c0.
  const userPtr = new Int32Array(m + 1);
  const cols: number[] = [];
  const ps: number[] = [];
  const cs: number[] = [];
  const dense = C.base !== c0;
  for (let i = 0; i < m; i++) {
    const given = new Map<number, number>();
    for (let p = E.ptr[i]!; p < E.ptr[i + 1]!; p++) given.set(E.col[p]!, E.val[p]!);
    const candidates = new Set<number>(given.keys());
    for (let p = P.userPtr[i]!; p < P.userPtr[i + 1]!; p++) if (P.userVal[p] === 1) candidates.add(P.userCol[p]!);
    const js = dense ? Array.from({ length: n }, (_, j) => j) : [...candidates].sort((a, b) => a - b);
    for (const j of js) {
      const pv = pAt(i, j);
      const c = given.get(j) ?? C.base;
      if (pv === 0 && c === c0) continue;
      cols.push(j);
      ps.push(pv);
      cs.push(c);
    }
    userPtr[i + 1] = cols.length;
  }
  const pattern = ratingsFromCsr(m, n, userPtr, Int32Array.from(cols), Float64Array.from(ps), spec.userIds, spec.itemIds);
  const pUser = Float64Array.from(ps);
  const cUser = Float64Array.from(cs);
  const pItem = new Float64Array(pattern.nnz);
  const cItem = new Float64Array(pattern.nnz);
  for (let q = 0; q < pattern.nnz; q++) {
    const p = pattern.itemToUserPos[q]!;
    pItem[q] = pUser[p]!;
    cItem[q] = cUser[p]!;
  }
  return { pattern, c0, pUser, cUser, pItem, cItem, source: { kind: 'matrix' } };
}
