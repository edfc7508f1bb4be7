import { gramOf, type Factors } from './factors';
import type { ImplicitData } from './implicit';
import { assertLambda, patternOf, type Problem } from './problem';
import type { Ratings } from './ratings';

/** The objective and its two parts. */
export interface LossParts {
  /** Explicit: Σ_{(i,j)∈Ω} (r_ij − u_iᵀv_j)². Implicit: Σ_{all i,j} c_ij (p_ij − u_iᵀv_j)². */
  data: number;
  /** λ (Σ_i ‖u_i‖² + Σ_j ‖v_j‖²). */
  regularization: number;
  total: number;
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

/** Σ_{(i,j)∈Ω} (r_ij − u_iᵀv_j)² over the known entries of R. */
export function squaredError(R: Ratings, F: Factors): number {
  const d = F.d;
  let s = 0;
  for (let i = 0; i < R.m; i++) {
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
      const e = R.userVal[p]! - dot(F.U, i * d, F.V, R.userCol[p]! * d, d);
      s += e * e;
    }
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

/** The objective of the problem's mode, split into its data and regularisation terms. */
export function lossParts(problem: Problem, F: Factors, lambda: number): LossParts {
  assertLambda(lambda);
  const data = problem.mode === 'explicit' ? squaredError(problem.R, F) : implicitDataTerm(problem.data, F);
  const regularization = lambda * (sumSquares(F.U) + sumSquares(F.V));
  return { data, regularization, total: data + regularization };
}

/** Root mean squared error of u_iᵀv_j against the known entries of R (NaN when R is empty). */
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

export function metrics(problem: Problem, F: Factors, lambda: number, test?: Ratings | null): Metrics {
  return {
    ...lossParts(problem, F, lambda),
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
