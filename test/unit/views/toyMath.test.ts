import { describe, expect, it } from 'vitest';
import { LECTURE_R, LECTURE_U, LECTURE_UVT, LECTURE_VT } from '../../../src/core';
import {
  isPrediction,
  parseEntry,
  predictionTex,
  productOf,
  productTex,
  shown,
  texRatings,
} from '../../../src/views/ToyExample/toyMath';

describe('the lecture’s toy example, UVᵀ', () => {
  it('reproduces the slide’s product to one decimal', () => {
    const P = productOf(LECTURE_U, LECTURE_VT);
    expect(P.map((row) => row.map((v) => shown(v, false)))).toEqual(LECTURE_UVT);
  });

  it('the 3rd user’s prediction for the 4th item is 1.6, and R has ? there', () => {
    expect(shown(productOf(LECTURE_U, LECTURE_VT)[2]![3]!, false)).toBe(1.6);
    expect(isPrediction(LECTURE_R, 2, 3)).toBe(true);
    expect(isPrediction(LECTURE_R, 2, 2)).toBe(false);
  });

  it('writes r̂₃,₄ = u₃ᵀv₄ term by term: 0.2·10 + 0.4·(−1) = 1.6', () => {
    const v4 = [LECTURE_VT[0]![3]!, LECTURE_VT[1]![3]!];
    expect(predictionTex(2, 3, LECTURE_U[2]!, v4, false)).toBe(
      '\\hat r_{3,4} = u_{3}^\\top v_{4} = 0.2 \\cdot 10 + 0.4 \\cdot (-1) = 1.6',
    );
  });

  it('says ≈ when rounding to one decimal changes the value, and = when exact values are asked for', () => {
    expect(predictionTex(0, 0, [0.25, 0.5], [1, 0.15], false)).toMatch(/\\approx 0\.3$/);
    expect(predictionTex(0, 0, [0.25, 0.5], [1, 0.5], false)).toMatch(/= 0\.5$/);
    expect(predictionTex(0, 0, [0.25, 0.5], [1, 0.15], true)).toMatch(/= 0\.325$/);
  });

  it('shows exact values without floating-point noise', () => {
    expect(0.1 * 1 + 0.2 * 1).not.toBe(0.3);
    expect(shown(0.1 * 1 + 0.2 * 1, true)).toBe(0.3);
    expect(predictionTex(0, 0, [0.1, 0.2], [1, 1], true)).toMatch(/ = 0\.3$/);
    expect(shown(0.325, false)).toBe(0.3);
  });

  it('marks exactly the predictions at R’s ? in the slide’s formula (bold, coloured)', () => {
    const tex = productTex(LECTURE_U, LECTURE_VT, productOf(LECTURE_U, LECTURE_VT), LECTURE_R, false);
    expect(tex.match(/boldsymbol/g)?.length).toBe(11);
    expect(tex).toContain('\\boldsymbol{1.6}');
    expect(tex.startsWith('U V^\\top = \\begin{pmatrix}0.3 & 0.7')).toBe(true);
    expect(texRatings(LECTURE_R)).toContain('1 & ? & ? & 2 & ? & 1');
  });
});

describe('typing an entry', () => {
  it('accepts numbers as people type them', () => {
    expect(parseEntry('0.2')).toEqual({ value: 0.2 });
    expect(parseEntry(' -1 ')).toEqual({ value: -1 });
    expect(parseEntry('−4')).toEqual({ value: -4 });
    expect(parseEntry('1,5')).toEqual({ value: 1.5 });
    expect(parseEntry('.5')).toEqual({ value: 0.5 });
    expect(parseEntry('2e-1')).toEqual({ value: 0.2 });
    expect(parseEntry('-0')).toEqual({ value: 0 });
  });

  it('refuses anything else, saying why', () => {
    for (const bad of ['abc', '', '1.2.3', '0x10', '1/2', 'NaN', 'Infinity', '-', '1e999']) {
      const r = parseEntry(bad);
      expect('error' in r, bad).toBe(true);
    }
    expect(parseEntry('abc')).toEqual({ error: '“abc” is not a number.' });
  });
});
