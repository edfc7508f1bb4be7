/**
 * The density view's numbers: orders of rows and columns, and bins over a region of the
 * ordered R, checked against a naive computation on the dense matrix (every cell visited),
 * as properties on random matrices, regions and bin counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binCells,
  binMean,
  binShare,
  clampRegion,
  densityBins,
  orderByActivity,
  orderByFactor,
  originalOrder,
  ratingAt,
  ratingsFromTriples,
  type Order,
  type Ratings,
  type Region,
} from '../../../src/core';

const matrixArb = fc
  .record({ m: fc.integer({ min: 1, max: 14 }), n: fc.integer({ min: 1, max: 14 }) })
  .chain(({ m, n }) =>
    fc.record({
      m: fc.constant(m),
      n: fc.constant(n),
      known: fc.array(fc.boolean(), { minLength: m * n, maxLength: m * n }),
      values: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: m * n, maxLength: m * n }),
      rowSeed: fc.array(fc.double({ noNaN: true, min: -1, max: 1 }), { minLength: m, maxLength: m }),
      colSeed: fc.array(fc.double({ noNaN: true, min: -1, max: 1 }), { minLength: n, maxLength: n }),
      region: fc.record({ a: fc.nat(m), b: fc.nat(m), c: fc.nat(n), d: fc.nat(n) }),
      bins: fc.record({ rows: fc.integer({ min: 1, max: 20 }), cols: fc.integer({ min: 1, max: 20 }) }),
    }),
  )
  .map(({ m, n, known, values, ...rest }) => {
    const triples = [];
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) if (known[i * n + j]) triples.push({ user: i, item: j, value: values[i * n + j]! });
    return { R: ratingsFromTriples(m, n, triples), ...rest };
  });

/** A permutation from random keys (the order a shuffle gives). */
const permutation = (keys: number[]): Order =>
  Int32Array.from(keys.map((_, k) => k).sort((a, b) => keys[a]! - keys[b]! || a - b));

/** The bins the slow way: every cell of the dense, reordered region, each bin's rows and columns by its edges. */
function naive(R: Ratings, rowOrder: Order, colOrder: Order, region: Region, rows: number, cols: number) {
  const { r0, r1, c0, c1 } = region;
  const br = Math.min(rows, r1 - r0);
  const bc = Math.min(cols, c1 - c0);
  const out = [];
  for (let a = 0; a < br; a++) {
    const rFrom = r0 + Math.floor((a * (r1 - r0)) / br);
    const rTo = r0 + Math.floor(((a + 1) * (r1 - r0)) / br);
    for (let b = 0; b < bc; b++) {
      const cFrom = c0 + Math.floor((b * (c1 - c0)) / bc);
      const cTo = c0 + Math.floor(((b + 1) * (c1 - c0)) / bc);
      let count = 0;
      let sum = 0;
      for (let p = rFrom; p < rTo; p++)
        for (let q = cFrom; q < cTo; q++) {
          const v = ratingAt(R, rowOrder[p]!, colOrder[q]!);
          if (v === null) continue;
          count++;
          sum += v;
        }
      out.push({ count, sum, cells: (rTo - rFrom) * (cTo - cFrom) });
    }
  }
  return { rows: br, cols: bc, out };
}

describe('orders of rows and columns', () => {
  it('by activity: the most-rated first, ties in their original order', () => {
    // 3 users: u0 rated 1 item, u1 rated 3, u2 rated 1; items: i0 by 2 users, i1 by 1, i2 by 2.
    const R = ratingsFromTriples(3, 3, [
      { user: 0, item: 0, value: 5 },
      { user: 1, item: 0, value: 4 },
      { user: 1, item: 1, value: 3 },
      { user: 1, item: 2, value: 2 },
      { user: 2, item: 2, value: 1 },
    ]);
    expect([...orderByActivity(R.userPtr)]).toEqual([1, 0, 2]);
    expect([...orderByActivity(R.itemPtr)]).toEqual([0, 2, 1]);
    expect([...originalOrder(3)]).toEqual([0, 1, 2]);
  });

  it('by a latent factor: largest first, non-finite last, and a factor that does not exist is refused', () => {
    // U is 3 × 2, row-major: factor 2 (k = 1) is 0.5, NaN, 2.
    const U = Float64Array.from([1, 0.5, 3, NaN, 2, 2]);
    expect([...orderByFactor(U, 3, 2, 0)]).toEqual([1, 2, 0]);
    expect([...orderByFactor(U, 3, 2, 1)]).toEqual([2, 0, 1]);
    expect(() => orderByFactor(U, 3, 2, 2)).toThrow(/Factor 3 does not exist: the model has 2 factors/);
  });

  it('every order is a permutation, and activity never increases along it', () => {
    fc.assert(
      fc.property(matrixArb, ({ R }) => {
        const order = orderByActivity(R.userPtr);
        expect([...order].sort((a, b) => a - b)).toEqual([...originalOrder(R.m)]);
        const count = (i: number) => R.userPtr[i + 1]! - R.userPtr[i]!;
        for (let k = 1; k < order.length; k++) expect(count(order[k - 1]!)).toBeGreaterThanOrEqual(count(order[k]!));
      }),
    );
  });
});

