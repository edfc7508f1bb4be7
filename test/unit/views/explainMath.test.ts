/**
 * The explanation of r̂ᵢⱼ = uᵢᵀvⱼ writes numbers that add up: the factors rounded so that
 * their products, summed, give the r̂ shown (the "(−4.69)(−0.4) + (−2.83)(−1.1) =
 * 5.015" must not happen), or "≈" when no rounding does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dotProductTex, dotProductText } from '../../../src/views/Explain/explainMath';

/** The value a reader gets by multiplying and adding the numbers on the screen. */
function readerSum(terms: string[]): number {
  return terms.reduce((s, t) => {
    const [a, b] = t.match(/-?\d+(\.\d+)?/g)!.map(Number);
    return s + a! * b!;
  }, 0);
}

describe('r̂ = uᵀv written out', () => {
  it('the issue’s case: two decimals would not add up (5.02 against 5.03), so it says ≈ instead of =', () => {
    const u = [-4.6904, -2.8349];
    const v = [-0.4044, -1.1053];
    const t = dotProductText(u, v);
    expect(t.addsUp).toBe(false);
    expect(dotProductTex(t)).toContain('\\approx \\mathbf{5.03}');
  });

  it('uses two decimals when they add up, three when only those do', () => {
    expect(dotProductText([1.5, 2], [2, 0.25])).toMatchObject({ digits: 2, addsUp: true, value: '3.5' });
    const t = dotProductText([0.123, 0.456], [0.789, 0.321]);
    expect(t.addsUp).toBe(true);
    expect(Number(readerSum(t.terms).toFixed(t.digits))).toBe(Number(t.value));
  });

  it('whatever the factors, what is written adds up to what is shown, or says ≈', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -9, max: 9, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: -9, max: 9, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (u, vAll) => {
          const v = vAll.slice(0, u.length);
          const t = dotProductText(u, v);
          const tex = dotProductTex(t);
          if (t.addsUp) {
            expect(Number(readerSum(t.terms).toFixed(t.digits))).toBe(Number(t.value));
            expect(tex).not.toContain('\\approx');
          } else expect(tex).toContain('\\approx');
        },
      ),
    );
  });

  it('shows the first three terms of a long dot product and says how many are left', () => {
    const t = dotProductText([1, 2, 3, 4, 5], [1, 1, 1, 1, 1]);
    expect(t.terms).toHaveLength(3);
    expect(t.hidden).toBe(2);
    expect(t.value).toBe('15');
    expect(dotProductTex(t)).toContain('2\\text{ more}');
  });
});
