/**
 * The density view's pure parts: zooming by a dragged rectangle or ×2 around a block (always
 * inside R, never empty), the words of the readout, the colour scale's ends, and the cut of
 * the lab's data (titles, held-out cells and timestamps follow) with its refusals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { densityBins, orderByActivity, ratingsFromTriples } from '../../../src/core';
import { cutLabData, cutRefusal, CUT_LIMITS } from '../../../src/state/cutData';
import { labDataFromDense } from '../../../src/state/labData';
import {
  describeBin,
  densityScale,
  niceShare,
  regionOfBins,
  regionWords,
  zoomInAt,
} from '../../../src/views/Density/densityModel';
import { specOf } from '../../../src/views/Density/CutDialog';

const R = ratingsFromTriples(
  5,
  4,
  [
    [0, 0, 5],
    [0, 1, 3],
    [1, 0, 4],
    [2, 2, 1],
    [4, 3, 2],
    [4, 0, 1],
  ].map(([user, item, value]) => ({ user: user!, item: item!, value: value! })),
  ['ann', 'bob', 'cy', 'dee', 'eve'],
  ['Heat', 'Up', 'Jaws', 'Alien'],
);
const rows = orderByActivity(R.userPtr);
const cols = orderByActivity(R.itemPtr);

describe('zooming', () => {
  it('a dragged rectangle covers whole blocks, whichever corner it starts from', () => {
    const bins = densityBins(R, rows, cols, { r0: 0, r1: 5, c0: 0, c1: 4 }, 2, 2);
    // Rows split 0–1 | 2–4, columns 0–1 | 2–3.
    expect(regionOfBins(bins, { r: 1, c: 1 }, { r: 0, c: 0 })).toEqual({ r0: 0, r1: 5, c0: 0, c1: 4 });
    expect(regionOfBins(bins, { r: 1, c: 0 }, { r: 1, c: 0 })).toEqual({ r0: 2, r1: 5, c0: 0, c1: 2 });
  });

  it('×2 around any block stays inside the region, halves it, and never becomes empty', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (m, n, a, b, x, y) => {
          const region = { r0: a % m, r1: m, c0: b % n, c1: n };
          const src = { m, n, userPtr: new Int32Array(m + 1), userCol: new Int32Array(0), userVal: new Float64Array(0) };
          const bins = densityBins(
            src,
            Int32Array.from({ length: m }, (_, k) => k),
            Int32Array.from({ length: n }, (_, k) => k),
            region,
            40,
            60,
          );
          const z = zoomInAt(region, bins, { r: x % bins.rows, c: y % bins.cols }, m, n);
          expect(z.r0).toBeGreaterThanOrEqual(region.r0);
          expect(z.r1).toBeLessThanOrEqual(region.r1);
          expect(z.c0).toBeGreaterThanOrEqual(region.c0);
          expect(z.c1).toBeLessThanOrEqual(region.c1);
          expect(z.r1 - z.r0).toBe(Math.max(1, Math.ceil((region.r1 - region.r0) / 2)));
          expect(z.c1 - z.c0).toBe(Math.max(1, Math.ceil((region.c1 - region.c0) / 2)));
        },
      ),
    );
  });
});

describe('words', () => {
  it('a block says whom and what it covers, by rank and by name, how much is known and its mean', () => {
    const bins = densityBins(R, rows, cols, { r0: 0, r1: 5, c0: 0, c1: 4 }, 2, 2);
    const ctx = { bins, rowOrder: rows, colOrder: cols, userLabels: R.userIds, itemLabels: R.itemIds, valueWord: 'rating' };
    // Most active: ann (2), eve (2); most rated: Heat (3), then Up, Jaws, Alien (1 each).
    expect(describeBin(ctx, 0, 0)).toBe(
      'Users #1–#2 (ann, eve) × items #1–#2 (Heat, Up): 3 of 4 cells known (75 %), mean rating 3.',
    );
    expect(describeBin(ctx, 1, 1)).toBe(
      'Users #3–#5 (bob … dee) × items #3–#4 (Jaws, Alien): 1 of 6 cells known (17 %), mean rating 1.',
    );
    const one = densityBins(R, rows, cols, { r0: 3, r1: 4, c0: 3, c1: 4 }, 9, 9);
    expect(describeBin({ ...ctx, bins: one }, 0, 0)).toBe('User #4 (cy) × item #4 (Alien): unknown (?).');
    expect(regionWords({ r0: 0, r1: 472, c0: 9, c1: 10 })).toBe('users #1–#472 × items #10');
  });

  it('the share legend ends at a round share above the largest, the mean legend at the rating scale', () => {
    expect(niceShare(0.0004)).toBe(0.001);
    expect(niceShare(0.3)).toBe(0.5);
    expect(niceShare(0.75)).toBe(1);
    const bins = densityBins(R, rows, cols, { r0: 0, r1: 5, c0: 0, c1: 4 }, 2, 2);
    expect(densityScale(bins, 'share', { min: 1, max: 5 }).color.domain).toEqual([0, 50, 100]);
    expect(densityScale(bins, 'mean', { min: 0, max: 10 }).color.domain).toEqual([0, 5, 10]);
  });
});

describe('the cut of the lab’s data', () => {
  const data = labDataFromDense({
    mode: 'explicit',
    userIds: ['a', 'b', 'c'],
    itemIds: ['x', 'y', 'z'],
    cells: [
      [1, 2, null],
      [null, 3, 4],
      [5, null, 6],
    ],
    scale: { min: 1, max: 5 },
    heldOut: [[1, 2]],
    itemTitles: ['X (1999)', null, 'Z (2001)'],
  });
  it('keeps the chosen users and items in the cut’s order, with titles and held-out cells', () => {
    const cut = cutLabData(data, { users: Int32Array.of(1, 2), items: Int32Array.of(2, 1) });
    expect(cut.userIds).toEqual(['b', 'c']);
    expect(cut.itemIds).toEqual(['z', 'y']);
    expect(cut.itemTitles).toEqual(['Z (2001)', null]);
    expect(Array.from(cut.ratings.userVal)).toEqual([4, 3, 6]);
    // b × z (4) was held out: it is position 0 of the cut.
    expect(Array.from(cut.heldOut)).toEqual([0]);
    expect(cut.dataset).toBeNull();
  });

  it('refuses an empty cut, one with no known cell, and one beyond the grid’s limits, each saying why', () => {
    expect(cutRefusal(0, 5, 0)).toMatch(/^This cut is empty \(0 users × 5 items\)/);
    expect(cutRefusal(3, 3, 0)).toBe('This cut has 3 users × 3 items but not one known rating between them.');
    expect(cutRefusal(CUT_LIMITS.users + 1, 10, 50)).toMatch(/too big for the editable grid: 251 users × 10 items = 2,510 cells/);
    expect(cutRefusal(200, 200, 50)).toMatch(/40,000 cells; the grid takes at most 250 users, 250 items and 25,000 cells/);
    expect(cutRefusal(20, 12, 198)).toBeNull();
  });

  it('reads the dialog’s fields into a cut, or says which field is wrong', () => {
    expect(specOf('top', '20', '12')).toEqual({ kind: 'top', users: 20, items: 12 });
    expect(specOf('min', '0', '5')).toEqual({ kind: 'min', perUser: 0, perItem: 5 });
    expect(specOf('top', '0', '12')).toEqual({ error: 'The number of users must be a whole number ≥ 1.' });
    expect(specOf('top', '3', '2.5')).toEqual({ error: 'The number of items must be a whole number ≥ 1.' });
    expect(specOf('min', '', '5')).toEqual({ error: 'Ratings per user must be a whole number ≥ 0.' });
  });
});
