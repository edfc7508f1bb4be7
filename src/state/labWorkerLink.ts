/**
 * A store's side of its worker: what it sends when the lab starts (the data, a preset the
 * worker builds, or a kept data set a link names, then the run to reproduce), what the
 * replies change, and what happens when the worker dies — a new one gets R and the run's
 * latest factors, and the lab says so.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Reply, Snapshot } from '../worker/protocol';
import { labDataFromDataset } from './labData';
import { adopt, buildInWorker, openKept, sendData, sendRun, type LabContext } from './labLoading';
import { afterSnapshots, restartedStatus, stoppedStatus, type StatusMessage } from './labReplies';
import type { LabOptions, LabState } from './labStore';
import { isMovieTweetingsPreset, lectureR, presetInfo, presetLoadingLabel, presetRecipe } from './presets';
import { runActions } from './timeline';

/** More restarts than this within RESTART_WINDOW_MS and the lab stops restarting (something keeps killing it). */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

const FALLBACK = "Showing the lecture's example instead.";

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a store's link to its worker remembers between replies. */
interface Link {
  store: StoreApi<LabState>;
  ctx: LabContext;
  /** A message the lab opened with (a broken link), kept until the student dismisses it. */
  sticky: StatusMessage | null;
  /** After a restart: the restored step arrives after a fresh init, which must not wipe the timeline. */
  resuming: boolean;
  restartTimes: number[];
}

/** The lecture's R with a message saying why the asked-for data could not be shown. */
function fallBack(link: Link, message: string): void {
  link.sticky = { tone: 'warning', text: `${capitalised(message)}. ${FALLBACK}` };
  adopt(link.ctx, lectureR(), { origin: { preset: 'lecture-r' }, undoable: false, status: link.sticky });
}

function onSnapshots(link: Link, snapshots: Snapshot[]): void {
  let batch = snapshots;
  if (link.resuming) {
    batch = snapshots.filter((s) => s.kind !== 'init');
    if (snapshots.some((s) => s.kind !== 'init' && s.kind !== 'update')) link.resuming = false;
    if (batch.length === 0) return;
  }
  const next = afterSnapshots(link.store.getState(), batch, link.sticky);
  link.store.setState({
    timeline: next.timeline,
    singular: next.singular,
    status: next.status,
    ...(next.fresh ? { cursor: null } : {}),
  });
}

/** A new worker gets R as it is on screen, then the run's latest factors (or its actions); the lab says so. */
function onRestarted(link: Link, reason: string): void {
  const { store, ctx } = link;
  const now = Date.now();
  link.restartTimes.push(now);
  while (link.restartTimes.length > 0 && now - link.restartTimes[0]! > RESTART_WINDOW_MS) link.restartTimes.shift();
  const state = store.getState();
  const gaveUp = link.restartTimes.length > MAX_RESTARTS;
  const latest = [...state.timeline].reverse().find((e) => e.U && e.V) ?? null;
  link.sticky = restartedStatus(reason, gaveUp ? null : (latest?.step ?? null), gaveUp);
  store.setState({ playing: false, restarts: state.restarts + 1, status: link.sticky, loading: null, cursor: null });
  ctx.loading = null;
  if (gaveUp) return;
  sendData(ctx, false);
  if (latest?.U && latest.V && latest === state.timeline[state.timeline.length - 1]) {
    link.resuming = true;
    ctx.client.send({
      type: 'restore',
      U: latest.U.slice(),
      V: latest.V.slice(),
      step: latest.step,
      biases: latest.biases ?? null,
    });
  } else sendRun(ctx, { actions: runActions(state.timeline) });
}

function onReply(link: Link, reply: Reply): void {
  const { store } = link;
  switch (reply.type) {
    case 'snapshot':
      onSnapshots(link, reply.snapshots);
      break;
    case 'stopped': {
      const status = stoppedStatus(reply.reason);
      store.setState({ playing: false, ...(status ? { status } : {}) });
      break;
    }
    case 'error':
      store.setState({ playing: false, status: { tone: 'error', text: reply.message } });
      break;
    case 'restarted':
      onRestarted(link, reply.reason);
      break;
    default:
      break;
  }
}

/** What the lab sends when it starts: a kept data set it names, a preset the worker builds, or its data. */
function startLink(link: Link, options: LabOptions): void {
  const { store, ctx } = link;
  const state = store.getState();
  const then = { ...(options.run ? { run: options.run } : {}), ...(options.status ? { status: options.status } : {}) };
  if (options.dataset) {
    openKept(ctx, options.dataset, then, (message) => fallBack(link, message));
    return;
  }
  const preset = state.origin?.preset;
  const recipe = preset && !options.data ? presetRecipe(preset) : null;
  if (preset && recipe) {
    const origin = state.origin;
    const label = presetInfo(preset).label;
    buildInWorker(
      ctx,
      presetLoadingLabel(preset),
      recipe,
      (dataset) => adopt(ctx, labDataFromDataset(dataset), { origin, undoable: false, ...then }),
      (message, cancelled) => {
        const real = isMovieTweetingsPreset(preset);
        fallBack(
          link,
          cancelled
            ? `${real ? 'loading' : 'generating'} ${label} was cancelled`
            : `${label} could not be ${real ? 'loaded' : 'generated'} (${message.replace(/\.$/, '')})`,
        );
      },
    );
    return;
  }
  sendData(ctx, false);
  sendRun(ctx, options.run);
}

export function connectWorker(
  store: StoreApi<LabState>,
  ctx: LabContext,
  options: LabOptions,
): { start(): void; disconnect(): void } {
  const link: Link = { store, ctx, sticky: options.status ?? null, resuming: false, restartTimes: [] };
  const unsubscribe = ctx.client.subscribe((reply) => onReply(link, reply));
  let started = false;
  return {
    start() {
      if (started) return;
      started = true;
      startLink(link, options);
    },
    disconnect: unsubscribe,
  };
}
