/**
 * Splitting the lab's ratings into training and held-out cells (issue 8): a seeded random
 * share of each user's ratings, or each user's latest k when the data has timestamps. The
 * split replaces any held-out cells the data had (they return to the pool first), is one
 * undoable change, and restarts the run — factors that were trained on the held-out ratings
 * would be judged on ratings they have already seen. Large data is split in the worker.
 */
import type { StoreApi } from 'zustand/vanilla';
import { heldOutPositions, type HeldOutSpec } from '../core';
import { timestampsOf, type LabData } from './labData';
import { clientOf, type LabState } from './labStore';
import { formatCount } from '../core/formatCount';

/**
 * Whether a split of this many ratings belongs in the worker: one taking over ~25 ms on the page
 * (about 0.3 µs per rating at random, 1 µs by time, which sorts each user's ratings).
 */
export function splitsInWorker(ratings: number, kind: HeldOutSpec['kind']): boolean {
  return ratings * (kind === 'time' ? 1 : 0.3) > 25_000;
}

/** The data with exactly these positions held out. */
export function withHeldOut(data: LabData, positions: Int32Array): LabData {
  return { ...data, heldOut: positions };
}

/** How each split was made, by its positions (they travel unchanged through undo, redo and copies of the data). */
const howSplit = new WeakMap<Int32Array, string>();

/** How the data's held-out cells were chosen ("20 % of each user’s at random, seed 1"), when a split chose them. */
export function heldOutHow(data: LabData): string | null {
  return howSplit.get(data.heldOut) ?? null;
}

function describeSpec(spec: HeldOutSpec): string {
  return spec.kind === 'random'
    ? `${Math.round(spec.share * 100)} % of each user’s at random, seed ${spec.seed}`
    : `each user’s latest ${spec.latest}`;
}

/** What the split did, in words. */
export function splitSummary(data: LabData, positions: Int32Array, spec: HeldOutSpec): string {
  const n = (x: number) => formatCount(x);
  const what = data.mode === 'implicit' ? 'entries' : 'ratings';
  const how = describeSpec(spec);
  return `Held out ${n(positions.length)} of ${n(data.ratings.nnz)} ${what} (${how}; every user keeps at least one in training). The run restarted from its seed, so the factors never see the held-out ${what}.`;
}

/** Applies a split to the lab's data (in the worker when large); resolves with what it did, or throws why not. */
export async function applyHoldOut(store: StoreApi<LabState>, spec: HeldOutSpec): Promise<string> {
  const data = store.getState().data;
  const times = timestampsOf(data);
  if (spec.kind === 'time' && !times) throw new RangeError('These ratings have no timestamps: they cannot be split by time.');
  const R = data.ratings;
  const positions = splitsInWorker(R.nnz, spec.kind)
    ? await clientOf(store).holdOut({ m: R.m, nnz: R.nnz, userPtr: R.userPtr }, times, spec)
    : heldOutPositions(R, spec, times);
  if (store.getState().data !== data) throw new Error('The data changed while it was being split: nothing was held out.');
  const state = store.getState();
  howSplit.set(positions, describeSpec(spec));
  state.setData(withHeldOut(data, positions));
  state.reset();
  const text = splitSummary(data, positions, spec);
  state.setStatus({ tone: 'info', text });
  return text;
}
