/**
 * The one door through which a class's data set enters the lab: the store's loadDataset, so the
 * class's R is one undoable edit, kept in this browser (a reload brings it back) and its item
 * titles label the columns.
 */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { Dataset } from '../core';
import type { LabState } from '../state/labStore';

/** Puts the data set into the lab (undoable, like any edit) and starts ALS afresh from the seed. */
export function openInLab(store: StoreApi<LabState>, dataset: Dataset): void {
  const state = store.getState();
  state.pause();
  state.loadDataset(dataset);
}

let pending: Dataset | null = null;

/** Opens the lab page with `dataset` in it (the lab is a page of its own: the set waits for it). */
export function sendToLab(dataset: Dataset): void {
  pending = dataset;
  location.hash = '#/lab';
  window.scrollTo(0, 0);
}

/** In the main lab: takes a data set sent from another page, once the lab has started. */
export function useDatasetHandoff(store: StoreApi<LabState>): void {
  useEffect(() => {
    if (!pending) return;
    // After the lab's own start (its effects run after this one), so the set is one undoable edit.
    const timer = setTimeout(() => {
      const dataset = pending;
      pending = null;
      if (dataset) openInLab(store, dataset);
    }, 0);
    return () => clearTimeout(timer);
  }, [store]);
}
