/**
 * How the views read a lab's data: the accessors (cellAt, isHeldOut, …) and nothing of its
 * layout. They match, name for name and signature for signature, the ones the sparse lab
 * data brings in state/labData; once that lands, this file only re-exports them:
 *
 *   export { cellAt, confidenceAt, forEachCell, forEachInColumn, forEachInRow, heldOutCount, isHeldOut } from '../../state/labData';
 */
import { cellKey, type Cell, type LabData } from '../../state/labData';

const heldSets = new WeakMap<readonly string[], Set<string>>();
function heldSet(data: LabData): Set<string> {
  let set = heldSets.get(data.heldOut);
  if (!set) heldSets.set(data.heldOut, (set = new Set(data.heldOut)));
  return set;
}

/** r_ij (or the observation, or p), null for `?`. */
export function cellAt(data: LabData, i: number, j: number): Cell {
  return data.cells[i]?.[j] ?? null;
}

/** c_ij of the lecture's C, or null when the data has no C. */
export function confidenceAt(data: LabData, i: number, j: number): number | null {
  return data.confidence?.[i]?.[j] ?? null;
}

/** Whether known cell (i, j) is held out of training. */
export function isHeldOut(data: LabData, i: number, j: number): boolean {
  return data.heldOut.length > 0 && heldSet(data).has(cellKey(i, j));
}

export function heldOutCount(data: LabData): number {
  return data.heldOut.length;
}

/** Visits user i's known cells in item order. */
export function forEachInRow(data: LabData, i: number, visit: (j: number, value: number, heldOut: boolean) => void): void {
  const row = data.cells[i];
  if (!row) return;
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (v !== null && v !== undefined) visit(j, v, isHeldOut(data, i, j));
  }
}

/** Visits item j's known cells in user order. */
export function forEachInColumn(data: LabData, j: number, visit: (i: number, value: number, heldOut: boolean) => void): void {
  for (let i = 0; i < data.cells.length; i++) {
    const v = data.cells[i]?.[j];
    if (v !== null && v !== undefined) visit(i, v, isHeldOut(data, i, j));
  }
}

/** Visits every known cell in user order. */
export function forEachCell(data: LabData, visit: (i: number, j: number, value: number, heldOut: boolean) => void): void {
  for (let i = 0; i < data.cells.length; i++) forEachInRow(data, i, (j, v, h) => visit(i, j, v, h));
}
