/**
 * The density view's pure parts: what a bin's colour means (share of known cells on a
 * square-root scale, or mean rating on the lab's rating scale), the colour table and the
 * values the canvas is painted from, zooming (a dragged rectangle, ×2 around a bin, the
 * breadcrumb of regions) and the words of the axes, the breadcrumb and the hover readout.
 */
import { rgb } from 'd3';
import { binCells, binMean, binShare, clampRegion, type DensityBins, type Region } from '../../core';
import { formatCell, ratingColor, shareColor, type ColorScale } from '../common/colors';
import type { OrderBy } from '../../worker/protocol';
import { percent as sharePercent } from '../../state/cutData';
import { formatCount as num } from '../../core/formatCount';

export { sharePercent };

export type Measure = 'share' | 'mean';

export interface DensityScale {
  color: ColorScale;
  label: string;
  /** A bin's value mapped to 0–1 along the colour table (NaN: no value, drawn grey). */
  unit(bins: DensityBins, br: number, bc: number): number;
  /** 256 RGBA colours along the unit. */
  table: { lo: number; hi: number; rgba: Uint32Array };
}

/** Rounds a share up to a bound the legend reads cleanly (1, 2, 5, 10, 20, 50, 100 %). */
export function niceShare(max: number): number {
  for (const b of [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]) if (max <= b) return b;
  return 1;
}

function tableOf(colorAtUnit: (t: number) => string): DensityScale['table'] {
  const rgba = new Uint32Array(256);
  for (let k = 0; k < 256; k++) {
    const c = rgb(colorAtUnit(k / 255));
    rgba[k] = ((255 << 24) | ((c.b & 255) << 16) | ((c.g & 255) << 8) | (c.r & 255)) >>> 0;
  }
  return { lo: 0, hi: 1, rgba };
}

/**
 * The colour of the bins in view: shares from 0 to the largest share in view (rounded up),
 * square-root spaced so that the sparse bulk of real data stays visible beside a dense
 * corner; or means from the bottom to the top of the rating scale (PuOr, as R's cells).
 */
export function densityScale(bins: DensityBins, measure: Measure, scale: { min: number; max: number }): DensityScale {
  if (measure === 'mean') {
    const color = ratingColor(scale.min, scale.max);
    const [lo, , hi] = color.domain;
    return {
      color,
      label: 'Mean rating in the block',
      unit: (b, r, c) => (binMean(b, r, c) - lo) / (hi - lo),
      table: tableOf((t) => color(lo + t * (hi - lo))),
    };
  }
  let max = 0;
  for (let r = 0; r < bins.rows; r++) for (let c = 0; c < bins.cols; c++) max = Math.max(max, binShare(bins, r, c));
  const top = niceShare(max) * 100;
  const color = shareColor(top);
  return {
    color,
    label: 'Known cells in the block (%, square-root scale)',
    unit: (b, r, c) => Math.sqrt(Math.min(1, (binShare(b, r, c) * 100) / top)),
    table: tableOf((t) => color(t * t * top)),
  };
}

/** The values the canvas is painted from: one per bin, row-major, 0–1 along the table (NaN = grey). */
export function unitValues(bins: DensityBins, scale: DensityScale): Float64Array {
  const out = new Float64Array(bins.rows * bins.cols);
  for (let r = 0; r < bins.rows; r++) for (let c = 0; c < bins.cols; c++) out[r * bins.cols + c] = scale.unit(bins, r, c);
  return out;
}

// ---------------------------------------------------------------------------------------
// Zooming

/** The region of whole bins a dragged rectangle (in bins, corners inclusive, any direction) covers. */
export function regionOfBins(bins: DensityBins, a: { r: number; c: number }, b: { r: number; c: number }): Region {
  const clampR = (r: number) => Math.max(0, Math.min(bins.rows - 1, r));
  const clampC = (c: number) => Math.max(0, Math.min(bins.cols - 1, c));
  const [r0, r1] = [clampR(Math.min(a.r, b.r)), clampR(Math.max(a.r, b.r))];
  const [c0, c1] = [clampC(Math.min(a.c, b.c)), clampC(Math.max(a.c, b.c))];
  return { r0: bins.rowEdges[r0]!, r1: bins.rowEdges[r1 + 1]!, c0: bins.colEdges[c0]!, c1: bins.colEdges[c1 + 1]! };
}

