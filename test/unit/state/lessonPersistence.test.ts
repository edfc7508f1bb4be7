// @vitest-environment jsdom
/**
 * A lesson's lab keeps its state across step changes (the component unmounts and mounts
 * again), reloads and the presenter's window, under `lesson:<slug>:<labId>`; its reset
 * forgets it; "Open in the lab" carries it to the full lab exactly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import { setCell } from '../../../src/state/edits';
import { cellAt } from '../../../src/state/labData';
import { createLabStore, runActions, type LabOptions, type LabState } from '../../../src/state/labStore';
import {
  labLinkHash,
  lessonLabKey,
  resetLab,
  restoredLabOptions,
  startLabPersistence,
} from '../../../src/state/lessonPersistence';
import { readInitialOptions } from '../../../src/state/persist';
import { encodeRun } from '../../../src/worker/actions';

const stores: StoreApi<LabState>[] = [];
const stops: (() => void)[] = [];
beforeEach(() => localStorage.clear());
afterEach(() => {
  stops.splice(0).forEach((s) => s());
  stores.splice(0).forEach((s) => s.getState().dispose());
});

const last = (s: LabState) => s.timeline[s.timeline.length - 1];
async function until(store: StoreApi<LabState>, done: (s: LabState) => boolean) {
  await vi.waitFor(() => expect(done(store.getState())).toBe(true), { timeout: 5000, interval: 5 });
}
const atStep = (step: number) => (s: LabState) => last(s)?.step === step && !s.playing;

/** What a lesson's lab does when it mounts: restore or start from the lesson, then keep. */
function mount(key: string, lesson: LabOptions) {
  const { options, restored, opened } = restoredLabOptions(key, lesson);
  const store = createLabStore(options);
  stores.push(store);
  const stop = startLabPersistence(store, key, { opened, throttleMs: 20 });
  stops.push(stop);
  return { store, restored, unmount: stop };
}

describe('a lesson’s lab keeps its state', () => {
  const key = lessonLabKey('08-regularization', 'main');
  const lesson: LabOptions = { preset: 'lecture-r', settings: { factors: 2, lambda: 0.1 } };

  it('uses the key lesson:<slug>:<labId>', () => {
    expect(key).toBe('lesson:08-regularization:main');
  });

  it('comes back after the step changes (unmount, mount), with its edits, its run and a row solve', async () => {
    const first = mount(key, lesson);
    expect(first.restored).toBe(false);
    const s = () => first.store.getState();
    await until(first.store, atStep(0));
    const edited = setCell(s().data, 0, 1, 4);
    if (!edited.ok) throw new Error(edited.error);
    s().setData(edited.data);
    s().setSettings({ lambda: 0.5 });
    s().step();
    await until(first.store, atStep(2));
    s().solveRow('users', 1);
    await until(first.store, atStep(3));
    const U = last(s())!.U!.slice();
    first.unmount();
    expect(localStorage.getItem(key)).toContain('run=uiU1');

    const again = mount(key, lesson);
    expect(again.restored).toBe(true);
    await until(again.store, (st) => st.timeline.some((e) => e.kind === 'restore'));
    const t = again.store.getState();
    expect(cellAt(t.data, 0, 1)).toBe(4);
    expect(t.settings.lambda).toBe(0.5);
    expect(encodeRun(runActions(t.timeline))).toBe('uiU1');
    expect(last(t)!.U).toEqual(U);
  });

  it('the lesson’s reset forgets it: the next mount starts from the lesson', async () => {
    const first = mount(key, lesson);
    first.store.getState().step();
    await until(first.store, atStep(2));
    first.unmount();
    expect(localStorage.getItem(key)).not.toBeNull();
    resetLab(key);
    const again = mount(key, lesson);
    expect(again.restored).toBe(false);
    await until(again.store, atStep(0));
    expect(again.store.getState().timeline).toHaveLength(1);
  });

  it('a damaged entry starts afresh from the lesson, says why, and is forgotten', () => {
    localStorage.setItem(key, 'v=1&mode=explicit&R=9');
    const { options, restored } = restoredLabOptions(key, lesson);
    expect(restored).toBe(false);
    expect(options.preset).toBe('lecture-r');
    expect(options.status?.text).toMatch(/^This lab's saved state could not be restored \(it has a matrix but no users labels\)/);
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('a full storage is said once and never breaks the lab', async () => {
    const full = {
      getItem: () => null,
      removeItem: () => {},
      setItem: vi.fn(() => {
        throw new DOMException('full', 'QuotaExceededError');
      }),
    } as unknown as Storage;
    const store = createLabStore(lesson);
    stores.push(store);
    stops.push(startLabPersistence(store, key, { storage: full, throttleMs: 10 }));
    store.getState().step();
    await until(store, atStep(2));
    await vi.waitFor(() => expect(store.getState().status?.text).toMatch(/storage is full/));
    store.getState().setStatus(null);
    store.getState().step();
    await until(store, atStep(4));
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().status).toBeNull();
  });

  it('“Open in the lab” carries the exact state to the full lab', async () => {
    const first = mount(key, lesson);
    const s = () => first.store.getState();
    s().step();
    await until(first.store, atStep(2));
    s().solveRow('items', 3);
    await until(first.store, atStep(3));
    const hash = labLinkHash(s());
    expect(hash).toMatch(/^#v=1&preset=lecture-r&/);
    const options = readInitialOptions(hash, null);
    expect(options.status).toBeUndefined();
    const full = createLabStore(options);
    stores.push(full);
    await until(full, (st) => st.timeline.some((e) => e.kind === 'restore'));
    expect(last(full.getState())!.U).toEqual(last(s())!.U);
    expect(last(full.getState())!.V).toEqual(last(s())!.V);
    expect(encodeRun(runActions(full.getState().timeline))).toBe('uiI3');
  });
});
