/**
 * Evaluation the way practitioners do it: rating error on held-out ratings beside simple
 * baselines (explicit), and ranking quality on held-out interactions beside a popularity
 * baseline (implicit), so a student sees whether the factors beat "predict the mean" and
 * "recommend what is popular".
 */
import { scoreItems, type Factors } from './factors';
import { patternOf, type Problem } from './problem';
import type { Ratings } from './ratings';
import { consumedMask, topK } from './recommend';

/** Held-out rating error. */
export interface ErrorMetrics {
  /** √(Σ (r − r̂)² / N) over the N held-out ratings. */
  rmse: number;
  /** Σ |r − r̂| / N. */
  mae: number;
  /** N. */
  count: number;
}

/** A predictor of r̂_ij by position. */
export type Predictor = (user: number, item: number) => number;

/** RMSE and MAE of a predictor over the known entries of `test` (NaN for both when test is empty). */
export function ratingErrors(test: Ratings, predict: Predictor): ErrorMetrics {
  let se = 0;
  let ae = 0;
  for (let i = 0; i < test.m; i++) {
    for (let q = test.userPtr[i]!; q < test.userPtr[i + 1]!; q++) {
      const e = test.userVal[q]! - predict(i, test.userCol[q]!);
      se += e * e;
      ae += Math.abs(e);
    }
  }
  const n = test.nnz;
  return n === 0 ? { rmse: Number.NaN, mae: Number.NaN, count: 0 } : { rmse: Math.sqrt(se / n), mae: ae / n, count: n };
}

export type BaselineName = 'globalMean' | 'userMean' | 'itemMean' | 'biases';

/** What each baseline predicts, in words. */
export const BASELINE_LABELS: Readonly<Record<BaselineName, string>> = {
  globalMean: 'global mean μ',
  userMean: 'each user’s mean rating',
  itemMean: 'each item’s mean rating',
  biases: 'μ + user bias + item bias',
};

/** Shrinkage of the bias baseline (Koren 2010, "baseline predictors"): items, then users. */
export const BASELINE_SHRINKAGE = { item: 25, user: 10 } as const;

/**
 * The baselines fitted on training ratings R:
 *
 * - global mean: r̂ = μ, the mean training rating;
 * - user mean: r̂_ij = mean of user i's ratings (μ when the user has none);
 * - item mean: r̂_ij = mean of item j's ratings (μ when the item has none);
 * - biases (Koren 2010): cⱼ = Σ_{i∈Ωʲ}(r_ij − μ) / (25 + |Ωʲ|), then
 *   bᵢ = Σ_{j∈Ωᵢ}(r_ij − μ − cⱼ) / (10 + |Ωᵢ|), and r̂_ij = μ + bᵢ + cⱼ — one pass, shrunk towards 0
 *   for users and items with few ratings.
 */
export function baselinePredictors(train: Ratings): Record<BaselineName, Predictor> {
  let total = 0;
  for (let q = 0; q < train.nnz; q++) total += train.userVal[q]!;
  const mu = train.nnz === 0 ? 0 : total / train.nnz;
  const userMean = new Float64Array(train.m).fill(mu);
  const itemMean = new Float64Array(train.n).fill(mu);
  const itemBias = new Float64Array(train.n);
  const userBias = new Float64Array(train.m);
  for (let j = 0; j < train.n; j++) {
    const lo = train.itemPtr[j]!;
    const hi = train.itemPtr[j + 1]!;
    let s = 0;
    for (let q = lo; q < hi; q++) s += train.itemVal[q]!;
    if (hi > lo) itemMean[j] = s / (hi - lo);
    itemBias[j] = (s - mu * (hi - lo)) / (BASELINE_SHRINKAGE.item + hi - lo);
  }
  for (let i = 0; i < train.m; i++) {
    const lo = train.userPtr[i]!;
    const hi = train.userPtr[i + 1]!;
    let s = 0;
    let r = 0;
    for (let q = lo; q < hi; q++) {
      s += train.userVal[q]!;
      r += train.userVal[q]! - mu - itemBias[train.userCol[q]!]!;
    }
    if (hi > lo) userMean[i] = s / (hi - lo);
    userBias[i] = r / (BASELINE_SHRINKAGE.user + hi - lo);
  }
  return {
    globalMean: () => mu,
    userMean: (i) => userMean[i]!,
    itemMean: (_i, j) => itemMean[j]!,
    biases: (i, j) => mu + userBias[i]! + itemBias[j]!,
  };
}

export interface ExplicitEvaluation {
  model: ErrorMetrics;
  baselines: Record<BaselineName, ErrorMetrics>;
}

/** Held-out RMSE and MAE of the model (r̂ = u_iᵀv_j, + biases when present) beside every baseline. */
export function explicitEvaluation(train: Ratings, test: Ratings, F: Factors): ExplicitEvaluation {
  const d = F.d;
  const b = F.biases;
  const model = ratingErrors(test, (i, j) => {
    let s = b ? b.mu + b.user[i]! + b.item[j]! : 0;
    for (let a = 0; a < d; a++) s += F.U[i * d + a]! * F.V[j * d + a]!;
    return s;
  });
  const predictors = baselinePredictors(train);
  const baselines = {} as Record<BaselineName, ErrorMetrics>;
  for (const name of Object.keys(predictors) as BaselineName[]) baselines[name] = ratingErrors(test, predictors[name]);
  return { model, baselines };
}

