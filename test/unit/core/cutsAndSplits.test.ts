/**
 * Dense cores, top cuts and held-out splits of imported data, checked as properties on random
 * matrices against brute force: a k-core is the largest sub-matrix where every row and column
 * keeps k entries; a split loses and invents nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  denseCore,
  holdOutDataset,
  importRatings,
  kCore,
  kCoreDataset,
  ratingAt,
  ratingsFromTriples,
  splitByTime,
  splitPerUser,
  subsetRatings,
  topCut,
  topCutDataset,
  type Ratings,
} from '../../../src/core';

/** A random sparse matrix (up to 9×9) with labelled users and items. */
const matrixArb = fc
  .record({ m: fc.integer({ min: 1, max: 9 }), n: fc.integer({ min: 1, max: 9 }) })
  .chain(({ m, n }) =>
    fc.record({
      m: fc.constant(m),
      n: fc.constant(n),
      known: fc.array(fc.boolean(), { minLength: m * n, maxLength: m * n }),
      values: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: m * n, maxLength: m * n }),
    }),
  )
  .map(({ m, n, known, values }) => {
    const triples = [];
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) if (known[i * n + j]) triples.push({ user: i, item: j, value: values[i * n + j]! });
    return ratingsFromTriples(m, n, triples);
  });

/** Entries as "user→item": value, by labels. */
function entries(R: Ratings): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < R.m; i++)
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) out.set(`${R.userIds[i]}→${R.itemIds[R.userCol[p]!]}`, R.userVal[p]!);
  return out;
}

/** Counts of a sub-matrix's rows and columns. */
function countsWithin(R: Ratings, users: number[], items: number[]) {
  const itemSet = new Set(items);
  const userSet = new Set(users);
  const perUser = users.map((i) => [...Array(R.n).keys()].filter((j) => itemSet.has(j) && ratingAt(R, i, j) !== null).length);
  const perItem = items.map((j) => [...Array(R.m).keys()].filter((i) => userSet.has(i) && ratingAt(R, i, j) !== null).length);
  return { perUser, perItem };
}

