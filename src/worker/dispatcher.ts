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
import { heldOutPositions, searchSteps, type SearchProgress, type SearchResult } from '../core';
import { ratingsOfRows } from './problemOf';
import { LARGE_PRODUCT, type Envelope, type Reply, type ReplyFor, type Request, type RequestOf, type Snapshot } from './protocol';

export type Post = (reply: Reply, transfer: ArrayBuffer[]) => void;

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Playing {
  request: RequestOf<'play'>;
  id: number;
  generation: number;
  delayMs: number;
  remaining: number;
  timer: ReturnType<typeof setTimeout> | null;
}

class Dispatcher {
  private readonly engine = new LabEngine();
  private playing: Playing | null = null;
  /** Builds in progress by request id, and whether each was cancelled. */
  private readonly builds = new Map<number, { cancelled: boolean }>();

  constructor(private readonly postReply: Post) {}

  /** Posts a reply typed by the request it answers. */
  private reply<R extends Request>(_request: R, message: ReplyFor<R>, transfer: ArrayBuffer[] = []): void {
    this.postReply(message, transfer);
  }

  private sendSnapshots(request: Request, id: number, generation: number, snapshots: Snapshot[]): void {
    // Only the last snapshot's UVᵀ is drawn: a large model's sample is computed for it alone.
    const last = snapshots[snapshots.length - 1];
    if (last) last.product = productSample(last);
    const transfer = snapshots.flatMap((s) => [
      ...(s.U && s.V ? [s.U.buffer, s.V.buffer] : []),
      ...(s.product ? [s.product.rows.buffer, s.product.cols.buffer, s.product.values.buffer] : []),
    ]) as ArrayBuffer[];
    this.reply(request, { type: 'snapshot', id, generation, snapshots }, transfer);
  }

  private stop(reason: string): void {
    const p = this.playing;
    if (!p) return;
    if (p.timer !== null) clearTimeout(p.timer);
    this.postReply({ type: 'stopped', id: p.id, generation: p.generation, reason }, []);
    this.playing = null;
  }

  /** Steps for about one frame (or one step when slowed down); null when a step failed. */
  private batch(p: Playing): Snapshot[] | null {
    const batch: Snapshot[] = [];
    const start = performance.now();
    // At full speed, a batch lasts about a frame; for large models longer, so that the page
    // redraws a few times a second instead of falling behind.
    const budget = this.engine.size > LARGE_PRODUCT ? 120 : 12;
    try {
      do {
        const snap = this.engine.next(p.generation);
        batch.push(snap);
        p.remaining--;
        if (snap.diverged || this.engine.converged()) break;
      } while (p.delayMs === 0 && p.remaining > 0 && performance.now() - start < budget);
    } catch (error) {
      this.reply(p.request, { type: 'error', id: p.id, generation: p.generation, message: messageOf(error) });
      this.stop('error');
      return null;
    }
    // A large model's earlier steps in a batch keep their metrics only: the views draw the last, and
    // copying U and V of each would cost the page its memory and its garbage collector's time.
    if (this.engine.size > LARGE_PRODUCT)
      for (let k = 0; k < batch.length - 1; k++) batch[k] = { ...batch[k]!, U: null, V: null };
    return batch;
  }

  /** Runs a batch, posts it, and schedules the next one (or says why the loop stopped). */
  private tick(): void {
    const p = this.playing;
    if (!p) return;
    p.timer = null;
    const batch = this.batch(p);
    if (!batch) return;
    this.sendSnapshots(p.request, p.id, p.generation, batch);
    if (batch[batch.length - 1]!.diverged) return this.stop('diverged');
    if (this.engine.converged()) return this.stop('converged');
    if (p.remaining <= 0) return this.stop('limit');
    p.timer = setTimeout(() => this.tick(), p.delayMs);
  }

  private async build(request: RequestOf<'buildDataset'>, id: number, generation: number): Promise<void> {
    const state = { cancelled: false };
    this.builds.set(id, state);
    try {
      const dataset = await buildDataset(request.recipe, {
        progress: (phase, done, total) => this.reply(request, { type: 'progress', id, generation, phase, done, total }),
        checkpoint: async () => {
          await yieldToMessages();
          if (state.cancelled) throw new BuildCancelled();
        },
      });
      const key = await datasetKey(dataset);
      if (state.cancelled) throw new BuildCancelled();
      this.reply(request, { type: 'dataset', id, generation, dataset, key }, datasetBuffers(dataset));
    } catch (error) {
      const cancelled = error instanceof BuildCancelled;
      this.reply(request, { type: 'error', id, generation, message: messageOf(error), ...(cancelled ? { cancelled } : {}) });
    } finally {
      this.builds.delete(id);
    }
  }

  /** Runs a variant comparison, yielding to messages between iterations (so Cancel and the lab stay live). */
  private async compareVariants(request: RequestOf<'compareVariants'>, id: number, generation: number): Promise<void> {
    const state = { cancelled: false };
    this.builds.set(id, state);
    try {
      const { heldOut, steps } = this.engine.compareVariants(request.configs, request.iterations);
      let last = 0;
      for (;;) {
        const next = steps.next();
        if (next.done) {
          this.reply(request, { type: 'variantCurves', id, generation, curves: next.value, heldOut });
          return;
        }
        const now = performance.now();
        if (now - last > 100) {
          last = now;
          const { done, total } = next.value;
          this.reply(request, { type: 'progress', id, generation, phase: 'fitting the variants', done, total });
        }
        await yieldToMessages();
        if (state.cancelled) throw new BuildCancelled();
      }
    } catch (error) {
      const cancelled = error instanceof BuildCancelled;
      this.reply(request, { type: 'error', id, generation, message: messageOf(error), ...(cancelled ? { cancelled } : {}) });
    } finally {
      this.builds.delete(id);
    }
  }

