/**
 * The page's side of the worker protocol: sends requests with ids and a generation, and
 * delivers replies to subscribers, dropping those of an older generation (a reply that
 * arrives after a reset or a new data set describes a model that no longer exists).
 */
import { createDispatcher } from './dispatcher';
import type { Envelope, ProblemSpec, Reply, Request, SweepResult } from './protocol';
import type { ConfidenceComparison, SolveTrace, SweepOptions } from '../core';

export type ReplyListener = (reply: Reply) => void;

interface Port {
  postMessage(envelope: Envelope, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Runs the same dispatcher on the main thread, for environments without module workers. */
function inlinePort(): Port {
  const port: Port = {
    onmessage: null,
    onerror: null,
    postMessage: (envelope) => queueMicrotask(() => dispatch(envelope)),
    terminate: () => {},
  };
  const dispatch = createDispatcher((reply) => setTimeout(() => port.onmessage?.({ data: reply } as MessageEvent<Reply>), 0));
  return port;
}

function defaultPort(): Port {
  if (typeof Worker === 'undefined') return inlinePort();
  try {
    return new Worker(new URL('./labWorker.ts', import.meta.url), { type: 'module', name: 'mf-lab-model' }) as unknown as Port;
  } catch {
    return inlinePort();
  }
}

export class LabClient {
  private portValue: Port | null = null;
  private readonly makePort: () => Port;
  private nextId = 1;
  private generationValue = 0;
  private readonly listeners = new Set<ReplyListener>();
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (e: Error) => void }>();

  /** The worker starts with the first request (a client that is never used costs nothing). */
  constructor(port?: Port) {
    this.makePort = port ? () => port : defaultPort;
  }

  private get port(): Port {
    if (this.portValue) return this.portValue;
    const port = this.makePort();
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      const message = `The model worker failed: ${event.message || 'unknown error'}.`;
      this.listeners.forEach((l) => l({ type: 'error', id: 0, generation: this.generationValue, message }));
    };
    this.portValue = port;
    return port;
  }

  get generation(): number {
    return this.generationValue;
  }

  /** Starts a new generation: replies to earlier requests will be ignored. */
  newGeneration(): number {
    return ++this.generationValue;
  }

  subscribe(listener: ReplyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(request: Request): number {
    const id = this.nextId++;
    const transfer: Transferable[] = [];
    if (request.type === 'restore') transfer.push(request.U.buffer, request.V.buffer);
    if (request.type === 'trace' && request.factors) transfer.push(request.factors.U.buffer, request.factors.V.buffer);
    if (request.type === 'load' || request.type === 'sweep') {
      for (const list of [request.spec.train, request.spec.test])
        if (list) transfer.push(list.rows.buffer, list.cols.buffer, list.values.buffer);
    }
    this.port.postMessage({ id, generation: this.generationValue, request }, transfer);
    return id;
  }

  /** A request answered by exactly one reply (not broadcast to subscribers). */
  private ask(request: Request): Promise<Reply> {
    const id = this.send(request);
    return new Promise<Reply>((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** The closed-form solve of one row, with every intermediate (on given factors, e.g. a scrubbed-back step). */
  async trace(
    side: 'users' | 'items',
    index: number,
    factors: { U: Float64Array; V: Float64Array } | null = null,
  ): Promise<SolveTrace> {
    const copy = factors ? { U: factors.U.slice(), V: factors.V.slice() } : null;
    const reply = await this.ask({ type: 'trace', side, index, factors: copy });
    if (reply.type !== 'trace') throw new Error(reply.type === 'error' ? reply.message : `Unexpected reply ${reply.type}.`);
    return reply.trace;
  }

  /** The lecture's C against c = 1 + α·r, fitted from the same start. */
  async compareConfidence(alpha: number, iterations: number): Promise<ConfidenceComparison> {
    const reply = await this.ask({ type: 'compareConfidence', alpha, iterations });
    if (reply.type !== 'comparison') throw new Error(reply.type === 'error' ? reply.message : `Unexpected reply ${reply.type}.`);
    return reply.comparison;
  }

  /** A hyperparameter sweep (held-out RMSE for each value), computed in the worker. */
  async sweep(spec: ProblemSpec, options: SweepOptions): Promise<SweepResult> {
    const reply = await this.ask({ type: 'sweep', spec, options });
    if (reply.type !== 'sweep') throw new Error(reply.type === 'error' ? reply.message : `Unexpected reply ${reply.type}.`);
    return reply.result;
  }

  private receive(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (pending) {
      this.pending.delete(reply.id);
      pending.resolve(reply);
      return;
    }
    if (reply.generation !== this.generationValue) return;
    this.listeners.forEach((l) => l(reply));
  }

  dispose(): void {
    this.portValue?.terminate();
    this.portValue = null;
    this.listeners.clear();
  }
}