describe('denseCore and kCore', () => {
  it('every kept user and item has its minimum within the core, and no larger core exists (brute force)', () => {
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (R, a, b) => {
        const cut = denseCore(R, a, b);
        const users = Array.from(cut.users);
        const items = Array.from(cut.items);
        const { perUser, perItem } = countsWithin(R, users, items);
        expect(perUser.every((c) => c >= a)).toBe(true);
        expect(perItem.every((c) => c >= b)).toBe(true);
        // Maximal: the core is the union of all valid sub-matrices, so adding back any user or
        // item that still meets its minimum against the core is impossible.
        for (let i = 0; i < R.m; i++) {
          if (users.includes(i)) continue;
          const withI = countsWithin(R, [...users, i], items);
          const ok = withI.perUser.every((c) => c >= a) && withI.perItem.every((c) => c >= b);
          expect(ok).toBe(false);
        }
        for (let j = 0; j < R.n; j++) {
          if (items.includes(j)) continue;
          const withJ = countsWithin(R, users, [...items, j]);
          const ok = withJ.perUser.every((c) => c >= a) && withJ.perItem.every((c) => c >= b);
          expect(ok).toBe(false);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('the lecture-sized example: one sparse user and one rare item fall away, then their neighbours', () => {
    // u4 rated only m1; m4 was rated only by u3. With k = 2, both go; u3 keeps 2 ratings.
    const R = ratingsFromTriples(
      4,
      4,
      [
        [0, 0],
        [0, 1],
        [0, 2],
        [1, 0],
        [1, 1],
        [2, 1],
        [2, 2],
        [2, 3],
        [3, 0],
      ].map(([user, item]) => ({ user: user!, item: item!, value: 3 })),
    );
    const cut = kCore(R, 2);
    expect(Array.from(cut.users)).toEqual([0, 1, 2]);
    expect(Array.from(cut.items)).toEqual([0, 1, 2]);
  });
});

describe('topCut', () => {
  it('takes the most-rated items, then the users who rated most of them, leaderboard order', () => {
    const { dataset } = importRatings('u,i,r\na,x,1\na,y,2\nb,x,3\nb,y,4\nb,z,5\nc,x,1\nc,w,2\nd,w,3\nd,z,4\ne,x,5\n');
    // Items are numbered by id (w, x, y, z). Counts: x 4; w, y, z 2 each → x, then w (the earliest of the tie).
    const cut = topCut(dataset.ratings, 3, 2);
    const R = dataset.ratings;
    expect(Array.from(cut.items, (j) => R.itemIds[j])).toEqual(['x', 'w']);
    // Within {x, w}: c 2; a, b, d, e 1 each → c; then b (3 ratings overall); then a (2, and before d).
    expect(Array.from(cut.users, (i) => R.userIds[i])).toEqual(['c', 'b', 'a']);
    const small = topCutDataset(dataset, 3, 2);
    expect(small.ratings.userIds).toEqual(['c', 'b', 'a']);
    expect(small.ratings.itemIds).toEqual(['x', 'w']);
    expect(small.ratings.nnz).toBe(4);
    expect(ratingAt(small.ratings, 0, 1)).toBe(2);
  });

  it('carries only entries inside the cut, with their values', () => {
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), (R, nu, ni) => {
        const cut = topCut(R, nu, ni);
        const { ratings } = subsetRatings(R, cut);
        const expected = new Map<string, number>();
        for (const i of cut.users)
          for (const j of cut.items) {
            const v = ratingAt(R, i, j);
            if (v !== null) expected.set(`${R.userIds[i]}→${R.itemIds[j]}`, v);
          }
        expect(entries(ratings)).toEqual(expected);
        expect(ratings.m).toBe(cut.users.length);
        expect(cut.users.length).toBeLessThanOrEqual(nu);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});

describe('subsetDataset carries titles, genres, timestamps and the held-out part', () => {
  it('k-core of an imported data set with titles and times', () => {
    const { dataset } = importRatings('u,i,r,t\na,x,1,100\na,y,2,101\nb,x,3,102\nb,y,4,103\nc,z,5,104\n');
    const titled = { ...dataset, itemTitles: ['X', 'Y', 'Z'], itemGenres: [['g1'], [], ['g3']] };
    const core = kCoreDataset(titled, 2);
    expect(core.name).toBe(`${dataset.name} (k = 2 core)`);
    expect(core.ratings.userIds).toEqual(['a', 'b']);
    expect(core.itemTitles).toEqual(['X', 'Y']);
    expect(core.itemGenres).toEqual([['g1'], []]);
    expect(Array.from(core.timestamps!)).toEqual([100, 101, 102, 103]);
  });
});

describe('held-out splits', () => {
  it('per user: nothing lost or invented, round(share·nᵢ) held out, at least one kept, seeded', () => {
    fc.assert(
      fc.property(matrixArb, fc.double({ min: 0, max: 0.9, noNaN: true }), fc.integer(), (R, share, seed) => {
        const split = splitPerUser(R, share, seed);
        const all = entries(R);
        const train = entries(split.train);
        const test = entries(split.test);
        expect(train.size + test.size).toBe(all.size);
        for (const [k, v] of [...train, ...test]) expect(all.get(k)).toBe(v);
        for (let i = 0; i < R.m; i++) {
          const n = R.userPtr[i + 1]! - R.userPtr[i]!;
          const held = split.test.userPtr[i + 1]! - split.test.userPtr[i]!;
          expect(held).toBe(Math.max(0, Math.min(Math.round(share * n), n - 1)));
        }
        expect(split.train.userIds).toEqual(R.userIds);
        expect(split.test.itemIds).toEqual(R.itemIds);
        expect(entries(splitPerUser(R, share, seed).test)).toEqual(test);
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it("by time: each user's latest k are held out, their timestamps travel with them", () => {
    const { dataset } = importRatings('u,i,r,t\na,x,1,50\na,y,2,10\na,z,3,30\nb,x,4,5\nb,y,5,6\nc,z,1,7\n');
    const split = splitByTime(dataset.ratings, dataset.timestamps!, 1);
    expect([...entries(split.test).keys()]).toEqual(['a→x', 'b→y']);
    expect(Array.from(split.testTimestamps!)).toEqual([50, 6]);
    // c has one rating: it stays in training
    expect(entries(split.train).has('c→z')).toBe(true);
    const held = holdOutDataset(dataset, { kind: 'time', latest: 2 });
    expect(held.test!.nnz).toBe(3);
    expect(held.timestamps!.length).toBe(held.ratings.nnz);
    expect(() => holdOutDataset({ ...dataset, timestamps: null }, { kind: 'time', latest: 1 })).toThrow(/no timestamps/);
  });

  it('a random split of a data set keeps its shape and becomes its test part', () => {
    const { dataset } = importRatings('u,i,r\na,x,1\na,y,2\na,z,3\na,w,4\nb,x,5\nb,y,4\n');
    const held = holdOutDataset(dataset, { kind: 'random', share: 0.5, seed: 1 });
    expect(held.test!.nnz).toBe(3);
    expect(held.ratings.nnz).toBe(3);
    expect([held.test!.m, held.test!.n]).toEqual([dataset.ratings.m, dataset.ratings.n]);
  });
});
