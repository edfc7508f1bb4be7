/**
 * The page's side of the worker protocol: sends requests with ids and a generation, and
 * delivers replies to subscribers, dropping those of an older generation (a reply that
 * arrives after a reset or a new data set describes a model that no longer exists).
 *
 * It also keeps the worker alive: when the worker reports an uncaught error, or stops
 * answering (a request waits longer than its patience with no message at all from the
 * worker — it was terminated, crashed or hangs), the client starts a new worker, rejects
 * what was pending and tells its subscribers with a `restarted` reply, so that the store
 * can send R and the run again.
 */
import type {
  Biases,
  ConfidenceComparison,
  CurveConfig,
  Dataset,
  HeldOutSpec,
  SearchOptions,
  SearchProgress,
  SearchResult,
  SolveTrace,
  SweepOptions,
  VariantCurve,
} from '../core';
import type { LabEvaluation } from './evaluation';
import { transferCopies } from './transferCopies';
import type {
  CutSpec,
  DatasetRecipe,
  DensityQuery,
  DensityReply,
  Envelope,
  ProblemSpec,
  Reply,
  ReplyFor,
  Request,
  RequestOf,
  RestartedReply,
  SweepResult,
} from './protocol';

export type ReplyListener = (reply: Reply) => void;

export interface Port {
  postMessage(envelope: Envelope, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * Runs the same dispatcher on the main thread, for environments without module workers. The
 * dispatcher (the whole model) is fetched on first use, so the lab's first load does not carry
 * a second copy of what the worker runs; requests sent before it arrives wait, in order.
 */
export function inlinePort(): Port {
  let alive = true;
  let dispatch: ((envelope: Envelope) => void) | null = null;
  const waiting: Envelope[] = [];
  const port: Port = {
    onmessage: null,
    onerror: null,
    postMessage: (envelope) => {
      if (dispatch) {
        const run = dispatch;
        queueMicrotask(() => alive && run(envelope));
      } else waiting.push(envelope);
    },
    terminate: () => {
      alive = false;
    },
  };
  void import('./dispatcher').then(
    ({ createDispatcher }) => {
      const run = createDispatcher((reply) =>
        setTimeout(() => alive && port.onmessage?.({ data: reply } as MessageEvent<Reply>), 0),
      );
      dispatch = run;
      for (const envelope of waiting.splice(0)) if (alive) run(envelope);
    },
    () => {
      // Only where there is no worker (tests): a page torn down before the model's code arrived.
    },
  );
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

export interface ClientOptions {
  /** How long a request may wait with no message from the worker before it is taken for dead (ms). */
  patienceMs?: number;
  /** The same for requests that compute for long (sweeps, comparisons, data-set builds). */
  longPatienceMs?: number;
}

const LONG_REQUESTS: ReadonlySet<Request['type']> = new Set([
  'sweep',
  'compareConfidence',
  'buildDataset',
  'compareVariants',
  'evaluate',
  'search',
  'holdOut',
]);

/** A grid search in progress: its result, and a way to stop it. */
export interface SearchHandle {
  id: number;
  result: Promise<SearchResult>;
  cancel(): void;
}

/** A data-set build in progress: its result, and a way to stop it. */
export interface BuildHandle {
  id: number;
  result: Promise<{ dataset: Dataset; key: string }>;
  cancel(): void;
}

export class LabClient {
  private portValue: Port | null = null;
  private readonly makePort: () => Port;
  private nextId = 1;
  private generationValue = 0;
  private readonly listeners = new Set<ReplyListener>();
  private readonly pending = new Map<
    number,
    { resolve: (reply: Reply) => void; reject: (e: Error) => void; onReply?: (reply: Reply) => boolean }
  >();
  /** Requests not yet answered, with when they were sent and how long they may wait. */
  private readonly outstanding = new Map<number, { sent: number; patience: number }>();
  private lastHeard = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private readonly patience: number;
  private readonly longPatience: number;
  private disposed = false;
  /** How many times the worker was restarted. */
  restarts = 0;

  /** The worker starts with the first request (a client that is never used costs nothing). */
  constructor(port?: Port | (() => Port), options: ClientOptions = {}) {
    this.makePort = typeof port === 'function' ? port : port ? () => port : defaultPort;
    this.patience = options.patienceMs ?? 10_000;
    this.longPatience = options.longPatienceMs ?? 120_000;
  }

  private get port(): Port {
    if (this.portValue) return this.portValue;
    const port = this.makePort();
    port.onmessage = (event) => {
      if (this.portValue === port) this.receive(event.data);
    };
    port.onerror = (event) => {
      if (this.portValue !== port) return;
      event.preventDefault?.();
      this.restart(`it reported an error (${event.message || 'unknown error'})`);
    };
    this.portValue = port;
    this.lastHeard = Date.now();
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
    if (this.disposed) return 0;
    const id = this.nextId++;
    const transfer: Transferable[] = [];
    // Factors are copies made for the worker; the data's arrays are the store's own: big ones go
    // as transferred copies (a memcpy), not through structured cloning (transferCopies.ts).
    if (request.type === 'restore') transfer.push(request.U.buffer, request.V.buffer);
    else if (request.type === 'trace' && request.factors) transfer.push(request.factors.U.buffer, request.factors.V.buffer);
    else {
      const copied = transferCopies(request);
      request = copied.value;
      transfer.push(...copied.transfer);
    }
    const port = this.port;
    if (this.outstanding.size === 0) this.lastHeard = Date.now();
    this.outstanding.set(id, { sent: Date.now(), patience: LONG_REQUESTS.has(request.type) ? this.longPatience : this.patience });
    this.startWatchdog();
    port.postMessage({ id, generation: this.generationValue, request }, transfer);
    return id;
  }

  /** A request answered by one reply (not broadcast to subscribers); `onReply` sees interim ones (progress). */
  private ask<R extends Request>(request: R, onReply?: (reply: Reply) => boolean): { id: number; reply: Promise<ReplyFor<R>> } {
    let entry!: { resolve: (reply: Reply) => void; reject: (e: Error) => void };
    const reply = new Promise<ReplyFor<R>>((resolve, reject) => {
      entry = { resolve: resolve as (reply: Reply) => void, reject };
    });
    const id = this.send(request);
    if (id === 0) entry.reject(new Error('The model worker was closed.'));
    else this.pending.set(id, { ...entry, ...(onReply ? { onReply } : {}) });
    return { id, reply };
  }

  private static unexpected(reply: Reply): Error {
    return new Error(reply.type === 'error' ? reply.message : `Unexpected reply ${reply.type}.`);
  }

  /** The closed-form solve of one row, with every intermediate (on given factors, e.g. a scrubbed-back step). */
  async trace(
    side: 'users' | 'items',
    index: number,
    factors: { U: Float64Array; V: Float64Array; biases?: Biases | null } | null = null,
  ): Promise<SolveTrace> {
    const copy = factors ? { U: factors.U.slice(), V: factors.V.slice(), biases: factors.biases ?? null } : null;
    const reply = await this.ask({ type: 'trace', side, index, factors: copy }).reply;
    if (reply.type !== 'trace') throw LabClient.unexpected(reply);
    return reply.trace;
  }

  /** The lecture's C against c = 1 + α·r, fitted from the same start. */
  async compareConfidence(alpha: number, iterations: number): Promise<ConfidenceComparison> {
    const reply = await this.ask({ type: 'compareConfidence', alpha, iterations }).reply;
    if (reply.type !== 'comparison') throw LabClient.unexpected(reply);
    return reply.comparison;
  }

  /** A hyperparameter sweep (held-out RMSE for each value), computed in the worker. */
  async sweep(spec: ProblemSpec, options: SweepOptions): Promise<SweepResult> {
    const reply = await this.ask({ type: 'sweep', spec, options }).reply;
    if (reply.type !== 'sweep') throw LabClient.unexpected(reply);
    return reply.result;
  }

  /**
   * Builds a data set in the worker; progress arrives through `onProgress`, the data set is
   * transferred (not copied) when done. A cancelled build rejects with `cancelled: true`.
   */
  buildDataset(recipe: DatasetRecipe, onProgress?: (phase: string, done: number, total: number) => void): BuildHandle {
    const request: RequestOf<'buildDataset'> = { type: 'buildDataset', recipe };
    const { id, reply } = this.ask(request, (r) => {
      if (r.type !== 'progress') return false;
      onProgress?.(r.phase, r.done, r.total);
      return true;
    });
    const result = reply.then((r) => {
      if (r.type === 'dataset') return { dataset: r.dataset, key: r.key };
      const error = LabClient.unexpected(r) as Error & { cancelled?: boolean };
      if (r.type === 'error' && r.cancelled) error.cancelled = true;
      throw error;
    });
    return { id, result, cancel: () => this.send({ type: 'cancel', target: id }) };
  }

  /**
   * Model variants side by side on the lab's data (see core variantCurveSteps): progress through
   * `onProgress`; a cancelled comparison rejects with `cancelled: true`.
   */
  compareVariants(
    configs: CurveConfig[],
    iterations: number,
    onProgress?: (done: number, total: number) => void,
  ): { result: Promise<{ curves: VariantCurve[]; heldOut: number }>; cancel(): void } {
    const { id, reply } = this.ask({ type: 'compareVariants', configs, iterations }, (r) => {
      if (r.type !== 'progress') return false;
      onProgress?.(r.done, r.total);
      return true;
    });
    const result = reply.then((r) => {
      if (r.type === 'variantCurves') return { curves: r.curves, heldOut: r.heldOut };
      const error = LabClient.unexpected(r) as Error & { cancelled?: boolean };
      if (r.type === 'error' && r.cancelled) error.cancelled = true;
      throw error;
    });
    return { result, cancel: () => this.send({ type: 'cancel', target: id }) };
  }

  /** The current factors on the held-out cells, beside the baselines (k: the ranking cut-off). */
  async evaluate(k: number): Promise<LabEvaluation> {
    const reply = await this.ask({ type: 'evaluate', k }).reply;
    if (reply.type !== 'evaluation') throw LabClient.unexpected(reply);
    return reply.evaluation;
  }

  /**
   * A grid search in the worker: progress (and each finished cell) through `onProgress`; Cancel
   * stops it after the current ALS iteration, and the result then holds the cells finished so far.
   */
  search(spec: ProblemSpec, options: SearchOptions, onProgress?: (progress: SearchProgress) => void): SearchHandle {
    const { id, reply } = this.ask({ type: 'search', spec, options }, (r) => {
      if (r.type !== 'searchProgress') return false;
      onProgress?.(r.progress);
      return true;
    });
    const result = reply.then((r) => {
      if (r.type === 'search') return r.result;
      throw LabClient.unexpected(r);
    });
    return { id, result, cancel: () => this.send({ type: 'cancel', target: id }) };
  }

  /** The positions a held-out split holds out, computed in the worker (for large data). */
  async holdOut(rows: RequestOf<'holdOut'>['rows'], timestamps: Float64Array | null, spec: HeldOutSpec): Promise<Int32Array> {
    const reply = await this.ask({ type: 'holdOut', rows, timestamps, spec }).reply;
    if (reply.type !== 'heldOut') throw LabClient.unexpected(reply);
    return reply.positions;
  }

  /** The density view's bins of R as the worker has it (see densityQueries). */
  async density(query: DensityQuery): Promise<Omit<DensityReply, 'type' | 'id' | 'generation'>> {
    const reply = await this.ask({ type: 'density', query }).reply;
    if (reply.type !== 'density') throw LabClient.unexpected(reply);
    const { type: _t, id: _i, generation: _g, ...rest } = reply;
    return rest;
  }

  /** The users and items a dense-core cut of R keeps, and the known cells between them. */
  async cut(spec: CutSpec): Promise<{ users: Int32Array; items: Int32Array; known: number }> {
    const reply = await this.ask({ type: 'cut', spec }).reply;
    if (reply.type !== 'cut') throw LabClient.unexpected(reply);
    return { users: reply.users, items: reply.items, known: reply.known };
  }

  private receive(reply: Reply): void {
    this.lastHeard = Date.now();
    this.outstanding.delete(reply.id);
    const pending = this.pending.get(reply.id);
    if (pending) {
      if (pending.onReply?.(reply)) {
        // An interim reply (progress): the request is still being worked on.
        this.outstanding.set(reply.id, { sent: Date.now(), patience: this.longPatience });
        return;
      }
      this.pending.delete(reply.id);
      pending.resolve(reply);
      return;
    }
    if (reply.generation !== this.generationValue) return;
    this.listeners.forEach((l) => l(reply));
  }

  private startWatchdog(): void {
    if (this.watchdog !== null) return;
    const every = Math.max(50, Math.min(1000, this.patience / 4));
    this.watchdog = setInterval(() => this.check(), every);
  }

  /** Restarts the worker when a request has waited past its patience without a word from the worker. */
  check(now = Date.now()): void {
    if (this.outstanding.size === 0) {
      if (this.watchdog !== null) clearInterval(this.watchdog);
      this.watchdog = null;
      return;
    }
    for (const { sent, patience } of this.outstanding.values()) {
      if (now - Math.max(sent, this.lastHeard) > patience) {
        this.restart(`it stopped answering for ${Math.round(patience / 1000)} s`);
        return;
      }
    }
  }

  /** Replaces the worker with a new one and tells the subscribers why (they send the data again). */
  restart(reason: string): void {
    if (this.disposed) return;
    this.portValue?.terminate();
    this.portValue = null;
    this.restarts++;
    this.outstanding.clear();
    const error = new Error(`The model worker was restarted: ${reason}.`);
    const pending = [...this.pending.values()];
    this.pending.clear();
    pending.forEach((p) => p.reject(error));
    const message: RestartedReply = { type: 'restarted', id: 0, generation: this.generationValue, reason };
    this.listeners.forEach((l) => l(message));
  }

  dispose(): void {
    this.disposed = true;
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
    this.portValue?.terminate();
    this.portValue = null;
    this.listeners.clear();
    this.outstanding.clear();
  }
}
