import { cloneFactors, gramOf, type Factors } from './factors';
import { lossParts } from './objective';
import { assertLambda, sideView, type Problem, type Side } from './problem';

/**
 * ∂L/∂X for X = U (side 'users') or V (side 'items'), row by row:
 *
 * explicit: ∇u_i = −2 Σ_{j∈Ωᵢ} (r_ij − u_iᵀv_j) v_j + 2λ u_i
 * implicit: ∇u_i = −2 Σ_j c_ij (p_ij − u_iᵀv_j) v_j + 2λ u_i
 *                = 2 (c0·VᵀV u_i + Σ_listed (c_ij − c0) x_ij v_j − Σ_listed c_ij p_ij v_j) + 2λ u_i
 */
export function gradient(problem: Problem, F: Factors, lambda: number, side: Side): Float64Array {
  assertLambda(lambda);
  const d = F.d;
  const view = sideView(problem, side);
  const X = side === 'users' ? F.U : F.V;
  const Y = side === 'users' ? F.V : F.U;
  const g = new Float64Array(view.rows * d);
  const implicit = problem.mode === 'implicit' ? problem.data : null;
  const c0 = implicit?.c0 ?? 0;
  const G = implicit && c0 !== 0 ? gramOf(Y, view.otherRows, d) : null;
  for (let r = 0; r < view.rows; r++) {
    const xo = r * d;
    for (let q = view.ptr[r]!; q < view.ptr[r + 1]!; q++) {
      const yo = view.other[q]! * d;
      let x = 0;
      for (let a = 0; a < d; a++) x += X[xo + a]! * Y[yo + a]!;
      // coefficient of y in the sum: −2(r − x) explicit; 2((c − c0)x − c·p) implicit
      const coef = implicit ? 2 * ((view.c![q]! - c0) * x - view.c![q]! * view.p![q]!) : -2 * (view.val[q]! - x);
      for (let a = 0; a < d; a++) g[xo + a]! += coef * Y[yo + a]!;
    }
    for (let a = 0; a < d; a++) {
      let s = 2 * lambda * X[xo + a]!;
      if (G) {
        let gx = 0;
        for (let b = 0; b < d; b++) gx += G[a * d + b]! * X[xo + b]!;
        s += 2 * c0 * gx;
      }
      g[xo + a]! += s;
    }
  }
  return g;
}

export interface GradientStepResult {
  loss: number;
  /** Set when the step was refused or the run is diverging: what happened and why. */
  diverged: string | null;
}

/**
 * A learning-rate bound for the current factors: the objective's curvature along one
 * row is at most 2(Σ‖y‖² + λ) over the rows y it touches, so steps above 1/L overshoot.
 */
export function suggestedLearningRate(problem: Problem, F: Factors, lambda: number): number {
  let L = 0;
  for (const side of ['users', 'items'] as const) {
    const view = sideView(problem, side);
    const Y = side === 'users' ? F.V : F.U;
    const d = F.d;
    const norms = new Float64Array(view.otherRows);
    for (let r = 0; r < view.otherRows; r++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += Y[r * d + a]! ** 2;
      norms[r] = s;
    }
    let allNorms = 0;
    if (problem.mode === 'implicit') for (let r = 0; r < view.otherRows; r++) allNorms += norms[r]!;
    for (let r = 0; r < view.rows; r++) {
      let s = problem.mode === 'implicit' ? problem.data.c0 * allNorms : 0;
      for (let q = view.ptr[r]!; q < view.ptr[r + 1]!; q++) {
        const w = problem.mode === 'implicit' ? Math.abs(view.c![q]! - problem.data.c0) : 1;
        s += w * norms[view.other[q]!]!;
      }
      L = Math.max(L, 2 * (s + lambda));
    }
  }
  return L > 0 ? 1 / L : Number.POSITIVE_INFINITY;
}

/** Growth of the loss over its best value that counts as divergence. */
export const DIVERGENCE_FACTOR = 1e3;

/**
 * One step of (full-batch) gradient descent with learning rate η on U, V or both at once
 * (both: the gradients are taken at the old factors). The step is refused, and the factors
 * kept, if it would produce a non-finite loss.
 */
export function gradientStep(
  problem: Problem,
  F: Factors,
  lambda: number,
  learningRate: number,
  sides: Side | 'both' = 'both',
  bestLoss?: number,
): GradientStepResult {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new RangeError(`The learning rate η must be a positive number (got ${learningRate}).`);
  }
  const before = cloneFactors(F);
  const lossBefore = lossParts(problem, F, lambda).total;
  const gU = sides === 'items' ? null : gradient(problem, F, lambda, 'users');
  const gV = sides === 'users' ? null : gradient(problem, F, lambda, 'items');
  if (gU) for (let p = 0; p < gU.length; p++) F.U[p]! -= learningRate * gU[p]!;
  if (gV) for (let p = 0; p < gV.length; p++) F.V[p]! -= learningRate * gV[p]!;
  const loss = lossParts(problem, F, lambda).total;
  const best = Math.min(bestLoss ?? lossBefore, lossBefore);
  const hint = () => {
    const eta = suggestedLearningRate(problem, before, lambda);
    return Number.isFinite(eta) ? ` Try a learning rate below about ${eta.toPrecision(2)} (1/L for the current factors).` : '';
  };
  if (!Number.isFinite(loss)) {
    F.U.set(before.U);
    F.V.set(before.V);
    return {
      loss: lossBefore,
      diverged: `Gradient descent diverged: with η = ${learningRate} the step overshoots so far that the loss overflows, so the step was undone. Each update moves U and V by η times the gradient; when η is larger than the inverse of the curvature, every step lands farther from the minimum than the last.${hint()}`,
    };
  }
  if (loss > DIVERGENCE_FACTOR * Math.max(best, Number.MIN_VALUE)) {
    return {
      loss,
      diverged: `Gradient descent is diverging: the loss rose from its best value ${best.toPrecision(4)} to ${loss.toPrecision(4)}. With η = ${learningRate} each step overshoots the minimum and the error grows instead of shrinking.${hint()}`,
    };
  }
  return { loss, diverged: null };
}
