/**
 * The store's actions, grouped: editing the data (with undo), choosing a preset or a data
 * set, and driving the run. Each is a few lines over the helpers in labLoading.ts.
 */
import type { Dataset } from '../core';
import { labDataFromDataset, type LabData } from './labData';
import { adopt, buildInWorker, cancelLoading, openDataset, sendData, stopPlaying, type LabContext } from './labLoading';
import { SPEEDS, type LabState } from './labStore';
import { presetData, presetLoadingLabel, presetRecipe, presetSettings } from './presets';
import { runActions } from './timeline';
import { pushPast, rememberShown, shownAs, trimHistory } from './undoHistory';
import { formatCount } from '../core/formatCount';

export type LabActions = Omit<
  LabState,
  | 'data'
  | 'origin'
  | 'pristine'
  | 'settings'
  | 'past'
  | 'future'
  | 'timeline'
  | 'cursor'
  | 'playing'
  | 'speed'
  | 'status'
  | 'loading'
  | 'restarts'
  | 'singular'
  | 'hover'
  | 'selected'
  | 'logScale'
  | 'hideControls'
  | 'focus'
  | 'emphasis'
  | 'dispose'
>;

/** What the lab says once a data set is open: "Opened “u.data”: 943 users × 1,682 items, 100,000 ratings (1–5), titles." */
export function openedSummary(dataset: Dataset): string {
  const R = dataset.ratings;
  const n = (x: number) => formatCount(x);
  const scale =
    dataset.kind === 'explicit' ? ` (${n(dataset.scale.min)}–${n(dataset.scale.max)})` : ' (implicit: counts or interactions)';
  const titled = dataset.itemTitles ? dataset.itemTitles.filter((t) => t !== null).length : 0;
  return (
    `Opened “${dataset.name}”: ${n(R.m)} users × ${n(R.n)} items, ${n(R.nnz)} ${dataset.kind === 'explicit' ? 'ratings' : 'observations'}${scale}` +
    (dataset.test ? `, ${n(dataset.test.nnz)} held out` : '') +
    (titled > 0 ? `, ${n(titled)} titles.` : '.')
  );
}

/** A change of mode or of confidence kind changes what the model means: the run restarts. */
export function reshapedBetween(a: LabData, b: LabData): boolean {
  return a.mode !== b.mode || (a.confidence === null) !== (b.confidence === null);
}

/** Continuing from a scrubbed-back point: the future of the old run is dropped. */
function resumeFromCursor(ctx: LabContext): void {
  const { cursor, timeline } = ctx.get();
  if (cursor === null || cursor >= timeline.length - 1) return;
  const entry = timeline[cursor]!;
  const kept = timeline.slice(0, cursor + 1);
  ctx.set({ timeline: kept, cursor: null });
  if (entry.U && entry.V)
    ctx.client.send({ type: 'restore', U: entry.U.slice(), V: entry.V.slice(), step: entry.step, biases: entry.biases ?? null });
  else {
    // This step's factors were dropped to save memory: re-run the actions that led to it.
    ctx.client.send({ type: 'replay', actions: runActions(kept) });
    ctx.set({
      status: {
        tone: 'info',
        text: `Step ${entry.step}'s factors were no longer kept, so the run was replayed from its start up to that step.`,
      },
    });
  }
}

