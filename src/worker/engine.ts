/**
 * The worker's model, as a plain class over the core: no DOM and no messaging, so the
 * same code runs in the Web Worker, in a main-thread fallback and in unit tests.
 */
import {
  alsHalfStep,
  assertFactorCount,
  cloneFactors,
  compareConfidence,
  evenSample,
  globalMean,
  gradientStep,
  initFactors,
  metrics,
  predictGrid,
  prepareFactors,
  solveRows,
  sweepHyperparameter,
  traceSolve,
  variantCurveSteps,
  type CurveConfig,
  type CurveProgress,
  type VariantCurve,
  type AlsOptions,
  type Biases,
  type ConfidenceComparison,
  type Factors,
  type Problem,
  type Ratings,
  type Side,
  type SingularRow,
  type SolveTrace,
  type SweepOptions,
  type SweepPoint,
} from '../core';
import type { RunAction } from './actions';
import { effectiveAls, variantNote } from './modelOptions';
import { evaluateModel, type LabEvaluation } from './evaluation';
import { problemOf, ratingsOfRows } from './problemOf';
import {
  LARGE_PRODUCT,
  PRODUCT_SAMPLE,
  type CutSpec,
  type DensityQuery,
  type ModelSettings,
  type ProblemSpec,
  type ProductSample,
  type Snapshot,
  type StepKind,
} from './protocol';
import { formatCount } from '../core/formatCount';

/** Relative change of the loss over a full step below which a run counts as converged. */
export const CONVERGENCE_TOLERANCE = 1e-9;

/** The lecture's C against c = 1 + α·r is fitted on dense P and C: only for matrices up to this many pairs. */
export const COMPARE_MAX_PAIRS = 250_000;

import { cutOf, densityOf, knownRatings } from './densityQueries';

export class LabEngine {
  private spec: ProblemSpec | null = null;
  private problem: Problem | null = null;
  private test: Ratings | null = null;
  private F: Factors | null = null;
  private settings: ModelSettings | null = null;
  private step = 0;
  private lastKind: StepKind = 'init';
  private bestLoss = Number.POSITIVE_INFINITY;
  private history: number[] = [];
  /** The actions since initialisation (see actions.ts). */
  actions: RunAction[] = [];

  /** m·n of the loaded matrix (how heavy the model is to draw). */
  get size(): number {
    return this.spec ? this.spec.m * this.spec.n : 0;
  }

  /** The density view's bins of R as loaded, ordered by activity, as they are or by the model's factors. */
  density(query: DensityQuery) {
    if (!this.spec) throw new Error('No data is loaded yet.');
    return densityOf(knownRatings(this.spec), this.F, query);
  }

  /** The users and items a dense core of R as loaded keeps. */
  cut(spec: CutSpec) {
    if (!this.spec) throw new Error('No data is loaded yet.');
    return cutOf(knownRatings(this.spec), spec);
  }

  get ready(): boolean {
    return this.problem !== null && this.F !== null;
  }

  /** Loads (or reloads after an edit) the data and settings. */
  load(spec: ProblemSpec, settings: ModelSettings, generation: number, keepFactors: boolean): Snapshot {
    assertFactorCount(settings.factors);
    const previous = this.spec;
    const oldF = this.F;
    this.spec = spec;
    this.settings = settings;
    this.rebuildProblem();
    if (keepFactors && oldF && previous && oldF.d === settings.factors) {
      this.F = carryOver(oldF, previous, spec, settings);
      this.shapeForVariant(oldF.biases ?? null, previous);
      return this.snapshot(generation, 'update', null, [], null, null);
    }
    const note = keepFactors && oldF && oldF.d !== settings.factors ? dChangeNote(oldF.d, settings.factors) : null;
    return this.init(generation, note);
  }

  private rebuildProblem(): void {
    ({ problem: this.problem, test: this.test } = problemOf(this.spec!, this.settings!.alpha));
  }

  /** The options every half-step, trace and objective of the run uses (see effectiveAls). */
  private als(): AlsOptions {
    return effectiveAls(this.settings!, this.problem!.mode);
  }

  /**
   * Gives the factors the running variant's shape: μ and zero biases when biases are switched on
   * (`carried`: biases of an earlier model whose surviving users and items keep theirs), none otherwise.
   */
  private shapeForVariant(carried: Biases | null = null, before: ProblemSpec | null = null): void {
    const F = this.F!;
    const variant = this.als().variant;
    if (carried && before && variant === 'biases') {
      F.biases = {
        mu: globalMean(this.problem!),
        user: carryRows(this.spec!.userIds, before.userIds, carried.user),
        item: carryRows(this.spec!.itemIds, before.itemIds, carried.item),
      };
      return;
    }
    prepareFactors(this.problem!, F, variant);
  }

