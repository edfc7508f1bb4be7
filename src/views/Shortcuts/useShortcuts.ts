/**
 * The lab's keyboard: Space play/pause, → full step, Shift+→ next half-step, R reset,
 * L say the step and the loss, Escape forget the explained cell, ? the list of shortcuts.
 * Ignored while typing in a field or moving inside the grid.
 */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { LabState } from '../../state/labStore';
import { requestAnnouncement } from '../Controls/announce';

export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Space', action: 'Play / pause' },
  { keys: '→', action: 'One full step (ALS: solve U, then V — one iteration, two half-steps)' },
  { keys: 'Shift + →', action: 'One half-step (the other side next)' },
  { keys: 'R', action: 'Reset to the random start' },
  { keys: 'L', action: 'Say the step and the objective (screen readers)' },
  { keys: 'Esc', action: 'Forget the cell being explained' },
  { keys: 'Ctrl + Z / Ctrl + Shift + Z', action: 'Undo / redo an edit of R' },
  { keys: '?', action: 'Show these shortcuts' },
];

/** Whether a key event belongs to a control that uses keys itself. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"], [role="grid"], [role="slider"], dialog')) return true;
  return false;
}

export function useShortcuts(store: StoreApi<LabState>, openHelp: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.metaKey || e.ctrlKey) return;
      const s = store.getState();
      // Escape forgets a tapped cell's explanation from anywhere but a dialog or a field being typed in.
      if (
        e.key === 'Escape' &&
        s.hover &&
        !(e.target instanceof Element && e.target.closest('dialog, input, textarea, select'))
      ) {
        s.setHover(null);
        return;
      }
      if (isTypingTarget(e.target)) return;
      if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        s.togglePlay();
      } else if (e.key === 'ArrowRight' && e.shiftKey) {
        e.preventDefault();
        const last = s.timeline[s.cursor ?? s.timeline.length - 1];
        s.halfStep(last?.kind === 'users' ? 'items' : 'users');
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        s.step();
      } else if (e.key === 'r' || e.key === 'R') {
        e.preventDefault();
        s.reset();
      } else if (e.key === 'l' || e.key === 'L') {
        e.preventDefault();
        requestAnnouncement(store);
      } else if (e.key === '?') {
        e.preventDefault();
        openHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, openHelp, enabled]);
}
