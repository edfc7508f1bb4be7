import {
  accumulateNormalEquations,
  buildSideSystem,
  conjugateGradientRow,
  createWorkspace,
  describeSingular,
  prepareFactors,
  rowCounts,
  type CgStep,
} from './als';
import { cloneFactors, gramOf, rowOf, toRows, type Factors } from './factors';
import {
  choleskyInPlace,
  choleskySolveInPlace,
  clearUpper,
  determinant,
  symmetricEigenvalues,
  symmetrizeFromUpper,
} from './linalg';
import { sideView, type Problem, type Side } from './problem';
import { assertVariantFits, resolveAls, type AlsSettings, type Variant } from './variant';

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
  /** d, the number of latent factors. */
  d: number;
  /** The system's size: d, or d + 1 for the biases variant (unknowns [bias, row]). */
  size: number;
  variant: Variant;
  /** The λ on this row's diagonal: the setting, or for ALS-WR the setting times nᵢ. */
  lambda: number;
  /** The λ setting itself. */
  settingLambda: number;
  /** ALS-WR: nᵢ, the count λ is multiplied by; null for the other variants. */
  wrCount: number | null;
  /** The biases variant's extra numbers, or null. */
  bias: BiasTrace | null;
  /** The conjugate-gradient solve from the current row, when the solver is 'cg', else null. */
  cg: CgTrace | null;
  /** Ωᵢ (or Ωʲ): the other side's indices this row's entries touch. */
  omega: number[];
  omegaIds: string[];
  /** The row's value before the solve (for biases: [bias, row], like the solution). */
  previous: number[];
  /** The matrix whose inverse the closed form applies: Gram + λI (d×d). */
  system: number[][];
  /** The right-hand side (d). */
  rhs: number[];
  /** Lower-triangular L with L Lᵀ = system, or null when singular. */
  cholesky: number[][] | null;
  /** system⁻¹, or null when singular. */
  inverse: number[][] | null;
  /** The exact solution of the system (biases: [bias, row]), or null when singular (the row is then left unchanged). */
  solution: number[] | null;
  singular: SingularInfo | null;
}

/**
 * The biases variant: the unknowns are [bᵢ, uᵢ] (or [cⱼ, vⱼ]), the fixed rows are augmented to
 * [1, vⱼ], and the targets are r_ij − μ − cⱼ (or r_ij − μ − bᵢ).
 */
export interface BiasTrace {
  mu: number;
  /** The other side's biases over Ω (cⱼ for a user), subtracted from the ratings. */
  otherBiases: number[];
  /** The raw ratings r_Ω (the trace's `values` are the targets r − μ − other bias). */
  ratings: number[];
}

/** CG's path from the current row towards the exact solution. */
export interface CgTrace {
  /** Steps run by the half-step (K). */
  steps: number;
  /** The warm start (step 0) and each step: the row and ‖b − Az‖. */
  path: (CgStep & { error: number | null })[];
  /** The exact solution (null when the system is singular); `error` is ‖z − exact‖. */
  exact: number[] | null;
}

/**
 * Every intermediate of û_i = (V_Ωᵢᵀ V_Ωᵢ + λI)⁻¹ V_Ωᵢᵀ r_Ωᵢ (ALS-WR: λnᵢ; biases: augmented,
 * see {@link BiasTrace}).
 */
export interface ExplicitSolveTrace extends TraceBase {
  mode: 'explicit';
  /** V_Ωᵢ: the fixed factor rows of Ωᵢ (|Ωᵢ| × size; biases: [1, vⱼ]). */
  fixedRows: number[][];
  /** r_Ωᵢ: the known ratings of the row (biases: the targets r − μ − cⱼ). */
  values: number[];
  /** V_Ωᵢᵀ V_Ωᵢ (d×d). */
  gram: number[][];
}

/** Every intermediate of u_i = (Vᵀ Cⁱ V + λI)⁻¹ Vᵀ Cⁱ p_i (ALS-WR: λnᵢ). */
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

/** How many pairs weigh in a row's Gram matrix (explicit: its ratings; implicit: non-zero confidence). */
function weighingCount(problem: Problem, side: Side, index: number): number {
  const view = sideView(problem, side);
  const start = view.ptr[index]!;
  const end = view.ptr[index + 1]!;
  if (problem.mode === 'explicit') return end - start;
  if (problem.data.c0 !== 0) return view.otherRows;
  let count = 0;
  for (let q = start; q < end; q++) if (view.c![q]! > 0) count++;
  return count;
}

/**
 * Traces the solve of one row (a user for side 'users', an item for 'items') with the other
 * factor matrix fixed, built by the same code as the half-step ({@link buildSideSystem},
 * {@link accumulateNormalEquations}), so the solution equals what ALS writes into U or V.
 * `settings` is a bare λ (the lecture's variant) or the half-steps' options; with solver 'cg'
 * the trace also holds the conjugate-gradient path from the current row (what the half-step
 * writes is then the last point of that path, not the exact solution). The factors are not
 * changed (the biases variant traces a copy that has biases).
 */