/** Ranking quality at cut-off k, averaged over the users with at least one relevant held-out item. */
export interface RankingMetrics {
  k: number;
  /** precision@k = |top-k ∩ T| / k. */
  precision: number;
  /** recall@k = |top-k ∩ T| / |T|. */
  recall: number;
  /** MAP@k: the mean of AP@k = (1 / min(k, |T|)) Σ_{n ≤ k} rel(n) · precision@n. */
  map: number;
  /** NDCG@k = Σ_{n ≤ k} rel(n)/log₂(n+1) ÷ Σ_{n ≤ min(k,|T|)} 1/log₂(n+1). */
  ndcg: number;
  /** How many users were averaged over. */
  users: number;
}

/** Writes user i's score of every item into `out` (higher = recommended first). */
export type Scorer = (user: number, out: Float64Array) => void;

/** The model's scores r̂_ij. */
export function modelScorer(F: Factors): Scorer {
  return (i, out) => {
    scoreItems(F, i, out);
  };
}

/**
 * The popularity baseline: every user gets the same ranking, items by how many training users
 * have them (rated, or interacted with p = 1).
 */
export function popularityScorer(problem: Problem): Scorer {
  const R = patternOf(problem);
  const p = problem.mode === 'implicit' ? problem.data.pUser : null;
  const counts = new Float64Array(R.n);
  for (let q = 0; q < R.nnz; q++) if (!p || p[q]! > 0) counts[R.userCol[q]!]!++;
  return (_i, out) => out.set(counts);
}

export interface RankingOptions {
  /** Which held-out entries count as relevant (default: value > 0, i.e. an interaction). */
  relevant?: (value: number) => boolean;
}

/**
 * precision@k, recall@k, MAP@k and NDCG@k on held-out entries. For each user with a non-empty
 * relevant set T (held-out entries that pass `relevant`), every item is ranked by `scorer`
 * except the user's training items (their ratings; implicit: interactions with p = 1), ties by
 * item index, and the top k are compared with T. Users without relevant held-out items are
 * skipped; `users` says how many were averaged.
 */
export function rankingMetrics(
  problem: Problem,
  test: Ratings,
  scorer: Scorer,
  k: number,
  options: RankingOptions = {},
): RankingMetrics {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`The cut-off k must be a whole number ≥ 1 (got ${k}).`);
  const R = patternOf(problem);
  if (test.m !== R.m || test.n !== R.n) {
    throw new RangeError(`The held-out matrix is ${test.m}×${test.n}, but the training data is ${R.m}×${R.n}.`);
  }
  const relevant = options.relevant ?? ((v: number) => v > 0);
  const scores = new Float64Array(R.n);
  const mask = new Uint8Array(R.n);
  const inTest = new Uint8Array(R.n);
  let users = 0;
  let precision = 0;
  let recall = 0;
  let map = 0;
  let ndcg = 0;
  for (let i = 0; i < R.m; i++) {
    let size = 0;
    for (let q = test.userPtr[i]!; q < test.userPtr[i + 1]!; q++) {
      if (relevant(test.userVal[q]!)) {
        inTest[test.userCol[q]!] = 1;
        size++;
      }
    }
    if (size === 0) continue;
    scorer(i, scores);
    consumedMask(problem, i, mask);
    const top = topK(scores, k, mask);
    let hits = 0;
    let ap = 0;
    let dcg = 0;
    for (let n = 0; n < top.length; n++) {
      if (!inTest[top[n]!]) continue;
      hits++;
      ap += hits / (n + 1);
      dcg += 1 / Math.log2(n + 2);
    }
    let idcg = 0;
    for (let n = 0; n < Math.min(k, size); n++) idcg += 1 / Math.log2(n + 2);
    precision += hits / k;
    recall += hits / size;
    map += ap / Math.min(k, size);
    ndcg += dcg / idcg;
    users++;
    for (let q = test.userPtr[i]!; q < test.userPtr[i + 1]!; q++) inTest[test.userCol[q]!] = 0;
  }
  const mean = (x: number) => (users === 0 ? Number.NaN : x / users);
  return { k, precision: mean(precision), recall: mean(recall), map: mean(map), ndcg: mean(ndcg), users };
}

/** The model's ranking metrics beside the popularity baseline's, on the same held-out entries. */
export function rankingEvaluation(
  problem: Problem,
  test: Ratings,
  F: Factors,
  k: number,
  options: RankingOptions = {},
): { model: RankingMetrics; popularity: RankingMetrics } {
  return {
    model: rankingMetrics(problem, test, modelScorer(F), k, options),
    popularity: rankingMetrics(problem, test, popularityScorer(problem), k, options),
  };
}
