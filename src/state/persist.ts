/**
 * The lab's state in the URL and in local storage (to be completed: see the persistence task).
 * initialLabOptions() reads what the page was opened with; usePersistence() writes it back.
 */
import type { StoreApi } from 'zustand';
import type { LabOptions, LabState } from './labStore';

/** The options the main lab starts from: a shared link, else what was stored, else the lecture's R. */
export function initialLabOptions(): LabOptions {
  return { preset: 'lecture-r' };
}

/** Keeps the URL and local storage in step with the lab's state. */
export function usePersistence(_store: StoreApi<LabState>): void {}
