/**
 * The lab's state in the URL and in local storage. initialLabOptions() reads what the page
 * was opened with (a shared link wins, then what this browser kept, then the lecture's R);
 * usePersistence() writes the state back, throttled, with history.replaceState (no history
 * entries, no hashchange) and to localStorage. The format lives in urlCodec.ts.
 */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { LARGE_MODEL } from './useDisplayEntry';
import { isPageHash } from '../lessons/route';
import { runActions, type LabOptions, type LabState, type RunRecord, type StatusMessage } from './labStore';
import { decodeLab, encodeLab, labOptionsOf, URL_FACTOR_LIMIT, type SharedLab } from './urlCodec';

export const STORAGE_KEY = 'mf-lab:v1';
/** Storage keeps U and V up to this many numbers (a link only up to URL_FACTOR_LIMIT). */
export const STORAGE_FACTOR_LIMIT = 100_000;
/** Beyond this many characters the state stays out of the address bar (storage still keeps it). */
export const URL_MAX_CHARS = 100_000;
/** Writes wait this long after a change (ms); while playing, at most two writes a second. */
export const THROTTLE_MS = 300;
export const PLAYING_THROTTLE_MS = 500;
/** While playing, storage is written at most this often (ms); pausing writes at once. */
export const PLAYING_STORAGE_MS = 2000;
/** If a reproduced run has not come back from the worker by then, persistence starts anyway (ms). */
export const REPRODUCE_TIMEOUT_MS = 30_000;

const FALLBACK = "Showing the lecture's example instead.";

/** What the page opened with: the run persistence waits for, and a message to show. */
export interface Opened {
  run?: RunRecord;
  status?: StatusMessage;
}

let opened: Opened = {};

