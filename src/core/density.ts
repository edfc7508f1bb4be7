/**
 * R at a glance when it is too big for a grid of cells: rows and columns put in an order
 * (by activity, as they are, or by a latent factor), a region of that ordered R cut into
 * bins, and in each bin how many cells are known and the sum of their values. A bin is a
 * block of whole rows × whole columns, so "share of known cells" and "mean rating" of a bin
 * are exact, not sampled. One pass over the known cells of the region's rows: O(nnz) for the
 * whole of ML-1M (a million ratings), less once zoomed.
 */

/** The known cells of R in CSR by row (users), columns sorted or not. */
export interface DensitySource {
  m: number;
  n: number;
  userPtr: Int32Array;
  userCol: Int32Array;
  userVal: Float64Array;
}

/** An order of rows or columns: position → index (a permutation of 0…count−1). */
export type Order = Int32Array;

/** A block of the ordered matrix: positions [r0, r1) × [c0, c1). */
export interface Region {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export interface DensityBins {
  /** Number of bins down and across. */
  rows: number;
  cols: number;
  /** Bin b covers ordered positions rowEdges[b] … rowEdges[b+1] − 1 (rows + 1 entries). */
  rowEdges: Int32Array;
  colEdges: Int32Array;
  /** Known cells per bin, row-major rows × cols. */
  count: Int32Array;
  /** Sum of the known values per bin (mean = sum / count). */
  sum: Float64Array;
}

/** The positions as they are: 0, 1, …, count − 1. */
export function originalOrder(count: number): Order {
  return Int32Array.from({ length: count }, (_, k) => k);
}

/** Sorts indices by a key, largest first; ties keep the earlier index first (a stable, deterministic order). */
function orderByKey(count: number, key: (k: number) => number): Order {
  const keys = Float64Array.from({ length: count }, (_, k) => key(k));
  const order = originalOrder(count);
  return order.sort((a, b) => keys[b]! - keys[a]! || a - b);
}

/**
 * Rows or columns by activity: the number of known cells each has (ptr is a CSR or CSC
 * pointer array, count + 1 long), most first, ties in their original order.
 */
export function orderByActivity(ptr: Int32Array): Order {
  return orderByKey(ptr.length - 1, (k) => ptr[k + 1]! - ptr[k]!);
}

/**
 * Rows of a factor matrix (row-major, `count` × d) by their k-th latent factor, largest
 * first: users (or items) who load on the same factor end up together, so a factor the
 * model learned shows as a band in R. Non-finite values go last.
 */
export function orderByFactor(F: ArrayLike<number>, count: number, d: number, k: number): Order {
  if (!(k >= 0 && k < d)) throw new RangeError(`Factor ${k + 1} does not exist: the model has ${d} factors.`);
  return orderByKey(count, (i) => {
    const v = F[i * d + k]!;
    return Number.isFinite(v) ? v : -Infinity;
  });
}

/** Where each bin of `bins` starts in [lo, hi): lo + ⌊b·(hi − lo)/bins⌋, bins + 1 edges. */
export function binEdges(lo: number, hi: number, bins: number): Int32Array {
  const edges = new Int32Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + Math.floor((b * (hi - lo)) / bins);
  return edges;
}

/** The region clamped to the matrix, at least one row and one column wide. */
export function clampRegion(region: Region, m: number, n: number): Region {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
  const r0 = clamp(region.r0, 0, Math.max(0, m - 1));
  const c0 = clamp(region.c0, 0, Math.max(0, n - 1));
  return { r0, c0, r1: clamp(region.r1, r0 + 1, m), c1: clamp(region.c1, c0 + 1, n) };
}

/**
 * The region of R (rows in `rowOrder`, columns in `colOrder`) in at most maxRows × maxCols
 * bins, each a block of whole rows × whole columns (a region smaller than that gets one bin
 * per row or column). Visits only the known cells of the region's rows.
 */
export function densityBins(
  R: DensitySource,
  rowOrder: Order,
  colOrder: Order,
  region: Region,
  maxRows: number,
  maxCols: number,
): DensityBins {
  const { r0, r1, c0, c1 } = clampRegion(region, R.m, R.n);
  const rows = Math.max(1, Math.min(Math.floor(maxRows), r1 - r0));
  const cols = Math.max(1, Math.min(Math.floor(maxCols), c1 - c0));
  const rowEdges = binEdges(r0, r1, rows);
  const colEdges = binEdges(c0, c1, cols);
  // Each column's bin (−1 outside the region), so the inner loop is one lookup per known cell.
  const colBin = new Int32Array(R.n).fill(-1);
  for (let b = 0; b < cols; b++) for (let pos = colEdges[b]!; pos < colEdges[b + 1]!; pos++) colBin[colOrder[pos]!] = b;
  const count = new Int32Array(rows * cols);
  const sum = new Float64Array(rows * cols);
  const { userPtr, userCol, userVal } = R;
  for (let b = 0; b < rows; b++) {
    const base = b * cols;
    for (let pos = rowEdges[b]!; pos < rowEdges[b + 1]!; pos++) {
      const i = rowOrder[pos]!;
      for (let p = userPtr[i]!; p < userPtr[i + 1]!; p++) {
        const c = colBin[userCol[p]!]!;
        if (c < 0) continue;
        count[base + c]!++;
        sum[base + c]! += userVal[p]!;
      }
    }
  }
  return { rows, cols, rowEdges, colEdges, count, sum };
}

/** Cells a bin covers (known or not). */
export function binCells(bins: DensityBins, br: number, bc: number): number {
  return (bins.rowEdges[br + 1]! - bins.rowEdges[br]!) * (bins.colEdges[bc + 1]! - bins.colEdges[bc]!);
}

/** Share of a bin's cells that are known (0–1). */
export function binShare(bins: DensityBins, br: number, bc: number): number {
  return bins.count[br * bins.cols + bc]! / binCells(bins, br, bc);
}

/** Mean of a bin's known values, NaN when it has none. */
export function binMean(bins: DensityBins, br: number, bc: number): number {
  const k = br * bins.cols + bc;
  return bins.count[k]! > 0 ? bins.sum[k]! / bins.count[k]! : NaN;
}
