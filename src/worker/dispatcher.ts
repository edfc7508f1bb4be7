/**
 * The worker's message handling: a thin dispatcher from requests to {@link LabEngine},
 * plus the play loop and data-set builds. Independent of where it runs: the Web Worker
 * wires it to `self`, and the main-thread fallback to a fake port. Every request gets at
 * least one reply (an `ack` when there is nothing else to say), so the client can tell a
 * worker that stopped answering from one that is busy.
 */
import { BuildCancelled, buildDataset, datasetBuffers } from './datasetBuilders';
import { datasetKey } from './datasetKey';
import { LabEngine, productSample, sweepSpec } from './engine';
import { LARGE_PRODUCT, type Envelope, type Reply, type ReplyFor, type Request, type RequestOf, type Snapshot } from './protocol';

export type Post = (reply: Reply, transfer: ArrayBuffer[]) => void;

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Returns the handler of incoming envelopes; replies go out through `postReply`. */
export function createDispatcher(postReply: Post): (envelope: Envelope) => void {
  const engine = new LabEngine();
  let playing: {
    id: number;
    generation: number;
    delayMs: number;
    remaining: number;
    timer: ReturnType<typeof setTimeout> | null;
  } | null = null;
  /** Builds in progress by request id, and whether each was cancelled. */
  const builds = new Map<number, { cancelled: boolean }>();

  /** Posts a reply typed by the request it answers. */
  const reply = <R extends Request>(_request: R, message: ReplyFor<R>, transfer: ArrayBuffer[] = []) =>
    postReply(message, transfer);

  const sendSnapshots = (request: Request, id: number, generation: number, snapshots: Snapshot[]) => {
    // Only the last snapshot's UVᵀ is drawn: a large model's sample is computed for it alone.
    const last = snapshots[snapshots.length - 1];
    if (last) last.product = productSample(last);
    const transfer = snapshots.flatMap((s) => [
      ...(s.U && s.V ? [s.U.buffer, s.V.buffer] : []),
      ...(s.product ? [s.product.rows.buffer, s.product.cols.buffer, s.product.values.buffer] : []),
    ]) as ArrayBuffer[];
    reply(request, { type: 'snapshot', id, generation, snapshots }, transfer);
  };

  function stop(reason: string): void {
    if (!playing) return;
    if (playing.timer !== null) clearTimeout(playing.timer);
    postReply({ type: 'stopped', id: playing.id, generation: playing.generation, reason }, []);
    playing = null;
  }

  /** Runs steps for about one frame (or one step when slowed down), posts them, schedules the next batch. */
  function tick(request: RequestOf<'play'>) {
    if (!playing) return;
    const p = playing;
    p.timer = null;
    const batch: Snapshot[] = [];
    const start = performance.now();
    // At full speed, a batch lasts about a frame; for large models longer, so that the page
    // redraws a few times a second instead of falling behind.
    const budget = engine.size > 200_000 ? 120 : 12;
    try {
      do {
        const snap = engine.next(p.generation);
        batch.push(snap);
        p.remaining--;
        if (snap.diverged) break;
        if (engine.converged()) break;
      } while (p.delayMs === 0 && p.remaining > 0 && performance.now() - start < budget);
    } catch (error) {
      reply(request, { type: 'error', id: p.id, generation: p.generation, message: messageOf(error) });
      stop('error');
      return;
    }
    // A large model's earlier steps in a batch keep their metrics only: the views draw the last, and
    // copying U and V of each would cost the page its memory and its garbage collector's time.
    if (engine.size > LARGE_PRODUCT) for (let k = 0; k < batch.length - 1; k++) batch[k] = { ...batch[k]!, U: null, V: null };
    sendSnapshots(request, p.id, p.generation, batch);
    const last = batch[batch.length - 1]!;
    if (last.diverged) return stop('diverged');
    if (engine.converged()) return stop('converged');
    if (p.remaining <= 0) return stop('limit');
    p.timer = setTimeout(() => tick(request), p.delayMs);
  }

  async function build(request: RequestOf<'buildDataset'>, id: number, generation: number) {
    const state = { cancelled: false };
    builds.set(id, state);
    try {
      const dataset = await buildDataset(request.recipe, {
        progress: (phase, done, total) => reply(request, { type: 'progress', id, generation, phase, done, total }),
        checkpoint: async () => {
          await yieldToMessages();
          if (state.cancelled) throw new BuildCancelled();
        },
      });
      const key = await datasetKey(dataset);
      if (state.cancelled) throw new BuildCancelled();
      reply(request, { type: 'dataset', id, generation, dataset, key }, datasetBuffers(dataset));
    } catch (error) {
      const cancelled = error instanceof BuildCancelled;
      reply(request, { type: 'error', id, generation, message: messageOf(error), ...(cancelled ? { cancelled } : {}) });
    } finally {
      builds.delete(id);
    }
  }

  return (envelope: Envelope) => {
    const { id, generation, request } = envelope;
    const snapshots = (list: Snapshot[]) => sendSnapshots(request, id, generation, list);
    try {
      switch (request.type) {
        case 'load':
          stop('load');
          snapshots([engine.load(request.spec, request.settings, generation, request.keepFactors)]);
          break;
        case 'init':
          stop('reset');
          snapshots([engine.init(generation)]);
          break;
        case 'halfStep':
          snapshots([engine.halfStep(request.side, generation)]);
          break;
        case 'step':
          snapshots(engine.fullStep(generation));
          break;
        case 'settings':
          snapshots([engine.updateSettings(request.settings, generation)]);
          break;
        case 'restore':
          stop('restore');
          snapshots([engine.restore(request.U, request.V, request.step, generation)]);
          break;
        case 'replay':
          stop('replay');
          snapshots(engine.replay(request.actions, generation));
          break;
        case 'trace':
          reply(request, { type: 'trace', id, generation, trace: engine.trace(request.side, request.index, request.factors) });
          break;
        case 'solveRow':
          snapshots([engine.solveRow(request.side, request.index, generation)]);
          break;
        case 'sweep':
          reply(request, { type: 'sweep', id, generation, result: sweepSpec(request.spec, request.options) });
          break;
        case 'compareConfidence':
          reply(request, {
            type: 'comparison',
            id,
            generation,
            comparison: engine.compareConfidence(request.alpha, request.iterations),
          });
          break;
        case 'play':
          stop('restart');
          playing = { id, generation, delayMs: Math.max(0, request.delayMs), remaining: request.maxSteps, timer: null };
          tick(request);
          break;
        case 'pause':
          stop('paused');
          reply(request, { type: 'ack', id, generation });
          break;
        case 'buildDataset':
          void build(request, id, generation);
          break;
        case 'cancel': {
          const target = builds.get(request.target);
          if (target) target.cancelled = true;
          reply(request, { type: 'ack', id, generation });
          break;
        }
      }
    } catch (error) {
      postReply({ type: 'error', id, generation, message: messageOf(error) }, []);
    }
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
