/**
 * The main lab's state in the URL and in local storage. initialLabOptions() reads what the
 * page was opened with (a shared link wins, then what this browser kept, then the lecture's
 * R); startPersistence() writes the state back, throttled, with history.replaceState (no
 * history entries, no hashchange) and to localStorage. The format lives in urlCodec.ts; what
 * every kept lab shares (readiness, the storage writer) in persistCore.ts.
 */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { isPageHash } from '../lessons/route';
import type { LabOptions, LabState, StatusMessage } from './labStore';
import {
  createReadiness,
  createStorageWriter,
  readStored,
  safeStorage,
  sharedLabOf,
  tooLargeToKeep,
  type Opened,
} from './persistCore';
import { LARGE_MODEL } from './useDisplayEntry';
import { decodeLabLenient, encodeLab, labOptionsOf, URL_FACTOR_LIMIT } from './urlCodec';
import { formatCount } from '../core/formatCount';

export { safeStorage, sharedLabOf, STORAGE_FACTOR_LIMIT, type Opened } from './persistCore';

export const STORAGE_KEY = 'mf-lab:v1';
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

let opened: Opened = {};

/**
 * The options for a text that holds a lab (a link or what storage kept): its lab, what was
 * left out of it and why, or the lecture's R with the reason it could not be used. Never throws.
 */
export function optionsFromText(text: string, what: 'link' | 'stored'): LabOptions {
  const result = decodeLabLenient(text);
  const subject = what === 'link' ? 'This link' : 'The lab saved in this browser';
  if (!result.ok) {
    const text =
      what === 'link'
        ? `This link could not be opened: ${result.error}. ${FALLBACK}`
        : `The lab saved in this browser could not be restored: ${result.error}. ${FALLBACK}`;
    return { preset: 'lecture-r', status: { tone: what === 'link' ? 'error' : 'warning', text } };
  }
  const options = labOptionsOf(result.lab);
  if (result.dropped.length > 0) {
    const parts = result.dropped.map((d) => d.part).join(', ');
    const why = result.dropped.map((d) => d.reason).join('; ');
    const status: StatusMessage = { tone: 'warning', text: `${subject} was opened without ${parts}: ${why}.` };
    options.status = status;
  }
  return options;
}

