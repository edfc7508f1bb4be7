/**
 * The student's own ratings as a new user, kept per lab (switching tabs, or a new step of ALS,
 * keeps them) and by item id, so that an edit that moves columns never moves a rating to
 * another item. Local to this view: R changes only when the student adds the row.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useLabStore } from '../../state/LabContext';
import type { LabState } from '../../state/labStore';

export interface OwnRating {
  itemId: string;
  value: number;
}

export interface NewUserState {
  ratings: OwnRating[];
  /** Sets (adds or changes) the rating of an item. */
  rate(itemId: string, value: number): void;
  remove(itemId: string): void;
  clear(): void;
}

const stores = new WeakMap<StoreApi<LabState>, StoreApi<NewUserState>>();

export function newUserStore(): StoreApi<NewUserState> {
  return createStore<NewUserState>()((set, get) => ({
    ratings: [],
    rate(itemId, value) {
      const ratings = get().ratings;
      const at = ratings.findIndex((r) => r.itemId === itemId);
      set({ ratings: at < 0 ? [...ratings, { itemId, value }] : ratings.map((r, k) => (k === at ? { itemId, value } : r)) });
    },
    remove(itemId) {
      set({ ratings: get().ratings.filter((r) => r.itemId !== itemId) });
    },
    clear() {
      set({ ratings: [] });
    },
  }));
}

/** This lab's new-user ratings. */
export function useNewUserRatings(): NewUserState {
  const lab = useLabStore();
  let store = stores.get(lab);
  if (!store) {
    store = newUserStore();
    stores.set(lab, store);
  }
  return useStore(store);
}
