/**
 * React access to a lab's store: <LabProvider> creates one store (and one worker) per
 * lab, and components read it only through useLab(selector).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createLabStore, startLab, type LabOptions, type LabState } from './labStore';

const LabContext = createContext<StoreApi<LabState> | null>(null);

const pendingDispose = new WeakMap<StoreApi<LabState>, ReturnType<typeof setTimeout>>();

/**
 * Disposes a store (and its worker) when its owner unmounts for good. The dispose waits a
 * tick, so React's StrictMode (which unmounts and remounts at once in development) keeps it.
 */
export function useStoreLifetime(store: StoreApi<LabState>, owned = true): void {
  useEffect(() => {
    if (!owned) return;
    startLab(store);
    const timer = pendingDispose.get(store);
    if (timer !== undefined) clearTimeout(timer);
    pendingDispose.delete(store);
    return () => {
      pendingDispose.set(
        store,
        setTimeout(() => {
          pendingDispose.delete(store);
          store.getState().dispose();
        }, 0),
      );
    };
  }, [store, owned]);
}

export function LabProvider({
  children,
  store: given,
  ...options
}: LabOptions & { children: ReactNode; store?: StoreApi<LabState> }) {
  const [store] = useState(() => given ?? createLabStore({ ...options, autoStart: false }));
  useStoreLifetime(store, !given);
  return <LabContext.Provider value={store}>{children}</LabContext.Provider>;
}

/** Provides a store made elsewhere (a lesson's lab), without taking ownership. */
export function LabStoreProvider({ store, children }: { store: StoreApi<LabState>; children: ReactNode }) {
  return <LabContext.Provider value={store}>{children}</LabContext.Provider>;
}

export function useLabStore(): StoreApi<LabState> {
  const store = useContext(LabContext);
  if (!store) throw new Error('useLab must be used inside a <LabProvider>.');
  return store;
}

/** Reads from the lab's store; the selector's result is compared shallowly. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), useShallow(selector));
}
