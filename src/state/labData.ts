/**
 * What a lab factorises, whatever its size: labels, the known cells of R (or the implicit
 * observations, or P) in the core's sparse {@link Ratings}, the lecture's C as a baseline
 * with exceptions, the rating scale, optional titles and genres, and the held-out cells as a
 * sorted list of positions. Typed arrays throughout: ML-1M's million ratings are about
 * 30 MB here, built in the worker and transferred, never a million JS objects.
 *
 * Views read it through the accessors below (cellAt, isHeldOut, forEachInRow, titleOf, …),
 * never through its arrays, so its layout can change without them.
 */
import { ratingAt, type Dataset, type DatasetSource, type Mode, type Ratings } from '../core';
import type { ProblemSpec, SparseRows } from '../worker/protocol';
import { emptyRatings, hasPosition, positionOf, ratingsBytes, ratingsFromCsr, rowOfPositions, withLabels } from './sparse';

export type Cell = number | null;

/** The scale ratings live on; `step` (optional) is the spacing of allowed values (1, 0.5), null for any value. */
export type RatingScale = { min: number; max: number; step?: number | null };

/**
 * The lecture's confidence matrix C, every pair: `base` for most, `entries` where it differs
 * (the lecture's C: 0 on unobserved pairs, its own value on the observed ones).
 */
export interface ConfidenceMatrix {
  base: number;
  /** Pairs whose confidence is given (it may equal base). */
  entries: Ratings;
}

/** A data set the lab's data came from, for links that refer to it by name and content hash. */
export interface DatasetRef {
  name: string;
  /** Content hash (hex) of the data set as it was opened. */
  key: string;
  source: DatasetSource;
}

export interface LabData {
  mode: Mode;
  /** The same arrays as ratings.userIds / ratings.itemIds. */
  userIds: string[];
  itemIds: string[];
  /**
   * explicit: the ratings r_ij (absent = `?`);
   * implicit with confidence 'alpha': observations r_ij ≥ 0 (absent = no interaction), p = [r > 0], c = 1 + α·r;
   * implicit with confidence 'matrix': the preference p_ij ∈ {0, 1} (absent = `?`, p = 0).
   */
  ratings: Ratings;
  /** Implicit with the lecture's confidence matrix C (every pair); otherwise null. */
  confidence: ConfidenceMatrix | null;
  scale: RatingScale;
  /** Known cells held out of training (they give the held-out RMSE): user-order positions in `ratings`, ascending. */
  heldOut: Int32Array;
  /** Item titles by item index (null where unknown), or null. */
  itemTitles: (string | null)[] | null;
  itemGenres: string[][] | null;
  /** The data set this data is (unedited), or null. */
  dataset: DatasetRef | null;
  /**
   * Unix seconds of each known cell in `ratings`' user order, when the data set had them. Valid
   * only for the `ratings` they were read with (`of`): an edit makes new ratings, and they lapse.
   */
  timestamps?: { of: Ratings; values: Float64Array } | null;
}

/** The timestamps of the known cells in user order, or null (none, or the data was edited since). */
export function timestampsOf(data: LabData): Float64Array | null {
  const t = data.timestamps;
  return t && t.of === data.ratings && t.values.length === data.ratings.nnz ? t.values : null;
}

export function confidenceKind(data: LabData): 'alpha' | 'matrix' | null {
  if (data.mode === 'explicit') return null;
  return data.confidence ? 'matrix' : 'alpha';
}

// ---------------------------------------------------------------------------------------
// Reading cells

/** r_ij (or the observation, or p), null for `?`. */
export function cellAt(data: LabData, i: number, j: number): Cell {
  if (i < 0 || j < 0 || i >= data.ratings.m || j >= data.ratings.n) return null;
  return ratingAt(data.ratings, i, j);
}

/** c_ij of the lecture's C, or null when the data has no C. */
export function confidenceAt(data: LabData, i: number, j: number): number | null {
  const C = data.confidence;
  if (!C || i < 0 || j < 0 || i >= data.ratings.m || j >= data.ratings.n) return null;
  return ratingAt(C.entries, i, j) ?? C.base;
}

