import { alsStep } from './als';
import { initFactors } from './factors';
import { heldOutRmse, trainRmse } from './objective';
import { explicitProblem } from './problem';
import type { Ratings } from './ratings';
import { splitRatings } from './split';

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
 * training ratings better and the held-out ones worse.
 */
export function sweepHyperparameter(R: Ratings, options: SweepOptions): { points: SweepPoint[]; train: number; test: number } {
  const { train, test } = splitRatings(R, options.holdout, options.seed);
  const problem = explicitProblem(train);
  const points = options.values.map((value) => {
    const d = options.param === 'factors' ? value : options.factors;
    const lambda = options.param === 'lambda' ? value : options.lambda;
    const F = initFactors(R.m, R.n, d, { seed: options.seed, scale: options.initScale });
    for (let t = 0; t < options.iterations; t++) alsStep(problem, F, lambda);
    return { value, trainRmse: trainRmse(problem, F), testRmse: heldOutRmse(problem, test, F) };
  });
  return { points, train: train.nnz, test: test.nnz };
}
