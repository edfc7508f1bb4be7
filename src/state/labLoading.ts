/**
 * How data reaches a lab's worker: sending R and the settings, reproducing a recorded run,
 * and replacing the data — at once (a small preset, an edit) or when the worker has built
 * a data set (the ML-100k-shaped preset) or this browser has read a kept one. While a data
 * set is built or read, the data on screen stays; it changes only when the new one is ready.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Dataset } from '../core';
import type { BuildHandle, LabClient } from '../worker/client';
import type { DatasetRecipe, ModelSettings } from '../worker/protocol';
import { datasetKey } from '../worker/datasetKey';
import { getKeptDataset, keepDataset } from './keptDatasets';
import { labDataFromDataset, toProblemSpec, type LabData } from './labData';
import type { StatusMessage } from './labReplies';
import type { DataOrigin, LabState, RunRecord } from './labStore';
import { pushPast, rememberShown } from './undoHistory';

export interface LabContext {
  set: StoreApi<LabState>['setState'];
  get: () => LabState;
  client: LabClient;
  /** The build or read in progress (one at a time). */
  loading?: { cancel(): void } | null;
  /**
   * A data set a link or storage named that this browser did not have: when the student
   * opens it (the same content hash), the link's settings and run are applied to it.
   */
  awaited?: { key: string; settings?: Partial<ModelSettings>; run?: RunRecord } | null;
}

/** Sends the data to the worker; keepFactors continues the run where shapes allow. */
export function sendData(ctx: LabContext, keepFactors: boolean): void {
  if (!keepFactors) ctx.client.newGeneration();
  const { data, settings } = ctx.get();
  ctx.client.send({ type: 'load', spec: toProblemSpec(data), settings, keepFactors });
}

/** Reproduces a recorded run: its actions, then its factors (the truth when edits during the run make a replay differ). */
export function sendRun(ctx: LabContext, run: RunRecord | undefined): void {
  if (!run) return;
  if (run.actions.length > 0) ctx.client.send({ type: 'replay', actions: run.actions });
  if (run.U && run.V)
    ctx.client.send({
      type: 'restore',
      U: run.U.slice(),
      V: run.V.slice(),
      step: run.actions.length,
      biases: run.biases ?? null,
    });
}

export function stopPlaying(ctx: LabContext): void {
  if (ctx.get().playing) ctx.client.send({ type: 'pause' });
  ctx.set({ playing: false });
}

export interface Adoption {
  origin: DataOrigin | null;
  settings?: Partial<ModelSettings>;
  run?: RunRecord;
  status?: StatusMessage | null;
  /** Keep the data on screen in the undo history (default true). */
  undoable?: boolean;
}

/** Makes `data` the lab's data and starts a new run on it. */
export function adopt(ctx: LabContext, data: LabData, how: Adoption): void {
  stopPlaying(ctx);
  const state = ctx.get();
  rememberShown(state.data, { origin: state.origin, pristine: state.pristine });
  ctx.set({
    data,
    origin: how.origin,
    pristine: how.origin !== null,
    settings: { ...state.settings, ...how.settings },
    past: how.undoable === false ? state.past : pushPast(state.past, state.data),
    future: [],
    timeline: [],
    cursor: null,
    selected: null,
    hover: null,
    focus: null,
    loading: null,
    status: how.status ?? null,
  });
  sendData(ctx, false);
  sendRun(ctx, how.run);
}

function cancelCurrent(ctx: LabContext): void {
  ctx.loading?.cancel();
  ctx.loading = null;
}

/**
 * Builds a data set in the worker, with progress in `loading`, then hands it to `done`.
 * A failure or a cancel leaves the data on screen as it was and says why.
 */
export function buildInWorker(
  ctx: LabContext,
  label: string,
  recipe: DatasetRecipe,
  done: (dataset: Dataset, key: string) => void,
  onFailure?: (message: string, cancelled: boolean) => void,
): void {
  cancelCurrent(ctx);
  ctx.set({
    loading: { label, phase: 'starting', progress: 0 },
    status: { tone: 'info', text: `${label} in the background… The data on screen stays until it is ready.` },
  });
  let handle: BuildHandle | null = null;
  handle = ctx.client.buildDataset(recipe, (phase, doneCount, total) => {
    if (ctx.loading !== token) return;
    ctx.set({ loading: { label, phase, progress: total > 0 ? doneCount / total : null } });
  });
  const token = { cancel: () => handle?.cancel() };
  ctx.loading = token;
  handle.result.then(
    ({ dataset, key }) => {
      if (ctx.loading !== token) return;
      ctx.loading = null;
      done(dataset, key);
    },
    (error: Error & { cancelled?: boolean }) => {
      if (ctx.loading !== token) return;
      ctx.loading = null;
      ctx.set({ loading: null });
      if (onFailure) return onFailure(error.message, error.cancelled === true);
      const text = error.cancelled
        ? `${label}: cancelled. The data on screen is unchanged.`
        : `${label} failed: ${error.message} The data on screen is unchanged.`;
      ctx.set({ status: { tone: error.cancelled ? 'info' : 'error', text } });
    },
  );
}