  /**
   * A grid search (stateless: the lab's run is not touched), run in slices of about 30 ms so
   * that other messages — Cancel, the play loop — are answered in between; progress after each
   * slice, the result (the finished cells, when cancelled) at the end.
   */
  private async search(request: RequestOf<'search'>, id: number, generation: number): Promise<void> {
    const state = { cancelled: false };
    this.builds.set(id, state);
    try {
      const steps = searchSteps(ratingsOfRows(request.spec, request.spec.train), request.options, () => state.cancelled);
      const progress = (p: SearchProgress) => this.reply(request, { type: 'searchProgress', id, generation, progress: p });
      for (;;) {
        const start = performance.now();
        let next: IteratorResult<SearchProgress, SearchResult>;
        do {
          next = steps.next();
          // A finished cell is sent at once: the page fills the grid in as the search goes.
          if (!next.done && next.value.cell) progress(next.value);
        } while (!next.done && performance.now() - start < 30);
        if (next.done) {
          this.reply(request, { type: 'search', id, generation, result: next.value });
          return;
        }
        if (!next.value.cell) progress(next.value);
        await yieldToMessages();
      }
    } catch (error) {
      this.reply(request, { type: 'error', id, generation, message: messageOf(error) });
    } finally {
      this.builds.delete(id);
    }
  }

  /** The model's commands: each answered with the snapshots it led to. */
  private model(request: Request, id: number, generation: number): boolean {
    const e = this.engine;
    const send = (list: Snapshot[]) => this.sendSnapshots(request, id, generation, list);
    switch (request.type) {
      case 'load':
        this.stop('load');
        send([e.load(request.spec, request.settings, generation, request.keepFactors)]);
        return true;
      case 'init':
        this.stop('reset');
        send([e.init(generation)]);
        return true;
      case 'halfStep':
        send([e.halfStep(request.side, generation)]);
        return true;
      case 'step':
        send(e.fullStep(generation));
        return true;
      case 'settings':
        send([e.updateSettings(request.settings, generation)]);
        return true;
      case 'restore':
        this.stop('restore');
        send([e.restore(request.U, request.V, request.step, generation, request.biases ?? null)]);
        return true;
      case 'replay':
        this.stop('replay');
        send(e.replay(request.actions, generation));
        return true;
      case 'solveRow':
        send([e.solveRow(request.side, request.index, generation)]);
        return true;
      default:
        return false;
    }
  }

  /** The other commands: questions with one answer, the play loop, builds. */
  private other(request: Request, id: number, generation: number): void {
    const e = this.engine;
    switch (request.type) {
      case 'trace':
        this.reply(request, { type: 'trace', id, generation, trace: e.trace(request.side, request.index, request.factors) });
        break;
      case 'sweep':
        this.reply(request, { type: 'sweep', id, generation, result: sweepSpec(request.spec, request.options) });
        break;
      case 'compareConfidence':
        this.reply(request, {
          type: 'comparison',
          id,
          generation,
          comparison: e.compareConfidence(request.alpha, request.iterations),
        });
        break;
      case 'play':
        this.stop('restart');
        this.playing = {
          request,
          id,
          generation,
          delayMs: Math.max(0, request.delayMs),
          remaining: request.maxSteps,
          timer: null,
        };
        this.tick();
        break;
      case 'pause':
        this.stop('paused');
        this.reply(request, { type: 'ack', id, generation });
        break;
      case 'buildDataset':
        void this.build(request, id, generation);
        break;
      case 'compareVariants':
        void this.compareVariants(request, id, generation);
        break;
      case 'evaluate':
        this.reply(request, { type: 'evaluation', id, generation, evaluation: e.evaluate(request.k) });
        break;
      case 'search':
        void this.search(request, id, generation);
        break;
      case 'holdOut': {
        const positions = heldOutPositions(request.rows, request.spec, request.timestamps);
        this.reply(request, { type: 'heldOut', id, generation, positions }, [positions.buffer as ArrayBuffer]);
        break;
      }
      case 'density': {
        const d = e.density(request.query);
        const b = d.bins;
        const buffers = [b.rowEdges, b.colEdges, b.count, b.sum, d.rowOrder, d.colOrder].map((a) => a.buffer as ArrayBuffer);
        this.reply(request, { type: 'density', id, generation, ...d }, buffers);
        break;
      }
      case 'cut': {
        const c = e.cut(request.spec);
        this.reply(request, { type: 'cut', id, generation, ...c }, [
          c.users.buffer as ArrayBuffer,
          c.items.buffer as ArrayBuffer,
        ]);
        break;
      }
      case 'cancel': {
        const target = this.builds.get(request.target);
        if (target) target.cancelled = true;
        this.reply(request, { type: 'ack', id, generation });
        break;
      }
      default:
        break;
    }
  }

  handle({ id, generation, request }: Envelope): void {
    try {
      if (!this.model(request, id, generation)) this.other(request, id, generation);
    } catch (error) {
      this.postReply({ type: 'error', id, generation, message: messageOf(error) }, []);
    }
  }
}

/** Returns the handler of incoming envelopes; replies go out through `postReply`. */
export function createDispatcher(postReply: Post): (envelope: Envelope) => void {
  const dispatcher = new Dispatcher(postReply);
  return (envelope) => dispatcher.handle(envelope);
}
