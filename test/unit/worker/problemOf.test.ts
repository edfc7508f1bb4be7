/**
 * The worker's problem from the lab's sparse data: the same model the core builds from
 * dense matrices — R from the CSR arrays, and the lecture's C (a base with exceptions) as
 * the core's implicitFromMatrices makes it from the dense P and C.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { implicitFromMatrices, LECTURE_C, LECTURE_P, LECTURE_R, ratingsFromDense } from '../../../src/core';
import { labDataFromDense, toProblemSpec } from '../../../src/state/labData';
import { lecturePC, lectureR } from '../../../src/state/presets';
import { problemOf } from '../../../src/worker/problemOf';

const sameRatings = (a: ReturnType<typeof ratingsFromDense>, b: ReturnType<typeof ratingsFromDense>) => {
  for (const key of ['m', 'n', 'nnz'] as const) expect(a[key]).toBe(b[key]);
  for (const key of ['userPtr', 'userCol', 'userVal', 'itemPtr', 'itemRow', 'itemVal', 'itemToUserPos'] as const)
    expect(Array.from(a[key])).toEqual(Array.from(b[key]));
};

describe('problemOf', () => {
  it('the lecture’s R: the same Ratings the core builds from the dense matrix', () => {
    const { problem, test } = problemOf(toProblemSpec(lectureR()), 10);
    expect(problem.mode).toBe('explicit');
    if (problem.mode === 'explicit') sameRatings(problem.R, ratingsFromDense(LECTURE_R));
    expect(test).toBeNull();
  });

  it('the lecture’s P and C: the core’s implicit data, c0 = 0', () => {
    const { problem } = problemOf(toProblemSpec(lecturePC()), 10);
    const expected = implicitFromMatrices(LECTURE_P, LECTURE_C);
    expect(problem.mode).toBe('implicit');
    if (problem.mode !== 'implicit') return;
    expect(problem.data.c0).toBe(expected.c0);
    sameRatings(problem.data.pattern, expected.pattern);
    expect(Array.from(problem.data.cUser)).toEqual(Array.from(expected.cUser));
    expect(Array.from(problem.data.pItem)).toEqual(Array.from(expected.pItem));
    expect(Array.from(problem.data.cItem)).toEqual(Array.from(expected.cItem));
  });

  it('random P and C, with held-out pairs (p = 0 and no confidence): equal to the dense construction (property)', () => {
    const arb = fc.record({ m: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 6 }) }).chain(({ m, n }) =>
      fc.record({
        P: fc.array(fc.array(fc.constantFrom<number | null>(null, 0, 1), { minLength: n, maxLength: n }), {
          minLength: m,
          maxLength: m,
        }),
        C: fc.array(fc.array(fc.constantFrom(0, 0, 1, 1, 2.5, 0.3), { minLength: n, maxLength: n }), {
          minLength: m,
          maxLength: m,
        }),
        held: fc.array(fc.tuple(fc.nat(m - 1), fc.nat(n - 1)), { maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ P, C, held }) => {
        const m = P.length;
        const n = P[0]!.length;
        const data = labDataFromDense({
          mode: 'implicit',
          userIds: Array.from({ length: m }, (_, k) => `u${k}`),
          itemIds: Array.from({ length: n }, (_, k) => `i${k}`),
          cells: P,
          confidence: C,
          scale: { min: 0, max: 1 },
          heldOut: held,
        });
        const heldSet = new Set(held.filter(([i, j]) => P[i]![j] !== null).map(([i, j]) => `${i},${j}`));
        const denseP = P.map((row, i) => row.map((v, j) => (heldSet.has(`${i},${j}`) ? 0 : (v ?? 0))));
        const denseC = C.map((row, i) => row.map((c, j) => (heldSet.has(`${i},${j}`) ? 0 : c)));
        const expected = implicitFromMatrices(denseP, denseC);
        const { problem } = problemOf(toProblemSpec(data), 3);
        if (problem.mode !== 'implicit') throw new Error('expected implicit');
        expect(problem.data.c0).toBe(expected.c0);
        sameRatings(problem.data.pattern, expected.pattern);
        expect(Array.from(problem.data.pUser)).toEqual(Array.from(expected.pUser));
        expect(Array.from(problem.data.cUser)).toEqual(Array.from(expected.cUser));
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});
