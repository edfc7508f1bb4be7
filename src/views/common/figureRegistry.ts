/**
 * The figures on screen, for the header's Export menu: every "Save figure" control registers the
 * figures it saves while it is mounted. A plain external store (useSyncExternalStore reads it).
 */
import type { FigureSpec } from './saveFigure';

const figures = new Map<string, FigureSpec>();
const listeners = new Set<() => void>();
let snapshot: FigureSpec[] = [];

function changed() {
  snapshot = [...figures.values()];
  for (const l of listeners) l();
}

/** Adds figures under an owner's id; returns the function that removes them. */
export function registerFigures(owner: string, specs: FigureSpec[]): () => void {
  specs.forEach((s) => figures.set(`${owner}:${s.key}`, s));
  changed();
  return () => {
    specs.forEach((s) => figures.delete(`${owner}:${s.key}`));
    changed();
  };
}

export function subscribeFigures(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const figuresOnScreen = (): FigureSpec[] => snapshot;
