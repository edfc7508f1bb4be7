/**
 * The lecture's toy example as numbers and formulas: parse what the student types, form
 * UVᵀ with the core's reconstruct, and write r̂_ij = u_iᵀv_j term by term. Pure: no DOM.
 */
import { factorsFromArrays, reconstruct, toRows, type DenseMatrix } from '../../core';

export type Matrix = number[][];

export type Parsed = { value: number } | { error: string };

/**
 * A number typed into a cell: "0.2", "-1", "−1" (a real minus sign), "1,5" (a decimal
 * comma), "2e-1". Empty text and anything else is refused, with the reason.
 */
export function parseEntry(text: string): Parsed {
  const t = text
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/^([+-]?\d*),(\d+)$/, '$1.$2');
  if (t === '') return { error: 'Type a number.' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { error: `“${text.trim()}” is not a number.` };
  const value = Number(t);
  if (!Number.isFinite(value)) return { error: `“${text.trim()}” is too large.` };
  return { value: Object.is(value, -0) ? 0 : value };
}

/** Vᵀ (d×n) to V (n×d). */
export function transpose(M: Matrix): Matrix {
  return (M[0] ?? []).map((_, c) => M.map((row) => row[c]!));
}

/** UVᵀ for U (m×d) and Vᵀ (d×n), computed by the core (the same code the lab trains with). */
export function productOf(U: Matrix, VT: Matrix): Matrix {
  const F = factorsFromArrays(U, transpose(VT));
  return toRows(reconstruct(F), F.m, F.n);
}

/** Whether R has `?` at (i, j): these products are the predictions. */
export function isPrediction(R: DenseMatrix, i: number, j: number): boolean {
  const v = R[i]?.[j];
  return v === null || v === undefined;
}

/**
 * A value as the student should read it: rounded to `digits` decimals like the slide, or
 * "exact" — all its digits, without floating-point noise (0.3·10 + 0.7·(−1) is 2.3, not
 * 2.3000000000000003).
 */
export function shown(v: number, exact: boolean, digits = 1): number {
  const r = exact ? Number(v.toPrecision(12)) : Number(v.toFixed(digits));
  return Object.is(r, -0) ? 0 : r;
}

/** A number for text (real minus sign). */
export function formatNumber(v: number): string {
  return String(v).replace('-', '−');
}

/** A number for KaTeX, parenthesised when negative inside a product: 0.4·(−1). */
function texFactor(v: number): string {
  const s = String(shown(v, true));
  return v < 0 ? `(${s})` : s;
}

/** A matrix of numbers for KaTeX; `style` may wrap an entry (e.g. bold for predictions). */
function texNumbers(M: Matrix, value: (v: number) => number, style?: (i: number, j: number, s: string) => string): string {
  const rows = M.map((row, i) =>
    row
      .map((v, j) => {
        const s = String(value(v));
        return style ? style(i, j, s) : s;
      })
      .join(' & '),
  );
  return `\\begin{pmatrix}${rows.join(' \\\\ ')}\\end{pmatrix}`;
}

/** R with its `?` for KaTeX. */
export function texRatings(R: DenseMatrix): string {
  return `\\begin{pmatrix}${R.map((row) => row.map((v) => (v === null ? '?' : String(v))).join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
}

/** The colour of the slide's red predictions, darkened for contrast (Okabe–Ito vermillion family). */
const PREDICTION_COLOR = '#B8430A';

/** The slide's product: U Vᵀ = (U)(Vᵀ) = (UVᵀ), predictions at R's `?` in bold colour. */
export function productTex(U: Matrix, VT: Matrix, P: Matrix, R: DenseMatrix, exact: boolean): string {
  const mark = (i: number, j: number, s: string) =>
    isPrediction(R, i, j) ? `\\textcolor{${PREDICTION_COLOR}}{\\boldsymbol{${s}}}` : s;
  const same = (v: number) => shown(v, true);
  return `U V^\\top = ${texNumbers(U, same)} ${texNumbers(VT, same)} = ${texNumbers(P, (v) => shown(v, exact), mark)}`;
}

/**
 * r̂_ij = u_iᵀ v_j = u_i1·v_j1 + … = value, with the numbers (1-based i, j as on the slide).
 * The sum is printed exactly; "≈" appears when the rounded value differs from it.
 */
export function predictionTex(i: number, j: number, u: readonly number[], v: readonly number[], exact: boolean): string {
  const terms = u.map((ua, a) => `${texFactor(ua)} \\cdot ${texFactor(v[a]!)}`).join(' + ');
  const sum = u.reduce((s, ua, a) => s + ua * v[a]!, 0);
  const value = shown(sum, exact);
  const rel = value === shown(sum, true) ? '=' : '\\approx';
  return `\\hat r_{${i + 1},${j + 1}} = u_{${i + 1}}^\\top v_{${j + 1}} = ${terms} ${rel} ${value}`;
}
