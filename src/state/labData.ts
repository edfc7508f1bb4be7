/**
 * What a lab factorises, as the grid shows it: labels, the cells of R (or of the implicit
 * observations / P), the lecture's C when confidence is given entry by entry, the rating
 * scale and the held-out cells. Plain JSON: it is what the URL, storage and undo keep.
 */
import type { Mode } from '../core';
import type { EntryList, ProblemSpec } from '../worker/protocol';

export type Cell = number | null;

export interface RatingScale {
  min: number;
  max: number;
}

export interface LabData {
  mode: Mode;
  userIds: string[];
  itemIds: string[];
  /**
   * explicit: the ratings r_ij (null = `?`);
   * implicit with confidence 'alpha': observations r_ij ≥ 0 (null = no interaction), p = [r > 0], c = 1 + α·r;
   * implicit with confidence 'matrix': the preference p_ij ∈ {0, 1}.
   */
  cells: Cell[][];
  /** Implicit with the lecture's confidence matrix C (every pair); otherwise null. */
  confidence: number[][] | null;
  scale: RatingScale;
  /** Known cells held out of training, as "i,j" keys: they give the held-out RMSE. */
  heldOut: string[];
}

export const cellKey = (i: number, j: number) => `${i},${j}`;

export function confidenceKind(data: LabData): 'alpha' | 'matrix' | null {
  if (data.mode === 'explicit') return null;
  return data.confidence ? 'matrix' : 'alpha';
}

function entryList(entries: [number, number, number][]): EntryList {
  return {
    rows: Int32Array.from(entries, (e) => e[0]),
    cols: Int32Array.from(entries, (e) => e[1]),
    values: Float64Array.from(entries, (e) => e[2]),
  };
}

/** The worker's ProblemSpec: training entries without the held-out cells, which become the test set. */
export function toProblemSpec(data: LabData): ProblemSpec {
  const held = new Set(data.heldOut);
  const m = data.userIds.length;
  const n = data.itemIds.length;
  const train: [number, number, number][] = [];
  const test: [number, number, number][] = [];
  const matrixMode = data.mode === 'implicit' && data.confidence !== null;
  for (let i = 0; i < m; i++) {
    const row = data.cells[i]!;
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (v === null || v === undefined) continue;
      if (held.has(cellKey(i, j))) test.push([i, j, v]);
      else if (!matrixMode) train.push([i, j, v]);
    }
  }
  let matrices: ProblemSpec['matrices'] = null;
  if (matrixMode) {
    // A held-out pair is treated as unseen in training: p = 0 with no confidence.
    const P = data.cells.map((row, i) => row.map((v, j) => (held.has(cellKey(i, j)) ? 0 : (v ?? 0))));
    const C = data.confidence!.map((row, i) => row.map((c, j) => (held.has(cellKey(i, j)) ? 0 : c)));
    matrices = { P, C };
  }
  return {
    mode: data.mode,
    m,
    n,
    userIds: [...data.userIds],
    itemIds: [...data.itemIds],
    train: entryList(train),
    test: test.length > 0 ? entryList(test) : null,
    matrices,
  };
}

/** Number of known (non-`?`) cells. */
export function knownCount(data: LabData): number {
  let k = 0;
  for (const row of data.cells) for (const v of row) if (v !== null) k++;
  return k;
}
