/**
 * Colour for matrices: one diverging, colour-blind-safe scheme (ColorBrewer's PuOr:
 * orange below the midpoint, purple above, white at it) for every heatmap, with the
 * text colour chosen for contrast. Built on d3-scale and d3-scale-chromatic.
 */
import { interpolateRgbBasis, rgb, scaleDiverging } from 'd3';

export interface ColorScale {
  (value: number): string;
  domain: [number, number, number];
}

/**
 * ColorBrewer's 11-class PuOr, interpolated exactly as d3-scale-chromatic's interpolatePuOr
 * (a B-spline through the 11 colours). Written out here because importing interpolatePuOr
 * brings every scheme of d3-scale-chromatic into the first load (its ramps are built at
 * module level, so a bundler cannot drop the unused ones): 16 kB of script for one ramp.
 */
const PU_OR = '2d004b5427888073acb2abd2d8daebf7f7f7fee0b6fdb863e08214b358067f3b08'.match(/.{6}/g)!.map((c) => `#${c}`);
const puOr = interpolateRgbBasis(PU_OR);

/** Purple for high values, orange for low ones (PuOr reversed so that "more" reads as darker purple). */
const interpolate = (t: number) => puOr(1 - t);

export function divergingColor(lo: number, mid: number, hi: number): ColorScale {
  const safeLo = lo < mid ? lo : mid - 1;
  const safeHi = hi > mid ? hi : mid + 1;
  const scale = scaleDiverging<string>(interpolate).domain([safeLo, mid, safeHi]).clamp(true);
  const f = ((v: number) => (Number.isFinite(v) ? scale(v) : '#cccccc')) as ColorScale;
  f.domain = [safeLo, mid, safeHi];
  return f;
}

/** A scale symmetric around 0 that covers the values (factor matrices U and V). */
export function factorColor(values: ArrayLike<number>): ColorScale {
  let max = 0;
  for (let t = 0; t < values.length; t++) {
    const v = Math.abs(values[t]!);
    if (Number.isFinite(v) && v > max) max = v;
  }
  const bound = niceBound(max || 1);
  return divergingColor(-bound, 0, bound);
}

/** Ratings and predictions: around the middle of the rating scale. */
export function ratingColor(min: number, max: number): ColorScale {
  return divergingColor(min, (min + max) / 2, max);
}

/**
 * Shares from 0 to `max` (the density view's known cells): white to purple, the upper half of
 * the same scheme, square-root spaced so that sparse blocks still show beside dense ones.
 */
export function shareColor(max: number): ColorScale {
  const hi = max > 0 ? max : 1;
  const f = ((v: number) =>
    Number.isFinite(v) ? interpolate(0.5 + 0.5 * Math.sqrt(Math.max(0, Math.min(1, v / hi)))) : '#cccccc') as ColorScale;
  f.domain = [0, hi / 2, hi];
  return f;
}

/** Rounds a positive bound up to 1, 2 or 5 × 10^k, so legends read cleanly. */
function niceBound(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const s of [1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10]) if (x <= s * p + 1e-12) return s * p;
  return 10 * p;
}

/** Relative luminance of a colour (WCAG 2.x). */
function luminance(color: string): number {
  const c = rgb(color);
  const lin = (u: number) => {
    const s = u / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** Contrast ratio of two colours (WCAG 2.x): 1 to 21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * Black or white text, whichever contrasts more with the background. Pure black, not a
 * near-black: with #111 some mid-tones reach only 4.35:1, while the better of black and
 * white is always at least 4.58:1 (WCAG 1.4.3 asks 4.5:1).
 */
export function textOn(background: string): '#000000' | '#ffffff' {
  return contrast(background, '#000000') >= contrast(background, '#ffffff') ? '#000000' : '#ffffff';
}

/** Numbers in cells: short, with a real minus sign. */
export function formatCell(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '—';
  const r = Number(v.toFixed(digits));
  const s = Math.abs(r) >= 100 ? r.toFixed(0) : String(r);
  return (r < 0 || Object.is(r, -0) ? s.replace('-', '−') : s).replace(/^−0$/, '0');
}

const SUFFIXES: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * A number for a cell that holds at most `maxChars` characters: fewer decimals first
 * (−11.25 → −11.3 → −11), then a thousands suffix (−32529 → −33k), then "≫" / "≪" for a
 * value too large for any of those. The exact value is in the cell's title and the table.
 */
export function fitNumber(v: number, digits: number, maxChars: number): string {
  if (!Number.isFinite(v)) return '—';
  for (let k = digits; k >= 0; k--) {
    const s = formatCell(v, k);
    if (s.length <= maxChars) return s;
  }
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  for (const [size, suffix] of SUFFIXES) {
    if (a < size) continue;
    for (const k of [1, 0]) {
      const s = `${sign}${Number((a / size).toFixed(k))}${suffix}`;
      if (s.length <= maxChars) return s;
    }
  }
  return v < 0 ? '≪' : '≫';
}
