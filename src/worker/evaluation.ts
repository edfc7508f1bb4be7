/**
 * The lab's evaluation request, as a pure function over the core: the current factors on the
 * held-out cells beside the baselines — rating error against four simple predictors
 * (explicit), ranking quality against recommending what is popular (implicit).
 */
import {
  explicitEvaluation,
  rankingEvaluation,
  type ExplicitEvaluation,
  type Factors,
  type Problem,
  type RankingMetrics,
  type Ratings,
} from '../core';

export interface LabEvaluation {
  /** The step of the run the factors are from. */
  step: number;
  /** Held-out entries (0: nothing to evaluate on). */
  heldOut: number;
  /** Explicit: RMSE and MAE of the model and of each baseline; else null. */
  explicit: ExplicitEvaluation | null;
  /** Implicit: precision@k, recall@k, MAP@k, NDCG@k of the model and of the popularity baseline; else null. */
  ranking: { model: RankingMetrics; popularity: RankingMetrics } | null;
  /** Implicit: whether every training observation is 0 or 1 (then α between 1 and 10 tends to do best). */
  binary: boolean;
}

function isBinary(problem: Problem): boolean {
  if (problem.mode !== 'implicit') return false;
  // The lecture's C given entry by entry: P is 0/1 by definition, but α plays no part.
  if (problem.data.source.kind !== 'alpha') return false;
  for (const r of problem.data.pattern.userVal) if (r !== 0 && r !== 1) return false;
  return true;
}

/** Evaluates factors F (trained on `problem`) on the held-out ratings `test`; k is the ranking cut-off. */
export function evaluateModel(problem: Problem, test: Ratings | null, F: Factors, k: number, step: number): LabEvaluation {
  const heldOut = test?.nnz ?? 0;
  const base = { step, heldOut, explicit: null, ranking: null, binary: isBinary(problem) };
  if (!test || heldOut === 0) return base;
  if (problem.mode === 'explicit') return { ...base, explicit: explicitEvaluation(problem.R, test, F) };
  return { ...base, ranking: rankingEvaluation(problem, test, F, k) };
}
