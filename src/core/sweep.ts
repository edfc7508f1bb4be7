import type { Ratings } from './ratings';
import { gridSearch } from './search';

export interface SweepOptions {
  /** Which hyperparameter varies. */
  param: 'lambda' | 'factors';
  values: number[];
  /** Share of the known ratings held out. */
  holdout: number;
  /** Seed of the split and of the initialisation. */
  seed: number;
  /** The other hyperparameter's value. */
  factors: number;
  lambda: number;
  initScale: number;
  iterations: number;
}

export interface SweepPoint {
  value: number;
  trainRmse: number;
  testRmse: number;
}

/**
 * The supervised-learning view: for each value of λ (or d), fit ALS on the training part
 * of a seeded split and measure the error on the held-out part. Small λ or large d fit the
 * training ratings better and the held-out ones worse. A one-dimensional, hold-out
 * {@link gridSearch} of the lecture's explicit variant.
 */
export function sweepHyperparameter(R: Ratings, options: SweepOptions): { points: SweepPoint[]; train: number; test: number } {
  const byLambda = options.param === 'lambda';
  const result = gridSearch(R, {
    mode: 'explicit',
    variant: 'lecture',
    factors: byLambda ? [options.factors] : options.values,
    lambdas: byLambda ? options.values : [options.lambda],
    validation: { kind: 'holdout', fraction: options.holdout },
    seed: options.seed,
    initScale: options.initScale,
    iterations: options.iterations,
  });
  const points = result.cells.map((cell) => ({
    value: byLambda ? cell.lambda : cell.factors,
    trainRmse: cell.train,
    testRmse: cell.value,
  }));
  return { points, train: result.train, test: result.test };
}