/** Whether known cell (i, j) is held out of training. */
export function isHeldOut(data: LabData, i: number, j: number): boolean {
  if (data.heldOut.length === 0) return false;
  const p = positionOf(data.ratings, i, j);
  return p >= 0 && hasPosition(data.heldOut, p);
}

export function heldOutCount(data: LabData): number {
  return data.heldOut.length;
}

/** The held-out cells as (row, column) pairs, in user order. */
export function heldOutPairs(data: LabData): [number, number][] {
  const rows = rowOfPositions(data.ratings);
  return Array.from(data.heldOut, (p) => [rows[p]!, data.ratings.userCol[p]!]);
}

/** Number of known (non-`?`) cells, held-out ones included. */
export function knownCount(data: LabData): number {
  return data.ratings.nnz;
}

/** Visits user i's known cells in item order. */
export function forEachInRow(data: LabData, i: number, visit: (j: number, value: number, heldOut: boolean) => void): void {
  const R = data.ratings;
  if (i < 0 || i >= R.m) return;
  for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) visit(R.userCol[p]!, R.userVal[p]!, hasHeld(data, p));
}

/** Visits item j's known cells in user order. */
export function forEachInColumn(data: LabData, j: number, visit: (i: number, value: number, heldOut: boolean) => void): void {
  const R = data.ratings;
  if (j < 0 || j >= R.n) return;
  for (let q = R.itemPtr[j]!; q < R.itemPtr[j + 1]!; q++) visit(R.itemRow[q]!, R.itemVal[q]!, hasHeld(data, R.itemToUserPos[q]!));
}

/** Visits every known cell in user order. */
export function forEachCell(data: LabData, visit: (i: number, j: number, value: number, heldOut: boolean) => void): void {
  for (let i = 0; i < data.ratings.m; i++) forEachInRow(data, i, (j, v, h) => visit(i, j, v, h));
}

function hasHeld(data: LabData, p: number): boolean {
  return data.heldOut.length > 0 && hasPosition(data.heldOut, p);
}

/** The largest known value (0 when none): colour scales of observations. */
export function maxCell(data: LabData): number {
  let max = 0;
  for (const v of data.ratings.userVal) if (v > max) max = v;
  return max;
}

/** The largest confidence of the lecture's C (0 without one). */
export function maxConfidence(data: LabData): number {
  const C = data.confidence;
  if (!C) return 0;
  let max = C.entries.nnz < data.ratings.m * data.ratings.n ? C.base : 0;
  for (const v of C.entries.userVal) if (v > max) max = v;
  return max;
}

/** An item's title where the data has one, else its label. */
export function titleOf(data: LabData, j: number): string {
  return data.itemTitles?.[j] ?? data.itemIds[j] ?? `item ${j + 1}`;
}

const labelCache = new WeakMap<readonly (string | null)[], { ids: readonly string[]; labels: string[] }>();

/**
 * Every item's label as a person reads it: its title where the data has one (MovieTweetings,
 * MovieLens, a titles file), else its id. The same array for the same data, so views may
 * memoise on it.
 */
export function itemLabels(data: LabData): readonly string[] {
  const titles = data.itemTitles;
  if (!titles) return data.itemIds;
  const cached = labelCache.get(titles);
  if (cached && cached.ids === data.itemIds) return cached.labels;
  const labels = data.itemIds.map((id, j) => titles[j] ?? id);
  labelCache.set(titles, { ids: data.itemIds, labels });
  return labels;
}

/** An item's genres (empty when unknown). */
export function genresOf(data: LabData, j: number): readonly string[] {
  return data.itemGenres?.[j] ?? [];
}

// ---------------------------------------------------------------------------------------
// Building

export interface DenseLab {
  mode: Mode;
  userIds: readonly string[];
  itemIds: readonly string[];
  cells: readonly (readonly Cell[])[];
  confidence?: readonly (readonly number[])[] | null;
  scale: RatingScale;
  /** Held-out cells as (row, column), 0-based; only known cells. */
  heldOut?: readonly (readonly [number, number])[];
  itemTitles?: (string | null)[] | null;
  itemGenres?: string[][] | null;
}