  /** Random U and V from the seed: step 0 of a run. */
  init(generation: number, note: string | null = null): Snapshot {
    const spec = this.spec!;
    const s = this.settings!;
    this.F = initFactors(spec.m, spec.n, s.factors, { seed: s.seed, scale: s.initScale });
    this.shapeForVariant();
    this.step = 0;
    this.actions = [];
    this.history = [];
    this.bestLoss = Number.POSITIVE_INFINITY;
    // Settings this data cannot run as they are (biases on implicit data) say what runs instead.
    const refused = s.variant === 'biases' && s.solver === 'als' ? variantNote(s, this.problem!.mode) : null;
    return this.snapshot(generation, 'init', null, [], null, note ?? refused);
  }

  /** New λ, α, η, solver… take effect at once on the current U and V; a new d re-initialises. */
  updateSettings(settings: ModelSettings, generation: number): Snapshot {
    const before = this.settings!;
    this.settings = settings;
    if (settings.factors !== before.factors) {
      assertFactorCount(settings.factors);
      return this.init(generation, dChangeNote(before.factors, settings.factors));
    }
    if (settings.alpha !== before.alpha && this.spec!.mode === 'implicit') this.rebuildProblem();
    // A new variant, like a new λ, applies at once to the current U and V: biases start at zero around μ.
    const mode = this.problem!.mode;
    const variantBefore = effectiveAls(before, mode).variant;
    const variantNow = effectiveAls(settings, mode).variant;
    if (variantNow !== variantBefore) this.shapeForVariant();
    const notes: string[] = [];
    if (settings.seed !== before.seed || settings.initScale !== before.initScale)
      notes.push('The new seed and initial scale apply at the next reset.');
    if (variantNow === 'biases' && variantBefore !== 'biases')
      notes.push(
        `Biases switched on: μ = ${this.F!.biases!.mu.toFixed(3)} (the mean training rating), every bᵢ and cⱼ starts at 0; the next half-step fits them with U and V.`,
      );
    if (variantBefore === 'biases' && variantNow !== 'biases')
      notes.push('Biases switched off: μ, b and c are dropped and r̂ = uᵢᵀvⱼ again; U and V carry on as they are.');
    const note = notes.length > 0 ? notes.join(' ') : null;
    return this.snapshot(generation, 'update', null, [], null, note);
  }

  /** One half-step of ALS (fix the other side, solve this one), or a gradient step on this side. */
  halfStep(side: Side, generation: number): Snapshot {
    const s = this.settings!;
    if (s.solver === 'gd') return this.gradient(side, generation);
    return this.halfStepAls(side, generation);
  }

  /** A full step: both half-steps (ALS), or one gradient step on U and V together. */
  fullStep(generation: number): Snapshot[] {
    if (this.settings!.solver === 'gd') return [this.gradient('both', generation)];
    return [this.halfStep('users', generation), this.halfStep('items', generation)];
  }

  /** The next action when playing: alternate half-steps, or gradient steps. */
  next(generation: number): Snapshot {
    if (this.settings!.solver === 'gd') return this.gradient('both', generation);
    return this.halfStep(this.lastKind === 'users' ? 'items' : 'users', generation);
  }

  private gradient(sides: Side | 'both', generation: number): Snapshot {
    const s = this.settings!;
    const result = gradientStep(this.problem!, this.F!, s.lambda, s.learningRate, sides, this.bestLoss);
    this.bestLoss = Math.min(this.bestLoss, result.loss);
    this.step++;
    this.actions.push({ kind: 'gd', sides });
    return this.snapshot(generation, 'gd', sides, [], result.diverged, null);
  }

  /** Puts given factors back (scrubbing the timeline, or a shared link). */
  restore(U: Float64Array, V: Float64Array, step: number, generation: number, biases: Biases | null = null): Snapshot {
    const F = this.F!;
    if (U.length !== F.U.length || V.length !== F.V.length) {
      throw new RangeError(`The restored U and V do not fit: expected ${F.m}×${F.d} and ${F.n}×${F.d}.`);
    }
    if (![...U, ...V].every(Number.isFinite))
      throw new RangeError('The restored U and V contain a value that is not a finite number.');
    F.U.set(U);
    F.V.set(V);
    if (biases && biases.user.length === F.m && biases.item.length === F.n && this.als().variant === 'biases')
      F.biases = { mu: biases.mu, user: biases.user.slice(), item: biases.item.slice() };
    else {
      // Restored without biases (or into another variant): the variant's shape, biases from zero.
      delete F.biases;
      this.shapeForVariant();
    }
    this.step = step;
    this.actions = this.actions.slice(0, step);
    this.history = this.history.slice(0, step + 1);
    return this.snapshot(generation, 'restore', null, [], null, null);
  }