function dataActions(
  ctx: LabContext,
): Pick<LabActions, 'setData' | 'replaceData' | 'undo' | 'redo' | 'loadPreset' | 'loadDataset' | 'cancelLoading' | 'openRecipe'> {
  const { set, get } = ctx;
  return {
    setData(data) {
      const before = get().data;
      if (data === before) return;
      // An edited data set is no longer the data set a link could name.
      const next = data.dataset && data.dataset === before.dataset ? { ...data, dataset: null } : data;
      rememberShown(before, { origin: get().origin, pristine: get().pristine });
      set({ data: next, pristine: false, past: pushPast(get().past, before), future: [] });
      sendData(ctx, !reshapedBetween(before, next));
    },
    replaceData(data, status) {
      adopt(ctx, data, { origin: null, ...(status ? { status } : {}) });
    },
    undo() {
      const { past, data, future, origin, pristine } = get();
      const previous = past[past.length - 1];
      if (!previous) return;
      rememberShown(data, { origin, pristine });
      const was = shownAs(previous);
      set({
        data: previous,
        ...(was ? { origin: was.origin, pristine: was.pristine } : { pristine: false }),
        past: past.slice(0, -1),
        future: trimHistory([data, ...future].reverse()).reverse(),
      });
      sendData(ctx, !reshapedBetween(data, previous));
    },
    redo() {
      const { past, data, future, origin, pristine } = get();
      const next = future[0];
      if (!next) return;
      rememberShown(data, { origin, pristine });
      const was = shownAs(next);
      set({
        data: next,
        ...(was ? { origin: was.origin, pristine: was.pristine } : { pristine: false }),
        past: pushPast(past, data),
        future: future.slice(1),
      });
      sendData(ctx, !reshapedBetween(data, next));
    },
    loadPreset(id, random) {
      const origin = { preset: id, ...(random ? { random } : {}) };
      const recipe = presetRecipe(id);
      if (!recipe) {
        const p = presetData(id, random);
        adopt(ctx, p.data, { origin, settings: p.settings });
        return;
      }
      const label = presetLoadingLabel(id);
      buildInWorker(ctx, label, recipe, (dataset) =>
        adopt(ctx, labDataFromDataset(dataset), { origin, settings: presetSettings(id) }),
      );
    },
    loadDataset(dataset, options = {}) {
      openDataset(ctx, dataset, options);
    },
    cancelLoading() {
      cancelLoading(ctx);
    },
    openRecipe(recipe, label) {
      return new Promise((resolve) =>
        buildInWorker(
          ctx,
          label,
          recipe,
          (dataset, key) => {
            openDataset(ctx, dataset, { key, status: { tone: 'info', text: openedSummary(dataset) } });
            resolve(null);
          },
          (error, cancelled) => {
            const text = cancelled
              ? `${label}: cancelled. The data on screen is unchanged.`
              : `${label} failed: ${error} The data on screen is unchanged.`;
            set({ status: { tone: cancelled ? 'info' : 'error', text } });
            resolve({ error, cancelled });
          },
        ),
      );
    },
  };
}

function runControls(
  ctx: LabContext,
): Omit<
  LabActions,
  | keyof ReturnType<typeof dataActions>
  | 'setHover'
  | 'select'
  | 'setStatus'
  | 'setLogScale'
  | 'setHideControls'
  | 'setFocus'
  | 'setEmphasis'
> {
  const { set, get, client } = ctx;
  const before = () => {
    stopPlaying(ctx);
    resumeFromCursor(ctx);
  };
  return {
    setSettings(patch) {
      const settings = { ...get().settings, ...patch };
      set({ settings });
      if (patch.factors !== undefined && patch.factors !== get().timeline.at(-1)?.d) {
        stopPlaying(ctx);
        client.newGeneration();
        set({ timeline: [], cursor: null });
      }
      client.send({ type: 'settings', settings });
    },
    halfStep(side) {
      before();
      client.send({ type: 'halfStep', side });
    },
    solveRow(side, index) {
      before();
      client.send({ type: 'solveRow', side, index });
    },
    step() {
      before();
      client.send({ type: 'step' });
    },
    play() {
      if (get().playing) return;
      resumeFromCursor(ctx);
      set({ playing: true, status: null });
      client.send({ type: 'play', delayMs: SPEEDS[get().speed]!.delayMs, maxSteps: 100_000 });
    },
    pause: () => stopPlaying(ctx),
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed(speed) {
      set({ speed });
      if (get().playing) client.send({ type: 'play', delayMs: SPEEDS[speed]!.delayMs, maxSteps: 100_000 });
    },
    reset() {
      stopPlaying(ctx);
      client.newGeneration();
      set({ timeline: [], cursor: null, status: null, singular: [] });
      client.send({ type: 'init' });
    },
    scrub(index) {
      stopPlaying(ctx);
      const last = get().timeline.length - 1;
      set({ cursor: index === null || index >= last ? null : Math.max(0, index) });
    },
  };
}

/** Every action of a lab's store, bound to its context. */
export function createLabActions(ctx: LabContext): LabActions {
  const { set } = ctx;
  return {
    ...dataActions(ctx),
    ...runControls(ctx),
    setHover: (hover) => set({ hover }),
    select: (selected) => set({ selected }),
    setStatus: (status) => set({ status }),
    setLogScale: (logScale) => set({ logScale }),
    setHideControls: (hideControls) => set({ hideControls }),
    setFocus: (focus) => set({ focus }),
    setEmphasis: (emphasis) => set({ emphasis }),
  };
}
