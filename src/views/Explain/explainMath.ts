/**
 * The numbers of r̂ᵢⱼ = uᵢᵀvⱼ as they are written out: factors rounded so that the shown
 * products add up to the shown r̂ (two decimals if they do, three otherwise), or, when even
 * three decimals do not, two decimals with "≈" and a word that they are rounded. Pure.
 */
import { texNumber } from '../common/Tex';

export interface DotProductText {
  /** "(0.46)(2.18)" for each term shown. */
  terms: string[];
  /** Terms left out (d > 4 shows the first three). */
  hidden: number;
  /** The shown value of r̂. */
  value: string;
  /** Decimals of the factors and of r̂. */
  digits: number;
  /** Whether the shown terms, multiplied and summed, round to the shown value. */
  addsUp: boolean;
}

const round = (v: number, k: number) => Number(v.toFixed(k));

/** Whether rounded factors give back the rounded dot product at k decimals. */
function addsUpAt(u: readonly number[], v: readonly number[], k: number): boolean {
  let s = 0;
  for (let a = 0; a < u.length; a++) s += round(u[a]!, k) * round(v[a]!, k);
  let exact = 0;
  for (let a = 0; a < u.length; a++) exact += u[a]! * v[a]!;
  return round(s, k) === round(exact, k);
}

export function dotProductText(u: readonly number[], v: readonly number[], maxTerms = 4): DotProductText {
  let exact = 0;
  for (let a = 0; a < u.length; a++) exact += u[a]! * v[a]!;
  // Two decimals read best; three when only they add up; two again (with ≈) when neither does.
  const digits = addsUpAt(u, v, 2) ? 2 : addsUpAt(u, v, 3) ? 3 : 2;
  const shown = u.length <= maxTerms ? u.length : maxTerms - 1;
  const terms = Array.from({ length: shown }, (_, a) => `(${texNumber(u[a]!, digits)})(${texNumber(v[a]!, digits)})`);
  return {
    terms,
    hidden: u.length - shown,
    value: texNumber(exact, digits),
    digits,
    addsUp: u.length <= maxTerms && addsUpAt(u, v, digits),
  };
}

/** The whole right-hand side in TeX: "(a)(b) + (c)(d) = 0.90", or "≈ 0.90" when rounding shows. */
export function dotProductTex(t: DotProductText): string {
  const sum = t.terms.join(' + ') + (t.hidden > 0 ? ` + \\dots\\ (${t.hidden}\\text{ more})` : '');
  return `${sum} ${t.addsUp || t.hidden > 0 ? '=' : '\\approx'} \\mathbf{${t.value}}`;
}