function sparseFromDense(
  rows: readonly (readonly (number | null)[])[],
  n: number,
  userIds: readonly string[],
  itemIds: readonly string[],
  skip: (v: number) => boolean = () => false,
): Ratings {
  const m = rows.length;
  const userPtr = new Int32Array(m + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  rows.forEach((row, i) => {
    if (row.length !== n) throw new RangeError(`Row ${i + 1} has ${row.length} entries, expected ${n}.`);
    row.forEach((v, j) => {
      if (v === null || v === undefined || skip(v)) return;
      cols.push(j);
      vals.push(v);
    });
    userPtr[i + 1] = cols.length;
  });
  return ratingsFromCsr(m, n, userPtr, Int32Array.from(cols), Float64Array.from(vals), userIds, itemIds);
}

/**
 * The confidence most pairs with p ≠ 1 share (ties: the smaller), as the core's
 * implicitFromMatrices picks its c0. Counts without visiting the m·n pairs.
 */
export function modeConfidence(P: Ratings, C: ConfidenceMatrix): number {
  const counts = new Map<number, number>();
  let listedNotLiked = 0;
  const E = C.entries;
  for (let i = 0; i < E.m; i++) {
    for (let p = E.userPtr[i]!; p < E.userPtr[i + 1]!; p++) {
      if (ratingAt(P, i, E.userCol[p]!) === 1) continue;
      const c = E.userVal[p]!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
      listedNotLiked++;
    }
  }
  let liked = 0;
  for (const v of P.userVal) if (v === 1) liked++;
  // Pairs with p ≠ 1 that C does not list carry the base.
  const baseCount = P.m * P.n - liked - listedNotLiked;
  if (baseCount > 0) counts.set(C.base, (counts.get(C.base) ?? 0) + baseCount);
  let best = 0;
  let most = -1;
  for (const [c, k] of counts) if (k > most || (k === most && c < best)) [best, most] = [c, k];
  return most < 0 ? C.base : best;
}

/** A ConfidenceMatrix from a dense C: base = the value most pairs with p ≠ 1 share, entries = the others. */
export function confidenceFromDense(P: Ratings, C: readonly (readonly number[])[]): ConfidenceMatrix {
  const all = sparseFromDense(C, P.n, P.userIds, P.itemIds);
  // When every pair is liked no pair carries the base: 0, as the core's c0 is then.
  const mode = modeConfidence(P, { base: NaN, entries: all });
  const base = Number.isNaN(mode) ? 0 : mode;
  return { base, entries: sparseFromDense(C, P.n, P.userIds, P.itemIds, (c) => c === base) };
}

/** LabData from dense rows (the presets, tests, a link's matrix text): small data only. */
export function labDataFromDense(dense: DenseLab): LabData {
  const userIds = [...dense.userIds];
  const itemIds = [...dense.itemIds];
  const ratings = sparseFromDense(dense.cells, itemIds.length, userIds, itemIds);
  if (ratings.m !== userIds.length) throw new RangeError(`Expected ${userIds.length} rows, got ${ratings.m}.`);
  const data: LabData = {
    mode: dense.mode,
    userIds,
    itemIds,
    ratings,
    confidence: dense.confidence ? confidenceFromDense(ratings, dense.confidence) : null,
    scale: { ...dense.scale },
    heldOut: new Int32Array(0),
    itemTitles: dense.itemTitles ?? null,
    itemGenres: dense.itemGenres ?? null,
    dataset: null,
  };
  return dense.heldOut ? { ...data, heldOut: positionsOf(data, dense.heldOut) } : data;
}

/** Sorted positions of known cells given as (row, column); unknown cells are skipped. */
export function positionsOf(data: LabData, pairs: readonly (readonly [number, number])[]): Int32Array {
  const set = new Set<number>();
  for (const [i, j] of pairs) {
    const p = positionOf(data.ratings, i, j);
    if (p >= 0) set.add(p);
  }
  return Int32Array.from([...set].sort((a, b) => a - b));
}

/** An empty m×n lab (a data set that is still being built shows its shape). */
export function emptyLabData(userIds: string[], itemIds: string[], scale: RatingScale = { min: 1, max: 5 }): LabData {
  return {
    mode: 'explicit',
    userIds,
    itemIds,
    ratings: emptyRatings(userIds.length, itemIds.length, userIds, itemIds),
    confidence: null,
    scale,
    heldOut: new Int32Array(0),
    itemTitles: null,
    itemGenres: null,
    dataset: null,
  };
}

/** The dense rows of the cells (null = `?`). Only for small data: tests, the comparison of confidences. */
export function denseCells(data: LabData): Cell[][] {
  const out: Cell[][] = Array.from({ length: data.ratings.m }, () => new Array<Cell>(data.ratings.n).fill(null));
  forEachCell(data, (i, j, v) => {
    out[i]![j] = v;
  });
  return out;
}

/** The dense C, or null. Only for small data. */
export function denseConfidence(data: LabData): number[][] | null {
  const C = data.confidence;
  if (!C) return null;
  const out = Array.from({ length: data.ratings.m }, () => new Array<number>(data.ratings.n).fill(C.base));
  const E = C.entries;
  for (let i = 0; i < E.m; i++) for (let p = E.userPtr[i]!; p < E.userPtr[i + 1]!; p++) out[i]![E.userCol[p]!] = E.userVal[p]!;
  return out;
}

/** Replaces the labels everywhere they live (data, ratings, C). */
export function relabel(data: LabData, userIds: string[], itemIds: string[]): LabData {
  return {
    ...data,
    userIds,
    itemIds,
    ratings: withLabels(data.ratings, userIds, itemIds),
    confidence: data.confidence ? { ...data.confidence, entries: withLabels(data.confidence.entries, userIds, itemIds) } : null,
  };
}

/**
 * A data set as the lab's data: its ratings (shared, not copied), titles, genres and scale;
 * the source's own held-out part joins R as held-out cells (a pair in both is kept once, as training).
 */
export function labDataFromDataset(dataset: Dataset, key: string | null = null): LabData {
  const R = dataset.ratings;
  const userIds = R.userIds as string[];
  const itemIds = R.itemIds as string[];
  let ratings = R;
  let heldOut: Int32Array = new Int32Array(0);
  if (dataset.test && dataset.test.nnz > 0) ({ ratings, heldOut } = mergeTest(R, dataset.test));
  return {
    mode: dataset.kind,
    userIds,
    itemIds,
    ratings,
    confidence: null,
    scale: { min: dataset.scale.min, max: dataset.scale.max, step: dataset.scale.step },
    heldOut,
    itemTitles: dataset.itemTitles,
    itemGenres: dataset.itemGenres,
    dataset: key ? { name: dataset.name, key, source: dataset.source } : null,
    // A source's own test part has no timestamps here: they apply when nothing was merged in.
    ...(dataset.timestamps && ratings === R ? { timestamps: { of: R, values: dataset.timestamps } } : {}),
  };
}

function mergeTest(train: Ratings, test: Ratings): { ratings: Ratings; heldOut: Int32Array } {
  const m = train.m;
  const userPtr = new Int32Array(m + 1);
  const cols = new Int32Array(train.nnz + test.nnz);
  const vals = new Float64Array(train.nnz + test.nnz);
  const held: number[] = [];
  let k = 0;
  for (let i = 0; i < m; i++) {
    let a = train.userPtr[i]!;
    let b = i < test.m ? test.userPtr[i]! : 0;
    const aEnd = train.userPtr[i + 1]!;
    const bEnd = i < test.m ? test.userPtr[i + 1]! : 0;
    while (a < aEnd || b < bEnd) {
      const ja = a < aEnd ? train.userCol[a]! : Infinity;
      const jb = b < bEnd ? test.userCol[b]! : Infinity;
      if (ja <= jb) {
        cols[k] = ja;
        vals[k++] = train.userVal[a++]!;
        if (ja === jb) b++;
      } else {
        if (jb < train.n) {
          held.push(k);
          cols[k] = jb;
          vals[k++] = test.userVal[b]!;
        }
        b++;
      }
    }
    userPtr[i + 1] = k;
  }
  return {
    ratings: ratingsFromCsr(m, train.n, userPtr, cols.slice(0, k), vals.slice(0, k), train.userIds, train.itemIds),
    heldOut: Int32Array.from(held),
  };
}

/** The lab's data as a data set (for keeping it), with the held-out cells as its test part. */
export function datasetOfLabData(data: LabData, name: string, source: DatasetSource): Dataset {
  const held = data.heldOut;
  const { train, test } = splitHeld(data.ratings, held);
  return {
    name,
    kind: data.mode,
    ratings: train,
    scale: { min: data.scale.min, max: data.scale.max, step: data.scale.step ?? null },
    itemTitles: data.itemTitles,
    itemGenres: data.itemGenres,
    timestamps: null,
    test: held.length > 0 ? test : null,
    source,
  };
}

// ---------------------------------------------------------------------------------------
// The worker's problem

function splitHeld(R: Ratings, held: Int32Array): { train: Ratings; test: Ratings } {
  if (held.length === 0) return { train: R, test: emptyRatings(R.m, R.n, R.userIds, R.itemIds) };
  const sides = [0, 1].map(() => ({ ptr: new Int32Array(R.m + 1), col: [] as number[], val: [] as number[] }));
  let h = 0;
  for (let i = 0; i < R.m; i++) {
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
      const isHeld = h < held.length && held[h] === p;
      if (isHeld) h++;
      const s = sides[isHeld ? 1 : 0]!;
      s.col.push(R.userCol[p]!);
      s.val.push(R.userVal[p]!);
    }
    for (const s of sides) s.ptr[i + 1] = s.col.length;
  }
  const [train, test] = sides.map((s) =>
    ratingsFromCsr(R.m, R.n, s.ptr, Int32Array.from(s.col), Float64Array.from(s.val), R.userIds, R.itemIds),
  ) as [Ratings, Ratings];
  return { train, test };
}

