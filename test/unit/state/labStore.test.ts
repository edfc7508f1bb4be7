/**
 * The lab's store on its own (the worker runs inline): undo and redo with their limits,
 * the timeline's memory budget, stale replies dropped, data sets built in the worker or
 * handed in, and a worker that dies mid-run. Each test would fail if the rule it names broke.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import { syntheticRatings, type Dataset } from '../../../src/core';
import { setCell, toggleHeldOut } from '../../../src/state/edits';
import { listKeptDatasets, memoryBackend, setKeptBackend } from '../../../src/state/keptDatasets';
import { cellAt, heldOutPairs, knownCount, type LabData } from '../../../src/state/labData';
import {
  appendToTimeline,
  createLabStore,
  runActions,
  TIMELINE_FACTOR_BUDGET,
  TIMELINE_MAX_ENTRIES,
  UNDO_LIMIT,
  type LabOptions,
  type LabState,
  type TimelineEntry,
} from '../../../src/state/labStore';
import { lectureR } from '../../../src/state/presets';
import { TIMELINE_PRODUCT_BUDGET } from '../../../src/state/timeline';
import { historyBytes, pushPast, trimHistory } from '../../../src/state/undoHistory';
import { encodeRun } from '../../../src/worker/actions';
import { datasetKey } from '../../../src/worker/datasetKey';
import { inlinePort, LabClient, type Port } from '../../../src/worker/client';
import type { Snapshot } from '../../../src/worker/protocol';

const stores: StoreApi<LabState>[] = [];
function open(options: LabOptions = {}): StoreApi<LabState> {
  const store = createLabStore(options);
  stores.push(store);
  return store;
}
beforeEach(() => setKeptBackend(memoryBackend()));
afterEach(() => {
  stores.splice(0).forEach((s) => s.getState().dispose());
  setKeptBackend(null);
});

const last = (s: LabState) => s.timeline[s.timeline.length - 1];
async function until(store: StoreApi<LabState>, done: (s: LabState) => boolean, timeout = 5000) {
  await vi.waitFor(() => expect(done(store.getState())).toBe(true), { timeout, interval: 5 });
}
const atStep = (step: number) => (s: LabState) => last(s)?.step === step && !s.playing;
const edit = (data: LabData, i: number, j: number, v: number | null) => {
  const r = setCell(data, i, j, v);
  if (!r.ok) throw new Error(r.error);
  return r.data;
};

describe('undo and redo', () => {
  it('undo and redo bring back the name of the data with the data (a preset replaced, then edited)', async () => {
    const store = open({ preset: 'lecture-r' });
    await until(store, atStep(0));
    const s = () => store.getState();
    expect(s().origin).toEqual({ preset: 'lecture-r' });
    expect(s().pristine).toBe(true);
    s().loadPreset('tastes');
    await until(store, (st) => st.origin?.preset === 'tastes' && atStep(0)(st));
    s().setData(edit(s().data, 0, 0, 3));
    expect(s()).toMatchObject({ origin: { preset: 'tastes' }, pristine: false });
    s().undo();
    expect(s()).toMatchObject({ origin: { preset: 'tastes' }, pristine: true });
    s().undo();
    expect(s()).toMatchObject({ origin: { preset: 'lecture-r' }, pristine: true });
    expect(cellAt(s().data, 0, 0)).toBe(cellAt(lectureR(), 0, 0));
    s().redo();
    expect(s()).toMatchObject({ origin: { preset: 'tastes' }, pristine: true });
    s().redo();
    expect(s()).toMatchObject({ origin: { preset: 'tastes' }, pristine: false });
  });

  it('undo brings back the data before an edit, redo the edit; a new edit clears redo', async () => {
    const store = open();
    await until(store, atStep(0));
    const s = () => store.getState();
    s().setData(edit(s().data, 0, 1, 4));
    s().setData(edit(s().data, 0, 2, 5));
    expect(cellAt(s().data, 0, 2)).toBe(5);
    s().undo();
    expect(cellAt(s().data, 0, 2)).toBeNull();
    expect(cellAt(s().data, 0, 1)).toBe(4);
    s().undo();
    expect(cellAt(s().data, 0, 1)).toBeNull();
    s().undo(); // nothing more to undo
    expect(s().past).toHaveLength(0);
    s().redo();
    expect(cellAt(s().data, 0, 1)).toBe(4);
    s().setData(edit(s().data, 3, 0, 2));
    expect(s().future).toEqual([]);
    s().redo();
    expect(cellAt(s().data, 3, 0)).toBe(2);
  });

  it(`keeps at most ${UNDO_LIMIT} versions, dropping the oldest`, async () => {
    const store = open();
    await until(store, atStep(0));
    const s = () => store.getState();
    for (let k = 0; k < UNDO_LIMIT + 5; k++) s().setData(edit(s().data, 0, 1, (k % 5) + 1));
    expect(s().past).toHaveLength(UNDO_LIMIT);
    // The oldest kept version is the one after the 5th edit: u1 × i2 = 5.
    expect(cellAt(s().past[0]!, 0, 1)).toBe(5);
    expect(cellAt(s().past[1]!, 0, 1)).toBe(1);
  });

  it('measures the history by distinct buffers and trims it to the byte budget', () => {
    const a = lectureR();
    const b = toggleHeldOut(a, 0, 0);
    if (!b.ok) throw new Error(b.error);
    // b shares a's ratings: only its held-out list is new.
    expect(historyBytes([a, b.data])).toBe(historyBytes([a]) + b.data.heldOut.buffer.byteLength);
    const c = edit(a, 1, 0, 3);
    expect(trimHistory([a, c], historyBytes([a, c]))).toEqual([a, c]);
    expect(trimHistory([a, c], historyBytes([a, c]) - 1)).toEqual([c]);
    expect(trimHistory([a, b.data, c], 1)).toEqual([c]);
  });

  it('a million-rating data set keeps only the versions that fit the budget', () => {
    const big = {
      ...lectureR(),
      ratings: syntheticRatings({ users: 2000, items: 1000, ratings: 400_000, seed: 1 }),
    } as LabData;
    const versions: LabData[] = [];
    let past: LabData[] = [];
    for (let k = 0; k < 6; k++) {
      const next = edit(k === 0 ? big : versions[k - 1]!, 0, k, 3);
      versions.push(next);
      past = pushPast(past, next, 40 * 2 ** 20);
    }
    expect(historyBytes(past)).toBeLessThanOrEqual(40 * 2 ** 20);
    expect(past.length).toBeGreaterThanOrEqual(1);
    expect(past.length).toBeLessThan(6);
    expect(past.at(-1)).toBe(versions[5]);
  });
});

function snapshot(step: number, size: number, product = 0): Snapshot {
  return {
    generation: 1,
    step,
    kind: step === 0 ? 'init' : 'users',
    m: 1,
    n: 1,
    d: 1,
    U: new Float64Array(size),
    V: new Float64Array(size),
    product: product ? { rows: new Int32Array(1), cols: new Int32Array(1), values: new Float64Array(product) } : null,
    metrics: { total: 100 - step } as Snapshot['metrics'],
    singular: [],
    diverged: null,
    solved: 'users',
    row: null,
    note: null,
  };
}

describe('the timeline’s memory budget', () => {
  it('older entries lose U and V beyond the budget; their losses stay; the newest keeps its own', () => {
    const size = 2 ** 20; // 8 MB each for U and for V
    let timeline: TimelineEntry[] = [];
    for (let t = 0; t < 10; t++) timeline = appendToTimeline(timeline, [snapshot(t, size)]);
    const kept = timeline.filter((e) => e.U !== null).length;
    expect(kept).toBe(Math.floor(TIMELINE_FACTOR_BUDGET / (16 * size)));
    expect(timeline.slice(-kept).every((e) => e.U !== null)).toBe(true);
    expect(timeline.slice(0, -kept).every((e) => e.U === null && e.V === null)).toBe(true);
    expect(timeline.map((e) => e.metrics.total)).toEqual(Array.from({ length: 10 }, (_, t) => 100 - t));
    // One entry larger than the whole budget still keeps its factors (it is the newest).
    const huge = appendToTimeline([], [snapshot(1, TIMELINE_FACTOR_BUDGET)]);
    expect(huge[0]!.U).not.toBeNull();
  });

  it('a large model’s sampled UVᵀ stays on the newest entries only', () => {
    const product = 2 ** 18; // 2 MB
    let timeline: TimelineEntry[] = [];
    for (let t = 0; t < 8; t++) timeline = appendToTimeline(timeline, [snapshot(t, 8, product)]);
    const withProduct = timeline.filter((e) => e.product !== null).length;
    expect(withProduct).toBeGreaterThanOrEqual(1);
    expect(withProduct * product * 8).toBeLessThanOrEqual(TIMELINE_PRODUCT_BUDGET + product * 8);
    expect(timeline.at(-1)!.product).not.toBeNull();
    expect(timeline[0]!.product).toBeNull();
    expect(timeline.every((e) => e.U !== null)).toBe(true);
  });

  it(`keeps at most ${TIMELINE_MAX_ENTRIES.toLocaleString('en')} entries`, () => {
    const many = Array.from({ length: TIMELINE_MAX_ENTRIES + 3 }, (_, t) => snapshot(t, 1));
    const timeline = appendToTimeline([], many);
    expect(timeline).toHaveLength(TIMELINE_MAX_ENTRIES);
    expect(timeline[0]!.step).toBe(3);
  });
});

describe('the run and the worker’s replies', () => {
  it('drops a step’s reply that arrives after a reset (a stale generation)', async () => {
    const store = open();
    await until(store, atStep(0));
    store.getState().step();
    store.getState().reset();
    await until(store, (s) => s.timeline.length > 0 && last(s)!.kind === 'init');
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().timeline.map((e) => e.kind)).toEqual(['init']);
  });

  it('records row solves and scrubbed-back restores in the run it links to', async () => {
    const store = open();
    const s = () => store.getState();
    await until(store, atStep(0));
    s().step();
    await until(store, atStep(2));
    s().solveRow('users', 2);
    await until(store, atStep(3));
    s().step();
    await until(store, atStep(5));
    expect(encodeRun(runActions(s().timeline))).toBe('uiU2ui');
    s().scrub(2); // back to step 2, then continue: the run forgets steps 3–5
    s().halfStep('items');
    await until(store, atStep(3));
    expect(encodeRun(runActions(s().timeline))).toBe('uii');
  });
});

function dataset(name: string): Dataset {
  return {
    name,
    kind: 'explicit',
    ratings: syntheticRatings({ users: 30, items: 40, ratings: 300, seed: 5 }),
    scale: { min: 1, max: 5, step: 1 },
    itemTitles: Array.from({ length: 40 }, (_, j) => (j % 3 === 0 ? null : `Film ${j}`)),
    itemGenres: null,
    timestamps: null,
    test: null,
    source: { kind: 'file', fileName: `${name}.csv`, bytes: 1234, sha256: 'ab'.repeat(32) },
  };
}

describe('data sets', () => {
  it('loadDataset makes a data set the lab’s data, undoably, names it by its hash and keeps it', async () => {
    const store = open();
    const s = () => store.getState();
    await until(store, atStep(0));
    s().loadDataset(dataset('ratings'), { settings: { factors: 3 } });
    expect(s().data.userIds).toHaveLength(30);
    expect(knownCount(s().data)).toBe(300);
    expect(s().settings.factors).toBe(3);
    await until(store, (st) => st.data.dataset !== null && last(st)?.m === 30);
    expect(s().data.dataset!.key).toMatch(/^[0-9a-f]{64}$/);
    expect(s().origin).toEqual({ dataset: s().data.dataset });
    await vi.waitFor(async () => expect((await listKeptDatasets()).map((d) => d.name)).toEqual(['ratings']));
    // An edit makes it no longer the data set; undo brings the lecture's R back.
    s().setData(edit(s().data, 0, 0, 2));
    expect(s().data.dataset).toBeNull();
    s().undo();
    s().undo();
    expect(s().data.userIds).toEqual(['u1', 'u2', 'u3', 'u4']);
  });

  it('the source’s own held-out part becomes held-out cells', () => {
    const store = open();
    const d = dataset('split');
    const test = syntheticRatings({ users: 30, items: 40, ratings: 50, seed: 9 });
    store.getState().loadDataset({ ...d, test }, { keep: false });
    const data = store.getState().data;
    const held = heldOutPairs(data);
    expect(held.length).toBeGreaterThan(0);
    expect(knownCount(data)).toBe(300 + held.length);
  });

  it('builds the ML-100k-shaped preset in the worker, showing progress, then shows it', async () => {
    const store = open();
    const s = () => store.getState();
    await until(store, atStep(0));
    s().loadPreset('ml100k');
    expect(s().loading).toMatchObject({ label: expect.stringMatching(/^Generating MovieLens-100k/) });
    expect(s().data.userIds).toHaveLength(4); // the data on screen stays until the new one is ready
    await until(store, (st) => st.loading === null && st.data.userIds.length === 943, 20_000);
    expect(knownCount(s().data)).toBe(100_000);
    expect(s().origin).toEqual({ preset: 'ml100k' });
    expect(s().settings.factors).toBe(10);
    await until(store, (st) => last(st)?.m === 943, 20_000);
    // A large model's snapshot carries UVᵀ sampled in the worker.
    expect(last(s())!.product?.values.length).toBe(420 * 640);
  });

  it('a cancelled build leaves the data on screen as it was and says so', async () => {
    const store = open();
    const s = () => store.getState();
    await until(store, atStep(0));
    const before = s().data;
    s().loadPreset('ml100k');
    s().cancelLoading();
    await until(store, (st) => st.loading === null && st.status !== null, 20_000);
    expect(s().data).toBe(before);
    expect(s().status?.text).toMatch(/cancelled\. The data on screen is unchanged\./);
  });

  it('when the student then opens the file the link named, the link’s settings and run apply to it', async () => {
    const d = dataset('survey');
    const key = await datasetKey(d);
    const store = open({
      dataset: { name: 'survey.csv', key, m: 30, n: 40 },
      settings: { factors: 3 },
      run: {
        actions: [
          { kind: 'als', side: 'users' },
          { kind: 'row', side: 'items', index: 7 },
        ],
      },
    });
    await until(store, (s) => s.timeline.length > 0);
    expect(store.getState().status?.text).toMatch(/which this browser does not have/);
    store.getState().loadDataset(d);
    await until(store, (s) => last(s)?.step === 2 && s.data.userIds.length === 30);
    expect(encodeRun(runActions(store.getState().timeline))).toBe('uI7');
    expect(store.getState().settings.factors).toBe(3);
    expect(store.getState().status?.text).toBe(
      "“survey” is the data set the link named: it is open with the link's settings and run.",
    );
  });

  it('opening a lab on a data set this browser does not have says which file to open', async () => {
    const store = open({ dataset: { name: 'ml-1m.zip', key: 'f'.repeat(64), m: 6040, n: 3706 } });
    await until(store, (s) => s.timeline.length > 0);
    expect(store.getState().data.userIds).toHaveLength(4);
    expect(store.getState().status?.text).toBe(
      "It uses the data set “ml-1m.zip”, which this browser does not have: open the file “ml-1m.zip” (Open data) to see it. Showing the lecture's example instead.",
    );
  });
});

/** An inline worker the test can silence (as if it were terminated). */
function killablePort() {
  const inner = inlinePort();
  const port: Port & { dead: boolean } = {
    dead: false,
    onmessage: null,
    onerror: null,
    postMessage: (envelope, transfer) => {
      if (!port.dead) inner.postMessage(envelope, transfer);
    },
    terminate: () => inner.terminate(),
  };
  inner.onmessage = (event) => {
    if (!port.dead) port.onmessage?.(event);
  };
  return port;
}

