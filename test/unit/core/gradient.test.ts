/**
 * Gradient descent, the lecture's alternative to ALS ("We can use gradient descent to solve
 * it"): the gradient formula is checked against finite differences of the objective, and
 * the learning rate's two failure modes are shown: too small is slow but safe, too large
 * diverges and must be reported without corrupting U and V.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE_C,
  LECTURE_P,
  LECTURE_R,
  cloneFactors,
  explicitProblem,
  factorsFromArrays,
  gradient,
  gradientStep,
  implicitFromMatrices,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  lossParts,
  ratingsFromDense,
  type Factors,
  type Problem,
  type Side,
} from '../../../src/core';
import { smallImplicitMatricesArb, smallProblemArb } from './helpers';

function expectAllFinite(F: Factors): void {
  expect(Array.from(F.U).every(Number.isFinite), 'U finite').toBe(true);
  expect(Array.from(F.V).every(Number.isFinite), 'V finite').toBe(true);
}

/** (L(x + h e_k) − L(x − h e_k)) / 2h for one coordinate of U or V. */
function centralDifference(problem: Problem, F: Factors, lambda: number, side: Side, k: number): number {
  const h = 1e-5 * Math.max(1, Math.abs((side === 'users' ? F.U : F.V)[k]!));
  const plus = cloneFactors(F);
  const minus = cloneFactors(F);
  (side === 'users' ? plus.U : plus.V)[k]! += h;
  (side === 'users' ? minus.U : minus.V)[k]! -= h;
  return (lossParts(problem, plus, lambda).total - lossParts(problem, minus, lambda).total) / (2 * h);
}

function expectGradientMatchesFiniteDifferences(problem: Problem, F: Factors, lambda: number, picks: number[]): void {
  for (const side of ['users', 'items'] as const) {
    const g = gradient(problem, F, lambda, side);
    const size = side === 'users' ? F.U.length : F.V.length;
    expect(g.length).toBe(size);
    const scale = Math.max(1, lossParts(problem, F, lambda).total);
    for (const pick of picks) {
      const k = pick % size;
      const fd = centralDifference(problem, F, lambda, side, k);
      expect(
        Math.abs(g[k]! - fd),
        `∂L/∂${side === 'users' ? 'U' : 'V'}[${k}]: ${g[k]} vs finite difference ${fd}`,
      ).toBeLessThanOrEqual(1e-7 * scale);
    }
  }
}

