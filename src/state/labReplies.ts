/**
 * What the worker's replies do to a lab's state, as pure functions: the store applies the
 * patch they return. Kept apart from the store so each rule (which message a snapshot
 * shows, when a message clears) reads on its own and is tested on its own.
 */
import type { Snapshot } from '../worker/protocol';
import { appendToTimeline, type TimelineEntry } from './timeline';

export interface StatusMessage {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

interface RunState {
  timeline: TimelineEntry[];
  status: StatusMessage | null;
}

/**
 * The timeline and message after a batch of snapshots: an init starts a new timeline; a
 * divergence, singular rows or a note from the worker become the message; otherwise a
 * warning from an earlier action clears, but an info message, and the message the lab
 * opened with (`sticky`), stay until replaced.
 */
export function afterSnapshots(
  state: RunState,
  snapshots: Snapshot[],
  sticky: StatusMessage | null,
): Pick<RunState, 'timeline' | 'status'> & { singular: Snapshot['singular']; fresh: boolean } {
  const last = snapshots[snapshots.length - 1]!;
  const fresh = snapshots.some((s) => s.kind === 'init');
  const base = fresh ? [] : state.timeline;
  const singular = snapshots.flatMap((s) => s.singular);
  const diverged = snapshots.find((s) => s.diverged)?.diverged ?? null;
  const note = snapshots.find((s) => s.note)?.note ?? null;
  let status = state.status;
  if (diverged) status = { tone: 'error', text: diverged };
  else if (singular.length > 0)
    status = {
      tone: 'warning',
      text: singular[0]!.reason + (singular.length > 1 ? ` (and ${singular.length - 1} more)` : ''),
    };
  else if (note) status = { tone: 'info', text: note };
  else if (last.kind !== 'update' && status?.tone !== 'info' && status !== sticky) status = null;
  return { timeline: appendToTimeline(base, snapshots), singular, status, fresh };
}

/** The message a stopped play loop leaves (null: keep the current one). */
export function stoppedStatus(reason: string): StatusMessage | null {
  switch (reason) {
    case 'converged':
      return {
        tone: 'info',
        text: 'Converged: a full step changed the loss by less than one part in a billion, so ALS has reached a fixed point. Reset to start again from the seed.',
      };
    case 'limit':
      return { tone: 'info', text: 'Paused after 100,000 steps.' };
    default:
      return null;
  }
}

/** What the lab says after its worker was restarted. */
export function restartedStatus(reason: string, step: number | null, gaveUp: boolean): StatusMessage {
  if (gaveUp)
    return {
      tone: 'error',
      text: `The model worker stopped again (${reason}) and was not restarted once more. Your data is kept: reload the page to try again.`,
    };
  return {
    tone: 'warning',
    text: `The model worker stopped (${reason}) and was restarted. R is kept as it was${step !== null && step > 0 ? `, and the run continues from step ${step}` : ''}.`,
  };
}
