/**
 * The data sets kept in this browser, for a panel that lists them: names, sizes, when kept,
 * and a delete that updates the list. Reads IndexedDB once and again after every change.
 */
import { useCallback, useEffect, useState } from 'react';
import { deleteKeptDataset, listKeptDatasets, subscribeKept, type KeptDatasetInfo } from './keptDatasets';

export interface KeptDatasets {
  /** Newest first; null while the list is being read. */
  list: KeptDatasetInfo[] | null;
  /** Total bytes kept. */
  bytes: number;
  /** Why the list could not be read (storage refused), or null. */
  error: string | null;
  remove(key: string): Promise<void>;
}

export function useKeptDatasets(): KeptDatasets {
  const [list, setList] = useState<KeptDatasetInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      listKeptDatasets().then(
        (next) => live && (setList(next), setError(null)),
        (e: Error) => live && setError(`This browser's storage could not be read (${e.message}).`),
      );
    void read();
    const stop = subscribeKept(() => void read());
    return () => {
      live = false;
      stop();
    };
  }, []);
  const remove = useCallback((key: string) => deleteKeptDataset(key), []);
  return { list, bytes: (list ?? []).reduce((s, d) => s + d.bytes, 0), error, remove };
}
