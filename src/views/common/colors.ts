/**
 * Colour for matrices: one diverging, colour-blind-safe scheme (ColorBrewer's PuOr:
 * orange below the midpoint, purple above, white at it) for every heatmap, with the
 * text colour chosen for contrast. Built on d3-scale and d3-scale-chromatic.
 */
import { interpolatePuOr, rgb, scaleDiverging } from 'd3';

export interface ColorScale {
  (value: number): string;
  domain: [number, number, number];
}

/** Purple for high values, orange for low ones (PuOr reversed so that "more" reads as darker purple). */
const interpolate = (t: number) => interpolatePuOr(1 - t);

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

/** Rounds a positive bound up to 1, 2 or 5 × 10^k, so legends read cleanly. */
export function niceBound(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const s of [1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10]) if (x <= s * p + 1e-12) return s * p;
  return 10 * p;
}

/** Black or white text, whichever contrasts more with the background (WCAG luminance). */
export function textOn(background: string): string {
  const c = rgb(background);
  const lin = (u: number) => {
    const s = u / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  const L = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  return (L + 0.05) / 0.05 > 1.05 / (L + 0.05) ? '#111111' : '#ffffff';
}

/** Numbers in cells: short, with a real minus sign. */
export function formatCell(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '—';
  const r = Number(v.toFixed(digits));
  const s = Math.abs(r) >= 100 ? r.toFixed(0) : String(r);
  return (r < 0 || Object.is(r, -0) ? s.replace('-', '−') : s).replace(/^−0$/, '0');
}
