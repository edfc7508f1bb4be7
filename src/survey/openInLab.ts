/**
 * The one door through which a class's data set enters the lab: the store's loadDataset, so the
 * class's R is one undoable edit, kept in this browser (a reload brings it back) and its item
 * titles label the columns.
 */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { Dataset } from '../core';
import type { LabState } from '../state/labStore';
import type { DatasetRecipe } from '../worker/protocol';

/** Puts the data set into the lab (undoable, like any edit) and starts ALS afresh from the seed. */
export function openInLab(store: StoreApi<LabState>, dataset: Dataset): void {
  const state = store.getState();
  state.pause();
  state.loadDataset(dataset);
}

type Pending = { dataset: Dataset } | { recipe: DatasetRecipe; label: string };

let pending: Pending | null = null;

function goToLab(next: Pending): void {
  pending = next;
  location.hash = '#/lab';
  window.scrollTo(0, 0);
}

/** Opens the lab page with `dataset` in it (the lab is a page of its own: the set waits for it). */
export function sendToLab(dataset: Dataset): void {
  goToLab({ dataset });
}

/**
 * Opens the lab page and builds a data set there in the worker (the class beside
 * MovieTweetings' real raters): progress, cancel and any refusal show in the lab's toolbar.
 */
export function sendRecipeToLab(recipe: DatasetRecipe, label: string): void {
  goToLab({ recipe, label });
}

/** In the main lab: takes a data set sent from another page, once the lab has started. */
export function useDatasetHandoff(store: StoreApi<LabState>): void {
  useEffect(() => {
    if (!pending) return;
    // After the lab's own start (its effects run after this one), so the set is one undoable edit.
    const timer = setTimeout(() => {
      const next = pending;
      pending = null;
      if (!next) return;
      if ('dataset' in next) openInLab(store, next.dataset);
      else {
        store.getState().pause();
        void store.getState().openRecipe(next.recipe, next.label);
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [store]);
}