/** The options for a fragment and a stored text (either may be empty): pure, for tests. */
export function readInitialOptions(hash: string, stored: string | null): LabOptions {
  const link = hash.replace(/^#/, '');
  // "#/lab", "#/lessons/…" are pages of the app, not lab links.
  if (link !== '' && !isPageHash(link)) return optionsFromText(link, 'link');
  if (stored) return optionsFromText(stored, 'stored');
  return { preset: 'lecture-r' };
}

/** The options the main lab starts from: a shared link, else what was stored, else the lecture's R. */
export function initialLabOptions(): LabOptions {
  const stored = readStored(safeStorage(), STORAGE_KEY);
  const options = readInitialOptions(typeof location === 'undefined' ? '' : location.hash, stored);
  opened = { ...(options.run ? { run: options.run } : {}), ...(options.status ? { status: options.status } : {}) };
  return options;
}

export interface PersistenceOptions {
  /** What the page opened with (default: what initialLabOptions() returned). */
  opened?: Opened;
  storage?: Storage | null;
  /** Reloads the page when the student pastes another link into this tab. */
  reload?: () => void;
}

/** Writes the state's link into the address bar (too long a link stays out, once said). */
function createUrlWriter(warn: (text: string) => void) {
  let lastHash = location.hash.replace(/^#/, '');
  let warned = false;
  const warnOnce = (text: string) => {
    if (warned) return;
    warned = true;
    warn(text);
  };
  return {
    get lastHash() {
      return lastHash;
    },
    forget() {
      lastHash = '';
    },
    write(state: LabState) {
      // The address bar already shows another page of the app (the student clicked Lessons or
      // Class survey, and the router has not yet unmounted the lab): leave it, do not pull them back.
      if (location.hash !== '#/lab' && isPageHash(location.hash)) return;
      let text = encodeLab(sharedLabOf(state, URL_FACTOR_LIMIT));
      if (text.length > URL_MAX_CHARS) {
        warnOnce(
          `This lab's data is too large for a link (${formatCount(text.length)} characters), so the address bar no longer holds it; this browser keeps it for reloads.`,
        );
        text = '';
      }
      if (text === lastHash) return;
      const url = `${location.pathname}${location.search}${text ? '#' + text : ''}`;
      try {
        history.replaceState(history.state, '', url);
      } catch {
        warnOnce('This browser refused to put the lab into the address bar, so a copied link will not reproduce it.');
      }
      lastHash = location.hash.replace(/^#/, '');
    },
  };
}

/** Whether a change of state is one that persistence writes. */
function persistedChange(state: LabState, prev: LabState): boolean {
  return (
    state.data !== prev.data ||
    state.settings !== prev.settings ||
    state.origin !== prev.origin ||
    state.pristine !== prev.pristine ||
    state.timeline !== prev.timeline ||
    state.playing !== prev.playing ||
    state.hideControls !== prev.hideControls
  );
}

/**
 * Keeps the URL and storage in step with a store until the returned function is called.
 * Nothing is written until the run the page opened with has been reproduced.
 */
export function startPersistence(store: StoreApi<LabState>, options: PersistenceOptions = {}): () => void {
  const storage = options.storage !== undefined ? options.storage : safeStorage();
  const start = options.opened ?? opened;
  const reload = options.reload ?? (() => location.reload());
  const readiness = createReadiness(store, start);
  const warn = (text: string) => {
    if (store.getState().status?.tone === 'error') return;
    store.getState().setStatus({ tone: 'warning', text });
  };
  const url = createUrlWriter(warn);
  const saved = createStorageWriter(storage, STORAGE_KEY, (characters) =>
    warn(
      `This lab is too large for this browser's storage (${formatCount(characters)} characters), so a reload may lose your latest changes${url.lastHash ? '; the link in the address bar still holds them' : ''}.`,
    ),
  );
  let statusRestored = !start.status;
  let warnedTooLarge = false;
  let leaving = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastStorageWrite = -Infinity;

  const writeStorage = (state: LabState) => {
    if (tooLargeToKeep(state) && !warnedTooLarge) {
      warnedTooLarge = true;
      warn('Edits to data this large cannot be kept in a link or in this browser: a reload opens the data set as it was opened.');
    }
    lastStorageWrite = Date.now();
    saved.write(state, readiness.openedText);
  };

  const flush = (force = false) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!readiness.ready || leaving) return;
    const state = store.getState();
    url.write(state);
    // A large model playing at full speed is saved when it pauses (or the page is left).
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
    const wasReady = readiness.ready;
    if (!readiness.check(state)) return;
    // New data (an opened file, a preset, a cut, an edit) is written at once: a reload right after
    // it reloads the address bar's link, which must already hold it. Other changes are throttled.
    if (wasReady && state.data !== prev.data && !state.playing) flush();
    else if (!wasReady || persistedChange(state, prev)) schedule();
  });

  const giveUpWaiting = setTimeout(() => {
    if (readiness.ready || store.getState().timeline.length === 0) return;
    readiness.ready = true;
    schedule();
  }, REPRODUCE_TIMEOUT_MS);

  const leave = () => {
    if (readiness.ready) writeStorage(store.getState());
    leaving = true;
    if (timer !== null) clearTimeout(timer);
  };
  const stopListening = listenToPage(url, { flush, leave, reload });

  if (readiness.check(store.getState())) schedule();

  return () => {
    unsubscribe();
    clearTimeout(giveUpWaiting);
    if (timer !== null) clearTimeout(timer);
    stopListening();
  };
}

/**
 * The page's events that concern a kept lab: a hashchange is the student's new link (ours
 * use replaceState, which fires none) — "#/lab" puts the lab's own link back, another page
 * of the app leaves the lab, anything else reloads with the new link; leaving the page writes.
 */
function listenToPage(
  url: { lastHash: string; forget(): void },
  on: { flush(force: boolean): void; leave(): void; reload(): void },
): () => void {
  const onHashChange = () => {
    if (location.hash.replace(/^#/, '') === url.lastHash) return;
    if (location.hash === '#/lab') {
      url.forget();
      on.flush(true);
      return;
    }
    on.leave();
    // Moving to another page of the app (the lessons): the app's router unmounts the lab.
    if (!isPageHash(location.hash)) on.reload();
  };
  const onPageHide = () => on.flush(true);
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('pagehide', onPageHide);
  return () => {
    window.removeEventListener('hashchange', onHashChange);
    window.removeEventListener('pagehide', onPageHide);
  };
}

/** Keeps the URL and local storage in step with the lab's state. */
export function usePersistence(store: StoreApi<LabState>): void {
  useEffect(() => startPersistence(store), [store]);
}
