import { accumulateNormalEquations, createWorkspace, describeSingular } from './als';
import { gramOf, rowOf, toRows, type Factors } from './factors';
import {
  choleskyInPlace,
  choleskySolveInPlace,
  clearUpper,
  determinant,
  symmetricEigenvalues,
  symmetrizeFromUpper,
} from './linalg';
import { assertLambda, sideView, type Problem, type Side } from './problem';

/** Why a traced row has no unique solution, with the numbers that show it. */
export interface SingularInfo {
  reason: string;
  /** Pairs that weigh in the Gram matrix. */
  count: number;
  /** det(Gram + λI). */
  determinant: number;
  /** Eigenvalues of Gram + λI, ascending: the smallest is ~0 when it is singular. */
  eigenvalues: number[];
}

interface TraceBase {
  side: Side;
  index: number;
  id: string;
  d: number;
  lambda: number;
  /** Ωᵢ (or Ωʲ): the other side's indices this row's entries touch. */
  omega: number[];
  omegaIds: string[];
  /** The row's value before the solve. */
  previous: number[];
  /** The matrix whose inverse the closed form applies: Gram + λI (d×d). */
  system: number[][];
  /** The right-hand side (d). */
  rhs: number[];
  /** Lower-triangular L with L Lᵀ = system, or null when singular. */
  cholesky: number[][] | null;
  /** system⁻¹, or null when singular. */
  inverse: number[][] | null;
  /** The new row, or null when singular (the row is then left unchanged). */
  solution: number[] | null;
  singular: SingularInfo | null;
}

/** Every intermediate of û_i = (V_Ωᵢᵀ V_Ωᵢ + λI)⁻¹ V_Ωᵢᵀ r_Ωᵢ. */
export interface ExplicitSolveTrace extends TraceBase {
  mode: 'explicit';
  /** V_Ωᵢ: the fixed factor rows of Ωᵢ (|Ωᵢ| × d). */
  fixedRows: number[][];
  /** r_Ωᵢ: the known ratings of the row. */
  values: number[];
  /** V_Ωᵢᵀ V_Ωᵢ (d×d). */
  gram: number[][];
}

/** Every intermediate of u_i = (Vᵀ Cⁱ V + λI)⁻¹ Vᵀ Cⁱ p_i. */
export interface ImplicitSolveTrace extends TraceBase {
  mode: 'implicit';
  /** All of the fixed factor matrix (V, n×d): every pair weighs in. */
  fixedRows: number[][];
  /** The diagonal of Cⁱ: c_ij for every j. */
  confidence: number[];
  /** p_i: p_ij for every j. */
  preference: number[];
  c0: number;
  /** VᵀV, shared by every row of the half-step. */
  sharedGram: number[][];
  /** Vᵀ(Cⁱ − c0·I)V: the correction from the listed pairs only. */
  correction: number[][];
  /** VᵀCⁱV = c0·VᵀV + Vᵀ(Cⁱ − c0·I)V. */
  weightedGram: number[][];
  /** Multiply–adds for this row's Gram: formed directly (n·d²) vs with VᵀV shared (k·d²). */
  work: { direct: number; shared: number; sharedOnce: number };
}

export type SolveTrace = ExplicitSolveTrace | ImplicitSolveTrace;

/**
 * Traces the closed-form solve of one row (a user for side 'users', an item for 'items')
 * with the other factor matrix fixed, using the same kernel as the half-step, so the
 * solution equals what ALS writes into U or V.
 */
