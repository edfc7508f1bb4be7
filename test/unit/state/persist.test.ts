// @vitest-environment jsdom
/**
 * The lab's state in the address bar and in storage: a shared link wins, then what this
 * browser kept, then the lecture's R; a broken link says why and shows the lecture's R.
 * The stores here run the real model on the main thread (jsdom has no workers).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import { createLabStore, runActions, type LabOptions, type LabState } from '../../../src/state/labStore';
import {
  initialLabOptions,
  readInitialOptions,
  sharedLabOf,
  startPersistence,
  STORAGE_KEY,
  THROTTLE_MS,
  URL_MAX_CHARS,
} from '../../../src/state/persist';
import { DEFAULT_SETTINGS, lectureR, lecturePC } from '../../../src/state/presets';
import { labDataFromDense, positionsOf, relabel } from '../../../src/state/labData';
import { setCell, setConfidence } from '../../../src/state/edits';
import { decodeRun, encodeRun, type RunAction } from '../../../src/worker/actions';
import { decodeLab, encodeLab, URL_FACTOR_LIMIT } from '../../../src/state/urlCodec';

const stores: StoreApi<LabState>[] = [];

function acts(text: string): RunAction[] {
  const run = decodeRun(text);
  if (!run.ok) throw new Error(run.error);
  return run.actions;
}
const tokens = (state: LabState) => encodeRun(runActions(state.timeline));
const stops: (() => void)[] = [];

function open(options: LabOptions): StoreApi<LabState> {
  const store = createLabStore(options);
  stores.push(store);
  return store;
}

function persist(store: StoreApi<LabState>, options: Parameters<typeof startPersistence>[1] = {}) {
  const stop = startPersistence(store, { storage: localStorage, ...options });
  stops.push(stop);
  return stop;
}

/** Waits until the worker's snapshots satisfy a condition. */
async function until(store: StoreApi<LabState>, done: (s: LabState) => boolean) {
  await vi.waitFor(() => expect(done(store.getState())).toBe(true), { timeout: 5000, interval: 5 });
}

const lastEntry = (s: LabState) => s.timeline[s.timeline.length - 1];
const atStep = (step: number) => (s: LabState) => lastEntry(s)?.step === step && !s.playing;
const hash = () => location.hash.replace(/^#/, '');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
});

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  stores.splice(0).forEach((store) => store.getState().dispose());
});

describe('opening the page', () => {
  const lecture = encodeLab({
    source: { kind: 'preset', preset: 'lecture-r' },
    settings: DEFAULT_SETTINGS,
    run: { actions: [] },
  });
  const tastes = encodeLab({
    source: { kind: 'preset', preset: 'tastes' },
    settings: DEFAULT_SETTINGS,
    run: { actions: acts('ui') },
  });

  it('opens the lecture’s R when there is neither a link nor a stored lab', () => {
    expect(readInitialOptions('', null)).toEqual({ preset: 'lecture-r' });
    expect(readInitialOptions('#', null)).toEqual({ preset: 'lecture-r' });
  });

  it('prefers a shared link to what this browser kept', () => {
    expect(readInitialOptions('#' + tastes, lecture)).toMatchObject({ preset: 'tastes', run: { actions: acts('ui') } });
    expect(readInitialOptions('', tastes)).toMatchObject({ preset: 'tastes' });
  });

  it('a broken link says why and shows the lecture’s example', () => {
    expect(readInitialOptions('#lab=v1.garbage', tastes)).toEqual({
      preset: 'lecture-r',
      status: {
        tone: 'error',
        text: "This link could not be opened: it is not an MF Lab link (it does not say which format it uses). Showing the lecture's example instead.",
      },
    });
    const text = encodeLab({ source: { kind: 'data', data: lectureR() }, settings: {}, run: { actions: [] } }).replace(
      ';?,2,3,?,2,1;',
      ';?,2,3,?,2;',
    );
    expect(readInitialOptions('#' + text, null).status?.text).toBe(
      "This link could not be opened: its rating matrix has 5 values in row 2 but there are 6 items. Showing the lecture's example instead.",
    );
  });

  it('a damaged stored lab gives a warning, not a blank page', () => {
    const options = readInitialOptions('', 'v=1&mode=explicit&R=1');
    expect(options.preset).toBe('lecture-r');
    expect(options.status?.tone).toBe('warning');
    expect(options.status?.text).toMatch(
      /^The lab saved in this browser could not be restored: it has a matrix but no users labels/,
    );
  });

  it('a damaged setting or run is left out, keeping the data, and says so', () => {
    const options = readInitialOptions('', 'v=1&preset=tastes&d=-1&lambda=0.5&run=uiz');
    expect(options.preset).toBe('tastes');
    expect(options.settings).toEqual({ lambda: 0.5 });
    expect(options.run).toBeUndefined();
    expect(options.status?.tone).toBe('warning');
    expect(options.status?.text).toBe(
      'The lab saved in this browser was opened without its number of factors d, its run: its number of factors d = -1 is not a whole number from 1 to 100; its run has an unknown action at “z” (the actions are u, i, g, p, q, U<k> and I<k>).',
    );
  });

  it('initialLabOptions reads location.hash, then localStorage', () => {
    localStorage.setItem(STORAGE_KEY, tastes);
    expect(initialLabOptions().preset).toBe('tastes');
    history.replaceState(null, '', '/#' + lecture);
    expect(initialLabOptions().preset).toBe('lecture-r');
  });
});

