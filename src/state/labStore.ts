/**
 * One lab's state: the data (with undo and redo), the model settings, the run's timeline
 * of snapshots from the worker, and what the student points at. A store per lab, so that
 * several labs on one lesson page never share state by accident.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Side, SingularRow } from '../core';
import { LabClient } from '../worker/client';
import type { ModelSettings, Reply, Snapshot } from '../worker/protocol';
import { toProblemSpec, type LabData } from './labData';
import { DEFAULT_SETTINGS, presetData, type PresetId, type RandomOptions } from './presets';

export interface Speed {
  label: string;
  delayMs: number;
}

export const SPEEDS: Speed[] = [
  { label: 'Slow motion', delayMs: 1500 },
  { label: 'Slow', delayMs: 600 },
  { label: 'Normal', delayMs: 200 },
  { label: 'Fast', delayMs: 40 },
  { label: 'Fastest', delayMs: 0 },
];

export interface StatusMessage {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

/** Timeline entries keep their U and V only while they fit in this budget (bytes). */
export const TIMELINE_FACTOR_BUDGET = 48 * 2 ** 20;
/** At most this many steps are kept per run (their losses); older ones are dropped. */
export const TIMELINE_MAX_ENTRIES = 20_000;

/** A step of the run as kept in the timeline (old ones lose U and V beyond the memory budget). */
export type TimelineEntry = Snapshot;

/** Where the data came from: a preset (and, for random data, its options). */
export interface DataOrigin {
  preset: PresetId;
  random?: RandomOptions;
}

/** A recorded run: its actions since initialisation (letters u, i, g, p, q) and, optionally, the factors they led to. */
export interface RunRecord {
  actions: string;
  U?: Float64Array;
  V?: Float64Array;
}

export interface LabState {
  data: LabData;
  /** The preset the data started from; `pristine` is false once the data is edited. */
  origin: DataOrigin | null;
  pristine: boolean;
  settings: ModelSettings;
  past: LabData[];
  future: LabData[];
  timeline: TimelineEntry[];
  /** Index of the timeline entry on screen, or null to follow the latest. */
  cursor: number | null;
  playing: boolean;
  speed: number;
  status: StatusMessage | null;
  /** Rows left unchanged in the last action because their systems were singular. */
  singular: SingularRow[];
  hover: { i: number; j: number } | null;
  selected: { side: Side; index: number } | null;
  /** The loss chart's log scale. */
  logScale: boolean;
  /**
   * What the solve explorer is walking through, so other views can light it up: the row
   * being solved, Ωᵢ (the other side's indices it touches) and the stage (1–7).
   */
  focus: { side: Side; index: number; omega: number[]; stage: number } | null;
  /** A term of the objective being pointed at: its cells are highlighted. */
  emphasis: 'data' | 'regularization' | null;