  /** Re-runs a recorded run (see actions.ts) from a fresh initialisation. */
  replay(actions: readonly RunAction[], generation: number): Snapshot[] {
    const F = this.F!;
    for (const a of actions) {
      if (a.kind === 'row' && !(Number.isInteger(a.index) && a.index >= 0 && a.index < (a.side === 'users' ? F.m : F.n)))
        throw new RangeError(
          `The run solves ${a.side === 'users' ? 'user' : 'item'} ${a.index + 1}, which this matrix does not have.`,
        );
    }
    const out = [this.init(generation)];
    for (const a of actions) {
      if (a.kind === 'als') out.push(this.halfStepAls(a.side, generation));
      else if (a.kind === 'gd') out.push(this.gradient(a.sides, generation));
      else out.push(this.solveRow(a.side, a.index, generation));
    }
    return out;
  }

  private halfStepAls(side: Side, generation: number): Snapshot {
    const result = alsHalfStep(this.problem!, this.F!, side, this.als());
    this.step++;
    this.actions.push({ kind: 'als', side });
    return this.snapshot(generation, side, side, result.singular, null, null);
  }

  /** The closed-form solve of one row, on the current factors or on given ones (a scrubbed-back step). */
  trace(
    side: Side,
    index: number,
    factors: { U: Float64Array; V: Float64Array; biases?: Biases | null } | null = null,
  ): SolveTrace {
    const F = this.F!;
    let at = F;
    if (factors && factors.U.length === F.U.length && factors.V.length === F.V.length) {
      at = { m: F.m, n: F.n, d: F.d, U: factors.U, V: factors.V };
      // A scrubbed-back step explains itself with its own biases (or, without them, the current ones).
      const biases = factors.biases ?? F.biases;
      if (biases) at.biases = biases;
    }
    return traceSolve(this.problem!, at, side, index, this.als());
  }

  /** Solves one row only (the solve explorer's last step: write u_i into U). */
  solveRow(side: Side, index: number, generation: number): Snapshot {
    const result = solveRows(this.problem!, this.F!, side, this.als(), [index]);
    this.step++;
    this.actions.push({ kind: 'row', side, index });
    return this.snapshot(generation, 'row', side, result.singular, null, null, index);
  }

  /** The lecture's C against c = 1 + α·r on the same preferences (see core compareConfidence). */
  compareConfidence(alpha: number, iterations: number): ConfidenceComparison {
    const spec = this.spec!;
    const s = this.settings!;
    if (spec.m * spec.n > COMPARE_MAX_PAIRS)
      throw new RangeError(
        `The comparison fits the dense P and C of every pair; this matrix has ${formatCount(spec.m * spec.n)} pairs, more than the ${formatCount(COMPARE_MAX_PAIRS)} it allows.`,
      );
    const P = Array.from({ length: spec.m }, () => new Array<number>(spec.n).fill(0));
    const C = Array.from({ length: spec.m }, () => new Array<number>(spec.n).fill(spec.confidence?.base ?? 0));
    const { train } = spec;
    for (let i = 0; i < spec.m; i++) {
      for (let p = train.ptr[i]!; p < train.ptr[i + 1]!; p++) {
        const r = train.val[p]!;
        P[i]![train.col[p]!] = r > 0 ? 1 : 0;
        if (!spec.confidence) C[i]![train.col[p]!] = r;
      }
    }
    if (spec.confidence) {
      const E = spec.confidence.entries;
      for (let i = 0; i < spec.m; i++) for (let p = E.ptr[i]!; p < E.ptr[i + 1]!; p++) C[i]![E.col[p]!] = E.val[p]!;
    }
    return compareConfidence(P, C, {
      factors: s.factors,
      lambda: s.lambda,
      alpha,
      seed: s.seed,
      initScale: s.initScale,
      iterations,
    });
  }

  /**
   * Variants side by side on the lab's training data and held-out cells, each from the lab's seeded
   * start (d, seed, σ₀ of the settings), without touching the run: a generator that yields after
   * every iteration (see core variantCurveSteps).
   */
  compareVariants(
    configs: readonly CurveConfig[],
    iterations: number,
  ): { heldOut: number; steps: Generator<CurveProgress, VariantCurve[], void> } {
    if (!this.ready) throw new Error('There is no model to compare yet.');
    if (!Number.isInteger(iterations) || iterations < 1 || iterations > 200)
      throw new RangeError(`The comparison runs 1 to 200 iterations (got ${iterations}).`);
    const s = this.settings!;
    const heldOut = this.test?.nnz ?? 0;
    const steps = variantCurveSteps(this.problem!, this.test, configs, {
      iterations,
      seed: s.seed,
      initScale: s.initScale,
    });
    return { heldOut, steps };
  }

