import { rowCounts } from './als';
import { gramOf, type Factors } from './factors';
import type { ImplicitData } from './implicit';
import { patternOf, type Problem } from './problem';
import type { Ratings } from './ratings';
import { assertVariantFits, resolveAls, type AlsSettings } from './variant';

/** The objective and its two parts. */
export interface LossParts {
  /**
   * Explicit: Σ_{(i,j)∈Ω} (r_ij − r̂_ij)² with r̂_ij = u_iᵀv_j (+ μ + bᵢ + cⱼ for biases).
   * Implicit: Σ_{all i,j} c_ij (p_ij − u_iᵀv_j)².
   */
  data: number;
  /**
   * Every regularisation term: λ (Σ_i ‖u_i‖² + Σ_j ‖v_j‖²) for the lecture's variant,
   * λ (Σ_i nᵢ‖u_i‖² + Σ_j nⱼ‖v_j‖²) for ALS-WR, plus λ(‖b‖² + ‖c‖²) for biases.
   */
  regularization: number;
  total: number;
}

/** One named term of a variant's objective, with its formula (TeX) for the objective panel. */
export interface LossTerm {
  key: 'data' | 'factors' | 'biases';
  name: string;
  tex: string;
  value: number;
}

function sumSquares(X: Float64Array): number {
  let s = 0;
  for (let p = 0; p < X.length; p++) s += X[p]! * X[p]!;
  return s;
}

function dot(X: Float64Array, xo: number, Y: Float64Array, yo: number, d: number): number {
  let s = 0;
  for (let a = 0; a < d; a++) s += X[xo + a]! * Y[yo + a]!;
  return s;
}

/** Σ_{(i,j)∈Ω} (r_ij − r̂_ij)² over the known entries of R (r̂ includes the biases when F has them). */
export function squaredError(R: Ratings, F: Factors): number {
  const d = F.d;
  const b = F.biases;
  let s = 0;
  for (let i = 0; i < R.m; i++) {
    const offset = b ? b.mu + b.user[i]! : 0;
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
      const j = R.userCol[p]!;
      const e = R.userVal[p]! - (b ? offset + b.item[j]! : 0) - dot(F.U, i * d, F.V, j * d, d);
      s += e * e;
    }
  }
  return s;
}

/** Σ_{(i,j)∈Ω} |r_ij − r̂_ij| over the known entries of R. */
export function absoluteError(R: Ratings, F: Factors): number {
  const d = F.d;
  const b = F.biases;
  let s = 0;
  for (let i = 0; i < R.m; i++) {
    const offset = b ? b.mu + b.user[i]! : 0;
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
      const j = R.userCol[p]!;
      s += Math.abs(R.userVal[p]! - (b ? offset + b.item[j]! : 0) - dot(F.U, i * d, F.V, j * d, d));
    }
  }
  return s;
}

/** Σ_r w_r ‖x_r‖² over the rows of a row-major buffer (w = 1 when weights is null). */
function weightedSumSquares(X: Float64Array, rows: number, d: number, weights: Float64Array | null): number {
  if (!weights) return sumSquares(X);
  let s = 0;
  for (let r = 0; r < rows; r++) {
    let q = 0;
    for (let a = 0; a < d; a++) q += X[r * d + a]! ** 2;
    s += weights[r]! * q;
  }
  return s;
}

/** Σ over all m·n pairs of (u_iᵀv_j)² = ⟨UᵀU, VᵀV⟩, in O((m + n)d²) instead of O(mnd). */
export function sumAllPredictionsSquared(F: Factors): number {
  const GU = gramOf(F.U, F.m, F.d);
  const GV = gramOf(F.V, F.n, F.d);
  let s = 0;
  for (let q = 0; q < GU.length; q++) s += GU[q]! * GV[q]!;
  return s;
}

/** Σ_{all i,j} c_ij (p_ij − u_iᵀv_j)², via the unlisted pairs' baseline c0. */
export function implicitDataTerm(data: ImplicitData, F: Factors): number {
  const { pattern, c0 } = data;
  const d = F.d;
  let s = c0 === 0 ? 0 : c0 * sumAllPredictionsSquared(F);
  for (let i = 0; i < pattern.m; i++) {
    for (let q = pattern.userPtr[i]!; q < pattern.userPtr[i + 1]!; q++) {
      const x = dot(F.U, i * d, F.V, pattern.userCol[q]! * d, d);
      const e = data.pUser[q]! - x;
      s += data.cUser[q]! * e * e - c0 * x * x;
    }
  }
  return Math.max(0, s);
}

/**
 * The objective of the problem's mode and the model variant, term by term (see `describeVariant`):
 *
 * lecture: data + λ(Σ‖u_i‖² + Σ‖v_j‖²)
 * wr:      data + λ(Σ nᵢ‖u_i‖² + Σ nⱼ‖v_j‖²), nᵢ the row's ratings (implicit: observed interactions)
 * biases:  data + λ(Σ‖u_i‖² + Σ‖v_j‖²) + λ(Σ bᵢ² + Σ cⱼ²), μ not regularised
 *
 * `settings` is a bare λ (the lecture's variant) or the half-steps' options.
 */
