import { alsStep } from './als';
import { initFactors, reconstruct, toRows } from './factors';
import { implicitFromMatrices, implicitFromObservations } from './implicit';
import { lossParts } from './objective';
import { implicitProblem, type Problem } from './problem';
import { ratingsFromTriples, type Triple } from './ratings';

/** One fitted implicit model's predictions, summarised where P is 1 and where it is 0. */
export interface ConfidenceFit {
  label: string;
  /** Confidence of an unobserved pair (p = 0). */
  c0: number;
  predictions: number[][];
  /** Mean u_iᵀv_j over pairs with p = 1 and with p = 0. */
  meanObserved: number;
  meanUnobserved: number;
  loss: number;
}

export interface ConfidenceComparison {
  lecture: ConfidenceFit;
  paper: ConfidenceFit;
  iterations: number;
}

function summarise(
  label: string,
  c0: number,
  problem: Problem,
  P: readonly (readonly number[])[],
  options: CompareOptions,
): ConfidenceFit {
  const m = P.length;
  const n = P[0]?.length ?? 0;
  const F = initFactors(m, n, options.factors, { seed: options.seed, scale: options.initScale });
  for (let t = 0; t < options.iterations; t++) alsStep(problem, F, options.lambda);
  const R = reconstruct(F);
  let so = 0;
  let no = 0;
  let su = 0;
  let nu = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (P[i]![j] === 1) {
        so += R[i * n + j]!;
        no++;
      } else {
        su += R[i * n + j]!;
        nu++;
      }
    }
  }
  return {
    label,
    c0,
    predictions: toRows(R, m, n),
    meanObserved: no ? so / no : Number.NaN,
    meanUnobserved: nu ? su / nu : Number.NaN,
    loss: lossParts(problem, F, options.lambda).total,
  };
}

export interface CompareOptions {
  factors: number;
  lambda: number;
  alpha: number;
  seed: number;
  initScale: number;
  iterations: number;
}

/**
 * What the lecture's C does, side by side with the paper's. With confidence 0 on every
 * unobserved pair (the lecture's C), those pairs vanish from the loss and nothing stops
 * u_iᵀv_j ≈ 1 everywhere; with c = 1 + α·r (Hu, Koren & Volinsky), unobserved pairs keep
 * confidence 1 and pull predictions towards 0. Both are fitted by ALS from the same start.
 */
export function compareConfidence(
  P: readonly (readonly number[])[],
  C: readonly (readonly number[])[],
  options: CompareOptions,
): ConfidenceComparison {
  const m = P.length;
  const n = P[0]?.length ?? 0;
  const lecture = implicitProblem(implicitFromMatrices(P, C));
  // The paper's scheme reads the lecture's confidences of observed pairs as the raw amounts r.
  const observed: Triple[] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) if (P[i]![j] === 1) observed.push({ user: i, item: j, value: Math.max(C[i]![j]!, 1e-9) });
  const paper = implicitProblem(implicitFromObservations(ratingsFromTriples(m, n, observed), options.alpha));
  return {
    lecture: summarise("the lecture's C (unobserved pairs: c = 0)", 0, lecture, P, options),
    paper: summarise(`c = 1 + α·r with α = ${options.alpha} (unobserved pairs: c = 1)`, 1, paper, P, options),
    iterations: options.iterations,
  };
}
