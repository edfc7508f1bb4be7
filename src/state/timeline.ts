/**
 * The run's timeline: one entry per snapshot from the worker, with a memory budget — older
 * entries lose their U and V (their losses stay) and all but the newest lose the sampled
 * UVᵀ of a large model — and the run's actions read off it in the one grammar of actions.
 */
import type { RunAction } from '../worker/actions';
import type { Snapshot } from '../worker/protocol';

/** Timeline entries keep their U and V only while they fit in this budget (bytes). */
export const TIMELINE_FACTOR_BUDGET = 48 * 2 ** 20;
/** The sampled UVᵀ of large models is kept on the newest entries only, within this budget (bytes). */
export const TIMELINE_PRODUCT_BUDGET = 8 * 2 ** 20;
/** At most this many steps are kept per run (their losses); older ones are dropped. */
export const TIMELINE_MAX_ENTRIES = 20_000;

/** A step of the run as kept in the timeline (old ones lose U and V beyond the memory budget). */
export type TimelineEntry = Snapshot;

function factorBytes(e: TimelineEntry): number {
  return (e.U?.byteLength ?? 0) + (e.V?.byteLength ?? 0);
}

function productBytes(e: TimelineEntry): number {
  return e.product ? e.product.values.byteLength + e.product.rows.byteLength + e.product.cols.byteLength : 0;
}

/**
 * Appends snapshots, forgetting the oldest U and V beyond the factor budget and the oldest
 * sampled products beyond theirs (the newest entry always keeps its own).
 */
export function appendToTimeline(timeline: readonly TimelineEntry[], snapshots: readonly Snapshot[]): TimelineEntry[] {
  const next = [...timeline, ...snapshots];
  let bytes = 0;
  let products = 0;
  for (let t = next.length - 1; t >= 0; t--) {
    const e = next[t]!;
    if (!e.U && !e.product && bytes > TIMELINE_FACTOR_BUDGET) break; // everything older was pruned already
    bytes += factorBytes(e);
    products += productBytes(e);
    const dropFactors = bytes > TIMELINE_FACTOR_BUDGET && t < next.length - 1 && e.U !== null;
    const dropProduct = products > TIMELINE_PRODUCT_BUDGET && t < next.length - 1 && e.product !== null;
    if (dropFactors || dropProduct)
      next[t] = { ...e, ...(dropFactors ? { U: null, V: null } : {}), ...(dropProduct || dropFactors ? { product: null } : {}) };
  }
  return next.length > TIMELINE_MAX_ENTRIES ? next.slice(next.length - TIMELINE_MAX_ENTRIES) : next;
}

/** The action a timeline entry records, or null for entries that are not actions (init, update, restore). */
export function actionOf(e: TimelineEntry): RunAction | null {
  switch (e.kind) {
    case 'users':
    case 'items':
      return { kind: 'als', side: e.kind };
    case 'row':
      return e.solved === 'users' || e.solved === 'items' ? { kind: 'row', side: e.solved, index: e.row ?? 0 } : null;
    case 'gd':
      return { kind: 'gd', sides: e.solved ?? 'both' };
    default:
      return null;
  }
}

/**
 * The actions of the current run since its initialisation, read off the timeline: a
 * restore (scrubbing back, then continuing) cuts the run back to its step.
 */
export function runActions(timeline: readonly TimelineEntry[]): RunAction[] {
  let out: RunAction[] = [];
  for (const e of timeline) {
    if (e.kind === 'init') out = [];
    else if (e.kind === 'restore') out = out.slice(0, e.step);
    else {
      const action = actionOf(e);
      if (action) out.push(action);
    }
  }
  return out;
}

/** The timeline entry on screen. */
export function currentEntry(state: { timeline: readonly TimelineEntry[]; cursor: number | null }): TimelineEntry | null {
  const { timeline, cursor } = state;
  if (timeline.length === 0) return null;
  return timeline[cursor ?? timeline.length - 1] ?? null;
}
