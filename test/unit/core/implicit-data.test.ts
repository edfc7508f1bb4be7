/**
 * Implicit feedback as the lecture builds it: a binary preference P and a confidence C.
 * The core stores only the pairs that differ from a baseline (p = 0, c = c0); these tests
 * check that the stored form still means the full m×n matrices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE_C,
  LECTURE_P,
  LECTURE_R,
  confidenceMatrix,
  explicitProblem,
  factorsFromArrays,
  heldOutRmse,
  implicitFromMatrices,
  implicitFromObservations,
  implicitProblem,
  metrics,
  preferenceMatrix,
  preferenceRmse,
  ratingsFromDense,
  thresholdRatings,
} from '../../../src/core';
import { densePCFromObservations, dot, smallImplicitMatricesArb, smallProblemArb } from './helpers';

describe("the lecture's P and C", () => {
  const data = implicitFromMatrices(LECTURE_P, LECTURE_C);

  it('baseline confidence c0 = 0: every unobserved pair has c = 0 on the slide', () => {
    expect(data.c0).toBe(0);
    // only the 13 pairs with p = 1 need to be stored
    expect(data.pattern.nnz).toBe(13);
    expect(Array.from(data.pUser).every((p) => p === 1)).toBe(true);
  });

  it('reads back as the full 4×6 matrices of the slide', () => {
    expect(preferenceMatrix(data)).toEqual(LECTURE_P);
    expect(confidenceMatrix(data)).toEqual(LECTURE_C);
  });

  it('P is the pattern of the explicit R: observed ⇔ rated', () => {
    const observed = LECTURE_R.map((row) => row.map((v) => (v === null ? 0 : 1)));
    expect(observed).toEqual(LECTURE_P);
  });
});

describe('implicitFromObservations: c = 1 + α·r, p = [r > 0]', () => {
  it('gives the dense P and C of the definition, including c = 1 for the ?s', () => {
    fc.assert(
      fc.property(smallProblemArb({ minValue: 0 }), fc.double({ min: 0, max: 40, noNaN: true }), ({ R }, alpha) => {
        const data = implicitFromObservations(ratingsFromDense(R), alpha);
        const { P, C } = densePCFromObservations(R, alpha);
        expect(data.c0).toBe(1);
        expect(preferenceMatrix(data)).toEqual(P);
        expect(confidenceMatrix(data)).toEqual(C);
        // the item-ordered copies agree with the user-ordered ones
        const pat = data.pattern;
        for (let j = 0; j < pat.n; j++) {
          for (let q = pat.itemPtr[j]!; q < pat.itemPtr[j + 1]!; q++) {
            const i = pat.itemRow[q]!;
            expect(data.pItem[q]).toBe(P[i]![j]);
            expect(data.cItem[q]).toBe(C[i]![j]);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a worked example with α = 40 (Hu, Koren & Volinsky): r = 2 → c = 81, r = 0 → p = 0 but c = 1', () => {
    const data = implicitFromObservations(ratingsFromDense([[2, 0, null]]), 40);
    expect(preferenceMatrix(data)).toEqual([[1, 0, 0]]);
    expect(confidenceMatrix(data)).toEqual([[81, 1, 1]]);
  });

  it('rejects negative observations and a negative α', () => {
    expect(() => implicitFromObservations(ratingsFromDense([[-1]]), 1)).toThrow(RangeError);
    expect(() => implicitFromObservations(ratingsFromDense([[1]]), -1)).toThrow(RangeError);
  });
});

describe('implicitFromMatrices: any P and C', () => {
  it('stores them losslessly, whatever the baseline confidence', () => {
    fc.assert(
      fc.property(smallImplicitMatricesArb(), ({ P, C }) => {
        const data = implicitFromMatrices(P, C);
        expect(preferenceMatrix(data)).toEqual(P);
        expect(confidenceMatrix(data)).toEqual(C);
        // c0 is the most common confidence among the pairs with p = 0
        const counts = new Map<number, number>();
        P.forEach((row, i) => row.forEach((p, j) => p === 0 && counts.set(C[i]![j]!, (counts.get(C[i]![j]!) ?? 0) + 1)));
        if (counts.size > 0) expect(counts.get(data.c0)).toBe(Math.max(...counts.values()));
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a non-binary P, a negative confidence and mismatched shapes', () => {
    expect(() => implicitFromMatrices([[0.5]], [[1]])).toThrow(/binary/);
    expect(() => implicitFromMatrices([[1]], [[-0.1]])).toThrow(RangeError);
    expect(() => implicitFromMatrices([[1, 0]], [[1]])).toThrow(RangeError);
  });
});

describe('from explicit to implicit (the slide with a threshold)', () => {
  it('a rating at or above the threshold becomes 1, below it 0, and ? stays ?', () => {
    expect(thresholdRatings(LECTURE_R, 3)).toEqual([
      [0, null, null, 0, null, 0],
      [null, 0, 1, null, 0, 0],
      [0, 1, 1, null, null, 1],
      [null, null, 0, null, null, 1],
    ]);
  });
});

describe('implicit fit metrics', () => {
  it('preferenceRmse = sqrt(Σ over all m·n pairs of (p_ij − u_iᵀv_j)² / (m·n))', () => {
    fc.assert(
      fc.property(smallImplicitMatricesArb(), ({ m, n, P, C, U, V }) => {
        const F = factorsFromArrays(U, V);
        let s = 0;
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) s += (P[i]![j]! - dot(U[i]!, V[j]!)) ** 2;
        const expected = Math.sqrt(s / (m * n));
        const actual = preferenceRmse(implicitFromMatrices(P, C), F);
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
      }),
      { numRuns: 100 },
    );
  });

  it('held-out RMSE: against the rating (explicit) or against p = [r > 0] (implicit)', () => {
    // u = [1], v = [2], [0.5]; held out: r₁₁ = 3 and r₁₂ = 0
    const F = factorsFromArrays([[1]], [[2], [0.5]]);
    const test = ratingsFromDense([[3, 0]]);
    const train = ratingsFromDense([[null, null]]);
    // explicit: residuals 3 − 2 = 1 and 0 − 0.5 = −0.5 → sqrt((1 + 0.25)/2)
    expect(heldOutRmse(explicitProblem(train), test, F)).toBeCloseTo(Math.sqrt(1.25 / 2), 14);
    // implicit: p = 1, 0 → residuals 1 − 2 = −1 and 0 − 0.5 → the same numbers here
    const implicitTrain = implicitProblem(implicitFromObservations(train, 1));
    expect(heldOutRmse(implicitTrain, test, F)).toBeCloseTo(Math.sqrt(1.25 / 2), 14);
    // with r = 5 instead of 3 the explicit error grows, the implicit one does not (p is still 1)
    const test5 = ratingsFromDense([[5, 0]]);
    expect(heldOutRmse(explicitProblem(train), test5, F)).toBeCloseTo(Math.sqrt((9 + 0.25) / 2), 14);
    expect(heldOutRmse(implicitTrain, test5, F)).toBeCloseTo(Math.sqrt(1.25 / 2), 14);
  });

  it('metrics bundles the loss parts, train RMSE and test RMSE (null when nothing is held out)', () => {
    const R = ratingsFromDense([
      [1, null],
      [null, 3],
    ]);
    const F = factorsFromArrays([[1], [2]], [[1], [1]]);
    const all = metrics(explicitProblem(R), F, 0.5, null);
    // data: (1−1)² + (3−2)² = 1; regularisation: 0.5·(1 + 4 + 1 + 1) = 3.5
    expect(all.data).toBeCloseTo(1, 14);
    expect(all.regularization).toBeCloseTo(3.5, 14);
    expect(all.total).toBeCloseTo(4.5, 14);
    expect(all.trainRmse).toBeCloseTo(Math.sqrt(0.5), 14);
    expect(all.testRmse).toBeNull();
  });
});
