/**
 * A lesson lab's store over its life: opened from what it kept (or from the lesson's set-up),
 * brought to that state before any view is drawn (so a returning student sees it at once,
 * without the opening steps animating), and saved as the student changes it.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import { useStoreLifetime } from '../state/LabContext';
import { clientOf, createLabStore, type LabState } from '../state/labStore';
import type { RunAction } from '../worker/actions';
import type { LabClient } from '../worker/client';
import { lessonLabStorage, parseRecord, recordOf, type SavedLab } from './lessonLabStorage';

type Factors = { U: Float64Array; V: Float64Array };

/** A lab whose worker has not answered by then is shown anyway (ms). */
const READY_TIMEOUT_MS = 3000;
/** Saves wait this long after a change (ms). */
const SAVE_DELAY_MS = 400;
/** Runs longer than this are not replayed action by action (their end is restored). */
const REPLAY_LIMIT = 400;

/** Resolves once the worker has answered every request sent before it (replies come in order). */
function settled(client: LabClient): Promise<void> {
  return client.trace('users', 0).then(
    () => undefined,
    () => undefined,
  );
}

/** Sends one recorded action to the worker (the settings say whether it is ALS or gradient descent). */
function sendAction(client: LabClient, action: RunAction): void {
  if (action.kind === 'row') client.send({ type: 'solveRow', side: action.side, index: action.index });
  else if (action.kind === 'als') client.send({ type: 'halfStep', side: action.side });
  else if (action.sides === 'both') client.send({ type: 'step' });
  else client.send({ type: 'halfStep', side: action.sides });
}

function sameFactors(a: Factors | null | undefined, b: Factors): boolean {
  if (!a?.U || !a.V || a.U.length !== b.U.length || a.V.length !== b.V.length) return false;
  return a.U.every((x, k) => x === b.U[k]) && a.V.every((x, k) => x === b.V[k]);
}

/** Puts a kept run back: its start, its actions one by one (the history), then its exact end. */
async function reopen(store: StoreApi<LabState>, saved: SavedLab): Promise<void> {
  const client = clientOf(store);
  if (saved.start) client.send({ type: 'restore', U: saved.start.U.slice(), V: saved.start.V.slice(), step: 0 });
  if (saved.actions.length <= REPLAY_LIMIT) saved.actions.forEach((a) => sendAction(client, a));
  await settled(client);
  const end = saved.end;
  const last = store.getState().timeline.at(-1);
  if (end && !(sameFactors(last as Factors | undefined, end) && last?.step === end.step))
    client.send({ type: 'restore', U: end.U.slice(), V: end.V.slice(), step: end.step });
}

/**
 * The labs on screen: a lesson's "Reset" stops them saving what it forgets, and a lab opening
 * under the same key (the presenter taking over from the lesson view) reads the state of the one
 * it replaces — React renders the new view before the old one's clean-up saves.
 */
const live = new Map<string, { discard: () => void; current: () => string | null }>();

/** Forgets every lab of a lesson (key prefix "slug/"), including those on screen. */
export function discardLessonLabs(prefix: string): void {
  for (const [key, lab] of live) if (key.startsWith(prefix)) lab.discard();
  lessonLabStorage.resetAll(prefix);
}

/** What a lab opens with: the state of the lab it replaces, else what storage kept. */
function loadLab(key: string, setup: string): SavedLab | null {
  const current = live.get(key)?.current();
  return current ? parseRecord(current, setup) : lessonLabStorage.load(key, setup);
}

export interface LessonLabStore {
  store: StoreApi<LabState>;
  /** False until the lab shows its opening state. */
  ready: boolean;
  /** Starts the run afresh from the given factors (the toy U and Vᵀ, or typed ones). */
  startFrom(U: Float64Array, V: Float64Array, d: number): Promise<void>;
  /** Forgets what the lab kept and stops saving it (before the lab is set up afresh). */
  discard(): void;
}

/**
 * `key` names the lab in storage ("slug/id"), `setup` is the lesson's configuration (a changed
 * lesson file starts afresh), `opening` brings a fresh lab to the lesson's starting point.
 */
export function useLessonLabStore(
  key: string,
  setup: string,
  fresh: () => { options: Parameters<typeof createLabStore>[0]; start: Factors | null; steps: number },
): LessonLabStore {
  const [{ store, saved, first }] = useState(() => {
    const saved = loadLab(key, setup);
    const first = fresh();
    const options = saved ? saved.options : first.options;
    return { store: createLabStore({ ...options, autoStart: false }), saved, first };
  });
  useStoreLifetime(store);
  const [ready, setReady] = useState(false);
  const opened = useRef(false);
  const discarded = useRef(false);

  useEffect(() => {
    // Once per store (StrictMode runs effects twice in development).
    if (opened.current) return;
    opened.current = true;
    const client = clientOf(store);
    const open = async () => {
      if (saved) await reopen(store, saved);
      else {
        if (first.start) client.send({ type: 'restore', U: first.start.U.slice(), V: first.start.V.slice(), step: 0 });
        for (let k = 0; k < first.steps; k++) client.send({ type: 'step' });
      }
      await settled(client);
    };
    const timer = setTimeout(() => setReady(true), READY_TIMEOUT_MS);
    void open().finally(() => {
      clearTimeout(timer);
      setReady(true);
    });
  }, [store, saved, first]);

  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      timer = null;
      if (!discarded.current) lessonLabStorage.save(key, setup, store.getState());
    };
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.timeline === prev.timeline && state.data === prev.data && state.settings === prev.settings) return;
      if (timer === null) timer = setTimeout(save, SAVE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) {
        clearTimeout(timer);
        save();
      }
    };
  }, [ready, store, key, setup]);

  const startFrom = useCallback(
    async (U: Float64Array, V: Float64Array, d: number) => {
      const s = store.getState();
      if (d !== s.settings.factors) s.setSettings({ factors: d });
      else s.reset();
      clientOf(store).send({ type: 'restore', U: U.slice(), V: V.slice(), step: 0 });
      await settled(clientOf(store));
      store.getState().setStatus({ tone: 'info', text: 'The run starts from the U and Vᵀ you chose (step 0).' });
    },
    [store],
  );

  const discard = useCallback(() => {
    discarded.current = true;
    lessonLabStorage.reset(key);
  }, [key]);

  useEffect(() => {
    const entry = { discard, current: () => (ready && !discarded.current ? recordOf(setup, store.getState()) : null) };
    live.set(key, entry);
    return () => {
      if (live.get(key) === entry) live.delete(key);
    };
  }, [key, setup, discard, ready, store]);

  return { store, ready, startFrom, discard };
}

/** The lesson lab around a panel (for panels that act on the lab as a whole, such as StartFactors). */
export const LessonLabContext = createContext<LessonLabStore | null>(null);

export function useLessonLab(): LessonLabStore | null {
  return useContext(LessonLabContext);
}