describe('the gradient formula agrees with finite differences of the objective', () => {
  it('explicit: ∇u_i = −2 Σ_{j∈Ωᵢ} (r_ij − u_iᵀv_j) v_j + 2λu_i', () => {
    fc.assert(
      fc.property(smallProblemArb(), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), ({ R, U, V, lambda }, picks) => {
        expectGradientMatchesFiniteDifferences(explicitProblem(ratingsFromDense(R)), factorsFromArrays(U, V), lambda, picks);
      }),
      { numRuns: 100 },
    );
  });

  it('implicit (c = 1 + α·r): ∇u_i = −2 Σ_j c_ij (p_ij − u_iᵀv_j) v_j + 2λu_i', () => {
    fc.assert(
      fc.property(
        smallProblemArb({ minValue: 0 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        ({ R, U, V, lambda }, alpha, picks) => {
          const problem = implicitProblem(implicitFromObservations(ratingsFromDense(R), alpha));
          expectGradientMatchesFiniteDifferences(problem, factorsFromArrays(U, V), lambda, picks);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('implicit (P and C entry by entry, including the lecture’s c0 = 0)', () => {
    fc.assert(
      fc.property(
        smallImplicitMatricesArb(),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        ({ P, C, U, V, lambda }, picks) => {
          expectGradientMatchesFiniteDifferences(
            implicitProblem(implicitFromMatrices(P, C)),
            factorsFromArrays(U, V),
            lambda,
            picks,
          );
        },
      ),
      { numRuns: 100 },
    );
    const lecture = implicitProblem(implicitFromMatrices(LECTURE_P, LECTURE_C));
    expectGradientMatchesFiniteDifferences(lecture, initFactors(4, 6, 2, { seed: 9, scale: 1 }), 0.2, [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('a worked example: one rating r = 3, u = [1], v = [2], λ = 0.5', () => {
    // L = (3 − 2)² + 0.5·(1 + 4); ∂L/∂u = −2·(3 − 2)·2 + 2·0.5·1 = −3; ∂L/∂v = −2·(3 − 2)·1 + 2·0.5·2 = 0
    const problem = explicitProblem(ratingsFromDense([[3]]));
    const F = factorsFromArrays([[1]], [[2]]);
    expect(lossParts(problem, F, 0.5).total).toBeCloseTo(3.5, 14);
    expect(Array.from(gradient(problem, F, 0.5, 'users'))).toEqual([-3]);
    expect(Array.from(gradient(problem, F, 0.5, 'items'))).toEqual([0]);
  });
});

describe('gradient descent on the lecture R', () => {
  const problem = explicitProblem(ratingsFromDense(LECTURE_R));
  const lambda = 0.1;

  it('a small learning rate decreases the loss at every one of 50 steps', () => {
    const F = initFactors(4, 6, 2, { seed: 1, scale: 0.5 });
    const start = lossParts(problem, F, lambda).total;
    let last = start;
    for (let step = 0; step < 50; step++) {
      const result = gradientStep(problem, F, lambda, 0.005);
      expect(result.diverged).toBeNull();
      // the reported loss is the loss of the new factors
      expect(result.loss).toBeCloseTo(lossParts(problem, F, lambda).total, 10);
      expect(result.loss).toBeLessThan(last);
      last = result.loss;
    }
    expect(last).toBeLessThan(0.9 * start);
    expectAllFinite(F);
  });

  it('a huge learning rate (η = 10) is reported as diverging and never leaves NaN or Infinity', () => {
    const F = initFactors(4, 6, 2, { seed: 1, scale: 0.5 });
    let message: string | null = null;
    let best = Number.POSITIVE_INFINITY;
    for (let step = 0; step < 20 && message === null; step++) {
      const result = gradientStep(problem, F, lambda, 10, 'both', best);
      expectAllFinite(F);
      expect(Number.isFinite(result.loss)).toBe(true);
      best = Math.min(best, result.loss);
      message = result.diverged;
    }
    expect(message).not.toBeNull();
    expect(message!).toMatch(/diverg/i);
    expect(message!).toMatch(/η = 10\b/);
    expect(message!).toMatch(/learning rate/);
    // keep pushing: the factors stay finite even once the loss would overflow
    for (let step = 0; step < 50; step++) {
      const result = gradientStep(problem, F, lambda, 10, 'both', best);
      expectAllFinite(F);
      expect(Number.isFinite(lossParts(problem, F, lambda).total)).toBe(true);
      if (result.diverged === null) best = Math.min(best, result.loss);
    }
  });

  it('a step on U only leaves V untouched, and vice versa', () => {
    const F = initFactors(4, 6, 2, { seed: 2, scale: 0.5 });
    const V0 = Array.from(F.V);
    gradientStep(problem, F, lambda, 0.01, 'users');
    expect(Array.from(F.V)).toEqual(V0);
    const U1 = Array.from(F.U);
    gradientStep(problem, F, lambda, 0.01, 'items');
    expect(Array.from(F.U)).toEqual(U1);
  });

  it('a learning rate that is not a positive number is refused', () => {
    const F = initFactors(4, 6, 2, { seed: 1, scale: 0.5 });
    expect(() => gradientStep(problem, F, lambda, 0)).toThrow(RangeError);
    expect(() => gradientStep(problem, F, lambda, Number.NaN)).toThrow(RangeError);
  });
});
