/**
 * R stored sparsely: only the known entries Ω, indexed by user (CSR, for the users
 * half-step) and by item (CSC, for the items half-step).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE_R,
  density,
  forEachKnown,
  itemOmega,
  ratingAt,
  ratingsFromDense,
  ratingsFromTriples,
  ratingsToDense,
  userOmega,
} from '../../../src/core';
import { smallProblemArb } from './helpers';

describe('the lecture R as a sparse matrix', () => {
  const R = ratingsFromDense(LECTURE_R);

  it('has m = 4 users, n = 6 items and |Ω| = 13 known ratings', () => {
    expect(R.m).toBe(4);
    expect(R.n).toBe(6);
    expect(R.nnz).toBe(13);
  });

  it('Ω₁: user 1 rated items 1, 4 and 6 (indices 0, 3, 5)', () => {
    expect(userOmega(R, 0)).toEqual([0, 3, 5]);
    expect(userOmega(R, 3)).toEqual([2, 5]);
    // Ω³ by item: item 3 was rated by users 2, 3, 4
    expect(itemOmega(R, 2)).toEqual([1, 2, 3]);
    expect(itemOmega(R, 3)).toEqual([0]);
  });

  it('ratingAt reads the slide: r₁,₁ = 1, r₁,₄ = 2, r₃,₂ = 5, and r₁,₂ = ? (null)', () => {
    expect(ratingAt(R, 0, 0)).toBe(1);
    expect(ratingAt(R, 0, 3)).toBe(2);
    expect(ratingAt(R, 2, 1)).toBe(5);
    expect(ratingAt(R, 0, 1)).toBeNull();
    expect(ratingAt(R, 3, 0)).toBeNull();
    expect(ratingAt(R, 3, 5)).toBe(3);
  });

  it('density is 13 / 24', () => {
    expect(density(R)).toBeCloseTo(13 / 24, 15);
  });

  it('round-trips to the dense matrix with ? as null', () => {
    expect(ratingsToDense(R)).toEqual(LECTURE_R);
  });

  it('labels users u1.. and items m1.. by default, or as given', () => {
    expect(R.userIds).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(R.itemIds).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    const named = ratingsFromDense(LECTURE_R, ['a', 'b', 'c', 'd'], ['p', 'q', 'r', 's', 't', 'w']);
    expect(named.userIds).toEqual(['a', 'b', 'c', 'd']);
    expect(named.itemIds[5]).toBe('w');
  });
});

describe('CSR (by user) and CSC (by item) describe the same Ω', () => {
  it('every (i, j, v) seen from the user side is seen from the item side, and vice versa', () => {
    fc.assert(
      fc.property(smallProblemArb(), ({ m, n, R: dense }) => {
        const R = ratingsFromDense(dense);
        const expected = new Map<string, number>();
        dense.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v !== null) expected.set(`${i},${j}`, v);
          }),
        );
        expect(R.nnz).toBe(expected.size);

        // user side (CSR)
        const fromUsers = new Map<string, number>();
        for (let i = 0; i < m; i++) {
          let last = -1;
          for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
            const j = R.userCol[p]!;
            expect(j).toBeGreaterThan(last); // sorted within a user
            last = j;
            fromUsers.set(`${i},${j}`, R.userVal[p]!);
          }
        }
        // item side (CSC)
        const fromItems = new Map<string, number>();
        for (let j = 0; j < n; j++) {
          let last = -1;
          for (let q = R.itemPtr[j]!; q < R.itemPtr[j + 1]!; q++) {
            const i = R.itemRow[q]!;
            expect(i).toBeGreaterThan(last); // sorted within an item
            last = i;
            fromItems.set(`${i},${j}`, R.itemVal[q]!);
            // the cross-reference points at the same entry in user order
            const p = R.itemToUserPos[q]!;
            expect(R.userCol[p]).toBe(j);
            expect(R.userVal[p]).toBe(R.itemVal[q]);
            expect(p).toBeGreaterThanOrEqual(R.userPtr[i]!);
            expect(p).toBeLessThan(R.userPtr[i + 1]!);
          }
        }
        expect(fromUsers).toEqual(expected);
        expect(fromItems).toEqual(expected);
        // ratingAt agrees with the dense matrix everywhere, including the `?`s
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) expect(ratingAt(R, i, j)).toBe(dense[i]![j]!);
        // forEachKnown visits each known entry once
        let visits = 0;
        forEachKnown(R, (i, j, v) => {
          visits++;
          expect(dense[i]![j]).toBe(v);
        });
        expect(visits).toBe(expected.size);
      }),
      { numRuns: 100 },
    );
  });

  it('sorts entries given out of order', () => {
    const R = ratingsFromTriples(2, 3, [
      { user: 1, item: 2, value: 5 },
      { user: 0, item: 2, value: 3 },
      { user: 1, item: 0, value: 4 },
      { user: 0, item: 1, value: 1 },
    ]);
    expect(userOmega(R, 0)).toEqual([1, 2]);
    expect(userOmega(R, 1)).toEqual([0, 2]);
    expect(Array.from(R.userVal)).toEqual([1, 3, 4, 5]);
    expect(itemOmega(R, 2)).toEqual([0, 1]);
    expect(Array.from(R.itemVal)).toEqual([4, 1, 3, 5]);
  });
});

describe('invalid R is rejected', () => {
  it('a pair (i, j) given twice is an error, even with the same value', () => {
    expect(() =>
      ratingsFromTriples(2, 2, [
        { user: 0, item: 1, value: 3 },
        { user: 1, item: 0, value: 2 },
        { user: 0, item: 1, value: 4 },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      ratingsFromTriples(2, 2, [
        { user: 1, item: 1, value: 3 },
        { user: 1, item: 1, value: 3 },
      ]),
    ).toThrow(/two ratings/);
  });

  it('positions outside the m×n matrix are an error', () => {
    expect(() => ratingsFromTriples(2, 2, [{ user: 2, item: 0, value: 1 }])).toThrow(RangeError);
    expect(() => ratingsFromTriples(2, 2, [{ user: 0, item: 2, value: 1 }])).toThrow(RangeError);
    expect(() => ratingsFromTriples(2, 2, [{ user: -1, item: 0, value: 1 }])).toThrow(/outside/);
    expect(() => ratingsFromTriples(2, 2, [{ user: 0.5, item: 0, value: 1 }])).toThrow(RangeError);
  });

  it('non-finite ratings, ragged rows and wrong label counts are errors', () => {
    expect(() => ratingsFromTriples(1, 1, [{ user: 0, item: 0, value: Number.NaN }])).toThrow(RangeError);
    expect(() =>
      ratingsFromDense([
        [1, 2],
        [3, null, 4],
      ]),
    ).toThrow(/Row 2/);
    expect(() => ratingsFromTriples(2, 2, [], ['only-one'])).toThrow(RangeError);
  });
});
