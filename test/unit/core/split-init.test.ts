/**
 * Reproducibility: a seeded train/test split (how d and λ are tuned by held-out error) and
 * a seeded random initialisation ("Randomly initialize U and V"), so that a whole class
 * sees the same run on every screen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE_R,
  initFactors,
  ratingsFromDense,
  ratingsToTriples,
  splitRatings,
  syntheticRatings,
  type Ratings,
} from '../../../src/core';
import { smallProblemArb } from './helpers';

function keysOf(R: Ratings): string[] {
  return ratingsToTriples(R).map((t) => `${t.user},${t.item},${t.value}`);
}

describe('splitRatings', () => {
  it('holds out round(fraction·|Ω|) ratings; train and test are disjoint and together give R', () => {
    fc.assert(
      fc.property(
        smallProblemArb(),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer(),
        ({ R: dense }, fraction, seed) => {
          const R = ratingsFromDense(dense);
          const { train, test } = splitRatings(R, fraction, seed);
          expect(test.nnz).toBe(Math.round(fraction * R.nnz));
          expect(train.nnz + test.nnz).toBe(R.nnz);
          // same shape and labels
          expect([train.m, train.n, test.m, test.n]).toEqual([R.m, R.n, R.m, R.n]);
          expect(test.userIds).toEqual(R.userIds);
          expect(train.itemIds).toEqual(R.itemIds);
          // disjoint, and the union is R (value included)
          const trainKeys = new Set(keysOf(train));
          const testKeys = keysOf(test);
          for (const k of testKeys) expect(trainKeys.has(k), k).toBe(false);
          expect([...trainKeys, ...testKeys].sort()).toEqual(keysOf(R).sort());
          // deterministic for a seed
          const again = splitRatings(R, fraction, seed);
          expect(keysOf(again.test)).toEqual(testKeys);
          expect(keysOf(again.train)).toEqual([...trainKeys]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('on the lecture R, holding out 30% keeps round(0.3·13) = 4 ratings aside', () => {
    const R = ratingsFromDense(LECTURE_R);
    const { train, test } = splitRatings(R, 0.3, 2025);
    expect(test.nnz).toBe(4);
    expect(train.nnz).toBe(9);
    expect(splitRatings(R, 0, 1).test.nnz).toBe(0);
  });

  it('different seeds choose different held-out sets (on a larger R)', () => {
    const R = syntheticRatings({ users: 30, items: 40, ratings: 300, seed: 3 });
    const a = keysOf(splitRatings(R, 0.2, 1).test);
    const b = keysOf(splitRatings(R, 0.2, 2).test);
    expect(a).toHaveLength(60);
    expect(b).toHaveLength(60);
    expect(a).not.toEqual(b);
  });

  it('rejects a held-out share outside [0, 1)', () => {
    const R = ratingsFromDense(LECTURE_R);
    expect(() => splitRatings(R, 1, 1)).toThrow(RangeError);
    expect(() => splitRatings(R, -0.1, 1)).toThrow(RangeError);
  });
});

describe('seeded initialisation of U and V', () => {
  it('the same seed gives identical U and V; another seed gives different ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        fc.integer(),
        (m, n, d, seed, other) => {
          fc.pre(seed >>> 0 !== other >>> 0);
          const a = initFactors(m, n, d, { seed, scale: 0.5 });
          const b = initFactors(m, n, d, { seed, scale: 0.5 });
          expect(Array.from(a.U)).toEqual(Array.from(b.U));
          expect(Array.from(a.V)).toEqual(Array.from(b.V));
          expect([a.m, a.n, a.d, a.U.length, a.V.length]).toEqual([m, n, d, m * d, n * d]);
          const c = initFactors(m, n, d, { seed: other, scale: 0.5 });
          expect([...Array.from(c.U), ...Array.from(c.V)]).not.toEqual([...Array.from(a.U), ...Array.from(a.V)]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('entries look like N(0, scale²): mean ≈ 0, standard deviation ≈ scale', () => {
    const F = initFactors(200, 300, 10, { seed: 123, scale: 0.5 });
    const all = [...Array.from(F.U), ...Array.from(F.V)];
    const mean = all.reduce((s, x) => s + x, 0) / all.length;
    const sd = Math.sqrt(all.reduce((s, x) => s + (x - mean) ** 2, 0) / all.length);
    // 5000 samples: the standard error of the mean is 0.5/√5000 ≈ 0.007
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.02);
    expect(all.every(Number.isFinite)).toBe(true);
  });

  it('scale 0 gives zero factors; a bad d or scale is refused', () => {
    const Z = initFactors(2, 3, 2, { seed: 1, scale: 0 });
    expect(Array.from(Z.U).every((x) => x === 0)).toBe(true);
    expect(() => initFactors(2, 3, 0, { seed: 1, scale: 1 })).toThrow(RangeError);
    expect(() => initFactors(2, 3, 1.5, { seed: 1, scale: 1 })).toThrow(RangeError);
    expect(() => initFactors(2, 3, 2, { seed: 1, scale: -1 })).toThrow(RangeError);
  });
});