  /** Whether the last full step changed the loss by less than the tolerance (relative). */
  converged(): boolean {
    const h = this.history;
    const span = this.settings!.solver === 'gd' ? 1 : 2;
    if (h.length <= span) return false;
    const a = h[h.length - 1 - span]!;
    const b = h[h.length - 1]!;
    return Math.abs(a - b) <= CONVERGENCE_TOLERANCE * Math.max(Math.abs(a), Number.MIN_VALUE);
  }

  /** The current factors on the held-out cells, beside the baselines (see evaluation.ts). */
  evaluate(k: number): LabEvaluation {
    if (!this.problem || !this.F) throw new RangeError('The model is not loaded yet: there is nothing to evaluate.');
    return evaluateModel(this.problem, this.test, this.F, k, this.step);
  }

  private snapshot(
    generation: number,
    kind: StepKind,
    solved: Side | 'both' | null,
    singular: SingularRow[],
    diverged: string | null,
    note: string | null,
    row: number | null = null,
  ): Snapshot {
    const F = this.F!;
    const m = metrics(this.problem!, F, this.als(), this.test);
    if (kind !== 'update') this.lastKind = kind;
    if (kind === 'init' || kind === 'users' || kind === 'items' || kind === 'row' || kind === 'gd') this.history.push(m.total);
    return {
      generation,
      step: this.step,
      kind,
      product: null,
      m: F.m,
      n: F.n,
      d: F.d,
      U: F.U.slice(),
      V: F.V.slice(),
      biases: F.biases ? cloneFactors(F).biases! : null,
      metrics: m,
      singular,
      diverged,
      solved,
      row,
      note,
    };
  }
}

/** A hyperparameter sweep on a spec's training entries (stateless: it does not touch the lab's run). */
export function sweepSpec(spec: ProblemSpec, options: SweepOptions): { points: SweepPoint[]; train: number; test: number } {
  return sweepHyperparameter(ratingsOfRows(spec, spec.train), options);
}

function dChangeNote(from: number, to: number): string {
  return `d changed from ${from} to ${to}: U and V change shape (m×${from} → m×${to}), so the run cannot continue and the model was re-initialised.`;
}

/** Per-row values (biases) for new ids: kept for ids that survive (matched by label, else by position), 0 for new ones. */
function carryRows(ids: readonly string[], oldIds: readonly string[], from: Float64Array): Float64Array {
  const out = new Float64Array(ids.length);
  const index = new Map(oldIds.map((id, r) => [id, r]));
  ids.forEach((id, r) => {
    const o = index.get(id) ?? (ids.length === oldIds.length ? r : undefined);
    if (o !== undefined) out[r] = from[o]!;
  });
  return out;
}

/**
 * Keeps the learned rows of users and items that survive an edit (matched by label), and
 * gives new users or items seeded random rows, so adding a row does not lose the run.
 */
function carryOver(old: Factors, before: ProblemSpec, after: ProblemSpec, settings: ModelSettings): Factors {
  const d = old.d;
  const fresh = initFactors(after.m, after.n, d, { seed: settings.seed, scale: settings.initScale });
  const copy = (ids: readonly string[], oldIds: readonly string[], from: Float64Array, to: Float64Array) => {
    const index = new Map(oldIds.map((id, r) => [id, r]));
    ids.forEach((id, r) => {
      const o = index.get(id) ?? (ids.length === oldIds.length ? r : undefined);
      if (o !== undefined) to.set(from.subarray(o * d, o * d + d), r * d);
    });
  };
  copy(after.userIds, before.userIds, old.U, fresh.U);
  copy(after.itemIds, before.itemIds, old.V, fresh.V);
  return fresh;
}

/**
 * UVᵀ at the rows and columns a canvas heatmap draws, for a large model's snapshot (null for
 * small ones, whose views compute the whole product): computed here so the page never
 * spends a frame on it.
 */
export function productSample(snapshot: Snapshot): ProductSample | null {
  const { m, n, d, U, V } = snapshot;
  if (!U || !V || m * n <= LARGE_PRODUCT) return null;
  const rows = evenSample(m, PRODUCT_SAMPLE.rows);
  const cols = evenSample(n, PRODUCT_SAMPLE.cols);
  const F: Factors = { m, n, d, U, V };
  if (snapshot.biases) F.biases = snapshot.biases;
  return { rows, cols, values: predictGrid(F, rows, cols) };
}