export function traceSolve(problem: Problem, F: Factors, side: Side, index: number, lambda: number): SolveTrace {
  assertLambda(lambda);
  const d = F.d;
  const view = sideView(problem, side);
  if (!Number.isInteger(index) || index < 0 || index >= view.rows) {
    throw new RangeError(`There is no ${side === 'users' ? 'user' : 'item'} number ${index + 1}.`);
  }
  const fixed = side === 'users' ? F.V : F.U;
  const target = side === 'users' ? F.U : F.V;
  const start = view.ptr[index]!;
  const end = view.ptr[index + 1]!;
  const k = end - start;
  const omega = Array.from(view.other.subarray(start, end));
  const ws = createWorkspace(d, k);
  const implicit = problem.mode === 'implicit' ? problem.data : null;

  let weights: Float64Array | null = null;
  let y: Float64Array = view.val;
  let shared: Float64Array | null = null;
  if (implicit) {
    weights = new Float64Array(view.c!.length);
    y = new Float64Array(view.c!.length);
    for (let q = start; q < end; q++) {
      weights[q] = view.c![q]! - implicit.c0;
      y[q] = view.c![q]! * view.p![q]!;
    }
    shared = gramOf(fixed, view.otherRows, d);
  }
  // The correction (implicit) or the whole Gram (explicit), from the listed pairs only.
  ws.A.fill(0);
  accumulateNormalEquations(ws, start, k, view.other, fixed, weights, y);
  const partial = ws.A.slice();
  symmetrizeFromUpper(partial, d);
  const rhs = Array.from(ws.b);

  // Assemble exactly as solveRows does: base c0·VᵀV, then the listed pairs, then λI.
  ws.A.fill(0);
  if (implicit && implicit.c0 !== 0) for (let q = 0; q < d * d; q++) ws.A[q] = implicit.c0 * shared![q]!;
  accumulateNormalEquations(ws, start, k, view.other, fixed, weights, y);
  const weighted = ws.A.slice();
  symmetrizeFromUpper(weighted, d);
  const system = weighted.slice();
  for (let a = 0; a < d; a++) system[a * d + a]! += lambda;

  const L = system.slice();
  const failed = choleskyInPlace(L, d) >= 0;
  let cholesky: number[][] | null = null;
  let inverse: number[][] | null = null;
  let solution: number[] | null = null;
  let singular: SingularInfo | null = null;
  if (!failed) {
    clearUpper(L, d);
    cholesky = toRows(L, d, d);
    const x = Float64Array.from(rhs);
    choleskySolveInPlace(L, d, x);
    solution = Array.from(x);
    const inv = new Float64Array(d * d);
    const e = new Float64Array(d);
    for (let c = 0; c < d; c++) {
      e.fill(0);
      e[c] = 1;
      choleskySolveInPlace(L, d, e);
      for (let r = 0; r < d; r++) inv[r * d + c] = e[r]!;
    }
    inverse = toRows(inv, d, d);
  } else {
    let count = k;
    if (implicit) {
      count = implicit.c0 !== 0 ? view.otherRows : 0;
      if (implicit.c0 === 0) for (let q = start; q < end; q++) if (view.c![q]! > 0) count++;
    }
    singular = {
      reason: describeSingular(problem, side, view.ids[index]!, count, d, lambda),
      count,
      determinant: determinant(system, d),
      eigenvalues: symmetricEigenvalues(system, d),
    };
  }

  const base = {
    side,
    index,
    id: view.ids[index]!,
    d,
    lambda,
    omega,
    omegaIds: omega.map((o) => view.otherIds[o]!),
    previous: rowOf(target, d, index),
    system: toRows(system, d, d),
    rhs,
    cholesky,
    inverse,
    solution,
    singular,
  };
  if (!implicit) {
    return {
      ...base,
      mode: 'explicit',
      fixedRows: omega.map((o) => rowOf(fixed, d, o)),
      values: Array.from(view.val.subarray(start, end)),
      gram: toRows(weighted, d, d),
    };
  }
  const confidence = new Array<number>(view.otherRows).fill(implicit.c0);
  const preference = new Array<number>(view.otherRows).fill(0);
  for (let q = start; q < end; q++) {
    confidence[view.other[q]!] = view.c![q]!;
    preference[view.other[q]!] = view.p![q]!;
  }
  const half = (d * (d + 1)) / 2;
  return {
    ...base,
    mode: 'implicit',
    fixedRows: toRows(fixed, view.otherRows, d),
    confidence,
    preference,
    c0: implicit.c0,
    sharedGram: toRows(shared!, d, d),
    correction: toRows(partial, d, d),
    weightedGram: toRows(weighted, d, d),
    work: { direct: view.otherRows * half, shared: k * half, sharedOnce: view.otherRows * half },
  };
}
