/**
 * The grid search over d × λ (× α): every cell is an ALS fit on training folds scored on the
 * held-out part, the best cell is the best value, and the λ sweep is its one-dimensional case.
 */
import { describe, expect, it } from 'vitest';
import {
  alsStep,
  explicitProblem,
  gridSearch,
  heldOutRmse,
  initFactors,
  kFoldSplits,
  prepareFactors,
  ratingsToTriples,
  searchSteps,
  splitRatings,
  sweepHyperparameter,
  syntheticRatings,
  variantCurves,
  type SearchOptions,
} from '../../../src/core';

const R = syntheticRatings({ users: 40, items: 30, ratings: 500, seed: 11 });

const base: SearchOptions = {
  mode: 'explicit',
  variant: 'lecture',
  factors: [1, 3],
  lambdas: [0.01, 1, 10],
  validation: { kind: 'holdout', fraction: 0.2 },
  seed: 4,
  initScale: 0.3,
  iterations: 4,
};

describe('k-fold splits', () => {
  it('hold every known entry out exactly once, and train on the rest', () => {
    const folds = kFoldSplits(R, 4, 9);
    const key = (t: { user: number; item: number }) => `${t.user},${t.item}`;
    const heldOut = folds.flatMap((f) => ratingsToTriples(f.test).map(key));
    expect(heldOut.length).toBe(R.nnz);
    expect(new Set(heldOut).size).toBe(R.nnz);
    for (const f of folds) expect(f.train.nnz + f.test.nnz).toBe(R.nnz);
    expect(Math.max(...folds.map((f) => f.test.nnz)) - Math.min(...folds.map((f) => f.test.nnz))).toBeLessThanOrEqual(1);
  });
});

describe('grid search', () => {
  it('hold-out: each cell is the held-out RMSE of ALS fitted with its d and λ; best is the lowest', () => {
    const result = gridSearch(R, base);
    expect(result.cells).toHaveLength(6);
    expect(result.metric).toEqual({ name: 'rmse', better: 'lower' });
    // One cell recomputed by hand.
    const { train, test } = splitRatings(R, 0.2, 4);
    const problem = explicitProblem(train);
    const F = initFactors(R.m, R.n, 3, { seed: 4, scale: 0.3 });
    for (let t = 0; t < 4; t++) alsStep(problem, F, 1);
    const cell = result.cells.find((c) => c.factors === 3 && c.lambda === 1)!;
    expect(cell.value).toBeCloseTo(heldOutRmse(problem, test, F), 12);
    expect(result.best!.value).toBe(Math.min(...result.cells.map((c) => c.value)));
  });

  it('k-fold: a cell’s value is the mean over its folds; ALS-WR and biases run too', () => {
    for (const variant of ['wr', 'biases'] as const) {
      const result = gridSearch(R, { ...base, variant, factors: [2], lambdas: [0.5], validation: { kind: 'kfold', folds: 3 } });
      const cell = result.cells[0]!;
      expect(cell.folds).toHaveLength(3);
      expect(cell.value).toBeCloseTo(cell.folds.reduce((s, x) => s + x, 0) / 3, 12);
      // The first fold recomputed by hand.
      const fold = kFoldSplits(R, 3, 4)[0]!;
      const problem = explicitProblem(fold.train);
      const F = initFactors(R.m, R.n, 2, { seed: 4, scale: 0.3 });
      prepareFactors(problem, F, variant);
      for (let t = 0; t < 4; t++) alsStep(problem, F, { variant, lambda: 0.5 });
      expect(cell.folds[0]).toBeCloseTo(heldOutRmse(problem, fold.test, F), 12);
    }
  });

  it('implicit: precision@k over d × λ × α, higher is better', () => {
    const counts = syntheticRatings({ users: 40, items: 30, ratings: 400, seed: 2, min: 1, max: 3 });
    const result = gridSearch(counts, { ...base, mode: 'implicit', factors: [2], lambdas: [0.1, 1], alphas: [1, 10], k: 5 });
    expect(result.metric).toEqual({ name: 'precision@5', better: 'higher' });
    expect(result.cells.map((c) => [c.lambda, c.alpha])).toEqual([
      [0.1, 1],
      [0.1, 10],
      [1, 1],
      [1, 10],
    ]);
    for (const c of result.cells) expect(c.value).toBeGreaterThanOrEqual(0);
    expect(result.best!.value).toBe(Math.max(...result.cells.map((c) => c.value)));
  });

  it('reports progress up to the total and stops when cancelled, keeping the finished cells', () => {
    const seen: number[] = [];
    const full = gridSearch(R, base, { onProgress: (p) => seen.push(p.done / p.total) });
    expect(full.cancelled).toBe(false);
    expect(seen.at(-1)).toBe(1);
    for (let t = 1; t < seen.length; t++) expect(seen[t]!).toBeGreaterThanOrEqual(seen[t - 1]!);

    let cells = 0;
    const stopped = gridSearch(R, base, {
      onProgress: (p) => {
        if (p.cell) cells++;
      },
      isCancelled: () => cells >= 2,
    });
    expect(stopped.cancelled).toBe(true);
    expect(stopped.cells).toHaveLength(2);
    expect(stopped.cells).toEqual(full.cells.slice(0, 2));
  });

  it('the generator can be driven step by step (as a worker does)', () => {
    const steps = searchSteps(R, { ...base, factors: [2], lambdas: [1] });
    let count = 0;
    let next = steps.next();
    while (!next.done) {
      count++;
      next = steps.next();
    }
    expect(count).toBe(4 + 1); // one per iteration, one for the finished cell
    expect(next.value.cells).toHaveLength(1);
  });

  it('refuses an empty or invalid grid with a message', () => {
    expect(() => gridSearch(R, { ...base, factors: [] })).toThrow(/at least one d/);
    expect(() => gridSearch(R, { ...base, lambdas: [-1] })).toThrow(/λ in the grid must be a number ≥ 0/);
  });
});

