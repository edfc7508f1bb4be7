/**
 * What the step counter counts, in words that fit the solver: ALS counts half-steps (a
 * Step is two: solve U, then V) and iterations (full steps); gradient descent counts
 * gradient steps; a run that mixes them, or solves single rows, says how many of each.
 * Pure: read off the timeline.
 */
import type { TimelineEntry } from '../../state/labStore';

export interface StepCounts {
  /** Actions since the start (the worker's step number). */
  total: number;
  halfSteps: number;
  gradientSteps: number;
  rowSolves: number;
}

/** Counts the actions up to timeline entry `index`, back to the run's start. */
export function countSteps(
  timeline: readonly Pick<TimelineEntry, 'kind' | 'step'>[],
  index: number,
  solver: 'als' | 'gd',
): StepCounts {
  const entry = timeline[index];
  const counts: StepCounts = { total: entry?.step ?? 0, halfSteps: 0, gradientSteps: 0, rowSolves: 0 };
  if (!entry) return counts;
  let t = index;
  for (; t >= 0; t--) {
    const kind = timeline[t]!.kind;
    if (kind === 'init') break;
    if (kind === 'users' || kind === 'items') counts.halfSteps++;
    else if (kind === 'gd') counts.gradientSteps++;
    else if (kind === 'row') counts.rowSolves++;
  }
  // An old run's start may have been dropped from the timeline: the rest were of the solver in use.
  const missing = counts.total - counts.halfSteps - counts.gradientSteps - counts.rowSolves;
  if (missing > 0) {
    if (solver === 'gd') counts.gradientSteps += missing;
    else counts.halfSteps += missing;
  }
  return counts;
}

export interface StepWords {
  /** Before the count, e.g. "iteration 2". */
  prefix: string | null;
  /** The count itself, e.g. "half-step 4" or "gradient step 5". */
  count: string;
  /** For a mixed run: how many of each. */
  detail: string | null;
}

const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

/** An ALS half-step count as iterations: half-steps 3 and 4 belong to iteration 2. */
export const iterationOf = (halfSteps: number) => Math.ceil(halfSteps / 2);

export function stepWords(c: StepCounts, solver: 'als' | 'gd'): StepWords {
  const { total, halfSteps, gradientSteps, rowSolves } = c;
  const mixed = [halfSteps, gradientSteps, rowSolves].filter((k) => k > 0).length > 1 || rowSolves > 0;
  if (mixed) {
    const parts = [
      halfSteps ? plural(halfSteps, 'half-step') : '',
      gradientSteps ? plural(gradientSteps, 'gradient step') : '',
      rowSolves ? plural(rowSolves, 'row solve') : '',
    ].filter(Boolean);
    return { prefix: null, count: `step ${total}`, detail: parts.join(', ') };
  }
  if (gradientSteps > 0 || (total === 0 && solver === 'gd'))
    return { prefix: null, count: `gradient step ${total}`, detail: null };
  return { prefix: `iteration ${iterationOf(total)}`, count: `half-step ${total}`, detail: null };
}

/** The whole readout as one line: "iteration 2 · half-step 4". */
export function stepText(w: StepWords): string {
  return [w.prefix, w.count].filter(Boolean).join(' · ') + (w.detail ? ` (${w.detail})` : '');
}
