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
import { lectureR, presetInfo, presetRecipe } from './presets';
import { runActions } from './timeline';

/** More restarts than this within RESTART_WINDOW_MS and the lab stops restarting (something keeps killing it). */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

const FALLBACK = "Showing the lecture's example instead.";

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function connectWorker(
  store: StoreApi<LabState>,
  ctx: LabContext,
  options: LabOptions,
): { start(): void; disconnect(): void } {
  // A message the lab opened with (a broken link) stays until the student dismisses it.
  let sticky: StatusMessage | null = options.status ?? null;
  /** After a restart: the restored step arrives after a fresh init, which must not wipe the timeline. */
  let resuming = false;
  const restartTimes: number[] = [];

  const fallBack = (message: string) => {
    sticky = { tone: 'warning', text: `${capitalised(message)}. ${FALLBACK}` };
    adopt(ctx, lectureR(), { origin: { preset: 'lecture-r' }, undoable: false, status: sticky });
  };

  const onSnapshots = (state: LabState, snapshots: Snapshot[]) => {
    let batch = snapshots;
    if (resuming) {
      batch = snapshots.filter((s) => s.kind !== 'init');
      if (snapshots.some((s) => s.kind === 'restore' || s.kind === 'users' || s.kind === 'items' || s.kind === 'gd'))
        resuming = false;
      if (batch.length === 0) return;
    }
    const next = afterSnapshots(state, batch, sticky);
    store.setState({
      timeline: next.timeline,
      singular: next.singular,
      status: next.status,
      ...(next.fresh ? { cursor: null } : {}),
    });
  };

  const onRestarted = (reason: string) => {
    const now = Date.now();
    restartTimes.push(now);
    while (restartTimes.length > 0 && now - restartTimes[0]! > RESTART_WINDOW_MS) restartTimes.shift();
    const state = store.getState();
    const gaveUp = restartTimes.length > MAX_RESTARTS;
    const latest = [...state.timeline].reverse().find((e) => e.U && e.V) ?? null;
    sticky = restartedStatus(reason, gaveUp ? null : (latest?.step ?? null), gaveUp);
    store.setState({ playing: false, restarts: state.restarts + 1, status: sticky, loading: null, cursor: null });
    ctx.loading = null;
    if (gaveUp) return;
    // The new worker gets R as it is on screen, then the run's latest factors (or its actions).
    sendData(ctx, false);
    if (latest?.U && latest.V && latest === state.timeline[state.timeline.length - 1]) {
      resuming = true;
      ctx.client.send({ type: 'restore', U: latest.U.slice(), V: latest.V.slice(), step: latest.step });
    } else sendRun(ctx, { actions: runActions(state.timeline) });
  };

  const onReply = (reply: Reply) => {
    const state = store.getState();
    switch (reply.type) {
      case 'snapshot':
        onSnapshots(state, reply.snapshots);
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
        onRestarted(reply.reason);
        break;
      default:
        break;
    }
  };
  const unsubscribe = ctx.client.subscribe(onReply);

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const state = store.getState();
    const then = { ...(options.run ? { run: options.run } : {}), ...(options.status ? { status: options.status } : {}) };
    if (options.dataset) {
      openKept(ctx, options.dataset, then, fallBack);
      return;
    }
    const preset = state.origin?.preset;
    const recipe = preset && !options.data ? presetRecipe(preset) : null;
    if (preset && recipe) {
      const origin = state.origin;
      buildInWorker(
        ctx,
        `Generating ${presetInfo(preset).label}`,
        recipe,
        (dataset) => adopt(ctx, labDataFromDataset(dataset), { origin, undoable: false, ...then }),
        (message, cancelled) =>
          fallBack(
            cancelled
              ? `generating ${presetInfo(preset).label} was cancelled`
              : `${presetInfo(preset).label} could not be generated (${message.replace(/\.$/, '')})`,
          ),
      );
      return;
    }
    sendData(ctx, false);
    sendRun(ctx, options.run);
  };
  return { start, disconnect: unsubscribe };
}