export function objectiveTerms(problem: Problem, F: Factors, settings: AlsSettings): LossTerm[] {
  const o = resolveAls(settings);
  assertVariantFits(problem.mode, o);
  if (o.variant === 'biases' && !F.biases) {
    throw new RangeError('The biases variant needs factors with biases: run a half-step (or prepareFactors) first.');
  }
  const { lambda } = o;
  const explicit = problem.mode === 'explicit';
  const data = explicit ? squaredError(problem.R, F) : implicitDataTerm(problem.data, F);
  const wr = o.variant === 'wr';
  const factors =
    lambda *
    (weightedSumSquares(F.U, F.m, F.d, wr ? rowCounts(problem, 'users') : null) +
      weightedSumSquares(F.V, F.n, F.d, wr ? rowCounts(problem, 'items') : null));
  const terms: LossTerm[] = [
    {
      key: 'data',
      name: explicit ? 'squared error on the known ratings' : 'confidence-weighted squared error on all pairs',
      tex: explicit
        ? o.variant === 'biases'
          ? '\\sum_{(i,j)\\in\\Omega}(r_{ij}-\\mu-b_i-c_j-u_i^\\top v_j)^2'
          : '\\sum_{(i,j)\\in\\Omega}(r_{ij}-u_i^\\top v_j)^2'
        : '\\sum_{i,j}c_{ij}(p_{ij}-u_i^\\top v_j)^2',
      value: data,
    },
    {
      key: 'factors',
      name: wr ? 'regularisation, λ times each row’s count' : 'regularisation of the factors',
      tex: wr
        ? '\\lambda\\left(\\sum_i n_i\\|u_i\\|^2+\\sum_j n_j\\|v_j\\|^2\\right)'
        : '\\lambda\\left(\\sum_i\\|u_i\\|^2+\\sum_j\\|v_j\\|^2\\right)',
      value: factors,
    },
  ];
  if (o.variant === 'biases') {
    const b = F.biases!;
    terms.push({
      key: 'biases',
      name: 'regularisation of the biases',
      tex: '\\lambda\\left(\\sum_i b_i^2+\\sum_j c_j^2\\right)',
      value: lambda * (sumSquares(b.user) + sumSquares(b.item)),
    });
  }
  return terms;
}

/** The objective of the problem's mode (and variant), split into its data and regularisation terms. */
export function lossParts(problem: Problem, F: Factors, settings: AlsSettings): LossParts {
  const terms = objectiveTerms(problem, F, settings);
  const data = terms[0]!.value;
  let regularization = 0;
  for (let t = 1; t < terms.length; t++) regularization += terms[t]!.value;
  return { data, regularization, total: data + regularization };
}

/** Root mean squared error of r̂_ij against the known entries of R (NaN when R is empty). */
export function rmse(R: Ratings, F: Factors): number {
  return R.nnz === 0 ? Number.NaN : Math.sqrt(squaredError(R, F) / R.nnz);
}

/** RMSE of u_iᵀv_j against the preference p_ij over all m·n pairs (implicit training fit). */
export function preferenceRmse(data: ImplicitData, F: Factors): number {
  const { pattern } = data;
  const pairs = pattern.m * pattern.n;
  if (pairs === 0) return Number.NaN;
  const d = F.d;
  let s = sumAllPredictionsSquared(F);
  for (let i = 0; i < pattern.m; i++) {
    for (let q = pattern.userPtr[i]!; q < pattern.userPtr[i + 1]!; q++) {
      const x = dot(F.U, i * d, F.V, pattern.userCol[q]! * d, d);
      const e = data.pUser[q]! - x;
      s += e * e - x * x;
    }
  }
  return Math.sqrt(Math.max(0, s) / pairs);
}

/** RMSE of held-out entries: against the rating (explicit) or against p = [r > 0] (implicit). */
export function heldOutRmse(problem: Problem, test: Ratings, F: Factors): number {
  if (test.nnz === 0) return Number.NaN;
  if (problem.mode === 'explicit') return rmse(test, F);
  const d = F.d;
  let s = 0;
  for (let i = 0; i < test.m; i++) {
    for (let q = test.userPtr[i]!; q < test.userPtr[i + 1]!; q++) {
      const e = (test.userVal[q]! > 0 ? 1 : 0) - dot(F.U, i * d, F.V, test.userCol[q]! * d, d);
      s += e * e;
    }
  }
  return Math.sqrt(s / test.nnz);
}

/** Training RMSE in the problem's own terms. */
export function trainRmse(problem: Problem, F: Factors): number {
  return problem.mode === 'explicit' ? rmse(problem.R, F) : preferenceRmse(problem.data, F);
}

export interface Metrics extends LossParts {
  trainRmse: number;
  /** Held-out RMSE, or null when nothing is held out. */
  testRmse: number | null;
}

export function metrics(problem: Problem, F: Factors, settings: AlsSettings, test?: Ratings | null): Metrics {
  return {
    ...lossParts(problem, F, settings),
    trainRmse: trainRmse(problem, F),
    testRmse: test && test.nnz > 0 ? heldOutRmse(problem, test, F) : null,
  };
}

export function checkShapes(problem: Problem, F: Factors): void {
  const R = patternOf(problem);
  if (R.m !== F.m || R.n !== F.n) {
    throw new RangeError(`U and V are for a ${F.m}×${F.n} matrix, but R is ${R.m}×${R.n}.`);
  }
}