describe('a worker that dies mid-run', () => {
  it('is restarted with R and the run’s latest factors, and the lab says so', async () => {
    const ports: ReturnType<typeof killablePort>[] = [];
    const client = new LabClient(
      () => {
        const p = killablePort();
        ports.push(p);
        return p;
      },
      { patienceMs: 200 },
    );
    const store = open({ client });
    const s = () => store.getState();
    await until(store, atStep(0));
    s().setData(edit(s().data, 0, 1, 4));
    s().step();
    await until(store, atStep(2));
    const U = last(s())!.U!.slice();
    ports[0]!.dead = true;
    s().step(); // never answered
    await until(store, (st) => st.restarts === 1 && last(st)?.kind === 'restore');
    expect(ports).toHaveLength(2);
    expect(cellAt(s().data, 0, 1)).toBe(4);
    expect(last(s())!.step).toBe(2);
    expect(last(s())!.U).toEqual(U);
    expect(s().timeline.map((e) => e.step)).toEqual([0, 0, 1, 2, 2]);
    expect(s().status).toEqual({
      tone: 'warning',
      text: 'The model worker stopped (it stopped answering for 0 s) and was restarted. R is kept as it was, and the run continues from step 2.',
    });
    s().step();
    await until(store, atStep(4));
    expect(encodeRun(runActions(s().timeline))).toBe('ui*2');
  });
});