  setData(data: LabData, label?: string): void;
  undo(): void;
  redo(): void;
  loadPreset(id: PresetId, random?: RandomOptions): void;
  setSettings(patch: Partial<ModelSettings>): void;
  halfStep(side: Side): void;
  /** Solves one row alone (the solve explorer's "write u_i into U"). */
  solveRow(side: Side, index: number): void;
  step(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  reset(): void;
  scrub(index: number | null): void;
  setHover(cell: { i: number; j: number } | null): void;
  select(selection: { side: Side; index: number } | null): void;
  setStatus(status: StatusMessage | null): void;
  setLogScale(on: boolean): void;
  setFocus(focus: LabState['focus']): void;
  setEmphasis(emphasis: LabState['emphasis']): void;
  dispose(): void;
}

export interface LabOptions {
  data?: LabData;
  settings?: Partial<ModelSettings>;
  preset?: PresetId;
  random?: RandomOptions;
  /** A run to reproduce after loading (from a shared link or storage). */
  run?: RunRecord;
  /** Shown once the lab opens (e.g. why a link could not be used). */
  status?: StatusMessage;
  client?: LabClient;
  /**
   * Send the data to the worker at once (default). React owners pass false and call
   * startLab() from an effect, so that a store React creates and throws away (StrictMode)
   * never starts a worker.
   */
  autoStart?: boolean;
}

const UNDO_LIMIT = 200;

/** A change of mode or of confidence kind changes what the model means: the run restarts. */
function reshapedBetween(a: LabData, b: LabData): boolean {
  return a.mode !== b.mode || (a.confidence === null) !== (b.confidence === null);
}

function factorBytes(e: TimelineEntry): number {
  return (e.U?.byteLength ?? 0) + (e.V?.byteLength ?? 0);
}

/** Appends snapshots, forgetting the oldest U and V beyond the byte budget (their losses stay). */
export function appendToTimeline(timeline: TimelineEntry[], snapshots: Snapshot[]): TimelineEntry[] {
  const next = [...timeline, ...snapshots];
  let bytes = 0;
  for (let t = next.length - 1; t >= 0; t--) {
    const e = next[t]!;
    if (!e.U && bytes > TIMELINE_FACTOR_BUDGET) break; // everything older was pruned already
    bytes += factorBytes(e);
    if (bytes > TIMELINE_FACTOR_BUDGET && t < next.length - 1 && e.U) next[t] = { ...e, U: null, V: null };
  }
  return next.length > TIMELINE_MAX_ENTRIES ? next.slice(next.length - TIMELINE_MAX_ENTRIES) : next;
}

export function createLabStore(options: LabOptions = {}): StoreApi<LabState> {
  const client = options.client ?? new LabClient();
  const preset = options.preset ?? 'lecture-r';
  const start = options.data ? { data: options.data, settings: {} } : presetData(preset, options.random);
  const origin: DataOrigin | null = options.data ? null : { preset, ...(options.random ? { random: options.random } : {}) };
  const settings: ModelSettings = { ...DEFAULT_SETTINGS, ...start.settings, ...options.settings };

  const store = createStore<LabState>()((set, get) => {
    /** Sends the data to the worker; keepFactors continues the run where shapes allow. */
    const load = (keepFactors: boolean) => {
      if (!keepFactors) client.newGeneration();
      const { data, settings } = get();
      client.send({ type: 'load', spec: toProblemSpec(data), settings, keepFactors });
    };

    const stopPlaying = () => {
      if (get().playing) client.send({ type: 'pause' });
      set({ playing: false });
    };

    /** Continuing from a scrubbed-back point: the future of the old run is dropped. */
    const resumeFromCursor = () => {
      const { cursor, timeline } = get();
      if (cursor === null || cursor >= timeline.length - 1) return;
      const entry = timeline[cursor]!;
      const kept = timeline.slice(0, cursor + 1);
      set({ timeline: kept, cursor: null });
      if (entry.U && entry.V) client.send({ type: 'restore', U: entry.U.slice(), V: entry.V.slice(), step: entry.step });
      else {
        // This step's factors were dropped to save memory: re-run the actions that led to it.
        client.send({ type: 'replay', actions: runActions(kept) });
        set({
          status: {
            tone: 'info',
            text: `Step ${entry.step}'s factors were no longer kept, so the run was replayed from its start up to that step.`,
          },
        });
      }
    };

    return {
      data: start.data,
      origin,
      pristine: origin !== null,
      settings,
      past: [],
      future: [],
      timeline: [],
      cursor: null,
      playing: false,
      speed: 2,
      status: options.status ?? null,
      singular: [],
      hover: null,
      selected: null,
      logScale: false,
      focus: null,
      emphasis: null,

      setData(data) {
        const before = get().data;
        if (data === before) return;
        const reshaped = reshapedBetween(before, data);
        set({ data, pristine: false, past: [...get().past, before].slice(-UNDO_LIMIT), future: [] });
        load(!reshaped);
      },
      undo() {
        const { past, data, future } = get();
        const previous = past[past.length - 1];
        if (!previous) return;
        set({ data: previous, pristine: false, past: past.slice(0, -1), future: [data, ...future] });
        load(!reshapedBetween(data, previous));
      },
      redo() {
        const { past, data, future } = get();
        const next = future[0];
        if (!next) return;
        set({ data: next, pristine: false, past: [...past, data], future: future.slice(1) });
        load(!reshapedBetween(data, next));
      },
      loadPreset(id, random) {
        stopPlaying();
        const p = presetData(id, random);
        set({
          data: p.data,
          origin: { preset: id, ...(random ? { random } : {}) },
          pristine: true,
          settings: { ...get().settings, ...p.settings },
          past: [...get().past, get().data].slice(-UNDO_LIMIT),
          future: [],
          timeline: [],
          cursor: null,
          selected: null,
          hover: null,
          status: null,
        });
        load(false);
      },
      setSettings(patch) {
        const settings = { ...get().settings, ...patch };
        set({ settings });
        if (patch.factors !== undefined && patch.factors !== get().timeline.at(-1)?.d) {
          stopPlaying();
          client.newGeneration();
          set({ timeline: [], cursor: null });
        }
        client.send({ type: 'settings', settings });
      },
      halfStep(side) {
        stopPlaying();
        resumeFromCursor();
        client.send({ type: 'halfStep', side });
      },
      solveRow(side, index) {
        stopPlaying();
        resumeFromCursor();
        client.send({ type: 'solveRow', side, index });
      },
      step() {
        stopPlaying();
        resumeFromCursor();
        client.send({ type: 'step' });
      },
      play() {
        if (get().playing) return;
        resumeFromCursor();
        set({ playing: true, status: null });
        client.send({ type: 'play', delayMs: SPEEDS[get().speed]!.delayMs, maxSteps: 100_000 });
      },
      pause: stopPlaying,
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        set({ speed });
        if (get().playing) client.send({ type: 'play', delayMs: SPEEDS[speed]!.delayMs, maxSteps: 100_000 });
      },
      reset() {
        stopPlaying();
        client.newGeneration();
        set({ timeline: [], cursor: null, status: null, singular: [] });
        client.send({ type: 'init' });
      },
      scrub(index) {
        stopPlaying();
        const last = get().timeline.length - 1;
        set({ cursor: index === null || index >= last ? null : Math.max(0, index) });
      },
      setHover: (hover) => set({ hover }),
      select: (selected) => set({ selected }),
      setStatus: (status) => set({ status }),
      setLogScale: (logScale) => set({ logScale }),
      setFocus: (focus) => set({ focus }),
      setEmphasis: (emphasis) => set({ emphasis }),
      dispose() {
        unsubscribe();
        client.dispose();
      },
    };
  });

