/**
 * The columnar builder against the dense picture and against the core's reference builder
 * (ratingsFromTriples), on random data: the same CSR, the same CSC, the same links between
 * them, and repeated pairs resolved as each policy says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RatingsParseError,
  ratingsFromColumns,
  ratingsFromTriples,
  ratingsToDense,
  type DuplicatePolicy,
  type Ratings,
} from '../../../src/core';

const plain = (R: Ratings) => ({
  m: R.m,
  n: R.n,
  nnz: R.nnz,
  userIds: R.userIds,
  itemIds: R.itemIds,
  userPtr: Array.from(R.userPtr),
  userCol: Array.from(R.userCol),
  userVal: Array.from(R.userVal),
  itemPtr: Array.from(R.itemPtr),
  itemRow: Array.from(R.itemRow),
  itemVal: Array.from(R.itemVal),
  itemToUserPos: Array.from(R.itemToUserPos),
});

/** Rows of a random m×n data set, possibly repeating pairs, in random order. */
const rowsArb = fc.record({ m: fc.integer({ min: 1, max: 7 }), n: fc.integer({ min: 1, max: 7 }) }).chain(({ m, n }) =>
  fc.record({
    m: fc.constant(m),
    n: fc.constant(n),
    rows: fc.array(
      fc.record({
        user: fc.integer({ min: 0, max: m - 1 }),
        item: fc.integer({ min: 0, max: n - 1 }),
        value: fc.integer({ min: -20, max: 20 }).map((v) => v / 4),
        time: fc.integer({ min: 0, max: 1e6 }),
      }),
      { maxLength: 40 },
    ),
  }),
);

interface Row {
  user: number;
  item: number;
  value: number;
  time: number;
}

function columnsOf({ m, n, rows }: { m: number; n: number; rows: Row[] }) {
  return {
    m,
    n,
    count: rows.length,
    users: Int32Array.from(rows, (r) => r.user),
    items: Int32Array.from(rows, (r) => r.item),
    values: Float64Array.from(rows, (r) => r.value),
    timestamps: Float64Array.from(rows, (r) => r.time),
    lines: Int32Array.from(rows, (_, k) => k + 1),
    userIds: Array.from({ length: m }, (_, i) => `u${i}`),
    itemIds: Array.from({ length: n }, (_, j) => `i${j}`),
  };
}

describe('ratingsFromColumns', () => {
  it('builds exactly what ratingsFromTriples builds from distinct pairs, with timestamps in user order', () => {
    fc.assert(
      fc.property(rowsArb, (data) => {
        const seen = new Set<string>();
        const rows = data.rows.filter((r) => !seen.has(`${r.user},${r.item}`) && seen.add(`${r.user},${r.item}`));
        const c = columnsOf({ ...data, rows });
        const built = ratingsFromColumns(c);
        const reference = ratingsFromTriples(c.m, c.n, rows, c.userIds, c.itemIds);
        expect(plain(built.ratings)).toEqual(plain(reference));
        expect(built.duplicateRows).toBe(0);
        // each entry's timestamp is the one its row had
        const timeOf = new Map(rows.map((r) => [`${r.user},${r.item}`, r.time]));
        for (let i = 0; i < built.ratings.m; i++) {
          for (let p = built.ratings.userPtr[i]!; p < built.ratings.userPtr[i + 1]!; p++) {
            expect(built.timestamps![p]).toBe(timeOf.get(`${i},${built.ratings.userCol[p]}`));
          }
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('sparse and dense agree: every known cell in its place, every other cell unknown', () => {
    fc.assert(
      fc.property(rowsArb, (data) => {
        const { ratings } = ratingsFromColumns(columnsOf(data), 'last');
        const dense: (number | null)[][] = Array.from({ length: data.m }, () => new Array(data.n).fill(null));
        for (const r of data.rows) dense[r.user]![r.item] = r.value;
        expect(ratingsToDense(ratings)).toEqual(dense);
        // the item side (CSC) describes the same cells
        for (let j = 0; j < ratings.n; j++) {
          for (let q = ratings.itemPtr[j]!; q < ratings.itemPtr[j + 1]!; q++) {
            expect(dense[ratings.itemRow[q]!]![j]).toBe(ratings.itemVal[q]);
            expect(ratings.userVal[ratings.itemToUserPos[q]!]).toBe(ratings.itemVal[q]);
          }
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('resolves repeated pairs by policy: refuse, last, average, sum', () => {
    const policies: DuplicatePolicy[] = ['refuse', 'last', 'average', 'sum'];
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(...policies), (data, policy) => {
        const groups = new Map<string, { values: number[]; times: number[] }>();
        for (const r of data.rows) {
          const g = groups.get(`${r.user},${r.item}`) ?? { values: [], times: [] };
          g.values.push(r.value);
          g.times.push(r.time);
          groups.set(`${r.user},${r.item}`, g);
        }
        const repeats = data.rows.length - groups.size;
        if (policy === 'refuse' && repeats > 0) {
          expect(() => ratingsFromColumns(columnsOf(data), policy)).toThrow(RatingsParseError);
          return;
        }
        const built = ratingsFromColumns(columnsOf(data), policy);
        expect(built.duplicateRows).toBe(repeats);
        expect(built.ratings.nnz).toBe(groups.size);
        const R = built.ratings;
        for (let i = 0; i < R.m; i++) {
          for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
            const g = groups.get(`${i},${R.userCol[p]}`)!;
            const sum = g.values.reduce((a, b) => a + b, 0);
            const expected = policy === 'sum' ? sum : policy === 'average' ? sum / g.values.length : g.values.at(-1)!;
            expect(R.userVal[p]).toBeCloseTo(expected, 12);
            expect(built.timestamps![p]).toBe(policy === 'last' || policy === 'refuse' ? g.times.at(-1) : Math.max(...g.times));
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
