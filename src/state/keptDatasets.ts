/**
 * Data sets kept in this browser (IndexedDB, through idb-keyval): an opened file comes back
 * after a reload, and a link that names a data set by its content hash finds it here. The
 * data sets are stored as they are (typed arrays are structured-cloned, not turned into
 * text); a small index beside them lists names and sizes without reading the data.
 *
 *   listKeptDatasets()      the kept data sets, newest first, with their sizes
 *   getKeptDataset(key)     one data set, or null
 *   keepDataset(d, key)     keeps one (a quota error rejects with a message)
 *   deleteKeptDataset(key)  forgets one
 *   subscribeKept(listener) called after every change (for a panel that lists them)
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { Dataset, Ratings } from '../core';
import { joinFromStorage, partCount, splitForStorage } from './storageParts';

/**
 * Elements per stored part: a put structured-clones its value in one main-thread task, so a data
 * set's large arrays go in parts of at most 1–2 MB (a 1M-rating set: about 24 puts of a few ms,
 * rather than one 110 ms task). See storageParts.ts.
 */
export const PART_ELEMENTS = 262_144;

export interface KeptDatasetInfo {
  key: string;
  name: string;
  kind: Dataset['kind'];
  users: number;
  items: number;
  ratings: number;
  /** Bytes of its typed arrays (what it takes in storage, about). */
  bytes: number;
  /** When it was kept (ms since 1970). */
  keptAt: number;
  source: Dataset['source'];
}

/** Where kept data sets live: IndexedDB in the browser, a Map in tests. */
export interface KeptBackend {
  getData(key: string): Promise<Dataset | undefined>;
  setData(key: string, dataset: Dataset): Promise<void>;
  getInfo(key: string): Promise<KeptDatasetInfo | undefined>;
  setInfo(key: string, info: KeptDatasetInfo): Promise<void>;
  remove(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** Data sets in IndexedDB, their large arrays in parts of `partElements` elements (smaller in tests). */
export function idbBackend(partElements = PART_ELEMENTS): KeptBackend {
  let data: UseStore | null = null;
  let index: UseStore | null = null;
  // Opened on first use: a page that never keeps a data set never opens IndexedDB.
  const stores = () => {
    data ??= createStore('mf-lab-datasets', 'datasets');
    index ??= createStore('mf-lab-dataset-index', 'index');
    return { data, index };
  };
  const partKey = (key: string, p: number) => `${key}#${p}`;
  /** Deletes the parts a stored head refers to (an older copy under the same key). */
  const dropParts = async (key: string) => {
    const head = await get<unknown>(key, stores().data);
    const count = head === undefined ? 0 : partCount(head);
    for (let p = 0; p < count; p++) await del(partKey(key, p), stores().data);
  };
  return {
    getData: async (key) => {
      const head = await get<unknown>(key, stores().data);
      if (head === undefined) return undefined;
      const parts: ArrayLike<number>[] = [];
      for (let p = 0, count = partCount(head); p < count; p++) {
        const part = await get<ArrayLike<number>>(partKey(key, p), stores().data);
        if (!part) return undefined;
        parts.push(part);
      }
      return joinFromStorage(head, parts) as Dataset;
    },
    setData: async (key, dataset) => {
      await dropParts(key);
      const { head, parts } = splitForStorage(dataset, partElements);
      // The parts first, the head last: a head is only ever stored with all of its parts.
      for (let p = 0; p < parts.length; p++) await set(partKey(key, p), parts[p]!.read(), stores().data);
      await set(key, head, stores().data);
    },
    getInfo: (key) => get<KeptDatasetInfo>(key, stores().index),
    setInfo: (key, info) => set(key, info, stores().index),
    remove: async (key) => {
      await del(key, stores().index);
      await dropParts(key);
      await del(key, stores().data);
    },
    keys: async () => (await keys(stores().index)).map(String),
  };
}

/** A backend in memory (tests, and browsers without IndexedDB). */
export function memoryBackend(): KeptBackend {
  const data = new Map<string, Dataset>();
  const index = new Map<string, KeptDatasetInfo>();
  return {
    getData: async (key) => data.get(key),
    setData: async (key, dataset) => void data.set(key, dataset),
    getInfo: async (key) => index.get(key),
    setInfo: async (key, info) => void index.set(key, info),
    remove: async (key) => {
      data.delete(key);
      index.delete(key);
    },
    keys: async () => [...index.keys()],
  };
}

let backend: KeptBackend | null = null;
const listeners = new Set<() => void>();

function current(): KeptBackend {
  backend ??= typeof indexedDB === 'undefined' ? memoryBackend() : idbBackend();
  return backend;
}

/** Replaces where data sets are kept (tests). */
export function setKeptBackend(next: KeptBackend | null): void {
  backend = next;
}

export function subscribeKept(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  listeners.forEach((l) => l());
}

function ratingsBytes(R: Ratings | null): number {
  if (!R) return 0;
  return [R.userPtr, R.userCol, R.userVal, R.itemPtr, R.itemRow, R.itemVal, R.itemToUserPos].reduce(
    (s, a) => s + a.byteLength,
    0,
  );
}

export function infoOf(dataset: Dataset, key: string, keptAt = Date.now()): KeptDatasetInfo {
  return {
    key,
    name: dataset.name,
    kind: dataset.kind,
    users: dataset.ratings.m,
    items: dataset.ratings.n,
    ratings: dataset.ratings.nnz + (dataset.test?.nnz ?? 0),
    bytes: ratingsBytes(dataset.ratings) + ratingsBytes(dataset.test) + (dataset.timestamps?.byteLength ?? 0),
    keptAt,
    source: dataset.source,
  };
}

/** Why storing failed, in words (quota errors say so). */
function storageError(error: unknown): Error {
  const name = error instanceof Error || error instanceof DOMException ? (error as Error).name : '';
  if (name === 'QuotaExceededError') return new Error("this browser's storage is full: delete a kept data set to make room");
  return new Error(error instanceof Error ? error.message : String(error));
}

/** Keeps a data set under its content hash (again: it becomes the newest). */
export async function keepDataset(dataset: Dataset, key: string): Promise<KeptDatasetInfo> {
  const info = infoOf(dataset, key);
  const store = current();
  try {
    await store.setData(key, dataset);
    await store.setInfo(key, info);
  } catch (error) {
    await store.remove(key).catch(() => {});
    throw storageError(error);
  }
  changed();
  return info;
}

/** The kept data set with this content hash, or null. */
export async function getKeptDataset(key: string): Promise<Dataset | null> {
  const found = await current().getData(key);
  return found ?? null;
}

/** The kept data sets, newest first (an index entry whose data went missing is left out). */
export async function listKeptDatasets(): Promise<KeptDatasetInfo[]> {
  const store = current();
  const infos = await Promise.all((await store.keys()).map((k) => store.getInfo(k)));
  return infos.filter((i): i is KeptDatasetInfo => i !== undefined).sort((a, b) => b.keptAt - a.keptAt);
}

export async function deleteKeptDataset(key: string): Promise<void> {
  await current().remove(key);
  changed();
}

/** Total bytes of the kept data sets. */
export async function keptBytes(): Promise<number> {
  return (await listKeptDatasets()).reduce((s, i) => s + i.bytes, 0);
}