/** localStorage, or null where the browser refuses it (some private modes, sandboxed frames). */
export function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The options for a fragment and a stored text (either may be empty): pure, for tests. */
export function readInitialOptions(hash: string, stored: string | null): LabOptions {
  const link = hash.replace(/^#/, '');
  // "#/lab", "#/lessons/…" are pages of the app, not lab links.
  if (link !== '' && !isPageHash(link)) {
    const result = decodeLab(link);
    if (result.ok) return labOptionsOf(result.lab);
    return {
      preset: 'lecture-r',
      status: { tone: 'error', text: `This link could not be opened: ${result.error}. ${FALLBACK}` },
    };
  }
  if (stored) {
    const result = decodeLab(stored);
    if (result.ok) return labOptionsOf(result.lab);
    return {
      preset: 'lecture-r',
      status: {
        tone: 'warning',
        text: `The lab saved in this browser could not be restored: ${result.error}. ${FALLBACK}`,
      },
    };
  }
  return { preset: 'lecture-r' };
}

/** The options the main lab starts from: a shared link, else what was stored, else the lecture's R. */
export function initialLabOptions(): LabOptions {
  const storage = safeStorage();
  let stored: string | null = null;
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  const options = readInitialOptions(typeof location === 'undefined' ? '' : location.hash, stored);
  opened = { ...(options.run ? { run: options.run } : {}), ...(options.status ? { status: options.status } : {}) };
  return options;
}

/**
 * What a link holds for a state: the preset's reference while the data is unedited, the run's
 * actions, and U and V of the last timeline entry when they fit `maxFactors` (so a run with
 * edits or setting changes in it is restored exactly, not only replayed).
 */
export function sharedLabOf(
  state: Pick<LabState, 'data' | 'origin' | 'pristine' | 'settings' | 'timeline'>,
  maxFactors: number,
): SharedLab {
  const { data, origin, pristine, settings, timeline } = state;
  const source: SharedLab['source'] =
    pristine && origin
      ? { kind: 'preset', preset: origin.preset, ...(origin.random ? { random: { ...origin.random } } : {}) }
      : { kind: 'data', data };
  const run: RunRecord = { actions: runActions(timeline) };
  const last = timeline[timeline.length - 1];
  if (
    last &&
    last.kind !== 'init' &&
    last.U &&
    last.V &&
    last.d === settings.factors &&
    last.m === data.userIds.length &&
    last.n === data.itemIds.length &&
    last.U.length + last.V.length <= maxFactors
  ) {
    run.U = last.U;
    run.V = last.V;
  }
  return { source, settings: { ...settings }, run };
}

export interface PersistenceOptions {
  /** What the page opened with (default: what initialLabOptions() returned). */
  opened?: Opened;
  storage?: Storage | null;
  /** Reloads the page when the student pastes another link into this tab. */
  reload?: () => void;
}

/**
 * Keeps the URL and storage in step with a store until the returned function is called.
 * Nothing is written until the run the page opened with has been reproduced (writing a
 * half-replayed run would lose its end on a quick reload).
 */
export function startPersistence(store: StoreApi<LabState>, options: PersistenceOptions = {}): () => void {
  const storage = options.storage !== undefined ? options.storage : safeStorage();
  const start = options.opened ?? opened;
  const reload = options.reload ?? (() => location.reload());
  const initial = store.getState();

  let ready = false;
  let leaving = false;
  let firstGeneration: number | null = null;
  let statusRestored = !start.status;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastHash = location.hash.replace(/^#/, '');
  let lastStored: string | null = null;
  /** The state as opened, in storage's form: storage is written only once the state differs from it. */
  let openedText: string | null = null;
  let lastStorageWrite = -Infinity;
  const warned = { link: false, storage: false };

  const warn = (text: string) => {
    if (store.getState().status?.tone === 'error') return;
    store.getState().setStatus({ tone: 'warning', text });
  };

  const reproduced = (state: LabState): boolean => {
    const { timeline } = state;
    if (timeline.length === 0) return false;
    const run = start.run;
    if (!run) return true;
    if (run.U) return timeline.some((e) => e.kind === 'restore');
    return runActions(timeline).length >= run.actions.length;
  };

  const checkReady = (state: LabState) => {
    if (ready) return;
    const last = state.timeline[state.timeline.length - 1];
    if (last && firstGeneration === null) firstGeneration = last.generation;
    const userActed =
      state.data !== initial.data ||
      state.settings !== initial.settings ||
      state.origin !== initial.origin ||
      (last !== undefined && firstGeneration !== null && last.generation > firstGeneration);
    if (reproduced(state) && !userActed) {
      // The state as opened: storage keeps what it had (the student's own lab) until this changes.
      openedText = encodeLab(sharedLabOf(state, STORAGE_FACTOR_LIMIT), { maxFactors: STORAGE_FACTOR_LIMIT });
      ready = true;
    } else if (state.timeline.length > 0 && (userActed || state.status?.tone === 'error')) ready = true;
  };

  const writeUrl = (state: LabState) => {
    let text = encodeLab(sharedLabOf(state, URL_FACTOR_LIMIT));
    if (text.length > URL_MAX_CHARS) {
      if (!warned.link) {
        warned.link = true;
        warn(
          `This lab's data is too large for a link (${text.length.toLocaleString('en')} characters), so the address bar no longer holds it; this browser keeps it for reloads.`,
        );
      }
      text = '';
    }
    if (text === lastHash) return;
    const url = `${location.pathname}${location.search}${text ? '#' + text : ''}`;
    try {
      history.replaceState(history.state, '', url);
    } catch {
      if (!warned.link) {
        warned.link = true;
        warn('This browser refused to put the lab into the address bar, so a copied link will not reproduce it.');
      }
    }
    lastHash = location.hash.replace(/^#/, '');
  };

  const writeStorage = (state: LabState) => {
    if (!storage) return;
    const shared = sharedLabOf(state, STORAGE_FACTOR_LIMIT);
    const text = encodeLab(shared, { maxFactors: STORAGE_FACTOR_LIMIT });
    if (text === lastStored || (text === openedText && lastStored === null)) return;
    lastStorageWrite = Date.now();
    // Without U and V the run is replayed instead (slower, and inexact after edits), but the data survives.
    for (const candidate of [text, encodeLab(shared, { maxFactors: 0 })]) {
      try {
        storage.setItem(STORAGE_KEY, candidate);
        lastStored = text;
        return;
      } catch {
        // Quota exceeded (or storage disabled): try the smaller form.
      }
    }
    lastStored = text;
    if (!warned.storage) {
      warned.storage = true;
      warn(
        `This lab is too large for this browser's storage (${text.length.toLocaleString('en')} characters), so a reload may lose your latest changes${lastHash ? '; the link in the address bar still holds them' : ''}.`,
      );
    }
  };

  const flush = (force = false) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!ready || leaving) return;
    const state = store.getState();
    writeUrl(state);
    // A large model playing at full speed is saved when it pauses (or the page is left):
    // encoding its factors several times a minute would cost the page its smoothness.
    const large = state.data.userIds.length * state.data.itemIds.length > LARGE_MODEL;
    if (force || !state.playing || (!large && Date.now() - lastStorageWrite >= PLAYING_STORAGE_MS)) writeStorage(state);
  };

  const schedule = () => {
    if (timer !== null || leaving) return;
    timer = setTimeout(() => flush(), store.getState().playing ? PLAYING_THROTTLE_MS : THROTTLE_MS);
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (!statusRestored && state.timeline.length > 0) {
      // The store clears its message when the first snapshot arrives; a broken link's message must stay.
      statusRestored = true;
      if (state.status === null) state.setStatus(start.status!);
    }
    const wasReady = ready;
    checkReady(state);
    if (!ready) return;
    if (
      !wasReady ||
      state.data !== prev.data ||
      state.settings !== prev.settings ||
      state.origin !== prev.origin ||
      state.pristine !== prev.pristine ||
      state.timeline !== prev.timeline ||
      state.playing !== prev.playing
    )
      schedule();
  });

  const giveUpWaiting = setTimeout(() => {
    if (ready || store.getState().timeline.length === 0) return;
    ready = true;
    schedule();
  }, REPRODUCE_TIMEOUT_MS);

  const onHashChange = () => {
    // Our own writes use replaceState, which fires no hashchange: this is the student's new link.
    if (location.hash.replace(/^#/, '') === lastHash) return;
    // "#/lab" while the lab is open: put the lab's own state back into the address bar.
    if (location.hash === '#/lab') {
      lastHash = '';
      flush(true);
      return;
    }
    // Moving to another page of the app (the lessons): the app's router unmounts the lab.
    if (isPageHash(location.hash)) {
      if (ready) writeStorage(store.getState());
      leaving = true;
      if (timer !== null) clearTimeout(timer);
      return;
    }
    if (ready) writeStorage(store.getState());
    leaving = true;
    if (timer !== null) clearTimeout(timer);
    reload();
  };
  const onPageHide = () => flush(true);
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('pagehide', onPageHide);

  checkReady(store.getState());
  if (ready) schedule();

  return () => {
    unsubscribe();
    clearTimeout(giveUpWaiting);
    if (timer !== null) clearTimeout(timer);
    window.removeEventListener('hashchange', onHashChange);
    window.removeEventListener('pagehide', onPageHide);
  };
}

/** Keeps the URL and local storage in step with the lab's state. */
export function usePersistence(store: StoreApi<LabState>): void {
  useEffect(() => startPersistence(store), [store]);
}
