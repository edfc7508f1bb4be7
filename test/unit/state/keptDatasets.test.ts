/**
 * Data sets kept in IndexedDB (fake-indexeddb here, the same idb-keyval code as in the
 * browser): kept with their sizes, listed newest first, read back with their typed arrays,
 * deleted; a full storage is refused in words.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticRatings, type Dataset } from '../../../src/core';
import {
  deleteKeptDataset,
  getKeptDataset,
  idbBackend,
  keepDataset,
  keptBytes,
  listKeptDatasets,
  setKeptBackend,
  subscribeKept,
  type KeptBackend,
} from '../../../src/state/keptDatasets';
import { datasetKey } from '../../../src/worker/datasetKey';

function dataset(name: string, seed: number): Dataset {
  return {
    name,
    kind: 'explicit',
    ratings: syntheticRatings({ users: 50, items: 80, ratings: 900, seed }),
    scale: { min: 0.5, max: 5, step: 0.5 },
    itemTitles: Array.from({ length: 80 }, (_, j) => `Film ${j}`),
    itemGenres: Array.from({ length: 80 }, () => ['Drama']),
    timestamps: Float64Array.from({ length: 900 }, (_, k) => 1e9 + k),
    test: null,
    source: { kind: 'file', fileName: `${name}`, bytes: 9000, sha256: '0'.repeat(64) },
  };
}

afterEach(() => setKeptBackend(null));

describe('kept data sets', () => {
  it('keeps, lists with sizes (newest first), reads back exactly and deletes', async () => {
    const a = dataset('ratings.csv', 1);
    const b = dataset('ml-latest-small.zip', 2);
    const [ka, kb] = [await datasetKey(a), await datasetKey(b)];
    let changes = 0;
    const stop = subscribeKept(() => changes++);
    await keepDataset(a, ka);
    await new Promise((r) => setTimeout(r, 5));
    await keepDataset(b, kb);
    const list = await listKeptDatasets();
    expect(list.map((d) => d.name)).toEqual(['ml-latest-small.zip', 'ratings.csv']);
    expect(list[1]).toMatchObject({ key: ka, users: 50, items: 80, ratings: 900, kind: 'explicit' });
    expect(list[1]!.bytes).toBeGreaterThan(900 * 12);
    expect(await keptBytes()).toBe(list[0]!.bytes + list[1]!.bytes);
    const back = await getKeptDataset(ka);
    expect(back!.ratings.userVal).toBeInstanceOf(Float64Array);
    expect(Array.from(back!.ratings.userCol)).toEqual(Array.from(a.ratings.userCol));
    expect(back!.itemTitles).toEqual(a.itemTitles);
    expect(await datasetKey(back!)).toBe(ka);
    await deleteKeptDataset(ka);
    expect((await listKeptDatasets()).map((d) => d.key)).toEqual([kb]);
    expect(await getKeptDataset(ka)).toBeNull();
    expect(changes).toBe(3);
    stop();
  });

  it('large arrays are stored in parts (no put clones them whole), read back exactly and deleted with the data set', async () => {
    const { createStore, keys } = await import('idb-keyval');
    setKeptBackend(idbBackend(128));
    const a = dataset('parts.csv', 7);
    const key = await datasetKey(a);
    await keepDataset(a, key);
    const stored = (await keys(createStore('mf-lab-datasets', 'datasets'))).map(String).filter((k) => k.startsWith(key));
    // 900 ratings in parts of 128: the user and item orders, the map between them and the times.
    expect(stored.length).toBeGreaterThan(20);
    const back = await getKeptDataset(key);
    expect(back).toEqual(a);
    expect(await datasetKey(back!)).toBe(key);
    await keepDataset(a, key);
    expect((await keys(createStore('mf-lab-datasets', 'datasets'))).map(String).filter((k) => k.startsWith(key)).length).toBe(
      stored.length,
    );
    await deleteKeptDataset(key);
    expect((await keys(createStore('mf-lab-datasets', 'datasets'))).map(String).filter((k) => k.startsWith(key))).toEqual([]);
    expect(await getKeptDataset(key)).toBeNull();
  });

  it('the content hash ignores where the data came from, and changes with any rating', async () => {
    const a = dataset('a.csv', 3);
    const renamed = { ...a, name: 'b.csv' };
    expect(await datasetKey(renamed)).toBe(await datasetKey(a));
    const values = a.ratings.userVal.slice();
    values[0] = values[0] === 5 ? 4 : 5;
    expect(await datasetKey({ ...a, ratings: { ...a.ratings, userVal: values } })).not.toBe(await datasetKey(a));
  });

  it('a full storage is refused in words, and leaves nothing half kept', async () => {
    const store = new Map<string, unknown>();
    const full: KeptBackend = {
      getData: async () => undefined,
      setData: async () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      getInfo: async () => undefined,
      setInfo: async (k, v) => void store.set(k, v),
      remove: async (k) => void store.delete(k),
      keys: async () => [...store.keys()],
    };
    setKeptBackend(full);
    await expect(keepDataset(dataset('big.csv', 4), 'k'.repeat(64))).rejects.toThrow(
      "this browser's storage is full: delete a kept data set to make room",
    );
    expect(await listKeptDatasets()).toEqual([]);
  });
});
