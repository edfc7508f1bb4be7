/**
 * ALS half-steps split over threads (Node's worker_threads): the rows of one side are
 * cut into contiguous ranges of about equal work and solved at once on shared memory.
 * Each row's solve is exactly the core's, so the result equals the single-thread one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  patternOf,
  sideView,
  solveRowRange,
  type AlsSettings,
  wasmKernelActive,
  type Factors,
  type HalfStepResult,
  type Problem,
  type Side,
} from '../core';
import { shareFactors, shareProblem } from './sharedProblem';

interface Reply {
  ok: boolean;
  result?: HalfStepResult;
  message?: string;
}

export class ParallelAls {
  readonly problem: Problem;
  /** The factors, on shared memory: read them between steps. */
  readonly factors: Factors;
  private readonly workers: Worker[];
  private readonly cuts = new Map<Side, number[]>();

  private constructor(problem: Problem, factors: Factors, workers: Worker[]) {
    this.problem = problem;
    this.factors = factors;
    this.workers = workers;
  }

  /**
   * Starts threads-1 worker threads; the calling thread solves one range itself. The factors must
   * already have the variant's shape (prepareFactors): their biases are shared as they are.
   */
  static async create(problem: Problem, factors: Factors, threads = availableParallelism()): Promise<ParallelAls> {
    const shared = shareProblem(problem);
    const sharedFactors = shareFactors(factors);
    const workers: Worker[] = [];
    for (let t = 1; t < Math.max(1, threads); t++) {
      const url = new URL('./alsThread.ts', import.meta.url);
      const workerData = { problem: shared, factors: sharedFactors };
      // Worker threads do not inherit tsx's loader: register it before loading the TypeScript source.
      const worker = url.pathname.endsWith('.ts')
        ? new Worker(
            `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
            { eval: true, workerData },
          )
        : new Worker(url, { workerData });
      workers.push(worker);
    }
    // A thread that fails to start must fail loudly, not leave the caller waiting.
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('message', () => resolve());
            w.once('error', reject);
          }),
      ),
    );
    for (const w of workers) w.unref();
    // This thread solves a range too: its WebAssembly kernel is compiled now, not in the first step.
    wasmKernelActive();
    return new ParallelAls(shared, sharedFactors, workers);
  }

  /** Row boundaries that give each thread about the same work (k·d² + d³ per row). */
  private cutsFor(side: Side): number[] {
    let cuts = this.cuts.get(side);
    if (cuts) return cuts;
    const view = sideView(this.problem, side);
    const d = this.factors.d;
    const cost = (r: number) => (view.ptr[r + 1]! - view.ptr[r]!) * d * d + d * d * d;
    let total = 0;
    for (let r = 0; r < view.rows; r++) total += cost(r);
    const parts = this.workers.length + 1;
    cuts = [0];
    let acc = 0;
    for (let r = 0; r < view.rows && cuts.length < parts; r++) {
      acc += cost(r);
      if (acc >= (total * cuts.length) / parts) cuts.push(r + 1);
    }
    while (cuts.length < parts) cuts.push(view.rows);
    cuts.push(view.rows);
    this.cuts.set(side, cuts);
    return cuts;
  }

  /** One half-step: `settings` is a bare λ (the lecture's variant) or the core's AlsOptions. */
  async halfStep(side: Side, settings: AlsSettings): Promise<HalfStepResult> {
    const cuts = this.cutsFor(side);
    const pending = this.workers.map(
      (worker, w) =>
        new Promise<HalfStepResult>((resolve, reject) => {
          worker.once('message', (reply: Reply) => (reply.ok ? resolve(reply.result!) : reject(new Error(reply.message))));
          worker.postMessage({ side, settings, from: cuts[w + 1], to: cuts[w + 2] });
        }),
    );
    const own = solveRowRange(this.problem, this.factors, side, settings, cuts[0]!, cuts[1]!);
    const rest = await Promise.all(pending);
    return {
      side,
      rowsSolved: own.rowsSolved + rest.reduce((s, r) => s + r.rowsSolved, 0),
      singular: [own, ...rest].flatMap((r) => r.singular),
    };
  }

  async step(settings: AlsSettings): Promise<[HalfStepResult, HalfStepResult]> {
    return [await this.halfStep('users', settings), await this.halfStep('items', settings)];
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  get shape(): { m: number; n: number } {
    const R = patternOf(this.problem);
    return { m: R.m, n: R.n };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