  // A message the lab opened with (a broken link) stays until the student dismisses it.
  const openingStatus = options.status ?? null;
  const onReply = (reply: Reply) => {
    const state = store.getState();
    switch (reply.type) {
      case 'snapshot': {
        const snaps = reply.snapshots;
        const last = snaps[snaps.length - 1]!;
        const fresh = snaps.some((s) => s.kind === 'init');
        const base = fresh ? [] : state.timeline;
        const singular = snaps.flatMap((s) => s.singular);
        const diverged = snaps.find((s) => s.diverged)?.diverged ?? null;
        const note = snaps.find((s) => s.note)?.note ?? null;
        let status = state.status;
        if (diverged) status = { tone: 'error', text: diverged };
        else if (singular.length > 0)
          status = {
            tone: 'warning',
            text: singular[0]!.reason + (singular.length > 1 ? ` (and ${singular.length - 1} more)` : ''),
          };
        else if (note) status = { tone: 'info', text: note };
        else if (last.kind !== 'update' && status?.tone !== 'info' && status !== openingStatus) status = null;
        store.setState({ timeline: appendToTimeline(base, snaps), singular, status, ...(fresh ? { cursor: null } : {}) });
        break;
      }
      case 'stopped': {
        const reasons: Record<string, StatusMessage | null> = {
          converged: {
            tone: 'info',
            text: 'Converged: a full step changed the loss by less than one part in a billion, so ALS has reached a fixed point. Reset to start again from the seed.',
          },
          diverged: null,
          limit: { tone: 'info', text: 'Paused after 100,000 steps.' },
        };
        store.setState({
          playing: false,
          ...(reply.reason in reasons && reasons[reply.reason] ? { status: reasons[reply.reason]! } : {}),
        });
        break;
      }
      case 'error':
        store.setState({ playing: false, status: { tone: 'error', text: reply.message } });
        break;
      case 'trace':
        break;
    }
  };
  const unsubscribe = client.subscribe(onReply);
  let started = false;
  const startWorker = () => {
    if (started) return;
    started = true;
    client.newGeneration();
    client.send({
      type: 'load',
      spec: toProblemSpec(store.getState().data),
      settings: store.getState().settings,
      keepFactors: false,
    });
    if (options.run && options.run.actions.length > 0) client.send({ type: 'replay', actions: options.run.actions });
    if (options.run?.U && options.run.V) {
      // The recorded factors are the truth (edits during a run make a replay differ): restore them last.
      client.send({ type: 'restore', U: options.run.U.slice(), V: options.run.V.slice(), step: options.run.actions.length });
    }
  };
  (store as InternalStore).client = client;
  (store as InternalStore).start = startWorker;
  if (options.autoStart !== false) startWorker();
  return store;
}

type InternalStore = StoreApi<LabState> & { client: LabClient; start: () => void };

/** The client a store talks to (for traces, which are request/response). */
export function clientOf(store: StoreApi<LabState>): LabClient {
  return (store as InternalStore).client;
}

/** Sends a store's data to its worker, once (see LabOptions.autoStart). */
export function startLab(store: StoreApi<LabState>): void {
  (store as InternalStore).start();
}

const LETTERS: Record<string, string> = { users: 'u', items: 'i', both: 'g' };

/**
 * The actions of the current run since its initialisation, as replayable tokens (u, i: ALS
 * half-steps; g, p, q: gradient steps on both, U, V; U<k>. and I<k>.: one row's solve),
 * read off the timeline.
 */
export function runActions(timeline: readonly TimelineEntry[]): string {
  let out: string[] = [];
  for (const e of timeline) {
    if (e.kind === 'init') out = [];
    else if (e.kind === 'users' || e.kind === 'items') out.push(LETTERS[e.kind]!);
    else if (e.kind === 'row') out.push(`${e.solved === 'users' ? 'U' : 'I'}${e.row}.`);
    else if (e.kind === 'gd') out.push(e.solved === 'users' ? 'p' : e.solved === 'items' ? 'q' : 'g');
    else if (e.kind === 'restore') out = out.slice(0, e.step);
  }
  return out.join('');
}

/** The timeline entry on screen. */
export function currentEntry(state: Pick<LabState, 'timeline' | 'cursor'>): TimelineEntry | null {
  const { timeline, cursor } = state;
  if (timeline.length === 0) return null;
  return timeline[cursor ?? timeline.length - 1] ?? null;
}