/** Stops the build or read in progress. */
export function cancelLoading(ctx: LabContext): void {
  ctx.loading?.cancel();
}

/** Opens a data set as the lab's data; keeps it in this browser unless told not to. */
export function openDataset(
  ctx: LabContext,
  dataset: Dataset,
  options: {
    key?: string;
    settings?: Partial<ModelSettings>;
    run?: RunRecord;
    keep?: boolean;
    status?: StatusMessage;
    undoable?: boolean;
  },
): void {
  cancelCurrent(ctx);
  const apply = (key: string | null) => {
    const awaited = key && ctx.awaited?.key === key ? ctx.awaited : null;
    if (awaited) {
      ctx.awaited = null;
      options = {
        ...options,
        ...(awaited.settings ? { settings: { ...awaited.settings, ...options.settings } } : {}),
        ...(awaited.run && !options.run ? { run: awaited.run } : {}),
        status: {
          tone: 'info',
          text: `“${dataset.name}” is the data set the link named: it is open with the link's settings and run.`,
        },
      };
    }
    const data = labDataFromDataset(dataset, key);
    const ref = data.dataset;
    adopt(ctx, data, {
      origin: ref ? { dataset: ref } : null,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.run ? { run: options.run } : {}),
      ...(options.status ? { status: options.status } : {}),
      ...(options.undoable === false ? { undoable: false } : {}),
    });
    if (key && options.keep !== false)
      keepDataset(dataset, key).catch((error: Error) => warnOnce(ctx, 'keep', keepFailure(dataset.name, error)));
  };
  if (options.key) apply(options.key);
  else {
    // The content hash takes a moment (Web Crypto): the data opens at once, its reference follows.
    apply(null);
    const opened = ctx.get().data;
    datasetKey(dataset).then(
      (key) => {
        const state = ctx.get();
        if (state.data !== opened) return;
        if (ctx.awaited?.key === key) {
          // The data set a link was waiting for: open it again with the link's settings and run.
          openDataset(ctx, dataset, { ...options, key, undoable: false });
          return;
        }
        const ref = { name: dataset.name, key, source: dataset.source };
        ctx.set({ data: { ...opened, dataset: ref }, origin: { dataset: ref } });
        if (options.keep !== false)
          keepDataset(dataset, key).catch((error: Error) => warnOnce(ctx, 'keep', keepFailure(dataset.name, error)));
      },
      () => {},
    );
  }
}

function keepFailure(name: string, error: Error): string {
  return `“${name}” is open, but this browser would not keep it (${error.message}), so a reload will not bring it back.`;
}

const warned = new WeakMap<LabContext, Set<string>>();

/** A warning said once per lab and reason (a full disk must not repeat itself on every write). */
export function warnOnce(ctx: LabContext, reason: string, text: string): void {
  const said = warned.get(ctx) ?? new Set<string>();
  warned.set(ctx, said);
  if (said.has(reason)) return;
  said.add(reason);
  if (ctx.get().status?.tone === 'error') return;
  ctx.set({ status: { tone: 'warning', text } });
}

/** Reads a kept data set (a link or storage referred to it) and opens it, or says which file to open. */
export function openKept(
  ctx: LabContext,
  ref: { name: string; key: string },
  then: { settings?: Partial<ModelSettings>; run?: RunRecord; status?: StatusMessage },
  fallback: (message: string) => void,
): void {
  cancelCurrent(ctx);
  let cancelled = false;
  const token = {
    cancel: () => {
      cancelled = true;
      ctx.loading = null;
      fallback(`opening the data set “${ref.name}” was cancelled`);
    },
  };
  ctx.loading = token;
  ctx.set({ loading: { label: `Opening “${ref.name}”`, phase: 'reading it from this browser', progress: null } });
  getKeptDataset(ref.key).then(
    (dataset) => {
      if (cancelled || ctx.loading !== token) return;
      ctx.loading = null;
      if (!dataset) {
        ctx.awaited = {
          key: ref.key,
          ...(then.settings ? { settings: then.settings } : {}),
          ...(then.run ? { run: then.run } : {}),
        };
        return fallback(missingDataset(ref.name));
      }
      openDataset(ctx, dataset, { key: ref.key, keep: false, undoable: false, ...then });
    },
    (error: Error) => {
      if (cancelled || ctx.loading !== token) return;
      ctx.loading = null;
      fallback(`the data set “${ref.name}” could not be read from this browser's storage (${error.message})`);
    },
  );
}

/** Why a referred data set cannot be shown, and what to do. */
export function missingDataset(name: string): string {
  return `it uses the data set “${name}”, which this browser does not have: open the file “${name}” (Open data) to see it`;
}
