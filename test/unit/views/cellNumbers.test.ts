/**
 * What heatmaps write and how: numbers that fit their cell ("−11.25" → "−11", "−32529" →
 * "−33k"), text black or white at 4.5:1 or more on any background, values far beyond the
 * colour scale marked, labels cut to their column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrast, fitNumber, formatCell, ratingColor, textOn } from '../../../src/views/common/colors';
import { abbreviate, beyondScale } from '../../../src/views/Heatmap/Heatmap';
import { countBeyond } from '../../../src/views/Factors/useProductModel';

describe('numbers that fit their cell', () => {
  it('drops decimals first, then shortens thousands, never writing past the cell', () => {
    expect(fitNumber(-11.25, 2, 6)).toBe('−11.25');
    expect(fitNumber(-11.25, 2, 5)).toBe('−11.3');
    expect(fitNumber(-11.25, 2, 3)).toBe('−11');
    expect(fitNumber(-32529, 1, 4)).toBe('−33k');
    expect(fitNumber(1234.5, 1, 4)).toBe('1235');
    expect(fitNumber(12345.6, 1, 4)).toBe('12k');
    expect(fitNumber(2.5e9, 1, 4)).toBe('2.5G');
    expect(fitNumber(Number.NaN, 1, 4)).toBe('—');
  });

  it('whatever the value and the room, the text fits (or says “far beyond” in one character)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 1, max: 8 }), (v, room) => {
        const text = fitNumber(v, 2, room);
        expect([...text].length).toBeLessThanOrEqual(Math.max(room, 1));
      }),
    );
  });

  it('keeps formatCell’s minus sign and rounding', () => {
    expect(formatCell(-0.004)).toBe('0');
    expect(formatCell(-1.5, 1)).toBe('−1.5');
  });
});

describe('text colour on a cell', () => {
  it('reaches 4.5:1 (WCAG 1.4.3) on every colour of the diverging scale, and on any colour at all', () => {
    const scale = ratingColor(1, 5);
    for (let v = 1; v <= 5; v += 0.05) {
      const bg = scale(v);
      expect(contrast(textOn(bg), bg)).toBeGreaterThanOrEqual(4.5);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (rgb) => {
        const bg = `#${rgb.toString(16).padStart(6, '0')}`;
        expect(contrast(textOn(bg), bg)).toBeGreaterThanOrEqual(4.5);
      }),
    );
  });
});

describe('values beyond the colour scale', () => {
  const scale = ratingColor(1, 5);
  it('marks those far beyond (−44.8, 7), not a prediction of 0.9 that is barely outside', () => {
    expect(beyondScale(scale, -44.8)).toBe(-1);
    expect(beyondScale(scale, 7)).toBe(1);
    expect(beyondScale(scale, 0.9)).toBe(0);
    expect(beyondScale(scale, 3)).toBe(0);
    expect(countBeyond(Float64Array.from([-44.8, 0.9, 3, 5.2, 7]), scale)).toEqual({
      below: 2,
      above: 2,
      farBelow: 1,
      farAbove: 1,
    });
  });
});

describe('labels cut to their column', () => {
  it('keeps a name whole when it fits, else its first letters', () => {
    expect(abbreviate('i1', 30, 15)).toBe('i1');
    expect(abbreviate('Airplane!', 22, 12)).toBe('Air');
    expect(abbreviate('Airplane!', 60, 12)).toBe('Airplan…');
  });
});
