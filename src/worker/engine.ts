/**
 * The worker's model, as a plain class over the core: no DOM and no messaging, so the
 * same code runs in the Web Worker, in a main-thread fallback and in unit tests.
 */
import {
  alsHalfStep,
  assertFactorCount,
  compareConfidence,
  solveRows,
  sweepHyperparameter,
  type SweepOptions,
  type SweepPoint,
  type ConfidenceComparison,
  explicitProblem,
  gradientStep,
  implicitFromMatrices,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  metrics,
  ratingsFromTriples,
  traceSolve,
  type Factors,
  type Problem,
  type Ratings,
  type Side,
  type SingularRow,
  type SolveTrace,
  type Triple,
} from '../core';
import type { EntryList, ModelSettings, ProblemSpec, Snapshot, StepKind } from './protocol';

function triplesOf(list: EntryList): Triple[] {
  return Array.from(list.rows, (user, t) => ({ user, item: list.cols[t]!, value: list.values[t]! }));
}

/** Relative change of the loss over a full step below which a run counts as converged. */
export const CONVERGENCE_TOLERANCE = 1e-9;

/**
 * Action letters of a replayable run: ALS half-steps on users (u) or items (i); gradient
 * steps on both (g), on U only (p) or on V only (q).
 */
const ALS_LETTER: Record<Side, string> = { users: 'u', items: 'i' };
const GD_LETTER: Record<Side | 'both', string> = { both: 'g', users: 'p', items: 'q' };

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
  /** Letters of the actions since initialisation (see ALS_LETTER and GD_LETTER). */
  actions = '';

  /** m·n of the loaded matrix (how heavy the model is to draw). */
  get size(): number {
    return this.spec ? this.spec.m * this.spec.n : 0;
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
      return this.snapshot(generation, 'update', null, [], null, null);
    }
    const note = keepFactors && oldF && oldF.d !== settings.factors ? dChangeNote(oldF.d, settings.factors) : null;
    return this.init(generation, note);
  }

  private rebuildProblem(): void {
    const spec = this.spec!;
    const settings = this.settings!;
    const train = ratingsFromTriples(spec.m, spec.n, triplesOf(spec.train), spec.userIds, spec.itemIds);
    this.test = spec.test ? ratingsFromTriples(spec.m, spec.n, triplesOf(spec.test), spec.userIds, spec.itemIds) : null;
    if (spec.mode === 'explicit') this.problem = explicitProblem(train);
    else if (spec.matrices)
      this.problem = implicitProblem(implicitFromMatrices(spec.matrices.P, spec.matrices.C, spec.userIds, spec.itemIds));
    else this.problem = implicitProblem(implicitFromObservations(train, settings.alpha));
  }

  /** Random U and V from the seed: step 0 of a run. */
  init(generation: number, note: string | null = null): Snapshot {
    const spec = this.spec!;
    const s = this.settings!;
    this.F = initFactors(spec.m, spec.n, s.factors, { seed: s.seed, scale: s.initScale });
    this.step = 0;
    this.actions = '';
    this.history = [];
    this.bestLoss = Number.POSITIVE_INFINITY;
    return this.snapshot(generation, 'init', null, [], null, note);
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
    const note =
      settings.seed !== before.seed || settings.initScale !== before.initScale
        ? 'The new seed and initial scale apply at the next reset.'
        : null;
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
    this.actions += GD_LETTER[sides];
    return this.snapshot(generation, 'gd', sides, [], result.diverged, null);
  }

  /** Puts given factors back (scrubbing the timeline, or a shared link). */
  restore(U: Float64Array, V: Float64Array, step: number, generation: number): Snapshot {
    const F = this.F!;
    if (U.length !== F.U.length || V.length !== F.V.length) {
      throw new RangeError(`The restored U and V do not fit: expected ${F.m}×${F.d} and ${F.n}×${F.d}.`);
    }
    if (![...U, ...V].every(Number.isFinite))
      throw new RangeError('The restored U and V contain a value that is not a finite number.');
    F.U.set(U);
    F.V.set(V);
    this.step = step;
    this.actions = parseActions(this.actions).slice(0, step).join('');
    this.history = this.history.slice(0, step + 1);
    return this.snapshot(generation, 'restore', null, [], null, null);
  }

  /** Re-runs a recorded action string (u, i, g letters) from a fresh initialisation. */
  replay(actions: string, generation: number): Snapshot[] {
    const bad = actions.match(/[^uigpq]/);
    if (bad)
      throw new RangeError(`The run "${actions.slice(0, 20)}" has an unknown action "${bad[0]}" (expected u, i, g, p or q).`);
    const out = [this.init(generation)];
    for (const letter of actions) {
      if (letter === 'u') out.push(this.halfStepAls('users', generation));
      else if (letter === 'i') out.push(this.halfStepAls('items', generation));
      else out.push(this.gradient(letter === 'g' ? 'both' : letter === 'p' ? 'users' : 'items', generation));
    }
    return out;
  }

  private halfStepAls(side: Side, generation: number): Snapshot {
    const result = alsHalfStep(this.problem!, this.F!, side, this.settings!.lambda);
    this.step++;
    this.actions += ALS_LETTER[side];
    return this.snapshot(generation, side, side, result.singular, null, null);
  }

  /** The closed-form solve of one row, on the current factors or on given ones (a scrubbed-back step). */
  trace(side: Side, index: number, factors: { U: Float64Array; V: Float64Array } | null = null): SolveTrace {
    const F = this.F!;
    const at =
      factors && factors.U.length === F.U.length && factors.V.length === F.V.length ? { ...F, U: factors.U, V: factors.V } : F;
    return traceSolve(this.problem!, at, side, index, this.settings!.lambda);
  }

  /** Solves one row only (the solve explorer's last step: write u_i into U). */
  solveRow(side: Side, index: number, generation: number): Snapshot {
    const result = solveRows(this.problem!, this.F!, side, this.settings!.lambda, [index]);
    this.step++;
    this.actions += `${side === 'users' ? 'U' : 'I'}${index}.`;
    return this.snapshot(generation, 'row', side, result.singular, null, null, index);
  }

  /** The lecture's C against c = 1 + α·r on the same preferences (see core compareConfidence). */
  compareConfidence(alpha: number, iterations: number): ConfidenceComparison {
    const spec = this.spec!;
    const s = this.settings!;
    let P: number[][];
    let C: number[][];
    if (spec.matrices) ({ P, C } = spec.matrices);
    else {
      P = Array.from({ length: spec.m }, () => new Array<number>(spec.n).fill(0));
      C = Array.from({ length: spec.m }, () => new Array<number>(spec.n).fill(0));
      spec.train.rows.forEach((i, t) => {
        const r = spec.train.values[t]!;
        P[i]![spec.train.cols[t]!] = r > 0 ? 1 : 0;
        C[i]![spec.train.cols[t]!] = r;
      });
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

  /** Whether the last full step changed the loss by less than the tolerance (relative). */
  converged(): boolean {
    const h = this.history;
    const span = this.settings!.solver === 'gd' ? 1 : 2;
    if (h.length <= span) return false;
    const a = h[h.length - 1 - span]!;
    const b = h[h.length - 1]!;
    return Math.abs(a - b) <= CONVERGENCE_TOLERANCE * Math.max(Math.abs(a), Number.MIN_VALUE);
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
    const m = metrics(this.problem!, F, this.settings!.lambda, this.test);
    if (kind !== 'update') this.lastKind = kind;
    if (kind === 'init' || kind === 'users' || kind === 'items' || kind === 'row' || kind === 'gd') this.history.push(m.total);
    return {
      generation,
      step: this.step,
      kind,
      m: F.m,
      n: F.n,
      d: F.d,
      U: F.U.slice(),
      V: F.V.slice(),
      metrics: m,
      singular,
      diverged,
      solved,
      row,
      note,
    };
  }
}

/**
 * Splits a run's action string into tokens: u, i (ALS half-steps), g, p, q (gradient steps),
 * U<k>. and I<k>. (the closed-form solve of user or item k alone, 0-based).
 */
export function parseActions(actions: string): string[] {
  const tokens: string[] = [];
  const pattern = /[uigpq]|[UI]\d+\./y;
  while (pattern.lastIndex < actions.length) {
    const at = pattern.lastIndex;
    const match = pattern.exec(actions);
    if (!match) {
      throw new RangeError(
        `The run "${actions.slice(0, 24)}" has an unknown action at "${actions.slice(at, at + 6)}" (expected u, i, g, p, q, U<k>. or I<k>.).`,
      );
    }
    tokens.push(match[0]);
  }
  return tokens;
}

/** A hyperparameter sweep on a spec's training entries (stateless: it does not touch the lab's run). */
export function sweepSpec(spec: ProblemSpec, options: SweepOptions): { points: SweepPoint[]; train: number; test: number } {
  const R = ratingsFromTriples(spec.m, spec.n, triplesOf(spec.train), spec.userIds, spec.itemIds);
  return sweepHyperparameter(R, options);
}

function dChangeNote(from: number, to: number): string {
  return `d changed from ${from} to ${to}: U and V change shape (m×${from} → m×${to}), so the run cannot continue and the model was re-initialised.`;
}

/**
 * Keeps the learned rows of users and items that survive an edit (matched by label), and
 * gives new users or items seeded random rows, so adding a row does not lose the run.
 */
function carryOver(old: Factors, before: ProblemSpec, after: ProblemSpec, settings: ModelSettings): Factors {
  const d = old.d;
  const fresh = initFactors(after.m, after.n, d, { seed: settings.seed, scale: settings.initScale });
  const copy = (ids: string[], oldIds: string[], from: Float64Array, to: Float64Array) => {
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
