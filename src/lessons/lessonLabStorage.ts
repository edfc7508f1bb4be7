/**
 * Where a lesson's labs keep their state between step changes, reloads, and the lesson and
 * presenter views: one record per lab, keyed "<lesson slug>/<lab id>", in local storage (and in
 * memory, for browsers that refuse storage). The data and settings are written in the URL
 * codec's words; the run is kept as its actions (replayed through the store, so the loss
 * history comes back too), the factors it ended with (the truth), and the U and V it started
 * from when the student chose them.
 *
 * This is a small interface on purpose (load, save, reset): the state layer's keyed persistence
 * can replace it without touching the lab component.
 */
import { sharedLabOf } from '../state/persist';
import { runActions, type LabOptions, type LabState } from '../state/labStore';
import { decodeLab, encodeLab, labOptionsOf, URL_FACTOR_LIMIT } from '../state/urlCodec';
import { decodeRun, encodeRun, type RunAction } from '../worker/actions';

/** What a lab reopens with: the store's options and the run to put back once it has started. */
export interface SavedLab {
  options: LabOptions;
  /** The factors the run started from, when the student chose them (not the seed's). */
  start: { U: Float64Array; V: Float64Array } | null;
  /** The run's actions since its start (kept in the one action grammar's text). */
  actions: RunAction[];
  /** The factors the run ended with, and its step count. */
  end: { U: Float64Array; V: Float64Array; step: number } | null;
}

export interface LessonLabStorage {
  load(key: string, setup: string): SavedLab | null;
  save(key: string, setup: string, state: LabState): void;
  reset(key: string): void;
  /** Forgets every lab whose key starts with the prefix (a lesson's "start over"). */
  resetAll(prefix: string): void;
}

const PREFIX = 'mf-lab:lesson-lab:v1:';
/** Beyond this many numbers the factors are not kept (the lab replays its actions instead). */
const FACTOR_LIMIT = 20_000;

interface Record {
  /** The lesson's set-up of the lab (its attributes): a changed lesson file starts afresh. */
  setup: string;
  /** Data and settings, in the URL codec's format (without the run). */
  lab: string;
  start?: { U: number[]; V: number[] };
  actions: string;
  end?: { U: number[]; V: number[]; step: number };
}

function floats(values: number[] | undefined): Float64Array | null {
  return Array.isArray(values) && values.every((v) => typeof v === 'number' && Number.isFinite(v)) ? Float64Array.from(values) : null;
}

/** Reads a stored record; anything unreadable is null (the lab then starts from the lesson's set-up). */
export function parseRecord(text: string, setup: string): SavedLab | null {
  let record: Partial<Record>;
  try {
    record = JSON.parse(text) as Partial<Record>;
  } catch {
    return null;
  }
  if (!record || record.setup !== setup || typeof record.lab !== 'string' || typeof record.actions !== 'string') return null;
  const run = decodeRun(record.actions);
  if (!run.ok) return null;
  const decoded = decodeLab(record.lab);
  if (!decoded.ok) return null;
  const startU = floats(record.start?.U);
  const startV = floats(record.start?.V);
  const endU = floats(record.end?.U);
  const endV = floats(record.end?.V);
  const step = record.end?.step;
  return {
    options: labOptionsOf(decoded.lab),
    start: startU && startV ? { U: startU, V: startV } : null,
    actions: run.actions,
    end: endU && endV && Number.isInteger(step) && step! >= 0 ? { U: endU, V: endV, step: step! } : null,
  };
}

/**
 * The factors the current run started from when they were given rather than drawn from the
 * seed: a restore to step 0 straight after the run's initialisation.
 */
export function runStart(timeline: LabState['timeline']): SavedLab['start'] {
  let init = -1;
  timeline.forEach((e, k) => {
    if (e.kind === 'init') init = k;
  });
  const next = init >= 0 ? timeline[init + 1] : undefined;
  return next && next.kind === 'restore' && next.step === 0 && next.U && next.V ? { U: next.U, V: next.V } : null;
}

/** The record for a lab's state (pure, for tests). */
export function recordOf(setup: string, state: LabState): string {
  const start = runStart(state.timeline);
  const shared = sharedLabOf(state, FACTOR_LIMIT);
  const record: Record = {
    setup,
    lab: encodeLab({ source: shared.source, settings: shared.settings, run: { actions: [] } }),
    actions: encodeRun(runActions(state.timeline)),
  };
  if (start) record.start = { U: Array.from(start.U), V: Array.from(start.V) };
  const last = state.timeline[state.timeline.length - 1];
  if (shared.run.U && shared.run.V && last) record.end = { U: Array.from(shared.run.U), V: Array.from(shared.run.V), step: last.step };
  return JSON.stringify(record);
}

function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function createLessonLabStorage(storage: Storage | null = localStore()): LessonLabStorage {
  // Memory first: the step the student comes back to in this tab is exact even without storage.
  const memory = new Map<string, string>();
  const read = (key: string) => {
    if (memory.has(key)) return memory.get(key)!;
    try {
      return storage?.getItem(PREFIX + key) ?? null;
    } catch {
      return null;
    }
  };
  return {
    load(key, setup) {
      const text = read(key);
      return text ? parseRecord(text, setup) : null;
    },
    save(key, setup, state) {
      const text = recordOf(setup, state);
      memory.set(key, text);
      try {
        storage?.setItem(PREFIX + key, text);
      } catch {
        // Storage full or refused: this tab still remembers (memory).
      }
    },
    reset(key) {
      memory.delete(key);
      try {
        storage?.removeItem(PREFIX + key);
      } catch {
        // Nothing to forget.
      }
    },
    resetAll(prefix) {
      for (const key of [...memory.keys()]) if (key.startsWith(prefix)) memory.delete(key);
      try {
        const keys: string[] = [];
        for (let k = 0; k < (storage?.length ?? 0); k++) {
          const name = storage!.key(k);
          if (name?.startsWith(PREFIX + prefix)) keys.push(name);
        }
        keys.forEach((name) => storage!.removeItem(name));
      } catch {
        // Nothing to forget.
      }
    },
  };
}

export const lessonLabStorage: LessonLabStorage = createLessonLabStorage();

/**
 * The full lab's link for a lesson lab's state ("#v=1&…", what the URL codec writes), so "Open
 * in the lab" carries it exactly (single-row solves included: the one action grammar has them).
 */
export function fullLabHash(state: LabState): string {
  return `#${encodeLab(sharedLabOf(state, URL_FACTOR_LIMIT))}`;
}
