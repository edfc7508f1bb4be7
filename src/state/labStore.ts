/**
 * One lab's state: the data (with undo and redo), the model settings, the run's timeline
 * of snapshots from the worker, and what the student points at. A store per lab, so that
 * several labs on one lesson page never share state by accident.
 *
 * The store is assembled from parts: the state's shape and options here, the actions in
 * labActions.ts, the worker's side (starting, replies, restarts) in labWorkerLink.ts, the
 * timeline in timeline.ts and the undo history in undoHistory.ts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Biases, Dataset, Side, SingularRow } from '../core';
import type { RunAction } from '../worker/actions';
import { LabClient } from '../worker/client';
import type { DatasetRecipe, ModelSettings } from '../worker/protocol';
import { createLabActions, type LabActions } from './labActions';
import type { StatusMessage } from './labReplies';
import { emptyLabData, type DatasetRef, type LabData } from './labData';
import type { LabContext } from './labLoading';
import { connectWorker } from './labWorkerLink';
import { DEFAULT_SETTINGS, presetData, presetInfo, presetShape, type PresetId, type RandomOptions } from './presets';
import type { TimelineEntry } from './timeline';

export { appendToTimeline, currentEntry, runActions, TIMELINE_FACTOR_BUDGET, TIMELINE_MAX_ENTRIES } from './timeline';
export type { TimelineEntry } from './timeline';
export type { StatusMessage } from './labReplies';
export { UNDO_LIMIT, UNDO_BYTE_BUDGET } from './undoHistory';

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

/** Where the data came from: a preset (and, for random data, its options), or a data set. */
export interface DataOrigin {
  preset?: PresetId;
  random?: RandomOptions;
  dataset?: DatasetRef;
}

/** A recorded run: its actions since initialisation and, optionally, the factors they led to. */
export interface RunRecord {
  actions: RunAction[];
  U?: Float64Array;
  V?: Float64Array;
  /** The biases variant's μ, b and c at the end of the run (with U and V). */
  biases?: Biases;
}

/** A data set being built or opened: what, and how far. */
export interface LoadingState {
  label: string;
  phase: string;
  /** Share done, 0–1, or null when unknown. */
  progress: number | null;
}

export interface LoadDatasetOptions {
  /** Its content hash, when already known (a build in the worker computes it). */
  key?: string;
  settings?: Partial<ModelSettings>;
  /** A run to reproduce on it (a link or storage that referred to it). */
  run?: RunRecord;
  /** Keep it in this browser (IndexedDB) so that a reload brings it back (default true). */
  keep?: boolean;
  /** A message to show once it is open. */
  status?: StatusMessage;
}

export interface LabState {
  data: LabData;
  /** The preset or data set the data started from; `pristine` is false once the data is edited. */
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
  /** A data set being built or opened (the data on screen stays until it is ready), or null. */
  loading: LoadingState | null;
  /** How many times this lab's worker was restarted after it stopped. */
  restarts: number;
  /** Rows left unchanged in the last action because their systems were singular. */
  singular: SingularRow[];
  hover: { i: number; j: number } | null;
  selected: { side: Side; index: number } | null;
  /** The loss chart's log scale. */
  logScale: boolean;
  /** Only what a projected demo needs: the settings, the data tools and the header actions are hidden (link: hide=controls). */
  hideControls: boolean;
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
  /** Replaces the data by new data made from it (a dense core cut out of it): undoable, and a new run starts. */
  replaceData(data: LabData, status?: StatusMessage): void;
  loadPreset(id: PresetId, random?: RandomOptions): void;
  /** Makes a data set the lab's data (an opened file, MovieTweetings, the class survey); undoable. */
  loadDataset(dataset: Dataset, options?: LoadDatasetOptions): void;
  /** Stops building or opening a data set; the data on screen stays. */
  cancelLoading(): void;
  /**
   * Builds a data set in the worker (files a person opened) and opens it; resolves with why it
   * failed (the data on screen unchanged), or null once it is open.
   */
  openRecipe(recipe: DatasetRecipe, label: string): Promise<{ error: string; cancelled: boolean } | null>;
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
  setHideControls(on: boolean): void;
  setFocus(focus: LabState['focus']): void;
  setEmphasis(emphasis: LabState['emphasis']): void;
  dispose(): void;
}