describe('what a link holds for a state', () => {
  it('an unedited preset is a reference; an edited one carries its data', async () => {
    const store = open({ preset: 'lecture-r' });
    await until(store, atStep(0));
    expect(sharedLabOf(store.getState(), URL_FACTOR_LIMIT).source).toEqual({ kind: 'preset', preset: 'lecture-r' });
    const data = (setCell(lectureR(), 0, 1, 4) as { data: LabState['data'] }).data;
    store.getState().setData(data);
    expect(sharedLabOf(store.getState(), URL_FACTOR_LIMIT).source).toEqual({ kind: 'data', data });
  });

  it('U and V go with the run when they are small, and never for the seeded start', async () => {
    const store = open({ preset: 'lecture-r' });
    await until(store, atStep(0));
    expect(sharedLabOf(store.getState(), URL_FACTOR_LIMIT).run).toEqual({ actions: [] });
    store.getState().step();
    await until(store, atStep(2));
    const run = sharedLabOf(store.getState(), URL_FACTOR_LIMIT).run;
    expect(encodeRun(run.actions)).toBe('ui');
    expect(run.U).toEqual(lastEntry(store.getState())!.U);
    expect(sharedLabOf(store.getState(), 10).run).toEqual({ actions: acts('ui') });
  });
});

describe('every setting that defines a demo round-trips through a link into a new lab', () => {
  async function reopen(store: StoreApi<LabState>): Promise<StoreApi<LabState>> {
    const text = encodeLab(sharedLabOf(store.getState(), URL_FACTOR_LIMIT));
    const options = readInitialOptions('#' + text, null);
    expect(options.status).toBeUndefined();
    const copy = open(options);
    const steps = lastEntry(store.getState())!.step;
    await until(copy, (s) => lastEntry(s)?.step === steps && (s.timeline.some((e) => e.kind === 'restore') || !options.run?.U));
    return copy;
  }

  function expectSameLab(a: LabState, b: LabState) {
    expect(b.data).toEqual(a.data);
    expect(b.settings).toEqual(a.settings);
    expect(b.pristine).toBe(a.pristine);
    // Edited data travels as data: the copy no longer remembers which preset it came from.
    expect(b.origin).toEqual(a.pristine ? a.origin : null);
    expect(runActions(b.timeline)).toEqual(runActions(a.timeline));
    expect(lastEntry(b)!.U).toEqual(lastEntry(a)!.U);
    expect(lastEntry(b)!.V).toEqual(lastEntry(a)!.V);
    expect(lastEntry(b)!.metrics.total).toBe(lastEntry(a)!.metrics.total);
    expect(lastEntry(b)!.step).toBe(lastEntry(a)!.step);
  }

  it('the lecture’s R after three steps', async () => {
    const store = open({ preset: 'lecture-r' });
    await until(store, atStep(0));
    for (let k = 1; k <= 3; k++) {
      store.getState().step();
      await until(store, atStep(2 * k));
    }
    expectSameLab(store.getState(), (await reopen(store)).getState());
  });

  it('a run with row solves (“write uᵢ into U”), through the link and through storage', async () => {
    const store = open({ preset: 'lecture-r' });
    persist(store, { opened: {} });
    await until(store, atStep(0));
    store.getState().step();
    await until(store, atStep(2));
    store.getState().solveRow('users', 0);
    await until(store, atStep(3));
    store.getState().solveRow('items', 5);
    store.getState().halfStep('users');
    await until(store, atStep(5));
    expect(tokens(store.getState())).toBe('uiU0I5u');
    expectSameLab(store.getState(), (await reopen(store)).getState());
    // The browser's saved copy: written, read back on a new page without a link, reproduced.
    await vi.waitFor(() => expect(localStorage.getItem(STORAGE_KEY)).toContain('run=uiU0I5u'), { timeout: 2000 });
    history.replaceState(null, '', '/');
    const options = initialLabOptions();
    expect(options.status).toBeUndefined();
    const copy = open(options);
    await until(copy, (s) => s.timeline.some((e) => e.kind === 'restore'));
    expectSameLab(store.getState(), copy.getState());
  });

  it('every model setting, changed mid-run (so only the stored U and V make it exact)', async () => {
    const store = open({ preset: 'lecture-r' });
    await until(store, atStep(0));
    store.getState().setSettings({ factors: 3 });
    await until(store, (s) => lastEntry(s)?.d === 3);
    store.getState().step();
    await until(store, atStep(2));
    store.getState().setSettings({
      lambda: 0.37,
      alpha: 4,
      seed: 99,
      initScale: 0.2,
      learningRate: 0.003,
      variant: 'wr',
      rowSolver: 'cg',
      cgSteps: 5,
    });
    store.getState().halfStep('users');
    await until(store, atStep(3));
    store.getState().setSettings({ solver: 'gd' });
    store.getState().halfStep('items');
    await until(store, atStep(4));
    const copy = await reopen(store);
    expect(copy.getState().settings).toEqual({
      factors: 3,
      lambda: 0.37,
      alpha: 4,
      seed: 99,
      initScale: 0.2,
      solver: 'gd',
      learningRate: 0.003,
      variant: 'wr',
      rowSolver: 'cg',
      cgSteps: 5,
    });
    expect(tokens(copy.getState())).toBe('uiuq');
    expectSameLab(store.getState(), copy.getState());
  });

  it('edited implicit data with the lecture’s C, unicode labels and held-out cells', async () => {
    const pc = lecturePC();
    const items = [...pc.itemIds];
    items[2] = 'i3..i9';
    const renamed = relabel(pc, ['Zoë', 'R&D, Inc.', '東京', '😀 ? *'], items);
    const withC = (setConfidence(renamed, 1, 1, 0.125) as { data: LabState['data'] }).data;
    const data = {
      ...withC,
      heldOut: positionsOf(withC, [
        [1, 2],
        [2, 0],
      ]),
    };
    const store = open({ data, settings: { alpha: 3 } });
    await until(store, atStep(0));
    store.getState().step();
    await until(store, atStep(2));
    const copy = await reopen(store);
    expectSameLab(store.getState(), copy.getState());
    expect(lastEntry(copy.getState())!.metrics.testRmse).toBe(lastEntry(store.getState())!.metrics.testRmse);
  });

  it('random data by its options, with a rating scale and data edited after a step', async () => {
    const random = { users: 5, items: 7, density: 0.6, seed: 11 };
    const store = open({ preset: 'random', random });
    await until(store, atStep(0));
    expect(encodeLab(sharedLabOf(store.getState(), URL_FACTOR_LIMIT))).toContain(
      'preset=random&random=5x7,0.6,7'.replace(',7', ',11'),
    );
    store.getState().step();
    await until(store, atStep(2));
    let edited = { ...store.getState().data, scale: { min: 0, max: 10 } };
    for (let j = 0; j < edited.itemIds.length; j++) edited = (setCell(edited, 0, j, 9.5) as { data: LabState['data'] }).data;
    store.getState().setData(edited);
    await until(store, (s) => lastEntry(s)?.kind === 'update');
    const copy = await reopen(store);
    expectSameLab(store.getState(), copy.getState());
    expect(copy.getState().pristine).toBe(false);
  });
});