/** Half the rows and half the columns of a region, centred on a bin (kept inside the region). */
export function zoomInAt(region: Region, bins: DensityBins, at: { r: number; c: number }, m: number, n: number): Region {
  const half = (lo: number, hi: number, centre: number) => {
    const size = Math.max(1, Math.ceil((hi - lo) / 2));
    const start = Math.max(lo, Math.min(hi - size, Math.round(centre - size / 2)));
    return [start, start + size] as const;
  };
  const rc = (bins.rowEdges[at.r]! + bins.rowEdges[at.r + 1]!) / 2;
  const cc = (bins.colEdges[at.c]! + bins.colEdges[at.c + 1]!) / 2;
  const [r0, r1] = half(region.r0, region.r1, rc);
  const [c0, c1] = half(region.c0, region.c1, cc);
  return clampRegion({ r0, r1, c0, c1 }, m, n);
}

export function sameRegion(a: Region, b: Region): boolean {
  return a.r0 === b.r0 && a.r1 === b.r1 && a.c0 === b.c0 && a.c1 === b.c1;
}

export function isWhole(region: Region, m: number, n: number): boolean {
  return region.r0 === 0 && region.c0 === 0 && region.r1 === m && region.c1 === n;
}

// ---------------------------------------------------------------------------------------
// Words

/** "#1–#472", or "#5" for one. */
export function rankRange(from: number, to: number): string {
  return to - from === 1 ? `#${num(from + 1)}` : `#${num(from + 1)}–#${num(to)}`;
}

/** How an axis is ordered, in words ("most ratings first", "by factor 2, largest first"). */
export function orderWords(by: OrderBy, side: 'users' | 'items'): string {
  if (by.kind === 'original') return 'in the data’s order';
  if (by.kind === 'factor') return `by latent factor ${by.k + 1} (${side === 'users' ? 'uᵢ' : 'vⱼ'}, largest first)`;
  return side === 'users' ? 'most ratings first' : 'most rated first';
}

/** A breadcrumb step: "users #1–#472 × items #1–#841". */
export function regionWords(region: Region): string {
  return `users ${rankRange(region.r0, region.r1)} × items ${rankRange(region.c0, region.c1)}`;
}

/** The first and last of a run of labels ("u405 … u13"), or the one. */
function ends(labels: readonly string[], order: Int32Array, from: number, to: number): string {
  const first = labels[order[from]!] ?? '';
  if (to - from === 1) return first;
  const last = labels[order[to - 1]!] ?? '';
  return `${first}${to - from === 2 ? ', ' : ' … '}${last}`;
}

export interface BinContext {
  bins: DensityBins;
  rowOrder: Int32Array;
  colOrder: Int32Array;
  userLabels: readonly string[];
  itemLabels: readonly string[];
  /** "rating" or "value" (implicit data). */
  valueWord: string;
}

/**
 * What a bin covers and holds: "Users #1–#15 (u405 … u13) × items #1–#6 (Star Wars … Contact):
 * 57 of 90 cells known (63 %), mean rating 3.9."
 */
export function describeBin(ctx: BinContext, br: number, bc: number): string {
  const { bins, rowOrder, colOrder } = ctx;
  const [r0, r1] = [bins.rowEdges[br]!, bins.rowEdges[br + 1]!];
  const [c0, c1] = [bins.colEdges[bc]!, bins.colEdges[bc + 1]!];
  const who = `${r1 - r0 === 1 ? 'User' : 'Users'} ${rankRange(r0, r1)} (${ends(ctx.userLabels, rowOrder, r0, r1)})`;
  const what = `${c1 - c0 === 1 ? 'item' : 'items'} ${rankRange(c0, c1)} (${ends(ctx.itemLabels, colOrder, c0, c1)})`;
  const count = bins.count[br * bins.cols + bc]!;
  const cells = binCells(bins, br, bc);
  if (cells === 1) {
    const v = binMean(bins, br, bc);
    return `${who} × ${what}: ${count ? `${ctx.valueWord} ${formatCell(v)}` : 'unknown (?)'}.`;
  }
  const share = `${num(count)} of ${num(cells)} cells known (${sharePercent(count / cells)})`;
  const mean = count > 0 ? `, mean ${ctx.valueWord} ${formatCell(binMean(bins, br, bc))}` : '';
  return `${who} × ${what}: ${share}${mean}.`;
}
