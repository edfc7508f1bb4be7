/**
 * The one door through which a class's data set enters the lab. The lab holds dense LabData
 * today, so the data set is spelled out cell by cell with item titles as column labels; when
 * the store gains loadDataset(dataset), this function becomes a call to it.
 */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { ratingAt, type Dataset } from '../core';
import type { LabData } from '../state/labData';
import type { LabState } from '../state/labStore';

/** The lab's dense form of a (small) data set: titles as item labels where the set has them. */
export function labDataOf(dataset: Dataset): LabData {
  const R = dataset.ratings;
  const itemIds = R.itemIds.map((id, j) => dataset.itemTitles?.[j] ?? id);
  return {
    mode: dataset.kind,
    userIds: [...R.userIds],
    itemIds,
    cells: Array.from({ length: R.m }, (_, i) => Array.from({ length: R.n }, (_, j) => ratingAt(R, i, j))),
    confidence: null,
    scale: { min: dataset.scale.min, max: dataset.scale.max },
    heldOut: [],
  };
}

/** Puts the data set into the lab (undoable, like any edit) and starts ALS afresh from the seed. */
export function openInLab(store: StoreApi<LabState>, dataset: Dataset): void {
  const state = store.getState();
  state.pause();
  state.setData(labDataOf(dataset), dataset.name);
  state.reset();
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