describe('keeping the URL and storage in step', () => {
  it('writes the state after a step with replaceState, without new history entries', async () => {
    const store = open({ preset: 'lecture-r' });
    persist(store, { opened: {} });
    const entries = history.length;
    await until(store, atStep(0));
    store.getState().step();
    await until(store, atStep(2));
    await vi.waitFor(() => expect(hash()).toContain('run=ui'), { timeout: 2000 });
    expect(history.length).toBe(entries);
    const stored = localStorage.getItem(STORAGE_KEY);
    expect(stored).toContain('run=ui');
    expect(decodeLab(hash()).ok).toBe(true);
    expect(hash()).toContain('preset=lecture-r');
  });

  it('does not touch storage while the state is the one opened (a broken or shared link keeps the student’s own lab)', async () => {
    localStorage.setItem(STORAGE_KEY, 'v=1&preset=tastes');
    history.replaceState(null, '', '/#lab=v1.garbage');
    const options = initialLabOptions();
    const store = open(options);
    persist(store);
    await until(store, atStep(0));
    await vi.waitFor(() => expect(hash()).toContain('preset=lecture-r'), { timeout: 2000 });
    expect(localStorage.getItem(STORAGE_KEY)).toBe('v=1&preset=tastes');
    store.getState().step();
    await vi.waitFor(() => expect(localStorage.getItem(STORAGE_KEY)).toContain('preset=lecture-r&'), { timeout: 2000 });
  });

  it('keeps a broken link’s message after the model’s first snapshot', async () => {
    history.replaceState(null, '', '/#v=9');
    const store = open(initialLabOptions());
    persist(store);
    await until(store, atStep(0));
    await wait(20);
    expect(store.getState().status).toEqual({
      tone: 'error',
      text: "This link could not be opened: it was made by a newer MF Lab (format 9; this one reads format 1). Showing the lecture's example instead.",
    });
  });

  it('waits for a shared run to be reproduced before writing', async () => {
    const text = encodeLab({
      source: { kind: 'preset', preset: 'lecture-r' },
      settings: DEFAULT_SETTINGS,
      run: { actions: acts('ui'.repeat(6)) },
    });
    history.replaceState(null, '', '/#' + text);
    const store = open(initialLabOptions());
    const replaceState = vi.spyOn(history, 'replaceState');
    persist(store);
    await until(store, atStep(12));
    await wait(THROTTLE_MS + 50);
    // No half-replayed run ever reached the address bar; the write adds the run's exact U and V.
    expect(replaceState.mock.calls.length).toBeGreaterThan(0);
    for (const call of replaceState.mock.calls) expect(String(call[2])).toContain(text + '&U=');
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
    replaceState.mockRestore();
  });

  it('writes at most twice a second while playing', async () => {
    const store = open({ preset: 'lecture-r' });
    persist(store, { opened: {} });
    await until(store, atStep(0));
    const replaceState = vi.spyOn(history, 'replaceState');
    store.getState().setSpeed(4);
    store.getState().play();
    await wait(1500);
    store.getState().pause();
    const during = replaceState.mock.calls.length;
    expect(lastEntry(store.getState())!.step).toBeGreaterThan(20);
    expect(during).toBeLessThanOrEqual(4);
    await wait(THROTTLE_MS + 100);
    const written = decodeLab(hash());
    expect(written.ok && written.lab.run.actions.length).toBe(lastEntry(store.getState())!.step);
    replaceState.mockRestore();
  });

  it('reloads when the student pastes another link, but not for its own writes', async () => {
    const reload = vi.fn();
    const store = open({ preset: 'lecture-r' });
    persist(store, { opened: {}, reload });
    await until(store, atStep(0));
    store.getState().step();
    await vi.waitFor(() => expect(hash()).toContain('run=ui'), { timeout: 2000 });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(reload).not.toHaveBeenCalled();
    location.hash = 'v=1&preset=tastes';
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
  });

  it('warns once when storage is full, and still keeps the link', async () => {
    const full = {
      getItem: () => null,
      setItem: vi.fn(() => {
        throw new DOMException('full', 'QuotaExceededError');
      }),
    } as unknown as Storage;
    const store = open({ preset: 'lecture-r' });
    persist(store, { opened: {}, storage: full });
    await until(store, atStep(0));
    store.getState().step();
    await until(store, atStep(2));
    await vi.waitFor(() => expect(store.getState().status?.tone).toBe('warning'), { timeout: 2000 });
    expect(store.getState().status?.text).toMatch(
      /too large for this browser's storage .*the link in the address bar still holds them/,
    );
    // The full form and the form without U and V were both tried.
    expect((full.setItem as ReturnType<typeof vi.fn>).mock.calls.length).toBe(2);
    store.getState().setStatus(null);
    store.getState().step();
    await until(store, atStep(4));
    await wait(THROTTLE_MS + 100);
    expect(store.getState().status).toBeNull();
    expect(hash()).toContain('run=ui*2');
  });

  it('keeps data too large for a link out of the address bar, in storage', async () => {
    const userIds = Array.from({ length: 400 }, (_, i) => `user number ${i} with a long name ${'x'.repeat(i % 7)}`);
    const itemIds = Array.from({ length: 300 }, (_, j) => `film ${j}`);
    const big = labDataFromDense({
      mode: 'explicit',
      userIds,
      itemIds,
      cells: userIds.map((_, i) => itemIds.map((_, j) => ((i * 7 + j * 3) % 5 === 0 ? null : 1 + ((i + j) % 5) + 0.125))),
      scale: { min: 1, max: 6 },
    });
    const store = open({ data: big });
    persist(store, { opened: {} });
    await until(store, atStep(0));
    store.getState().step();
    await until(store, atStep(2));
    await vi.waitFor(() => expect(localStorage.getItem(STORAGE_KEY)).toContain('run=ui'), { timeout: 3000 });
    expect(localStorage.getItem(STORAGE_KEY)!.length).toBeGreaterThan(URL_MAX_CHARS);
    expect(hash()).toBe('');
    expect(store.getState().status?.text).toMatch(/too large for a link/);
    const reopened = readInitialOptions('', localStorage.getItem(STORAGE_KEY));
    expect(reopened.data).toEqual(big);
  });
});
