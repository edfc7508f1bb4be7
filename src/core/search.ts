/**
 * The lecture's "supervised learning" view made real: a grid search over d × λ (× α for implicit
 * feedback), each cell fitted by ALS on training folds and scored on held-out entries.
 */
import { alsStep, prepareFactors } from './als';
import { rankingMetrics, modelScorer } from './evaluate';
import { initFactors } from './factors';
import { implicitFromObservations } from './implicit';
import { heldOutRmse, lossParts, trainRmse } from './objective';
import { explicitProblem, implicitProblem, type Mode, type Problem } from './problem';
import { createRng, shuffledIndices } from './random';
import { ratingsFromTriples, ratingsToTriples, type Ratings, type Triple } from './ratings';
import { splitRatings, type Split } from './split';
import { resolveAls, type AlsOptions, type AlsSettings, type RowSolver, type Variant } from './variant';

/** Hold out a share of the known entries once, or rotate through k folds. */
export type Validation = { kind: 'holdout'; fraction: number } | { kind: 'kfold'; folds: number };

export interface SearchOptions {
  mode: Mode;
  variant: Variant;
  solver?: RowSolver;
  cgSteps?: number;
  /** The d values of the grid. */
  factors: number[];
  /** The λ values of the grid. */
  lambdas: number[];
  /** Implicit only: the α values of the grid (c = 1 + α·r). */
  alphas?: number[];
  validation: Validation;
  /** Seed of the split(s) and of every cell's initialisation (all cells start alike). */
  seed: number;
  initScale: number;
  /** Full ALS iterations per fit. */
  iterations: number;
  /** Implicit: the cut-off of precision@k (default 10). */
  k?: number;
}

export interface SearchCell {
  factors: number;
  lambda: number;
  /** α of the cell (implicit), or null. */
  alpha: number | null;
  /** The validation value, averaged over folds: held-out RMSE (explicit) or precision@k (implicit). */
  value: number;
  /** The value on each fold. */
  folds: number[];
  /** Training error in the mode's own terms (train RMSE), averaged over folds. */
  train: number;
}

export interface SearchMetric {
  /** 'rmse' (explicit) or 'precision@k' (implicit). */
  name: string;
  better: 'lower' | 'higher';
}

export interface SearchResult {
  metric: SearchMetric;
  /** Every finished cell, in grid order (d slowest, then λ, then α). */
  cells: SearchCell[];
  /** The best finished cell, or null when none finished. */
  best: SearchCell | null;
  cancelled: boolean;
  /** Sizes of the (first) training and validation parts. */
  train: number;
  test: number;
}

export interface SearchProgress {
  /** Fits done (one fit = one cell on one fold), with a fraction for the current one. */
  done: number;
  total: number;
  /** The cell that just finished, if one did. */
  cell: SearchCell | null;
}

/**
 * k seeded folds of the known entries: each entry is held out in exactly one fold (the entries
 * are shuffled, then dealt out in turn), and each fold's training part is everything else.
 */
export function kFoldSplits(R: Ratings, folds: number, seed: number): Split[] {
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError(`k-fold validation needs at least 2 folds (got ${folds}).`);
  const order = shuffledIndices(R.nnz, createRng(seed));
  const foldOf = new Int32Array(R.nnz);
  for (let t = 0; t < R.nnz; t++) foldOf[order[t]!] = t % folds;
  const triples = ratingsToTriples(R);
  return Array.from({ length: folds }, (_, f) => {
    const train: Triple[] = [];
    const test: Triple[] = [];
    triples.forEach((t, p) => (foldOf[p] === f ? test : train).push(t));
    return {
      train: ratingsFromTriples(R.m, R.n, train, R.userIds, R.itemIds),
      test: ratingsFromTriples(R.m, R.n, test, R.userIds, R.itemIds),
    };
  });
}

function validationSplits(R: Ratings, validation: Validation, seed: number): Split[] {
  if (validation.kind === 'kfold') return kFoldSplits(R, validation.folds, seed);
  return [splitRatings(R, validation.fraction, seed)];
}

function checkGrid(name: string, values: readonly number[], ok: (x: number) => boolean, rule: string): void {
  if (values.length === 0) throw new RangeError(`The search grid needs at least one ${name}.`);
  for (const x of values) if (!ok(x)) throw new RangeError(`Every ${name} in the grid must be ${rule} (got ${x}).`);
}

/**
 * The search as a generator: it yields progress after every ALS iteration (so a worker can
 * answer messages and report progress between them) and returns the grid of validation values
 * with the best cell. `isCancelled` is checked after every yield; when it returns true the
 * search ends with the cells finished so far (`cancelled: true`). {@link gridSearch} drives it
 * with a progress callback.
 */