export interface LabOptions {
  data?: LabData;
  settings?: Partial<ModelSettings>;
  preset?: PresetId;
  random?: RandomOptions;
  /** A data set kept in this browser, by reference (from a link or storage): opened when the lab starts. */
  dataset?: { name: string; key: string; m: number; n: number };
  /** A run to reproduce after loading (from a shared link or storage). */
  run?: RunRecord;
  /** Shown once the lab opens (e.g. why a link could not be used). */
  status?: StatusMessage;
  /** Show only what a projected demo needs (a link's hide=controls). */
  hideControls?: boolean;
  client?: LabClient;
  /**
   * Send the data to the worker at once (default). React owners pass false and call
   * startLab() from an effect, so that a store React creates and throws away (StrictMode)
   * never starts a worker.
   */
  autoStart?: boolean;
}

/** Generic labels for a shape not known yet. */
const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => `${prefix}${k + 1}`);

/** The data a lab shows first: its own, a page-made preset, or the empty shape of one still to come. */
function startingPoint(options: LabOptions): { data: LabData; settings: Partial<ModelSettings>; origin: DataOrigin | null } {
  // An opened data set that travelled as its data (a link, storage) keeps its name.
  if (options.data)
    return { data: options.data, settings: {}, origin: options.data.dataset ? { dataset: options.data.dataset } : null };
  if (options.dataset) {
    const { m, n } = options.dataset;
    return { data: emptyLabData(numbered('u', m), numbered('m', n)), settings: {}, origin: null };
  }
  const preset = options.preset ?? 'lecture-r';
  const origin: DataOrigin = { preset, ...(options.random ? { random: options.random } : {}) };
  if (presetInfo(preset).built === 'worker') {
    const [m, n] = presetShape(preset, options.random);
    return { data: emptyLabData(numbered('u', m), numbered('m', n)), settings: {}, origin };
  }
  const start = presetData(preset, options.random);
  return { data: start.data, settings: start.settings, origin };
}

export function createLabStore(options: LabOptions = {}): StoreApi<LabState> {
  const client = options.client ?? new LabClient();
  const start = startingPoint(options);
  const settings: ModelSettings = { ...DEFAULT_SETTINGS, ...start.settings, ...options.settings };

  const ctx = { client } as LabContext;
  const store = createStore<LabState>()((set, get) => {
    ctx.set = set;
    ctx.get = get;
    return {
      data: start.data,
      origin: start.origin,
      pristine: start.origin !== null,
      settings,
      past: [],
      future: [],
      timeline: [],
      cursor: null,
      playing: false,
      speed: 2,
      status: options.status ?? null,
      loading: null,
      restarts: 0,
      singular: [],
      hover: null,
      selected: null,
      logScale: false,
      hideControls: options.hideControls ?? false,
      focus: null,
      emphasis: null,
      ...createLabActions(ctx),
      dispose() {
        link.disconnect();
        client.dispose();
      },
    };
  });
  const link = connectWorker(store, ctx, options);
  (store as InternalStore).client = client;
  (store as InternalStore).start = link.start;
  if (options.autoStart !== false) link.start();
  return store;
}

export type { LabActions };

type InternalStore = StoreApi<LabState> & { client: LabClient; start: () => void };

/** The client a store talks to (for traces, which are request/response). */
export function clientOf(store: StoreApi<LabState>): LabClient {
  return (store as InternalStore).client;
}

/** Sends a store's data to its worker, once (see LabOptions.autoStart). */
export function startLab(store: StoreApi<LabState>): void {
  (store as InternalStore).start();
}
