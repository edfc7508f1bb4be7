/**
 * Shared helpers for the core tests: independent reference computations (plain loops over
 * dense matrices) and fast-check generators of small problems. The mathjs oracles live in
 * oracle.ts, so that only the tests that need mathjs pay for loading it.
 *
 * Nothing here calls the code under test to compute an expected value: the oracles read
 * only the dense matrices the tests build themselves.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** A dense classroom matrix: number = known, null = `?`. */
export type Dense = (number | null)[][];

/** Largest absolute entry of a list of numbers (0 for an empty list). */
export function maxAbs(xs: ArrayLike<number>): number {
  let s = 0;
  for (let p = 0; p < xs.length; p++) s = Math.max(s, Math.abs(xs[p]!));
  return s;
}

/** Asserts ‖actual − expected‖∞ ≤ tol · max(1, ‖expected‖∞): a relative check that tolerates entries near 0. */
export function expectVectorClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what = ''): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  const scale = Math.max(1, maxAbs(expected));
  let worst = 0;
  for (let p = 0; p < expected.length; p++) worst = Math.max(worst, Math.abs(actual[p]! - expected[p]!));
  expect(worst, `${what}: max |actual − expected| = ${worst} (scale ${scale})`).toBeLessThanOrEqual(tol * scale);
}

export function expectMatrixClose(actual: number[][], expected: number[][], tol: number, what = ''): void {
  expect(actual.length, `${what} rows`).toBe(expected.length);
  expectVectorClose(actual.flat(), expected.flat(), tol, what);
}

/** Rows of a row-major buffer, written out independently of the core's own helpers. */
export function rowsOf(buffer: ArrayLike<number>, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < cols; c++) row.push(buffer[r * cols + c]!);
    out.push(row);
  }
  return out;
}

export function transposeDense<T>(A: readonly (readonly T[])[]): T[][] {
  const rows = A.length;
  const cols = rows > 0 ? A[0]!.length : 0;
  return Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => A[r]![c]!));
}

/** Brute-force explicit objective over a dense R: Σ_known (r − u·v)² + λ(‖U‖² + ‖V‖²). */
export function bruteExplicitObjective(R: Dense, U: number[][], V: number[][], lambda: number): number {
  let data = 0;
  R.forEach((row, i) =>
    row.forEach((r, j) => {
      if (r === null) return;
      const e = r - dot(U[i]!, V[j]!);
      data += e * e;
    }),
  );
  return data + lambda * (frob2(U) + frob2(V));
}

/** Brute-force implicit objective over all m·n pairs: Σ c_ij (p_ij − u·v)² + λ(‖U‖² + ‖V‖²). */
export function bruteImplicitObjective(P: number[][], C: number[][], U: number[][], V: number[][], lambda: number): number {
  let data = 0;
  for (let i = 0; i < P.length; i++) {
    for (let j = 0; j < P[i]!.length; j++) {
      const e = P[i]![j]! - dot(U[i]!, V[j]!);
      data += C[i]![j]! * e * e;
    }
  }
  return data + lambda * (frob2(U) + frob2(V));
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

export function frob2(A: number[][]): number {
  let s = 0;
  for (const row of A) for (const x of row) s += x * x;
  return s;
}

/** Dense P and C of "c = 1 + α·r, p = [r > 0]" (unobserved: p = 0, c = 1), from the definition. */
export function densePCFromObservations(R: Dense, alpha: number): { P: number[][]; C: number[][] } {
  return {
    P: R.map((row) => row.map((r) => (r !== null && r > 0 ? 1 : 0))),
    C: R.map((row) => row.map((r) => (r === null ? 1 : 1 + alpha * r))),
  };
}

// ---------------------------------------------------------------- generators

export interface SmallProblem {
  m: number;
  n: number;
  d: number;
  /** Dense R: values in 1..5, `null` for `?`. */
  R: Dense;
  U: number[][];
  V: number[][];
  lambda: number;
  /** A user and an item to look at. */
  user: number;
  item: number;
}

const factorEntry = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true });

function matrixArb<T>(rows: number, cols: number, entry: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  return fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
}

/**
 * A small explicit problem: m, n ∈ 2..7, d ∈ 1..4, a random density, ratings in 1..5,
 * λ ∈ (0.01, 5) and random factors with entries in [−2, 2].
 */
export function smallProblemArb(
  options: { minValue?: number; maxValue?: number; minLambda?: number; maxLambda?: number } = {},
): fc.Arbitrary<SmallProblem> {
  const minValue = options.minValue ?? 1;
  const maxValue = options.maxValue ?? 5;
  return fc
    .record({
      m: fc.integer({ min: 2, max: 7 }),
      n: fc.integer({ min: 2, max: 7 }),
      d: fc.integer({ min: 1, max: 4 }),
      density: fc.double({ min: 0.05, max: 1, noNaN: true }),
    })
    .chain(({ m, n, d, density }) =>
      fc.record({
        m: fc.constant(m),
        n: fc.constant(n),
        d: fc.constant(d),
        R: matrixArb(
          m,
          n,
          fc
            .tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: minValue, max: maxValue }))
            .map(([u, v]) => (u < density ? v : null)),
        ),
        U: matrixArb(m, d, factorEntry),
        V: matrixArb(n, d, factorEntry),
        lambda: fc.double({ min: options.minLambda ?? 0.01, max: options.maxLambda ?? 5, noNaN: true }),
        user: fc.nat({ max: m - 1 }),
        item: fc.nat({ max: n - 1 }),
      }),
    );
}

export interface SmallImplicitMatrices {
  m: number;
  n: number;
  d: number;
  P: number[][];
  C: number[][];
  U: number[][];
  V: number[][];
  lambda: number;
  user: number;
  item: number;
}

/**
 * Implicit data given entry by entry, lecture style: p ∈ {0, 1}; observed pairs get a
 * confidence in (0, 1], unobserved pairs share a baseline confidence (0 like the lecture,
 * or some other value), and a few unobserved pairs may differ from it.
 */
export function smallImplicitMatricesArb(): fc.Arbitrary<SmallImplicitMatrices> {
  return fc
    .record({
      m: fc.integer({ min: 2, max: 7 }),
      n: fc.integer({ min: 2, max: 7 }),
      d: fc.integer({ min: 1, max: 4 }),
      density: fc.double({ min: 0.05, max: 1, noNaN: true }),
      baseline: fc.constantFrom(0, 0, 0.5, 1),
    })
    .chain(({ m, n, d, density, baseline }) =>
      fc
        .record({
          cells: matrixArb(
            m,
            n,
            fc.tuple(
              fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
              fc.double({ min: 0.01, max: 1, noNaN: true }),
              fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
            ),
          ),
          U: matrixArb(m, d, factorEntry),
          V: matrixArb(n, d, factorEntry),
          lambda: fc.double({ min: 0.01, max: 5, noNaN: true }),
          user: fc.nat({ max: m - 1 }),
          item: fc.nat({ max: n - 1 }),
        })
        .map(({ cells, ...rest }) => ({
          m,
          n,
          d,
          // observed with probability `density`; one unobserved pair in ten gets an odd confidence
          P: cells.map((row) => row.map(([u]) => (u < density ? 1 : 0))),
          C: cells.map((row) => row.map(([u, c, w]) => (u < density ? c : w < 0.1 ? c : baseline))),
          ...rest,
        })),
    );
}
