/**
 * The heatmaps' diverging scale is ColorBrewer's PuOr written out in colors.ts (importing d3's
 * interpolatePuOr would bring every scheme into the first load). d3-scale-chromatic stays the
 * oracle: the same colours at every point, and the reversal (purple above the midpoint).
 */
import { interpolatePuOr, rgb } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divergingColor } from '../../../src/views/common/colors';

describe('the diverging colour scale', () => {
  it('paints what d3-scale-chromatic’s PuOr paints, reversed, at any value', () => {
    const scale = divergingColor(-1, 0, 1);
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (v) => {
        const ours = rgb(scale(v));
        const oracle = rgb(interpolatePuOr(1 - (v + 1) / 2));
        expect(Math.abs(ours.r - oracle.r) + Math.abs(ours.g - oracle.g) + Math.abs(ours.b - oracle.b)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('is near-white at the midpoint, purple above it and orange below it', () => {
    const scale = divergingColor(1, 3, 5);
    const mid = rgb(scale(3));
    expect(Math.min(mid.r, mid.g, mid.b)).toBeGreaterThan(225);
    const top = rgb(scale(5));
    expect(top.b).toBeGreaterThan(top.g);
    expect(top.r + top.g + top.b).toBeLessThan(200);
    const bottom = rgb(scale(1));
    expect(bottom.r).toBeGreaterThan(bottom.b);
    expect(bottom.r + bottom.g + bottom.b).toBeLessThan(300);
  });
});