export function* searchSteps(
  R: Ratings,
  options: SearchOptions,
  isCancelled: () => boolean = () => false,
): Generator<SearchProgress, SearchResult, void> {
  const whole = (x: number) => Number.isInteger(x) && x >= 1;
  checkGrid('d', options.factors, whole, 'a whole number ≥ 1');
  checkGrid('λ', options.lambdas, (x) => x >= 0 && Number.isFinite(x), 'a number ≥ 0');
  const implicit = options.mode === 'implicit';
  const alphas = implicit ? (options.alphas ?? [40]) : [null];
  if (implicit) checkGrid('α', alphas as number[], (x) => x >= 0 && Number.isFinite(x), 'a number ≥ 0');
  if (!whole(options.iterations) && options.iterations !== 0) {
    throw new RangeError(`The number of iterations must be a whole number (got ${options.iterations}).`);
  }
  const k = options.k ?? 10;
  const metric: SearchMetric = implicit ? { name: `precision@${k}`, better: 'higher' } : { name: 'rmse', better: 'lower' };
  const splits = validationSplits(R, options.validation, options.seed);
  const total = options.factors.length * options.lambdas.length * alphas.length * splits.length;
  const cells: SearchCell[] = [];
  let best: SearchCell | null = null;
  let done = 0;
  const result = (cancelled: boolean): SearchResult => ({
    metric,
    cells,
    best,
    cancelled,
    train: splits[0]!.train.nnz,
    test: splits[0]!.test.nnz,
  });
  for (const d of options.factors) {
    for (const lambda of options.lambdas) {
      for (const alpha of alphas) {
        const als: AlsOptions = resolveAls({
          variant: options.variant,
          lambda,
          solver: options.solver,
          cgSteps: options.cgSteps,
        });
        const values: number[] = [];
        const trains: number[] = [];
        for (const split of splits) {
          const problem: Problem = implicit
            ? implicitProblem(implicitFromObservations(split.train, alpha!))
            : explicitProblem(split.train);
          const F = initFactors(R.m, R.n, d, { seed: options.seed, scale: options.initScale });
          prepareFactors(problem, F, als.variant);
          for (let t = 0; t < options.iterations; t++) {
            alsStep(problem, F, als);
            yield { done: done + (t + 1) / options.iterations, total, cell: null };
            if (isCancelled()) return result(true);
          }
          values.push(
            implicit ? rankingMetrics(problem, split.test, modelScorer(F), k).precision : heldOutRmse(problem, split.test, F),
          );
          trains.push(trainRmse(problem, F));
          done++;
        }
        const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
        const cell: SearchCell = { factors: d, lambda, alpha, value: mean(values), folds: values, train: mean(trains) };
        cells.push(cell);
        if (
          Number.isFinite(cell.value) &&
          (best === null || (metric.better === 'lower' ? cell.value < best.value : cell.value > best.value))
        ) {
          best = cell;
        }
        yield { done, total, cell };
        if (isCancelled()) return result(true);
      }
    }
  }
  return result(false);
}

export interface SearchCallbacks {
  onProgress?: (progress: SearchProgress) => void;
  /** Checked after every ALS iteration: return true to stop (the finished cells are kept). */
  isCancelled?: () => boolean;
}

/** Runs {@link searchSteps} to the end or until cancelled; the result says which. */
export function gridSearch(R: Ratings, options: SearchOptions, callbacks: SearchCallbacks = {}): SearchResult {
  const steps = searchSteps(R, options, callbacks.isCancelled);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    callbacks.onProgress?.(next.value);
  }
}

/** One model in a side-by-side comparison. */
export interface CurveConfig {
  label: string;
  /** The half-steps' options: variant, λ, solver. */
  als: AlsSettings;
  factors: number;
}

export interface VariantCurve {
  label: string;
  /** Held-out RMSE after each full iteration (index 0: the start). */
  heldOut: number[];
  /** The objective after each full iteration (index 0: the start). */
  loss: number[];
}

/** Progress of a comparison: iterations done over all configs. */
export interface CurveProgress {
  done: number;
  total: number;
}

/**
 * {@link variantCurves} on any problem (explicit or implicit), as a generator that yields after
 * every ALS iteration, so a worker can report progress and take a cancel between them. Every
 * config starts from the same seeded factors; held-out RMSE is against the rating (explicit) or
 * against p = [r > 0] (implicit), NaN when `test` is empty.
 */
export function* variantCurveSteps(
  problem: Problem,
  test: Ratings | null,
  configs: readonly CurveConfig[],
  options: { iterations: number; seed: number; initScale: number },
): Generator<CurveProgress, VariantCurve[], void> {
  const R = problem.mode === 'explicit' ? problem.R : problem.data.pattern;
  const total = configs.length * options.iterations;
  const heldOutOf = (F: ReturnType<typeof initFactors>) => (test && test.nnz > 0 ? heldOutRmse(problem, test, F) : Number.NaN);
  const out: VariantCurve[] = [];
  let done = 0;
  for (const config of configs) {
    const F = initFactors(R.m, R.n, config.factors, { seed: options.seed, scale: options.initScale });
    const als = resolveAls(config.als);
    prepareFactors(problem, F, als.variant);
    const heldOut = [heldOutOf(F)];
    const loss = [lossParts(problem, F, als).total];
    for (let t = 0; t < options.iterations; t++) {
      alsStep(problem, F, als);
      heldOut.push(heldOutOf(F));
      loss.push(lossParts(problem, F, als).total);
      yield { done: ++done, total };
    }
    out.push({ label: config.label, heldOut, loss });
  }
  return out;
}

/**
 * Variants side by side on the same split: each config is fitted by ALS on `train` from the same
 * seeded start, and its held-out RMSE (and own objective) is recorded after every iteration, for
 * one chart of held-out error over the iterations.
 */
export function variantCurves(
  train: Ratings,
  test: Ratings,
  configs: readonly CurveConfig[],
  options: { iterations: number; seed: number; initScale: number },
): VariantCurve[] {
  const steps = variantCurveSteps(explicitProblem(train), test, configs, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
