/**
 * The page's side of the worker protocol: sends requests with ids and a generation, and
 * delivers replies to subscribers, dropping those of an older generation (a reply that
 * arrives after a reset or a new data set describes a model that no longer exists).
 */
import { createDispatcher } from './dispatcher';
import type { Envelope, Reply, Request } from './protocol';
import type { SolveTrace } from '../core';

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
  private readonly port: Port;
  private nextId = 1;
  private generationValue = 0;
  private readonly listeners = new Set<ReplyListener>();
  private readonly pendingTraces = new Map<number, { resolve: (t: SolveTrace) => void; reject: (e: Error) => void }>();

  constructor(port: Port = defaultPort()) {
    this.port = port;
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      const message = `The model worker failed: ${event.message || 'unknown error'}.`;
      this.listeners.forEach((l) => l({ type: 'error', id: 0, generation: this.generationValue, message }));
    };
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
    if (request.type === 'load') {
      for (const list of [request.spec.train, request.spec.test])
        if (list) transfer.push(list.rows.buffer, list.cols.buffer, list.values.buffer);
    }
    this.port.postMessage({ id, generation: this.generationValue, request }, transfer);
    return id;
  }

  /** The closed-form solve of one row, with every intermediate. */
  trace(side: 'users' | 'items', index: number): Promise<SolveTrace> {
    const id = this.send({ type: 'trace', side, index });
    return new Promise((resolve, reject) => this.pendingTraces.set(id, { resolve, reject }));
  }

  private receive(reply: Reply): void {
    const pending = this.pendingTraces.get(reply.id);
    if (pending) {
      this.pendingTraces.delete(reply.id);
      if (reply.type === 'trace') pending.resolve(reply.trace);
      else if (reply.type === 'error') pending.reject(new Error(reply.message));
      return;
    }
    if (reply.generation !== this.generationValue) return;
    this.listeners.forEach((l) => l(reply));
  }

  dispose(): void {
    this.port.terminate();
    this.listeners.clear();
  }
}
