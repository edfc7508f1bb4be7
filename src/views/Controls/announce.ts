/**
 * "Say the loss": the lab's L key asks the run controls of the same lab to announce the
 * step and the objective now (screen readers hear it once, not on every half-step).
 */
import type { StoreApi } from 'zustand';
import type { LabState } from '../../state/labStore';

const listeners = new WeakMap<StoreApi<LabState>, () => void>();

export function onAnnounceRequest(store: StoreApi<LabState>, announce: () => void): () => void {
  listeners.set(store, announce);
  return () => {
    if (listeners.get(store) === announce) listeners.delete(store);
  };
}

export function requestAnnouncement(store: StoreApi<LabState>): void {
  listeners.get(store)?.();
}
