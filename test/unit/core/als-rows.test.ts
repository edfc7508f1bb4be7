/**
 * A half-step solves every row independently ("∀ i ∈ 𝒰, min over u_i ..."): so solving a
 * subset of rows, or the rows in separate ranges (as the parallel workers do), must give
 * exactly the rows of the full half-step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE_R,
  alsHalfStep,
  checkShapes,
  cloneFactors,
  explicitProblem,
  factorsFromArrays,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  ratingsFromDense,
  solveRowRange,
  solveRows,
  traceSolve,
  type Side,
} from '../../../src/core';
import { smallProblemArb } from './helpers';

describe('rows are solved independently', () => {
  it('solveRows on a subset changes exactly those rows, to the values of the full half-step', () => {
    fc.assert(
      fc.property(
        smallProblemArb(),
        fc.boolean(),
        fc.constantFrom<Side>('users', 'items'),
        fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        ({ R, U, V, lambda, d }, implicit, side, pick) => {
          const ratings = ratingsFromDense(R);
          const problem = implicit ? implicitProblem(implicitFromObservations(ratings, 2)) : explicitProblem(ratings);
          const F = factorsFromArrays(U, V);
          const full = cloneFactors(F);
          alsHalfStep(problem, full, side, lambda);
          const rows = side === 'users' ? F.m : F.n;
          const chosen = Array.from({ length: rows }, (_, r) => r).filter((r) => pick[r]);
          const part = cloneFactors(F);
          const result = solveRows(problem, part, side, lambda, chosen);
          expect(result.rowsSolved).toBe(chosen.length);
          const [got, want, old] = side === 'users' ? [part.U, full.U, F.U] : [part.V, full.V, F.V];
          for (let r = 0; r < rows; r++) {
            const slice = (X: Float64Array) => Array.from(X.subarray(r * d, r * d + d));
            expect(slice(got), `row ${r}`).toEqual(pick[r] ? slice(want) : slice(old));
          }
          // the fixed side is never touched
          expect(Array.from(side === 'users' ? part.V : part.U)).toEqual(Array.from(side === 'users' ? F.V : F.U));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('two ranges [0, k) and [k, m) give the same U as one half-step', () => {
    const problem = explicitProblem(ratingsFromDense(LECTURE_R));
    const F = initFactors(4, 6, 2, { seed: 8, scale: 0.5 });
    const full = cloneFactors(F);
    alsHalfStep(problem, full, 'users', 0.1);
    for (let k = 0; k <= 4; k++) {
      const G = cloneFactors(F);
      solveRowRange(problem, G, 'users', 0.1, k, 4);
      solveRowRange(problem, G, 'users', 0.1, 0, k);
      expect(Array.from(G.U)).toEqual(Array.from(full.U));
    }
  });
});

describe('argument checks', () => {
  const problem = explicitProblem(ratingsFromDense(LECTURE_R));

  it('a negative or non-finite λ is refused', () => {
    const F = initFactors(4, 6, 2);
    expect(() => alsHalfStep(problem, F, 'users', -0.1)).toThrow(RangeError);
    expect(() => alsHalfStep(problem, F, 'users', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('tracing a row that does not exist is refused, naming it 1-based', () => {
    const F = initFactors(4, 6, 2);
    expect(() => traceSolve(problem, F, 'users', 4, 0.1)).toThrow(/no user number 5/);
    expect(() => traceSolve(problem, F, 'items', -1, 0.1)).toThrow(RangeError);
  });

  it('U and V must have the shape of R', () => {
    expect(() => checkShapes(problem, initFactors(4, 6, 3))).not.toThrow();
    expect(() => checkShapes(problem, initFactors(6, 4, 2))).toThrow(/4×6/);
  });

  it('factorsFromArrays needs rows of equal length d ≥ 1', () => {
    expect(() => factorsFromArrays([[1, 2]], [[1]])).toThrow(RangeError);
    expect(() => factorsFromArrays([[]], [[]])).toThrow(RangeError);
  });
});