export function traceSolve(problem: Problem, F: Factors, side: Side, index: number, settings: AlsSettings): SolveTrace {
  const options = resolveAls(settings);
  assertVariantFits(problem.mode, options);
  const view = sideView(problem, side);
  if (!Number.isInteger(index) || index < 0 || index >= view.rows) {
    throw new RangeError(`There is no ${side === 'users' ? 'user' : 'item'} number ${index + 1}.`);
  }
  let model = F;
  if (options.variant === 'biases' && !F.biases) {
    model = cloneFactors(F);
    prepareFactors(problem, model, 'biases');
  }
  const d = F.d;
  const sys = buildSideSystem(problem, model, side, options);
  const D = sys.D;
  const fixed = sys.fixed;
  const start = view.ptr[index]!;
  const end = view.ptr[index + 1]!;
  const k = end - start;
  const omega = Array.from(view.other.subarray(start, end));
  const ws = createWorkspace(D, k);
  const implicit = problem.mode === 'implicit' ? problem.data : null;
  const rowLambda = sys.rowLambda ? sys.rowLambda[index]! : options.lambda;

  // The correction (implicit) or the whole Gram (explicit), from the listed pairs only.
  ws.A.fill(0);
  accumulateNormalEquations(ws, start, k, view.other, fixed, sys.weights, sys.y);
  const partial = ws.A.slice();
  symmetrizeFromUpper(partial, D);
  const rhs = Array.from(ws.b);

  // Assemble exactly as the half-step does: base c0·VᵀV, then the listed pairs, then λI.
  if (sys.base) ws.A.set(sys.base);
  else ws.A.fill(0);
  accumulateNormalEquations(ws, start, k, view.other, fixed, sys.weights, sys.y);
  const weighted = ws.A.slice();
  symmetrizeFromUpper(weighted, D);
  const system = weighted.slice();
  for (let a = 0; a < D; a++) system[a * D + a]! += rowLambda;

  const L = system.slice();
  const failed = choleskyInPlace(L, D) >= 0;
  let cholesky: number[][] | null = null;
  let inverse: number[][] | null = null;
  let solution: number[] | null = null;
  let singular: SingularInfo | null = null;
  if (!failed) {
    clearUpper(L, D);
    cholesky = toRows(L, D, D);
    const x = Float64Array.from(rhs);
    choleskySolveInPlace(L, D, x);
    solution = Array.from(x);
    const inv = new Float64Array(D * D);
    const e = new Float64Array(D);
    for (let c = 0; c < D; c++) {
      e.fill(0);
      e[c] = 1;
      choleskySolveInPlace(L, D, e);
      for (let r = 0; r < D; r++) inv[r * D + c] = e[r]!;
    }
    inverse = toRows(inv, D, D);
  } else {
    const count = weighingCount(problem, side, index);
    singular = {
      reason: describeSingular(problem, side, view.ids[index]!, count, d, rowLambda, options.variant),
      count,
      determinant: determinant(system, D),
      eigenvalues: symmetricEigenvalues(system, D),
    };
  }

  const previous = rowOf(sys.target, D, index);
  let cg: CgTrace | null = null;
  if (options.solver === 'cg') {
    // CG runs on a copy of the row: tracing never changes the factors.
    const saved = sys.target.slice(index * D, index * D + D);
    const path: (CgStep & { error: number | null })[] = [];
    conjugateGradientRow(sys, ws, index, options.cgSteps, (step) => {
      path.push({ ...step, error: solution ? Math.hypot(...step.x.map((v, a) => v - solution![a]!)) : null });
    });
    sys.target.set(saved, index * D);
    cg = { steps: options.cgSteps, path, exact: solution };
  }

  let bias: BiasTrace | null = null;
  let values = Array.from(view.val.subarray(start, end));
  if (sys.scatter) {
    const b = model.biases!;
    const otherBias = side === 'users' ? b.item : b.user;
    bias = { mu: b.mu, otherBiases: omega.map((o) => otherBias[o]!), ratings: values };
    values = Array.from(sys.y.subarray(start, end));
  }

  const base = {
    side,
    index,
    id: view.ids[index]!,
    d,
    size: D,
    variant: options.variant,
    lambda: rowLambda,
    settingLambda: options.lambda,
    wrCount: options.variant === 'wr' ? rowCounts(problem, side)[index]! : null,
    bias,
    cg,
    omega,
    omegaIds: omega.map((o) => view.otherIds[o]!),
    previous,
    system: toRows(system, D, D),
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
      fixedRows: omega.map((o) => rowOf(fixed, D, o)),
      values,
      gram: toRows(weighted, D, D),
    };
  }
  const confidence = new Array<number>(view.otherRows).fill(implicit.c0);
  const preference = new Array<number>(view.otherRows).fill(0);
  for (let q = start; q < end; q++) {
    confidence[view.other[q]!] = view.c![q]!;
    preference[view.other[q]!] = view.p![q]!;
  }
  const half = (D * (D + 1)) / 2;
  return {
    ...base,
    mode: 'implicit',
    fixedRows: toRows(fixed, view.otherRows, D),
    confidence,
    preference,
    c0: implicit.c0,
    sharedGram: toRows(gramOf(fixed, view.otherRows, D), D, D),
    correction: toRows(partial, D, D),
    weightedGram: toRows(weighted, D, D),
    work: { direct: view.otherRows * half, shared: k * half, sharedOnce: view.otherRows * half },
  };
}
