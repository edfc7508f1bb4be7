/**
 * What ALS guarantees, as properties over many random small problems:
 *
 * (a) each half-step solves a convex problem exactly, so the objective never goes up;
 * (b) after a half-step, the gradient with respect to the solved matrix is zero;
 * (d) when a row's normal equations are singular (λ = 0 and too few ratings), the row is
 *     reported and left alone: no NaN or Infinity ever enters U or V.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE_C,
  LECTURE_ITEM_IDS,
  LECTURE_P,
  LECTURE_R,
  LECTURE_USER_IDS,
  alsHalfStep,
  alsStep,
  cloneFactors,
  explicitProblem,
  factorsFromArrays,
  gradient,
  implicitFromMatrices,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  lossParts,
  ratingsFromDense,
  traceSolve,
  type Factors,
  type Problem,
  type Side,
} from '../../../src/core';
import {
  densePCFromObservations,
  dot,
  maxAbs,
  rowsOf,
  smallImplicitMatricesArb,
  smallProblemArb,
  transposeDense,
} from './helpers';

const RUNS = 100;
const sides: Side[] = ['users', 'items'];

function expectNoIncrease(problem: Problem, F: Factors, side: Side, lambda: number): void {
  const before = lossParts(problem, F, lambda).total;
  alsHalfStep(problem, F, side, lambda);
  const after = lossParts(problem, F, lambda).total;
  expect(after, `${side} half-step: ${before} → ${after}`).toBeLessThanOrEqual(before + 1e-9 * Math.max(1, Math.abs(before)));
}

function expectAllFinite(F: Factors): void {
  expect(Array.from(F.U).every(Number.isFinite), 'U finite').toBe(true);
  expect(Array.from(F.V).every(Number.isFinite), 'V finite').toBe(true);
}

/**
 * The gradient of Σ_j W_ij (T_ij − x_iᵀy_j)² + λ‖x_i‖² with respect to x_i, computed the
 * slow way from dense W (1 on Ω for explicit, C for implicit) and T (R or P), together with
 * the size of the terms that cancel in it (to make "≈ 0" relative).
 */
function bruteGradient(W: number[][], T: number[][], X: number[][], Y: number[][], lambda: number) {
  const grad: number[][] = [];
  let scale = 1;
  X.forEach((x, i) => {
    const g = x.map((xa) => 2 * lambda * xa);
    let size = 2 * lambda * maxAbs(x);
    Y.forEach((y, j) => {
      const w = W[i]![j]!;
      if (w === 0) return;
      const pred = dot(x, y);
      y.forEach((ya, a) => (g[a]! += -2 * w * (T[i]![j]! - pred) * ya));
      size += 2 * w * (Math.abs(T[i]![j]!) + Math.abs(pred)) * maxAbs(y);
    });
    scale = Math.max(scale, size);
    grad.push(g);
  });
  return { grad, scale };
}

function weightsOfExplicit(R: (number | null)[][]) {
  return { W: R.map((row) => row.map((v) => (v === null ? 0 : 1))), T: R.map((row) => row.map((v) => v ?? 0)) };
}

function expectStationary(problem: Problem, F: Factors, side: Side, lambda: number, W: number[][], T: number[][]): void {
  const U = rowsOf(F.U, F.m, F.d);
  const V = rowsOf(F.V, F.n, F.d);
  const { grad, scale } =
    side === 'users' ? bruteGradient(W, T, U, V, lambda) : bruteGradient(transposeDense(W), transposeDense(T), V, U, lambda);
  const g = gradient(problem, F, lambda, side);
  expect(maxAbs(g), `core ∇ (${side}), scale ${scale}`).toBeLessThanOrEqual(1e-8 * scale);
  expect(maxAbs(grad.flat()), `brute-force ∇ (${side}), scale ${scale}`).toBeLessThanOrEqual(1e-8 * scale);
}

describe('(a) no ALS half-step increases the objective (λ > 0)', () => {
  it('explicit, users then items then users again', () => {
    fc.assert(
      fc.property(smallProblemArb(), ({ R, U, V, lambda }) => {
        const problem = explicitProblem(ratingsFromDense(R));
        const F = factorsFromArrays(U, V);
        for (const side of [...sides, 'users' as const]) expectNoIncrease(problem, F, side, lambda);
        expectAllFinite(F);
      }),
      { numRuns: RUNS },
    );
  });

  it('implicit with c = 1 + α·r', () => {
    fc.assert(
      fc.property(smallProblemArb({ minValue: 0 }), fc.double({ min: 0, max: 40, noNaN: true }), ({ R, U, V, lambda }, alpha) => {
        const problem = implicitProblem(implicitFromObservations(ratingsFromDense(R), alpha));
        const F = factorsFromArrays(U, V);
        for (const side of [...sides, 'users' as const]) expectNoIncrease(problem, F, side, lambda);
        expectAllFinite(F);
      }),
      { numRuns: RUNS },
    );
  });

  it('implicit with P and C given entry by entry', () => {
    fc.assert(
      fc.property(smallImplicitMatricesArb(), ({ P, C, U, V, lambda }) => {
        const problem = implicitProblem(implicitFromMatrices(P, C));
        const F = factorsFromArrays(U, V);
        for (const side of [...sides, 'users' as const]) expectNoIncrease(problem, F, side, lambda);
      }),
      { numRuns: RUNS },
    );
  });

  it('on the lecture R, 20 full ALS iterations bring the loss down monotonically', () => {
    const problem = explicitProblem(ratingsFromDense(LECTURE_R));
    const F = initFactors(4, 6, 2, { seed: 42, scale: 0.5 });
    const lambda = 0.1;
    let last = lossParts(problem, F, lambda).total;
    const first = last;
    for (let it = 0; it < 20; it++) {
      alsStep(problem, F, lambda);
      const now = lossParts(problem, F, lambda).total;
      expect(now).toBeLessThanOrEqual(last * (1 + 1e-12));
      last = now;
    }
    expect(last).toBeLessThan(first / 2);
  });
});

