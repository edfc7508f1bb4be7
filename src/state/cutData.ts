/**
 * A dense core of the lab's data, opened in the small editable grid (issue 8): the chosen
 * users × items with their ratings, held-out marks, titles, genres and timestamps, as one
 * undoable change — Undo brings the big data back. Choosing the users and items of a big
 * data set is the worker's job (see worker/densityQueries); cutting them out here touches
 * only the chosen users' rows.
 */
import type { StoreApi } from 'zustand/vanilla';
import { subsetRatings, type Cut } from '../core';
import { timestampsOf, type LabData } from './labData';
import type { LabState } from './labStore';
import { hasPosition } from './sparse';
import { formatCount as n } from '../core/formatCount';

/** What the small editable grid takes: a cut beyond this is refused, with these numbers as the reason. */
export const CUT_LIMITS = { users: 250, items: 250, cells: 25_000 } as const;

/** Above this many cells R is shown as a density view by default (a cut must fit under it, to open as cells). */
export const DENSITY_DEFAULT_CELLS = CUT_LIMITS.cells;

/** Why a cut of this size cannot open in the grid, or null when it can. */
export function cutRefusal(users: number, items: number, known: number): string | null {
  if (users === 0 || items === 0)
    return `This cut is empty (${n(users)} users × ${n(items)} items): nothing would be left to factorise. Ask for fewer ratings per user or item, or for more users and items.`;
  if (known === 0) return `This cut has ${n(users)} users × ${n(items)} items but not one known rating between them.`;
  if (users > CUT_LIMITS.users || items > CUT_LIMITS.items || users * items > CUT_LIMITS.cells)
    return `This cut is too big for the editable grid: ${n(users)} users × ${n(items)} items = ${n(users * items)} cells; the grid takes at most ${CUT_LIMITS.users} users, ${CUT_LIMITS.items} items and ${n(CUT_LIMITS.cells)} cells. Ask for fewer users and items, or for more ratings per user or item.`;
  return null;
}

/** The lab's data restricted to a cut's users and items, in the cut's order. */
export function cutLabData(data: LabData, cut: Cut): LabData {
  const { ratings, positions } = subsetRatings(data.ratings, cut);
  const held: number[] = [];
  if (data.heldOut.length > 0) positions.forEach((p, k) => hasPosition(data.heldOut, p) && held.push(k));
  const pick = <T>(list: readonly T[] | null) => (list ? Array.from(cut.items, (j) => list[j]!) : null);
  const times = timestampsOf(data);
  const C = data.confidence;
  return {
    ...data,
    userIds: ratings.userIds as string[],
    itemIds: ratings.itemIds as string[],
    ratings,
    confidence: C ? { base: C.base, entries: subsetRatings(C.entries, cut).ratings } : null,
    heldOut: Int32Array.from(held),
    itemTitles: pick(data.itemTitles),
    itemGenres: pick(data.itemGenres),
    dataset: null,
    timestamps: times ? { of: ratings, values: Float64Array.from(positions, (p) => times[p]!) } : null,
  };
}

/** Share of known cells, as people read it ("27 %", "0.57 %"). */
export function percent(share: number): string {
  if (share === 0) return '0 %';
  const p = share * 100;
  return `${p >= 10 ? p.toFixed(0) : p >= 1 ? p.toFixed(1) : p.toPrecision(2)} %`;
}

/**
 * Opens a cut in the lab as an undoable change of data (a new run starts on it); throws why
 * when it is refused. `what` describes it ("top 20 users × 12 items").
 */
export function applyCut(store: StoreApi<LabState>, from: LabData, cut: Cut, what: string): string {
  const state = store.getState();
  if (state.data !== from) throw new Error('The data changed while the cut was chosen: nothing was cut. Try again.');
  const next = cutLabData(from, cut);
  const refusal = cutRefusal(next.ratings.m, next.ratings.n, next.ratings.nnz);
  if (refusal) throw new RangeError(refusal);
  const text = `Cut ${what}: ${n(next.ratings.m)} users × ${n(next.ratings.n)} items, ${n(next.ratings.nnz)} known (${percent(next.ratings.nnz / (next.ratings.m * next.ratings.n))}). Undo brings back all ${n(from.ratings.m)} × ${n(from.ratings.n)}.`;
  state.replaceData(next, { tone: 'info', text });
  return text;
}
