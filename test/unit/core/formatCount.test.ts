/**
 * formatCount writes counts as toLocaleString('en') does (which stays the oracle here), without
 * paying for Intl's start-up on the lab's first screen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../src/core/formatCount';

describe('formatCount', () => {
  it('groups the thousands of any integer as toLocaleString("en")', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en'));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps up to three decimals, as toLocaleString("en")', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 999 }), (whole, milli) => {
        const x = Number(`${whole}.${String(milli).padStart(3, '0')}`);
        expect(formatCount(x)).toBe(x.toLocaleString('en'));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the numbers the app shows', () => {
    expect(formatCount(1_000_209)).toBe('1,000,209');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(NaN)).toBe('NaN');
  });
});
