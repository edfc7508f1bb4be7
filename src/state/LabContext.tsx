/**
 * React access to a lab's store: <LabProvider> creates one store (and one worker) per
 * lab, and components read it only through useLab(selector).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createLabStore, type LabOptions, type LabState } from './labStore';

const LabContext = createContext<StoreApi<LabState> | null>(null);

export function LabProvider({
  children,
  store: given,
  ...options
}: LabOptions & { children: ReactNode; store?: StoreApi<LabState> }) {
  const [store] = useState(() => given ?? createLabStore(options));
  useEffect(() => (given ? undefined : () => store.getState().dispose()), [store, given]);
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
