import { createRng, shuffledIndices } from './random';
import { ratingsFromTriples, ratingsToTriples, type Ratings, type Triple } from './ratings';

export interface Split {
  train: Ratings;
  test: Ratings;
}

/** Splits R's known entries into two matrices of the same shape, by a predicate on (i, j). */
export function partitionRatings(R: Ratings, isTest: (user: number, item: number) => boolean): Split {
  const train: Triple[] = [];
  const test: Triple[] = [];
  for (const t of ratingsToTriples(R)) (isTest(t.user, t.item) ? test : train).push(t);
  return {
    train: ratingsFromTriples(R.m, R.n, train, R.userIds, R.itemIds),
    test: ratingsFromTriples(R.m, R.n, test, R.userIds, R.itemIds),
  };
}

/**
 * A seeded random train/test split of the known entries: round(testFraction·|Ω|) of them
 * are held out. Held-out error is how d and λ are tuned (the lecture's supervised view).
 */
export function splitRatings(R: Ratings, testFraction: number, seed: number): Split {
  if (!(testFraction >= 0 && testFraction < 1)) {
    throw new RangeError(`The held-out share must be in [0, 1) (got ${testFraction}).`);
  }
  const order = shuffledIndices(R.nnz, createRng(seed));
  const held = new Uint8Array(R.nnz);
  const count = Math.round(testFraction * R.nnz);
  for (let t = 0; t < count; t++) held[order[t]!] = 1;
  const positionOf = new Map<number, number>();
  let p = 0;
  for (let i = 0; i < R.m; i++)
    for (let q = R.userPtr[i]!; q < R.userPtr[i + 1]!; q++) positionOf.set(i * R.n + R.userCol[q]!, p++);
  return partitionRatings(R, (i, j) => held[positionOf.get(i * R.n + j)!] === 1);
}
