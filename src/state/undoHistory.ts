/**
 * Undo and redo keep earlier versions of the data. Versions share what an edit did not
 * change (labels, typed arrays), so the history is measured by the distinct buffers it
 * holds: at most UNDO_LIMIT versions and UNDO_BYTE_BUDGET bytes. A small grid keeps 200
 * undo steps; ML-1M (about 30 MB a version once edited) keeps as many as fit in the
 * budget, and at least the last one.
 */
import type { Ratings } from '../core';
import type { LabData } from './labData';
import type { DataOrigin } from './labStore';

/**
 * What each version of the data was called when it left the screen: its origin (a preset, a
 * kept data set) and whether it was untouched. Undo and redo bring the name back with the
 * data — undoing a cut or a preset shows "Data: MovieTweetings…" again, not the name of what
 * replaced it. Keyed by the versions themselves, so forgotten versions are forgotten here too.
 */
export interface ShownAs {
  origin: DataOrigin | null;
  pristine: boolean;
}
const shown = new WeakMap<LabData, ShownAs>();

/** Records what `data` was called as it leaves the screen (an edit, a new data set, an undo). */
export function rememberShown(data: LabData, as: ShownAs): void {
  shown.set(data, as);
}

/** What `data` was called when it was last on screen, or null (then the current name stays). */
export function shownAs(data: LabData): ShownAs | null {
  return shown.get(data) ?? null;
}

export const UNDO_LIMIT = 200;
export const UNDO_BYTE_BUDGET = 96 * 2 ** 20;

function ratingsArrays(R: Ratings): ArrayBufferView[] {
  return [R.userPtr, R.userCol, R.userVal, R.itemPtr, R.itemRow, R.itemVal, R.itemToUserPos];
}

function arraysOf(data: LabData): ArrayBufferView[] {
  const out = [...ratingsArrays(data.ratings), data.heldOut];
  if (data.confidence) out.push(...ratingsArrays(data.confidence.entries));
  return out;
}

/** Bytes held by a list of versions, each buffer counted once however many versions share it. */
export function historyBytes(versions: readonly LabData[]): number {
  const seen = new Set<ArrayBufferLike>();
  let bytes = 0;
  for (const data of versions) {
    for (const a of arraysOf(data)) {
      if (seen.has(a.buffer)) continue;
      seen.add(a.buffer);
      bytes += a.buffer.byteLength;
    }
  }
  return bytes;
}

/** Drops the oldest versions (the front of the list) until the list fits the limits; keeps the newest. */
export function trimHistory(versions: readonly LabData[], budget = UNDO_BYTE_BUDGET, limit = UNDO_LIMIT): LabData[] {
  let out = versions.length > limit ? versions.slice(versions.length - limit) : [...versions];
  while (out.length > 1 && historyBytes(out) > budget) out = out.slice(1);
  return out;
}

/** The undo list after keeping `data` as its newest version. */
export function pushPast(past: readonly LabData[], data: LabData, budget = UNDO_BYTE_BUDGET): LabData[] {
  return trimHistory([...past, data], budget);
}