describe('bins of the ordered R', () => {
  it('match a naive count over the dense matrix for any orders, region and number of bins', () => {
    fc.assert(
      fc.property(matrixArb, ({ R, rowSeed, colSeed, region: r, bins }) => {
        const rowOrder = permutation(rowSeed);
        const colOrder = permutation(colSeed);
        const region = clampRegion(
          { r0: Math.min(r.a, r.b), r1: Math.max(r.a, r.b), c0: Math.min(r.c, r.d), c1: Math.max(r.c, r.d) },
          R.m,
          R.n,
        );
        const got = densityBins(R, rowOrder, colOrder, region, bins.rows, bins.cols);
        const want = naive(R, rowOrder, colOrder, region, bins.rows, bins.cols);
        expect([got.rows, got.cols]).toEqual([want.rows, want.cols]);
        want.out.forEach((w, k) => {
          const [a, b] = [Math.floor(k / got.cols), k % got.cols];
          expect(got.count[k]).toBe(w.count);
          expect(got.sum[k]).toBeCloseTo(w.sum, 9);
          expect(binCells(got, a, b)).toBe(w.cells);
          expect(binShare(got, a, b)).toBeCloseTo(w.count / w.cells, 12);
          if (w.count > 0) expect(binMean(got, a, b)).toBeCloseTo(w.sum / w.count, 9);
          else expect(binMean(got, a, b)).toBeNaN();
        });
        // Every known cell of the region is in exactly one bin.
        expect(got.count.reduce((s, c) => s + c, 0)).toBe(want.out.reduce((s, w) => s + w.count, 0));
      }),
    );
  });

  it('a worked example: the lecture-sized 4 × 4 in 2 × 2 bins, most active first', () => {
    // u1 has 4 ratings, u0 2, u3 1, u2 0; items by ratings: i0 (3), i1 (2), i2 (2), i3 (0).
    const R = ratingsFromTriples(4, 4, [
      { user: 0, item: 0, value: 5 },
      { user: 0, item: 1, value: 3 },
      { user: 1, item: 0, value: 4 },
      { user: 1, item: 1, value: 1 },
      { user: 1, item: 2, value: 2 },
      { user: 1, item: 3, value: 2 },
      { user: 3, item: 0, value: 1 },
    ]);
    const rows = orderByActivity(R.userPtr);
    const cols = orderByActivity(R.itemPtr);
    expect([...rows]).toEqual([1, 0, 3, 2]);
    expect([...cols]).toEqual([0, 1, 2, 3]);
    const bins = densityBins(R, rows, cols, { r0: 0, r1: 4, c0: 0, c1: 4 }, 2, 2);
    // Top-left: u1, u0 × i0, i1: all four known, mean (4 + 1 + 5 + 3) / 4.
    expect(binShare(bins, 0, 0)).toBe(1);
    expect(binMean(bins, 0, 0)).toBe(3.25);
    expect([...bins.count]).toEqual([4, 2, 1, 0]);
    // Zoomed into the top-left bin: one bin per row and column.
    const zoomed = densityBins(R, rows, cols, { r0: 0, r1: 2, c0: 0, c1: 2 }, 100, 100);
    expect([zoomed.rows, zoomed.cols]).toEqual([2, 2]);
    expect([...zoomed.sum]).toEqual([4, 1, 5, 3]);
  });

  it('clamps a region to the matrix and keeps at least one row and column', () => {
    expect(clampRegion({ r0: -5, r1: 99, c0: 3, c1: 3 }, 10, 8)).toEqual({ r0: 0, r1: 10, c0: 3, c1: 4 });
    expect(clampRegion({ r0: 12, r1: 4, c0: 0, c1: 8 }, 10, 8)).toEqual({ r0: 9, r1: 10, c0: 0, c1: 8 });
  });
});
