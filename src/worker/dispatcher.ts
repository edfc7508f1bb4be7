/**
 * The worker's message handling: a thin dispatcher from requests to {@link LabEngine},
 * plus the play loop. Independent of where it runs: the Web Worker wires it to
 * `self`, and the main-thread fallback to a fake port.
 */
import { LabEngine, sweepSpec } from './engine';
import type { Envelope, Reply, Snapshot } from './protocol';

export type Post = (reply: Reply, transfer: ArrayBuffer[]) => void;

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

  const post = (reply: Reply, snapshots: Snapshot[] = []) => {
    postReply(reply, snapshots.flatMap((s) => (s.U && s.V ? [s.U.buffer, s.V.buffer] : [])) as ArrayBuffer[]);
  };

  const sendSnapshots = (id: number, generation: number, snapshots: Snapshot[]) =>
    post({ type: 'snapshot', id, generation, snapshots }, snapshots);

  function stop(reason: string) {
    if (!playing) return;
    if (playing.timer !== null) clearTimeout(playing.timer);
    post({ type: 'stopped', id: playing.id, generation: playing.generation, reason });
    playing = null;
  }

  /** Runs steps for about one frame (or one step when slowed down), posts them, schedules the next batch. */
  function tick() {
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
      post({
        type: 'error',
        id: p.id,
        generation: p.generation,
        message: error instanceof Error ? error.message : String(error),
      });
      stop('error');
      return;
    }
    // At full speed only the last snapshot's factors matter to the views; the others keep their metrics.
    sendSnapshots(p.id, p.generation, batch);
    const last = batch[batch.length - 1]!;
    if (last.diverged) return stop('diverged');
    if (engine.converged()) return stop('converged');
    if (p.remaining <= 0) return stop('limit');
    p.timer = setTimeout(tick, p.delayMs);
  }

  return (envelope: Envelope) => {
    const { id, generation, request } = envelope;
    try {
      switch (request.type) {
        case 'load':
          stop('load');
          sendSnapshots(id, generation, [engine.load(request.spec, request.settings, generation, request.keepFactors)]);
          break;
        case 'init':
          stop('reset');
          sendSnapshots(id, generation, [engine.init(generation)]);
          break;
        case 'halfStep':
          sendSnapshots(id, generation, [engine.halfStep(request.side, generation)]);
          break;
        case 'step':
          sendSnapshots(id, generation, engine.fullStep(generation));
          break;
        case 'settings':
          sendSnapshots(id, generation, [engine.updateSettings(request.settings, generation)]);
          break;
        case 'restore':
          stop('restore');
          sendSnapshots(id, generation, [engine.restore(request.U, request.V, request.step, generation)]);
          break;
        case 'replay':
          stop('replay');
          sendSnapshots(id, generation, engine.replay(request.actions, generation));
          break;
        case 'trace':
          post({ type: 'trace', id, generation, trace: engine.trace(request.side, request.index, request.factors) });
          break;
        case 'solveRow':
          sendSnapshots(id, generation, [engine.solveRow(request.side, request.index, generation)]);
          break;
        case 'sweep':
          post({ type: 'sweep', id, generation, result: sweepSpec(request.spec, request.options) });
          break;
        case 'compareConfidence':
          post({ type: 'comparison', id, generation, comparison: engine.compareConfidence(request.alpha, request.iterations) });
          break;
        case 'play':
          stop('restart');
          playing = { id, generation, delayMs: Math.max(0, request.delayMs), remaining: request.maxSteps, timer: null };
          tick();
          break;
        case 'pause':
          stop('paused');
          break;
      }
    } catch (error) {
      post({ type: 'error', id, generation, message: error instanceof Error ? error.message : String(error) });
    }
  };
}
