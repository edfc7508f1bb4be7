/**
 * A lesson lab's kept state: written in the URL codec's words plus its run, read back exactly,
 * refused when the lesson's set-up changed or the text is damaged, forgotten on reset; and the
 * full lab's link for it.
 */
import { describe, expect, it } from 'vitest';
import { clientOf, createLabStore, type LabState } from '../../../src/state/labStore';
import { decodeLab } from '../../../src/state/urlCodec';
import { createLessonLabStorage, fullLabHash, parseRecord, recordOf, runStart } from '../../../src/lessons/lessonLabStorage';
import { LabClient } from '../../../src/worker/client';
import { createDispatcher } from '../../../src/worker/dispatcher';
import type { Envelope, Reply } from '../../../src/worker/protocol';
import { toyFactors } from '../../../src/lessons/toyFactors';
import { encodeRun } from '../../../src/worker/actions';

/** A store whose worker runs in this thread, synchronously enough for a test (replies on the next tick). */
function store(options: Parameters<typeof createLabStore>[0] = {}) {
  const port = {
    onmessage: null as ((e: MessageEvent<Reply>) => void) | null,
    onerror: null,
    postMessage: (envelope: Envelope) => dispatch(envelope),
    terminate: () => {},
  };
  const dispatch = createDispatcher((reply) => setTimeout(() => port.onmessage?.({ data: reply } as MessageEvent<Reply>), 0));
  return createLabStore({ preset: 'lecture-r', ...options, client: new LabClient(port as never) });
}

const settle = () => new Promise((r) => setTimeout(r, 20));

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (k: number) => [...map.keys()][k] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe('lesson lab storage', () => {
  it('keeps a run exactly: settings, actions, start and end factors; a changed set-up starts afresh', async () => {
    const s = store();
    await settle();
    s.getState().setSettings({ lambda: 0.3 });
    s.getState().step();
    s.getState().halfStep('users');
    await settle();
    const state = s.getState() as LabState;
    const text = recordOf('setup-1', state);
    const saved = parseRecord(text, 'setup-1')!;
    expect(saved.options.preset).toBe('lecture-r');
    expect(saved.options.settings?.lambda).toBe(0.3);
    expect(encodeRun(saved.actions)).toBe('uiu');
    expect(saved.start).toBeNull();
    const last = state.timeline.at(-1)!;
    expect(saved.end?.step).toBe(3);
    expect(Array.from(saved.end!.U)).toEqual(Array.from(last.U!));
    expect(Array.from(saved.end!.V)).toEqual(Array.from(last.V!));
    expect(parseRecord(text, 'setup-2')).toBeNull();
    expect(parseRecord('{not json', 'setup-1')).toBeNull();
    expect(parseRecord(JSON.stringify({ ...JSON.parse(text), actions: 'u<script>' }), 'setup-1')).toBeNull();
    s.getState().dispose();
  });

  it('knows the U and V a run started from (a restore to step 0 after its initialisation)', async () => {
    const s = store();
    await settle();
    const toy = toyFactors();
    clientOf(s).send({ type: 'restore', U: toy.U.slice(), V: toy.V.slice(), step: 0 });
    s.getState().step();
    await settle();
    const start = runStart(s.getState().timeline)!;
    expect(Array.from(start.U)).toEqual(Array.from(toy.U));
    const saved = parseRecord(recordOf('x', s.getState()), 'x')!;
    expect(Array.from(saved.start!.V)).toEqual(Array.from(toy.V));
    expect(encodeRun(saved.actions)).toBe('ui');
    s.getState().reset();
    await settle();
    expect(runStart(s.getState().timeline)).toBeNull();
    s.getState().dispose();
  });

  it('loads what it saved, per key; reset and a lesson’s reset forget', async () => {
    const s = store();
    await settle();
    s.getState().step();
    await settle();
    const storage = memoryStorage();
    const kept = createLessonLabStorage(storage);
    kept.save('als-loop/loop', 'set', s.getState());
    kept.save('als-loop/other', 'set', s.getState());
    kept.save('toy-example/lab', 'set', s.getState());
    expect(encodeRun(kept.load('als-loop/loop', 'set')!.actions)).toBe('ui');
    // A fresh page reads it back from storage.
    expect(encodeRun(createLessonLabStorage(storage).load('als-loop/loop', 'set')!.actions)).toBe('ui');
    kept.reset('als-loop/loop');
    expect(kept.load('als-loop/loop', 'set')).toBeNull();
    kept.resetAll('als-loop/');
    expect(kept.load('als-loop/other', 'set')).toBeNull();
    expect(encodeRun(kept.load('toy-example/lab', 'set')!.actions)).toBe('ui');
    // Storage that refuses to write: this tab still remembers.
    const refusing = { ...memoryStorage(), setItem: () => { throw new Error('full'); } } as Storage;
    const tab = createLessonLabStorage(refusing);
    tab.save('k', 'set', s.getState());
    expect(encodeRun(tab.load('k', 'set')!.actions)).toBe('ui');
    s.getState().dispose();
  });

  it('writes the full lab’s link for the state (the URL codec’s format), with its factors', async () => {
    const s = store();
    await settle();
    s.getState().step();
    await settle();
    const hash = fullLabHash(s.getState());
    expect(hash.startsWith('#v=1&preset=lecture-r')).toBe(true);
    const decoded = decodeLab(hash);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(encodeRun(decoded.lab.run.actions)).toBe('ui');
    expect(Array.from(decoded.lab.run.U!)).toEqual(Array.from(s.getState().timeline.at(-1)!.U!));
    // A single-row solve is part of the run, in the one action grammar the full lab's links read.
    s.getState().solveRow('users', 0);
    await settle();
    const row = decodeLab(fullLabHash(s.getState()));
    expect(row.ok && encodeRun(row.lab.run.actions)).toBe('uiU0');
    expect(row.ok && Array.from(row.lab.run.U!)).toEqual(Array.from(s.getState().timeline.at(-1)!.U!));
    s.getState().dispose();
  });
});
