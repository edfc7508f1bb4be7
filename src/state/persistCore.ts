/**
 * What every kept lab shares, the main lab and the lessons' labs alike: what a link or the
 * storage holds for a state (sharedLabOf), when a lab that opened with a run has reproduced
 * it (so that writing cannot lose its end), and a storage writer that survives a full or
 * refusing storage (it says so once, through `warn`).
 */
import type { StoreApi } from 'zustand';
import { knownCount } from './labData';
import type { LabState, RunRecord, StatusMessage } from './labStore';
import { runActions } from './timeline';
import { encodeLab, LIMITS, type SharedLab } from './urlCodec';

/** Storage keeps U and V up to this many numbers (a link only up to URL_FACTOR_LIMIT). */
export const STORAGE_FACTOR_LIMIT = 100_000;
/** A data set opened from a file travels in a link as its data up to this many cells and ratings; beyond, by name and hash. */
export const INLINE_MAX_CELLS = 50_000;
export const INLINE_MAX_RATINGS = 10_000;

/** What the page (or a lesson's lab) opened with: the run to wait for, and a message to show. */
export interface Opened {
  run?: RunRecord;
  status?: StatusMessage;
}

/** localStorage, or null where the browser refuses it (some private modes, sandboxed frames). */
export function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Reads a key, or null when storage refuses. */
export function readStored(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

type SharedState = Pick<LabState, 'data' | 'origin' | 'pristine' | 'settings' | 'timeline'> & { hideControls?: boolean };

function source(state: SharedState): SharedLab['source'] {
  const { data, origin, pristine } = state;
  if (pristine && origin?.preset) {
    return { kind: 'preset', preset: origin.preset, ...(origin.random ? { random: { ...origin.random } } : {}) };
  }
  const m = data.userIds.length;
  const n = data.itemIds.length;
  const small = m * n <= INLINE_MAX_CELLS && knownCount(data) <= INLINE_MAX_RATINGS;
  if (data.dataset && !small) return { kind: 'dataset', dataset: { name: data.dataset.name, key: data.dataset.key, m, n } };
  // Too large to write out (edited ML-1M): the data set as it was opened is the best a link can name.
  if (m * n > LIMITS.maxCells && origin?.dataset)
    return { kind: 'dataset', dataset: { name: origin.dataset.name, key: origin.dataset.key, m, n } };
  return { kind: 'data', data };
}

/** Whether a state's data is too large for a link or storage to hold (edits to it cannot be kept). */
export function tooLargeToKeep(state: SharedState): boolean {
  const { data } = state;
  return (
    data.userIds.length * data.itemIds.length > LIMITS.maxCells && !(state.pristine && state.origin?.preset) && !data.dataset
  );
}

/**
 * What a link holds for a state: the preset's reference while the data is unedited, a kept
 * data set's name and hash for a large one, else the data; the run's actions, and U and V of
 * the last timeline entry when they fit `maxFactors` (so a run with edits or setting changes
 * in it is restored exactly, not only replayed).
 */
export function sharedLabOf(state: SharedState, maxFactors: number): SharedLab {
  const { data, settings, timeline } = state;
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
    if (last.biases) run.biases = last.biases;
  }
  return {
    source: source(state),
    settings: { ...settings },
    run,
    ...(state.hideControls ? { view: { hideControls: true } } : {}),
  };
}

/** The state in storage's form. */
export function storageText(state: SharedState, maxFactors = STORAGE_FACTOR_LIMIT): string {
  return encodeLab(sharedLabOf(state, maxFactors), { maxFactors });
}

/** Whether a lab that opened with `run` has reproduced it (the first snapshot, for a lab without one). */
export function reproduced(state: Pick<LabState, 'timeline'>, run: RunRecord | undefined): boolean {
  const { timeline } = state;
  if (timeline.length === 0) return false;
  if (!run) return true;
  if (run.U) return timeline.some((e) => e.kind === 'restore');
  return runActions(timeline).length >= run.actions.length;
}

/**
 * Tells when a store may be written: once the run it opened with is reproduced (writing a
 * half-replayed run would lose its end on a quick reload), or once the student acts. While
 * the state is the one opened, `openedText` is its storage form (storage keeps what it had,
 * the student's own lab, until the state differs).
 */
export function createReadiness(store: StoreApi<LabState>, start: Opened) {
  const initial = store.getState();
  let firstGeneration: number | null = null;
  const self = {
    ready: false,
    openedText: null as string | null,
    check(state: LabState): boolean {
      if (self.ready) return true;
      const last = state.timeline[state.timeline.length - 1];
      if (last && firstGeneration === null) firstGeneration = last.generation;
      const userActed =
        state.data !== initial.data ||
        state.settings !== initial.settings ||
        state.origin !== initial.origin ||
        (last !== undefined && firstGeneration !== null && last.generation > firstGeneration);
      if (reproduced(state, start.run) && !userActed) {
        self.openedText = storageText(state);
        self.ready = true;
      } else if (state.timeline.length > 0 && (userActed || state.status?.tone === 'error')) self.ready = true;
      return self.ready;
    },
  };
  return self;
}

/**
 * Writes a state's storage form under a key; when storage is full, tries without U and V
 * (the run is then replayed, slower but the data survives), and when even that fails calls
 * `onFull` once. Never throws.
 */
export function createStorageWriter(
  storage: Storage | null,
  key: string,
  onFull: (characters: number) => void,
): { write(state: SharedState, openedText: string | null): void; lastWritten(): string | null } {
  let last: string | null = null;
  let full = false;
  return {
    lastWritten: () => last,
    write(state, openedText) {
      if (!storage) return;
      const text = storageText(state);
      if (text === last || (text === openedText && last === null)) return;
      for (const candidate of [text, storageText(state, 0)]) {
        try {
          storage.setItem(key, candidate);
          last = text;
          return;
        } catch {
          // Quota exceeded (or storage disabled): try the smaller form.
        }
      }
      last = text;
      if (!full) {
        full = true;
        onFull(text.length);
      }
    },
  };
}