describe('the λ sweep is a one-dimensional grid search', () => {
  it('gives the cells’ held-out and training RMSE', () => {
    const sweep = sweepHyperparameter(R, {
      param: 'lambda',
      values: [0.01, 1, 10],
      holdout: 0.2,
      seed: 4,
      factors: 3,
      lambda: 0,
      initScale: 0.3,
      iterations: 4,
    });
    const grid = gridSearch(R, { ...base, factors: [3] });
    expect(sweep.points.map((p) => p.testRmse)).toEqual(grid.cells.map((c) => c.value));
    expect(sweep.points.map((p) => p.trainRmse)).toEqual(grid.cells.map((c) => c.train));
    expect(sweep.points.map((p) => p.value)).toEqual([0.01, 1, 10]);
  });
});

describe('variants side by side', () => {
  it('records each variant’s held-out RMSE and objective per iteration from the same start; the objective never rises', () => {
    const { train, test } = splitRatings(R, 0.2, 4);
    const curves = variantCurves(
      train,
      test,
      [
        { label: 'lecture', als: 1, factors: 3 },
        { label: 'ALS-WR', als: { variant: 'wr', lambda: 0.1 }, factors: 3 },
        { label: 'biases', als: { variant: 'biases', lambda: 5 }, factors: 3 },
      ],
      { iterations: 4, seed: 4, initScale: 0.3 },
    );
    expect(curves.map((c) => c.label)).toEqual(['lecture', 'ALS-WR', 'biases']);
    for (const c of curves) {
      expect(c.heldOut).toHaveLength(5);
      for (let t = 1; t < c.loss.length; t++) expect(c.loss[t]!).toBeLessThanOrEqual(c.loss[t - 1]! * (1 + 1e-12));
    }
    // Every curve starts from the same factors (the biases start at 0, so μ alone differs).
    expect(curves[0]!.heldOut[0]).toBe(curves[1]!.heldOut[0]);
    // The lecture's curve is the grid search's cell after 4 iterations.
    const cell = gridSearch(R, { ...base, factors: [3], lambdas: [1], seed: 4 }).cells[0]!;
    expect(curves[0]!.heldOut[4]).toBeCloseTo(cell.value, 12);
  });
});