const rows = (R: Ratings): SparseRows => ({ ptr: R.userPtr, col: R.userCol, val: R.userVal });

/**
 * The worker's ProblemSpec: the CSR arrays handed over as they are (no per-entry work when
 * nothing is held out); held-out cells become the test set. With the lecture's C, a held-out
 * pair is treated as unseen in training: p = 0 with confidence 0.
 */
export function toProblemSpec(data: LabData): ProblemSpec {
  const { train, test } = splitHeld(data.ratings, data.heldOut);
  const spec: ProblemSpec = {
    mode: data.mode,
    m: data.ratings.m,
    n: data.ratings.n,
    userIds: data.userIds,
    itemIds: data.itemIds,
    train: rows(train),
    test: data.heldOut.length > 0 ? rows(test) : null,
    confidence: null,
  };
  const C = data.confidence;
  if (data.mode === 'implicit' && C) {
    let entries = C.entries;
    if (data.heldOut.length > 0) {
      const heldPairs = heldOutPairs(data);
      const dense = denseFromRows(entries);
      for (const [i, j] of heldPairs) dense.set(i * data.ratings.n + j, 0);
      // Base 0 already means "no confidence": the held pairs need no entry then.
      entries = sparseFromMap(dense, data.ratings, (c) => C.base === 0 && c === 0);
    }
    spec.confidence = { base: C.base, entries: rows(entries) };
  }
  return spec;
}

function denseFromRows(R: Ratings): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < R.m; i++)
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) out.set(i * R.n + R.userCol[p]!, R.userVal[p]!);
  return out;
}

function sparseFromMap(values: Map<number, number>, like: Ratings, skip: (v: number) => boolean): Ratings {
  const keys = [...values.keys()].sort((a, b) => a - b).filter((k) => !skip(values.get(k)!));
  const userPtr = new Int32Array(like.m + 1);
  const col = new Int32Array(keys.length);
  const val = new Float64Array(keys.length);
  keys.forEach((key, t) => {
    const i = Math.floor(key / like.n);
    userPtr[i + 1]!++;
    col[t] = key % like.n;
    val[t] = values.get(key)!;
  });
  for (let i = 0; i < like.m; i++) userPtr[i + 1]! += userPtr[i]!;
  return ratingsFromCsr(like.m, like.n, userPtr, col, val, like.userIds, like.itemIds);
}

/** Bytes of the data's typed arrays (labels are shared between versions and not counted). */
export function labDataBytes(data: LabData): number {
  let bytes = ratingsBytes(data.ratings) + data.heldOut.byteLength;
  if (data.confidence) bytes += ratingsBytes(data.confidence.entries);
  return bytes;
}
