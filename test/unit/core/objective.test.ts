/**
 * The two objectives of the lecture, checked against brute-force sums written straight
 * from the slides:
 *
 *   explicit:  Σ_{(i,j)∈Ω} (r_ij − u_iᵀv_j)² + λ(Σ‖u_i‖² + Σ‖v_j‖²)
 *   implicit:  Σ_{all i,j} c_ij (p_ij − u_iᵀv_j)² + λ(Σ‖u_i‖² + Σ‖v_j‖²)
 *
 * The core computes the implicit sum without visiting all m·n pairs (via UᵀU and VᵀV);
 * the brute force does visit every pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE_C,
  LECTURE_P,
  LECTURE_U,
  LECTURE_VT,
  explicitProblem,
  factorsFromArrays,
  implicitFromMatrices,
  implicitFromObservations,
  implicitProblem,
  lossParts,
  ratingsFromDense,
  rmse,
} from '../../../src/core';
import {
  bruteExplicitObjective,
  bruteImplicitObjective,
  densePCFromObservations,
  frob2,
  smallImplicitMatricesArb,
  smallProblemArb,
  transposeDense,
} from './helpers';

function expectRelClose(actual: number, expected: number, tol: number, what = ''): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tol * Math.max(1, Math.abs(expected)),
  );
}

describe('explicit objective', () => {
  it('equals the brute-force sum over the known entries', () => {
    fc.assert(
      fc.property(smallProblemArb({ minLambda: 0, maxLambda: 5 }), ({ R, U, V, lambda }) => {
        const parts = lossParts(explicitProblem(ratingsFromDense(R)), factorsFromArrays(U, V), lambda);
        expectRelClose(parts.total, bruteExplicitObjective(R, U, V, lambda), 1e-12, 'total');
        expectRelClose(parts.data, bruteExplicitObjective(R, U, V, 0), 1e-12, 'data');
        expectRelClose(parts.regularization, lambda * (frob2(U) + frob2(V)), 1e-12, 'regularization');
        expect(parts.total).toBe(parts.data + parts.regularization);
      }),
      { numRuns: 100 },
    );
  });

  it('RMSE = sqrt(data term / |Ω|)', () => {
    // A 2×2 example: R = [[1, ?], [?, 3]], u = [1], [2], v = [1], [1] → residuals 0 and 1
    const R = ratingsFromDense([
      [1, null],
      [null, 3],
    ]);
    const F = factorsFromArrays([[1], [2]], [[1], [1]]);
    expect(rmse(R, F)).toBeCloseTo(Math.sqrt(1 / 2), 15);
  });
});

describe('implicit objective over all m·n pairs', () => {
  it("the lecture's P and C with the toy U, V: brute force over the 24 pairs", () => {
    const U = LECTURE_U;
    const V = transposeDense(LECTURE_VT);
    const F = factorsFromArrays(U, V);
    const problem = implicitProblem(implicitFromMatrices(LECTURE_P, LECTURE_C));
    // with C = 0 wherever P = 0, only the 13 observed pairs weigh in: c_ij (1 − r̂_ij)²
    // user 1: 0.85·(1−1)² + 0.34·(1−2.3)² + 0.98·(1−3.2)² = 0 + 0.5746 + 4.7432
    const user1 = 0.85 * 0 + 0.34 * 1.3 ** 2 + 0.98 * 2.2 ** 2;
    expect(user1).toBeCloseTo(5.3178, 10);
    for (const lambda of [0, 0.1, 1]) {
      expectRelClose(
        lossParts(problem, F, lambda).total,
        bruteImplicitObjective(LECTURE_P, LECTURE_C, U, V, lambda),
        1e-12,
        `λ = ${lambda}`,
      );
    }
  });

  it('c = 1 + α·r, p = [r > 0], unobserved c = 1: equals the brute force', () => {
    fc.assert(
      fc.property(
        smallProblemArb({ minValue: 0, maxValue: 5, minLambda: 0 }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        ({ R, U, V, lambda }, alpha) => {
          const { P, C } = densePCFromObservations(R, alpha);
          const parts = lossParts(
            implicitProblem(implicitFromObservations(ratingsFromDense(R), alpha)),
            factorsFromArrays(U, V),
            lambda,
          );
          expectRelClose(parts.data, bruteImplicitObjective(P, C, U, V, 0), 1e-10, 'data');
          expectRelClose(parts.total, bruteImplicitObjective(P, C, U, V, lambda), 1e-10, 'total');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('P and C entry by entry (any baseline confidence): equals the brute force', () => {
    fc.assert(
      fc.property(smallImplicitMatricesArb(), ({ P, C, U, V, lambda }) => {
        const parts = lossParts(implicitProblem(implicitFromMatrices(P, C)), factorsFromArrays(U, V), lambda);
        expectRelClose(parts.total, bruteImplicitObjective(P, C, U, V, lambda), 1e-10, 'total');
      }),
      { numRuns: 100 },
    );
  });

  it('the unobserved pairs count: with c0 = 1, predicting 1 everywhere is penalised on the ?s', () => {
    // R = [[5, ?]] with u = [1], v₁ = v₂ = [1]: p = [1, 0], c = [1 + 2·5, 1] = [11, 1]
    // loss = 11·(1 − 1)² + 1·(0 − 1)² = 1
    const data = implicitFromObservations(ratingsFromDense([[5, null]]), 2);
    const F = factorsFromArrays([[1]], [[1], [1]]);
    expect(lossParts(implicitProblem(data), F, 0).data).toBeCloseTo(1, 14);
  });
});