describe('(b) after a half-step the gradient with respect to the solved matrix is ~0', () => {
  it('explicit: ∂L/∂U = 0 after the users half-step, ∂L/∂V = 0 after the items half-step', () => {
    fc.assert(
      fc.property(smallProblemArb(), ({ R, U, V, lambda }) => {
        const problem = explicitProblem(ratingsFromDense(R));
        const F = factorsFromArrays(U, V);
        const { W, T } = weightsOfExplicit(R);
        alsHalfStep(problem, F, 'users', lambda);
        expectStationary(problem, F, 'users', lambda, W, T);
        alsHalfStep(problem, F, 'items', lambda);
        expectStationary(problem, F, 'items', lambda, W, T);
      }),
      { numRuns: RUNS },
    );
  });

  it('implicit (c = 1 + α·r): the same', () => {
    fc.assert(
      fc.property(smallProblemArb({ minValue: 0 }), fc.double({ min: 0, max: 40, noNaN: true }), ({ R, U, V, lambda }, alpha) => {
        const problem = implicitProblem(implicitFromObservations(ratingsFromDense(R), alpha));
        const F = factorsFromArrays(U, V);
        const { P, C } = densePCFromObservations(R, alpha);
        alsHalfStep(problem, F, 'users', lambda);
        expectStationary(problem, F, 'users', lambda, C, P);
        alsHalfStep(problem, F, 'items', lambda);
        expectStationary(problem, F, 'items', lambda, C, P);
      }),
      { numRuns: RUNS },
    );
  });

  it('implicit (P and C entry by entry): the same', () => {
    fc.assert(
      fc.property(smallImplicitMatricesArb(), ({ P, C, U, V, lambda }) => {
        const problem = implicitProblem(implicitFromMatrices(P, C));
        const F = factorsFromArrays(U, V);
        alsHalfStep(problem, F, 'items', lambda);
        expectStationary(problem, F, 'items', lambda, C, P);
        alsHalfStep(problem, F, 'users', lambda);
        expectStationary(problem, F, 'users', lambda, C, P);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('(d) singular rows are reported, never NaN', () => {
  it('lecture R, λ = 0, d = 3: user 4 has only 2 ratings, so u₄ is not unique', () => {
    const problem = explicitProblem(ratingsFromDense(LECTURE_R));
    const F = initFactors(4, 6, 3, { seed: 5, scale: 0.5 });
    const before = cloneFactors(F);
    const result = alsHalfStep(problem, F, 'users', 0);
    expect(result.singular.map((s) => ({ id: s.id, index: s.index, count: s.count }))).toEqual([
      { id: 'u4', index: 3, count: 2 },
    ]);
    expect(result.singular[0]!.reason).toMatch(/only 2 known ratings/);
    expect(result.singular[0]!.reason).toMatch(/d = 3/);
    expectAllFinite(F);
    // u₄ is left exactly as it was; the other users moved
    expect(Array.from(F.U.subarray(9, 12))).toEqual(Array.from(before.U.subarray(9, 12)));
    expect(Array.from(F.U.subarray(0, 3))).not.toEqual(Array.from(before.U.subarray(0, 3)));

    // the items half-step: items 1, 2 (2 ratings), 4, 5 (1 rating) fall short of d = 3
    const items = alsHalfStep(problem, F, 'items', 0);
    expect(items.singular.map((s) => [s.id, s.count])).toEqual([
      ['m1', 2],
      ['m2', 2],
      ['m4', 1],
      ['m5', 1],
    ]);
    expectAllFinite(F);
  });

  it('the trace of a singular row explains it: det ≈ 0, smallest eigenvalue ≈ 0, no solution', () => {
    const problem = explicitProblem(ratingsFromDense(LECTURE_R));
    const F = initFactors(4, 6, 3, { seed: 5, scale: 0.5 });
    const t = traceSolve(problem, F, 'users', 3, 0);
    expect(t.solution).toBeNull();
    expect(t.inverse).toBeNull();
    expect(t.singular).not.toBeNull();
    expect(t.singular!.count).toBe(2);
    expect(Math.abs(t.singular!.determinant)).toBeLessThan(1e-12);
    expect(t.singular!.eigenvalues).toHaveLength(3);
    expect(Math.abs(t.singular!.eigenvalues[0]!)).toBeLessThan(1e-12);
    expect(t.singular!.eigenvalues[2]!).toBeGreaterThan(1e-3);
    // any λ > 0 fixes it
    expect(traceSolve(problem, F, 'users', 3, 0.01).solution).not.toBeNull();
  });

  it('a user with no ratings at all and λ = 0 is reported with count 0', () => {
    const R = ratingsFromDense([
      [1, 2, 3],
      [null, null, null],
      [4, null, 5],
    ]);
    const F = factorsFromArrays(
      [
        [0.5, 1],
        [7, -7],
        [1, 0.25],
      ],
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
    );
    const result = alsHalfStep(explicitProblem(R), F, 'users', 0);
    expect(result.singular.map((s) => [s.id, s.count])).toEqual([['u2', 0]]);
    expect(result.singular[0]!.reason).toMatch(/no known ratings/);
    expect(Array.from(F.U.subarray(2, 4))).toEqual([7, -7]);
    expectAllFinite(F);
  });

  it('random R, λ = 0: every row with fewer ratings than d is reported and left unchanged', () => {
    fc.assert(
      fc.property(smallProblemArb(), fc.constantFrom<Side>('users', 'items'), ({ R, U, V, d }, side) => {
        const problem = explicitProblem(ratingsFromDense(R));
        const F = factorsFromArrays(U, V);
        const before = cloneFactors(F);
        const result = alsHalfStep(problem, F, side, 0);
        const rowsOfSide = side === 'users' ? R : transposeDense(R);
        const counts = rowsOfSide.map((row) => row.filter((v) => v !== null).length);
        const reported = new Map(result.singular.map((s) => [s.index, s]));
        counts.forEach((count, r) => {
          if (count < d) expect(reported.has(r), `row ${r} has ${count} < d = ${d} ratings`).toBe(true);
        });
        const target = side === 'users' ? F.U : F.V;
        const old = side === 'users' ? before.U : before.V;
        for (const s of result.singular) {
          expect(s.side).toBe(side);
          expect(s.count).toBe(counts[s.index]);
          expect(s.id).toBe(side === 'users' ? `u${s.index + 1}` : `m${s.index + 1}`);
          expect(Array.from(target.subarray(s.index * d, s.index * d + d))).toEqual(
            Array.from(old.subarray(s.index * d, s.index * d + d)),
          );
        }
        expectAllFinite(F);
      }),
      { numRuns: RUNS },
    );
  });

  it("implicit with the lecture's C (confidence 0 when unobserved), λ = 0: u₄ has only 2 pairs that count", () => {
    const problem = implicitProblem(implicitFromMatrices(LECTURE_P, LECTURE_C, LECTURE_USER_IDS, LECTURE_ITEM_IDS));
    const F = initFactors(4, 6, 3, { seed: 11, scale: 0.5 });
    const before = cloneFactors(F);
    const users = alsHalfStep(problem, F, 'users', 0);
    expect(users.singular.map((s) => ({ id: s.id, count: s.count }))).toEqual([{ id: 'u4', count: 2 }]);
    expect(users.singular[0]!.reason).toMatch(/confidence/);
    expect(Array.from(F.U.subarray(9, 12))).toEqual(Array.from(before.U.subarray(9, 12)));
    expectAllFinite(F);

    // with d = 2, items i4 and i5 each have a single observed user
    const G = initFactors(4, 6, 2, { seed: 11, scale: 0.5 });
    const items = alsHalfStep(problem, G, 'items', 0);
    expect(items.singular.map((s) => [s.id, s.count])).toEqual([
      ['i4', 1],
      ['i5', 1],
    ]);
    expectAllFinite(G);
    const t = traceSolve(problem, G, 'items', 3, 0);
    expect(t.singular?.count).toBe(1);
    expect(t.solution).toBeNull();
  });

  it('implicit with c0 = 1 (every pair counts): λ = 0 is fine even for a user with no observations', () => {
    const problem = implicitProblem(
      implicitFromObservations(
        ratingsFromDense([
          [3, null, null],
          [null, null, null],
          [null, 1, 2],
        ]),
        5,
      ),
    );
    const F = factorsFromArrays(
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [
        [1, 0.5],
        [0.2, 1],
        [-1, 1],
      ],
    );
    const result = alsHalfStep(problem, F, 'users', 0);
    expect(result.singular).toEqual([]);
    // u₂ has p = 0 everywhere, so its best fit is 0
    expect(maxAbs(F.U.subarray(2, 4))).toBeLessThan(1e-12);
    expectAllFinite(F);
  });
});
