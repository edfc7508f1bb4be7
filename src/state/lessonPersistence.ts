/**
 * Keeping a lab that is not the main one — a lesson's lab — across step changes, reloads
 * and the lesson ↔ presenter switch, and carrying it to the full lab:
 *
 *   const key = lessonLabKey(slug, labId);                       // "lesson:<slug>:<labId>"
 *   const { options, restored, opened } = restoredLabOptions(key, labOptionsFromAttrs(attrs));
 *   const store = createLabStore({ ...options, autoStart: false });
 *   useLabPersistence(store, key, { opened });                   // writes, throttled, once the run is back
 *   if (!restored) …run the lesson's opening steps…
 *   resetLab(key);                                               // forget it (the lesson's reset)
 *   <a href={labLinkHash(store.getState())}>Open in the lab</a>  // "#v=1&…": the full lab, exactly
 *
 * It stores the same text a link holds (with U and V up to STORAGE_FACTOR_LIMIT), in
 * localStorage so that the presenter's window and a reload see it. A full or refusing
 * storage is said once in the lab's status and never breaks the lab.
 */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { LabOptions, LabState } from './labStore';
import { createReadiness, createStorageWriter, readStored, safeStorage, sharedLabOf, type Opened } from './persistCore';
import { decodeLabLenient, encodeLab, labOptionsOf, URL_FACTOR_LIMIT } from './urlCodec';

/** Writes wait this long after a change (ms). */
export const LESSON_THROTTLE_MS = 400;

/** The storage key of a lesson's lab. */
export function lessonLabKey(slug: string, labId: string): string {
  return `lesson:${slug}:${labId}`;
}

/**
 * The options a kept lab starts from: what storage holds under `key` when it can be read
 * (restored: true), else `fallback` (the lesson's own set-up). A damaged entry is forgotten
 * and the lab starts from the lesson, saying why.
 */
export function restoredLabOptions(
  key: string,
  fallback: LabOptions,
  storage: Storage | null = safeStorage(),
): { options: LabOptions; restored: boolean; opened: Opened } {
  const text = readStored(storage, key);
  if (!text) return { options: fallback, restored: false, opened: {} };
  const result = decodeLabLenient(text);
  if (!result.ok) {
    try {
      storage?.removeItem(key);
    } catch {
      // Nothing more to do: the lab starts from the lesson.
    }
    return {
      options: {
        ...fallback,
        status: { tone: 'warning', text: `This lab's saved state could not be restored (${result.error}), so it starts afresh.` },
      },
      restored: false,
      opened: {},
    };
  }
  const options = labOptionsOf(result.lab);
  return { options, restored: true, opened: options.run ? { run: options.run } : {} };
}

/** Forgets a kept lab (the lesson's reset): its next creation starts from the lesson. */
export function resetLab(key: string, storage: Storage | null = safeStorage()): void {
  try {
    storage?.removeItem(key);
  } catch {
    // A storage that refuses has nothing kept either.
  }
}

/** The full lab's URL hash for a lab's state ("Open in the lab"): `#v=1&…`, exact up to URL_FACTOR_LIMIT factors. */
export function labLinkHash(state: Pick<LabState, 'data' | 'origin' | 'pristine' | 'settings' | 'timeline'>): string {
  return '#' + encodeLab(sharedLabOf(state, URL_FACTOR_LIMIT));
}

export interface KeptLabOptions {
  storage?: Storage | null;
  /** The run the lab was restored with (persistence waits for it before writing). */
  opened?: Opened;
  throttleMs?: number;
}

/** Keeps a store's state under `key` until the returned function is called. */
export function startLabPersistence(store: StoreApi<LabState>, key: string, options: KeptLabOptions = {}): () => void {
  const storage = options.storage !== undefined ? options.storage : safeStorage();
  const throttle = options.throttleMs ?? LESSON_THROTTLE_MS;
  const readiness = createReadiness(store, options.opened ?? {});
  const writer = createStorageWriter(storage, key, () => {
    if (store.getState().status?.tone === 'error') return;
    store.getState().setStatus({
      tone: 'warning',
      text: "This browser's storage is full, so this lab's state will not be kept after a reload.",
    });
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    // Not before the lab has its first snapshot: an empty timeline would overwrite a kept run.
    if (readiness.ready) writer.write(store.getState(), null);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (!readiness.check(state)) return;
    if (
      state.data === prev.data &&
      state.settings === prev.settings &&
      state.timeline === prev.timeline &&
      state.origin === prev.origin
    )
      return;
    if (timer === null) timer = setTimeout(flush, throttle);
  });
  const onPageHide = () => flush();
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onPageHide);
  return () => {
    flush();
    unsubscribe();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onPageHide);
  };
}

/** Keeps a lesson lab's state in storage under `key` (see lessonLabKey) while the component is mounted. */
export function useLabPersistence(store: StoreApi<LabState>, key: string, options: KeptLabOptions = {}): void {
  const { storage, opened, throttleMs } = options;
  useEffect(
    () =>
      startLabPersistence(store, key, {
        ...(storage !== undefined ? { storage } : {}),
        ...(opened ? { opened } : {}),
        ...(throttleMs !== undefined ? { throttleMs } : {}),
      }),
    [store, key, storage, opened, throttleMs],
  );
}
