import { conjugateGradientRowsWasm, solveRowsWasm } from './alsWasm';
import { choleskyInPlace, choleskySolveInPlace } from './linalg';
import { gramOf, type Factors } from './factors';
import { sideView, type Problem, type Side, type SideView } from './problem';
import { assertVariantFits, resolveAls, type AlsOptions, type AlsSettings, type Variant } from './variant';

/** A row whose normal equations have no unique solution; its factor row is left unchanged. */
export interface SingularRow {
  side: Side;
  index: number;
  id: string;
  /** Known ratings (explicit) or pairs with non-zero confidence (implicit) in this row. */
  count: number;
  d: number;
  /** The λ on this row's diagonal (for ALS-WR: λ times the row's count). */
  lambda: number;
  reason: string;
}

export interface HalfStepResult {
  side: Side;
  rowsSolved: number;
  singular: SingularRow[];
}

/**
 * Scratch space for one row's normal equations: the gathered factor rows (transposed,
 * so that each Gram entry is a contiguous dot product), their weighted copy, A and b, and
 * the conjugate-gradient vectors. `d` is the system's size (d, or d + 1 with a bias).
 */
export interface RowWorkspace {
  d: number;
  capacity: number;
  T: Float64Array;
  W: Float64Array;
  A: Float64Array;
  b: Float64Array;
  /** CG: the residual, the search direction, A times it, and one number per entry. */
  r: Float64Array;
  p: Float64Array;
  Ap: Float64Array;
  s: Float64Array;
}

export function createWorkspace(d: number, capacity: number): RowWorkspace {
  const cap = Math.max(1, capacity);
  return {
    d,
    capacity: cap,
    T: new Float64Array(d * cap),
    W: new Float64Array(d * cap),
    A: new Float64Array(d * d),
    b: new Float64Array(d),
    r: new Float64Array(d),
    p: new Float64Array(d),
    Ap: new Float64Array(d),
    s: new Float64Array(cap),
  };
}

function maxRowLength(ptr: Int32Array): number {
  let max = 0;
  for (let r = 0; r + 1 < ptr.length; r++) max = Math.max(max, ptr[r + 1]! - ptr[r]!);
  return max;
}

/**
 * Copies rows other[start..start+k) of src (each d long) into T transposed, T[a·k + t],
 * two rows at a time so that the scattered reads of the two rows overlap.
 */
function gatherTransposed(T: Float64Array, start: number, k: number, other: Int32Array, src: Float64Array, d: number): void {
  let t = 0;
  for (; t + 1 < k; t += 2) {
    const o = other[start + t]! * d;
    const p = other[start + t + 1]! * d;
    for (let a = 0; a < d; a++) {
      const x = src[o + a]!;
      const y = src[p + a]!;
      T[a * k + t] = x;
      T[a * k + t + 1] = y;
    }
  }
  if (t < k) {
    const o = other[start + t]! * d;
    for (let a = 0; a < d; a++) T[a * k + t] = src[o + a]!;
  }
}

/** W[a·k + t] = w[start + t] · T[a·k + t]. */
function scaleColumns(W: Float64Array, T: Float64Array, weights: Float64Array, start: number, k: number, d: number): void {
  for (let a = 0; a < d; a++) {
    const row = a * k;
    for (let t = 0; t < k; t++) W[row + t] = weights[start + t]! * T[row + t]!;
  }
}

/**
 * Adds X·Tᵀ to the upper triangle of the d×d matrix A, where X and T are d×k (row a of
 * each is contiguous). Entries are computed in 2×4 and 2×2 register blocks so that each
 * load feeds several multiply–adds; the diagonal blocks also write a few lower entries,
 * which the Cholesky factorisation never reads.
 */
function addGramUpper(A: Float64Array, X: Float64Array, T: Float64Array, k: number, d: number): void {
  let a = 0;
  for (; a + 1 < d; a += 2) {
    const ra0 = a * k;
    const ra1 = ra0 + k;
    const o0 = a * d;
    const o1 = o0 + d;
    let c = a;
    for (; c + 3 < d; c += 4) {
      const r0 = c * k;
      const r1 = r0 + k;
      const r2 = r1 + k;
      const r3 = r2 + k;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let t = 0; t < k; t++) {
        const x0 = X[ra0 + t]!;
        const x1 = X[ra1 + t]!;
        const t0 = T[r0 + t]!;
        const t1 = T[r1 + t]!;
        const t2 = T[r2 + t]!;
        const t3 = T[r3 + t]!;
        s00 += x0 * t0;
        s01 += x0 * t1;
        s02 += x0 * t2;
        s03 += x0 * t3;
        s10 += x1 * t0;
        s11 += x1 * t1;
        s12 += x1 * t2;
        s13 += x1 * t3;
      }
      A[o0 + c]! += s00;
      A[o0 + c + 1]! += s01;
      A[o0 + c + 2]! += s02;
      A[o0 + c + 3]! += s03;
      A[o1 + c]! += s10;
      A[o1 + c + 1]! += s11;
      A[o1 + c + 2]! += s12;
      A[o1 + c + 3]! += s13;
    }
    for (; c < d; c++) {
      const rc = c * k;
      let s0 = 0;
      let s1 = 0;
      for (let t = 0; t < k; t++) {
        const tc = T[rc + t]!;
        s0 += X[ra0 + t]! * tc;
        s1 += X[ra1 + t]! * tc;
      }
      A[o0 + c]! += s0;
      A[o1 + c]! += s1;
    }
  }
  if (a < d) {
    // The last row of an odd d: only its diagonal entry remains.
    const ra = a * k;
    let s = 0;
    for (let t = 0; t < k; t++) s += X[ra + t]! * T[ra + t]!;
    A[a * d + a]! += s;
  }
}

/** b[a] = Σ_t T[a·k + t] · y[start + t]. */
function rightHandSide(b: Float64Array, T: Float64Array, y: Float64Array, start: number, k: number, d: number): void {
  for (let a = 0; a < d; a++) {
    const row = a * k;
    let s = 0;
    for (let t = 0; t < k; t++) s += T[row + t]! * y[start + t]!;
    b[a] = s;
  }
}

/**
 * Adds Σ_t w_t x_t x_tᵀ to the upper triangle of ws.A and sets ws.b = Σ_t y_t x_t, where
 * x_t is row other[start + t] of src (the fixed factor matrix) and t runs over the row's
 * k entries. With weights null, w_t = 1 (the explicit Gram V_Ωᵢᵀ V_Ωᵢ).
 */
export function accumulateNormalEquations(
  ws: RowWorkspace,
  start: number,
  k: number,
  other: Int32Array,
  src: Float64Array,
  weights: Float64Array | null,
  y: Float64Array,
): void {
  const { d, T, W, A, b } = ws;
  gatherTransposed(T, start, k, other, src, d);
  if (weights !== null) {
    scaleColumns(W, T, weights, start, k, d);
    addGramUpper(A, W, T, k, d);
  } else {
    addGramUpper(A, T, T, k, d);
  }
  rightHandSide(b, T, y, start, k, d);
}

/** Per-position weights and right-hand-side values of an implicit side: w = c − c0 and y = c·p. */
interface ImplicitCoefficients {
  weights: Float64Array;
  y: Float64Array;
}

// They depend on the data only, so each side computes them once, not once per half-step.
const implicitCoefficientCache = new WeakMap<Float64Array, ImplicitCoefficients>();

function implicitCoefficients(view: SideView, c0: number): ImplicitCoefficients {
  const c = view.c!;
  const cached = implicitCoefficientCache.get(c);
  if (cached) return cached;
  const p = view.p!;
  const weights = new Float64Array(c.length);
  const y = new Float64Array(c.length);
  for (let q = 0; q < c.length; q++) {
    weights[q] = c[q]! - c0;
    y[q] = c[q]! * p[q]!;
  }
  const out = { weights, y };
  implicitCoefficientCache.set(c, out);
  return out;
}

const rowCountCache = new WeakMap<Float64Array | Int32Array, Float64Array>();

/**
 * nᵢ of ALS-WR for every row of a side: the number of known ratings (explicit), or of observed
 * interactions p_ij = 1 (implicit — Spark counts ratings > 0 the same way).
 */
export function rowCounts(problem: Problem, side: Side): Float64Array {
  const view = sideView(problem, side);
  const key = view.p ?? view.ptr;
  const cached = rowCountCache.get(key);
  if (cached) return cached;
  const out = new Float64Array(view.rows);
  for (let r = 0; r < view.rows; r++) {
    if (!view.p) out[r] = view.ptr[r + 1]! - view.ptr[r]!;
    else for (let q = view.ptr[r]!; q < view.ptr[r + 1]!; q++) if (view.p[q]! > 0) out[r]!++;
  }
  rowCountCache.set(key, out);
  return out;
}

/** The λ on row r's diagonal: λ, or λ·nᵢ for ALS-WR. */
export function rowLambdaOf(problem: Problem, side: Side, r: number, options: AlsOptions): number {
  return options.variant === 'wr' ? options.lambda * rowCounts(problem, side)[r]! : options.lambda;
}

/** The mean of the training ratings: the biases variant's μ. */
export function globalMean(problem: Problem): number {
  if (problem.mode !== 'explicit') return 0;
  const R = problem.R;
  let s = 0;
  for (let p = 0; p < R.nnz; p++) s += R.userVal[p]!;
  return R.nnz === 0 ? 0 : s / R.nnz;
}

/**
 * Gives the factors the shape of the variant: biases (zero, with μ the mean training rating)
 * for `biases`, none for the others. Half-steps call it, so after a half-step of variant X the
 * factors always hold exactly X's parameters; existing biases (and their μ) are kept.
 */
export function prepareFactors(problem: Problem, F: Factors, variant: Variant): void {
  if (variant !== 'biases') {
    if (F.biases) delete F.biases;
    return;
  }
  if (!F.biases) F.biases = { mu: globalMean(problem), user: new Float64Array(F.m), item: new Float64Array(F.n) };
}

/**
 * One side's normal equations for every row, ready for the row kernel: row r's system is
 *
 *   (base + Σ_t w_t x_t x_tᵀ + λ_r I) z_r = Σ_t y_t x_t,   t over the row's listed entries,
 *
 * with x_t the fixed rows (augmented to [1, v_j] for biases, so z_r = [b_i, u_i]), w_t = 1
 * (explicit) or c − c0 (implicit), y_t = r_ij (explicit; r_ij − μ − c_j with biases) or c·p
 * (implicit), base = c0·XᵀX (implicit) or 0, and λ_r = λ or λ·n_r (ALS-WR).
 */
export interface SideSystem {
  side: Side;
  /** System size: d, or d + 1 with a bias. */
  D: number;
  rows: number;
  otherRows: number;
  ptr: Int32Array;
  other: Int32Array;
  /** The fixed rows x (otherRows × D). */
  fixed: Float64Array;
  weights: Float64Array | null;
  y: Float64Array;
  /** D×D, full; null for 0. */
  base: Float64Array | null;
  lambda: number;
  /** Per-row λ_r (ALS-WR), or null for λ everywhere. */
  rowLambda: Float64Array | null;
  /** The rows being solved (rows × D), updated in place; for biases an augmented copy. */
  target: Float64Array;
  /** Set for biases: where the augmented rows go back to (the bias vector and U or V). */
  scatter: { bias: Float64Array; X: Float64Array; d: number } | null;
}

/** Builds a side's {@link SideSystem} from the problem, the current factors and the options. */
export function buildSideSystem(problem: Problem, F: Factors, side: Side, options: AlsOptions): SideSystem {
  const view = sideView(problem, side);
  const d = F.d;
  const X = side === 'users' ? F.U : F.V;
  const Y = side === 'users' ? F.V : F.U;
  const rowLambda = options.variant === 'wr' ? scaled(rowCounts(problem, side), options.lambda) : null;
  const common = {
    side,
    rows: view.rows,
    otherRows: view.otherRows,
    ptr: view.ptr,
    other: view.other,
    lambda: options.lambda,
    rowLambda,
  };
  if (problem.mode === 'implicit') {
    const c0 = problem.data.c0;
    const { weights, y } = implicitCoefficients(view, c0);
    let base: Float64Array | null = null;
    if (c0 !== 0) {
      base = gramOf(Y, view.otherRows, d);
      for (let q = 0; q < base.length; q++) base[q]! *= c0;
    }
    return { ...common, D: d, fixed: Y, weights, y, base, target: X, scatter: null };
  }
  if (options.variant !== 'biases' || !F.biases) {
    return { ...common, D: d, fixed: Y, weights: null, y: view.val, base: null, target: X, scatter: null };
  }
  // Biases: x̃ = [1, x], z̃ = [own bias, z], targets r − μ − (the other side's bias).
  const D = d + 1;
  const own = side === 'users' ? F.biases.user : F.biases.item;
  const otherBias = side === 'users' ? F.biases.item : F.biases.user;
  const mu = F.biases.mu;
  const fixed = new Float64Array(view.otherRows * D);
  for (let o = 0; o < view.otherRows; o++) {
    fixed[o * D] = 1;
    for (let a = 0; a < d; a++) fixed[o * D + 1 + a] = Y[o * d + a]!;
  }
  const y = new Float64Array(view.val.length);
  for (let q = 0; q < y.length; q++) y[q] = view.val[q]! - mu - otherBias[view.other[q]!]!;
  const target = new Float64Array(view.rows * D);
  for (let r = 0; r < view.rows; r++) {
    target[r * D] = own[r]!;
    for (let a = 0; a < d; a++) target[r * D + 1 + a] = X[r * d + a]!;
  }
  return { ...common, D, fixed, weights: null, y, base: null, target, scatter: { bias: own, X, d } };
}

function scaled(counts: Float64Array, lambda: number): Float64Array {
  const out = new Float64Array(counts.length);
  for (let r = 0; r < counts.length; r++) out[r] = lambda * counts[r]!;
  return out;
}

/** Writes solved augmented rows [bias, x] back into the bias vector and U or V. */
function scatterRow(sys: SideSystem, r: number): void {
  const sc = sys.scatter;
  if (!sc) return;
  const D = sys.D;
  sc.bias[r] = sys.target[r * D]!;
  for (let a = 0; a < sc.d; a++) sc.X[r * sc.d + a] = sys.target[r * D + 1 + a]!;
}

/**
 * Assembles row r's A (upper triangle) and b in the workspace: base, then the listed entries,
 * then λ_r on the diagonal. Returns λ_r.
 */
export function assembleRow(sys: SideSystem, ws: RowWorkspace, r: number): number {
  const { D } = sys;
  const start = sys.ptr[r]!;
  const k = sys.ptr[r + 1]! - start;
  if (sys.base) ws.A.set(sys.base);
  else ws.A.fill(0);
  accumulateNormalEquations(ws, start, k, sys.other, sys.fixed, sys.weights, sys.y);
  const lambda = sys.rowLambda ? sys.rowLambda[r]! : sys.lambda;
  for (let a = 0; a < D; a++) ws.A[a * D + a]! += lambda;
  return lambda;
}

/** out = base·v + λ v (base is D×D, full). */
function applyBase(sys: SideSystem, lambda: number, v: Float64Array, out: Float64Array): void {
  const { D, base } = sys;
  for (let a = 0; a < D; a++) {
    let acc = lambda * v[a]!;
    if (base) for (let c = 0; c < D; c++) acc += base[a * D + c]! * v[c]!;
    out[a] = acc;
  }
}

/** out += coef · x_t, where x_t is the fixed row at offset o. */
function addScaledRow(out: Float64Array, coef: number, fixed: Float64Array, o: number, D: number): void {
  for (let a = 0; a < D; a++) out[a]! += coef * fixed[o + a]!;
}

/** x_tᵀv for the fixed row at offset o. */
function rowDot(fixed: Float64Array, o: number, v: ArrayLike<number>, D: number): number {
  let s = 0;
  for (let a = 0; a < D; a++) s += fixed[o + a]! * v[a]!;
  return s;
}

function dotN(x: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let a = 0; a < n; a++) s += x[a]! * y[a]!;
  return s;
}

/** One conjugate-gradient step's state, for a trace. */
export interface CgStep {
  /** 0 for the warm start, then 1..K. */
  step: number;
  /** The row after this step. */
  x: number[];
  /** ‖b − A x‖. */
  residual: number;
}

/**
 * Conjugate gradient on row r's system A z = b (Hestenes–Stiefel; Takács et al. 2011 for ALS),
 * warm-started from the row's current value in sys.target and updated in place:
 *
 *   r₀ = b − A z₀, p₀ = r₀;  αₖ = rₖᵀrₖ / pₖᵀApₖ,  z ← z + αₖpₖ,  r ← r − αₖApₖ,
 *   pₖ₊₁ = rₖ₊₁ + (rₖ₊₁ᵀrₖ₊₁ / rₖᵀrₖ) pₖ.
 *
 * A is never formed: A p = base·p + λ_r p + Σ_t w_t (x_tᵀp) x_t, one pass over the row's entries
 * (r₀ = Σ_t (y_t − w_t x_tᵀz₀) x_t − base·z₀ − λ_r z₀ likewise). Each step costs O(k·D + D²)
 * instead of the exact solve's O(k·D² + D³), and lowers the row's quadratic objective
 * ½zᵀAz − bᵀz (CG minimises it over a growing Krylov space), so a CG half-step never raises the
 * loss. Stops early on a zero residual or zero curvature (λ = 0). The WebAssembly kernel runs the
 * same steps (alsKernel.wat's cg).
 */
export function conjugateGradientRow(
  sys: SideSystem,
  ws: RowWorkspace,
  r: number,
  steps: number,
  onStep?: (step: CgStep) => void,
): void {
  const { D, target, fixed, other, y } = sys;
  const w = sys.weights;
  const start = sys.ptr[r]!;
  const end = sys.ptr[r + 1]!;
  const lambda = sys.rowLambda ? sys.rowLambda[r]! : sys.lambda;
  const x = target.subarray(r * D, r * D + D);
  const { r: res, p, Ap } = ws;
  applyBase(sys, lambda, x, res);
  for (let a = 0; a < D; a++) res[a] = -res[a]!;
  for (let q = start; q < end; q++) {
    const o = other[q]! * D;
    addScaledRow(res, y[q]! - (w ? w[q]! : 1) * rowDot(fixed, o, x, D), fixed, o, D);
  }
  p.set(res);
  let rs = dotN(res, res, D);
  onStep?.({ step: 0, x: Array.from(x), residual: Math.sqrt(rs) });
  for (let step = 1; step <= steps; step++) {
    if (!(rs > 0)) break;
    applyBase(sys, lambda, p, Ap);
    for (let q = start; q < end; q++) {
      const o = other[q]! * D;
      addScaledRow(Ap, (w ? w[q]! : 1) * rowDot(fixed, o, p, D), fixed, o, D);
    }
    const pAp = dotN(p, Ap, D);
    if (!(pAp > 0)) break;
    const alpha = rs / pAp;
    for (let a = 0; a < D; a++) {
      x[a]! += alpha * p[a]!;
      res[a]! -= alpha * Ap[a]!;
    }
    const next = dotN(res, res, D);
    const beta = next / rs;
    for (let a = 0; a < D; a++) p[a] = res[a]! + beta * p[a]!;
    rs = next;
    onStep?.({ step, x: Array.from(x), residual: Math.sqrt(rs) });
  }
}

/** How many pairs in a row actually weigh in its Gram matrix (non-zero confidence). */
function effectiveCount(problem: Problem, view: SideView, start: number, end: number): number {
  if (problem.mode === 'explicit') return end - start;
  if (problem.data.c0 !== 0) return view.otherRows;
  let count = 0;
  for (let q = start; q < end; q++) if (view.c![q]! > 0) count++;
  return count;
}

/**
 * Plain-words reason why a row's normal equations are singular. `lambda` is the λ on the row's
 * diagonal; for ALS-WR (variant 'wr') it is λ times the row's count, and for the biases variant
 * the system has d + 1 unknowns.
 */
export function describeSingular(
  problem: Problem,
  side: Side,
  id: string,
  count: number,
  d: number,
  lambda: number,
  variant: Variant = 'lecture',
): string {
  const who = side === 'users' ? `User ${id}` : `Item ${id}`;
  const row = side === 'users' ? (variant === 'biases' ? '[bᵢ, uᵢ]' : 'uᵢ') : variant === 'biases' ? '[cⱼ, vⱼ]' : 'vⱼ';
  const D = variant === 'biases' ? d + 1 : d;
  const unknowns = variant === 'biases' ? `d + 1 = ${D} unknowns (the bias and d = ${d} factors)` : `d = ${d} factors`;
  const fix =
    variant === 'wr'
      ? `ALS-WR puts λ·nᵢ on the diagonal, so a row with no ratings gets no regularisation at all; with any rating and λ > 0 the system is positive definite.`
      : `Any λ > 0 adds λI and makes the system positive definite, so it has exactly one solution.`;
  if (problem.mode === 'explicit') {
    const gram = side === 'users' ? 'V_Ωᵢᵀ V_Ωᵢ' : 'U_Ωʲᵀ U_Ωʲ';
    if (count < D) {
      const what = count === 0 ? 'no known ratings' : `only ${count} known rating${count === 1 ? '' : 's'}`;
      return `${who} has ${what} but ${unknowns}, and λ = ${lambda}. The ${D}×${D} Gram matrix ${gram} has rank at most ${count} < ${D}, so infinitely many ${row} fit equally well and there is no unique solution. ${fix}`;
    }
    return `${who} has ${count} known ratings, but the ${side === 'users' ? 'V' : 'U'} rows they select are linearly dependent, so the ${D}×${D} Gram matrix ${gram} is rank-deficient and, with λ = ${lambda}, ${row} is not unique. ${fix}`;
  }
  const weighted = side === 'users' ? 'VᵀCⁱV' : 'UᵀCʲU';
  if (count < D) {
    return `${who} has only ${count} pair${count === 1 ? '' : 's'} with non-zero confidence but ${unknowns}, and λ = ${lambda}. Pairs with confidence 0 drop out of the loss (the lecture's C gives every unobserved pair c = 0), so the ${D}×${D} matrix ${weighted} has rank at most ${count} < ${D} and ${row} is not unique. ${fix}`;
  }
  return `${who}: the confidence-weighted Gram matrix ${weighted} is rank-deficient with λ = ${lambda}, so ${row} is not unique. ${fix}`;
}

/**
 * Solves the rows of one side in place, each by its own normal equations (see
 * {@link SideSystem}); with the lecture's variant:
 *
 * explicit: (X_Ωᵀ X_Ω + λI) x = X_Ωᵀ r_Ω, where X is the fixed factor matrix;
 * implicit: (c0·XᵀX + Xᵀ(C − c0·I)X + λI) x = XᵀC p, with XᵀX shared by every row.
 *
 * `settings` is a bare λ (the lecture's variant, exact solve) or {@link AlsOptions}. A row whose
 * system is singular (λ = 0 and too few ratings) keeps its old value and is reported, so no NaN
 * or Infinity ever enters U or V.
 */
export function solveRows(
  problem: Problem,
  F: Factors,
  side: Side,
  settings: AlsSettings,
  rows?: readonly number[],
): HalfStepResult {
  const view = sideView(problem, side);
  if (!rows) return solveRowRange(problem, F, side, settings, 0, view.rows);
  return solveRowsOf(problem, view, F, settings, rows, 0, rows.length);
}

/**
 * Solves rows from..to-1 of one side. Disjoint ranges touch disjoint rows of the
 * target matrix, so ranges can be solved in parallel on shared memory.
 */
export function solveRowRange(
  problem: Problem,
  F: Factors,
  side: Side,
  settings: AlsSettings,
  from: number,
  to: number,
): HalfStepResult {
  return solveRowsOf(problem, sideView(problem, side), F, settings, null, from, to);
}

function solveRowsOf(
  problem: Problem,
  view: SideView,
  F: Factors,
  settings: AlsSettings,
  list: readonly number[] | null,
  from: number,
  to: number,
): HalfStepResult {
  const options = resolveAls(settings);
  assertVariantFits(problem.mode, options);
  prepareFactors(problem, F, options.variant);
  const side = view.side;
  const sys = buildSideSystem(problem, F, side, options);
  const D = sys.D;
  const singular: SingularRow[] = [];
  const reportSingular = (r: number) => {
    const count = effectiveCount(problem, view, view.ptr[r]!, view.ptr[r + 1]!);
    const id = view.ids[r]!;
    const lambda = sys.rowLambda ? sys.rowLambda[r]! : sys.lambda;
    const reason = describeSingular(problem, side, id, count, F.d, lambda, options.variant);
    singular.push({ side, index: r, id, count, d: F.d, lambda, reason });
  };
  const cg = options.solver === 'cg';
  // Even-sized systems run in WebAssembly when it can (the same equations and steps).
  if (cg && conjugateGradientRowsWasm(sys, list, from, to, options.cgSteps)) {
    for (let q = from; q < to; q++) scatterRow(sys, list ? list[q]! : q);
    return { side, rowsSolved: to - from, singular };
  }
  const wasmSingular = cg ? null : solveRowsWasm(sys, list, from, to);
  if (wasmSingular) {
    const failed = new Set(wasmSingular);
    for (let q = from; q < to; q++) {
      const r = list ? list[q]! : q;
      if (failed.has(r)) reportSingular(r);
      else scatterRow(sys, r);
    }
    return { side, rowsSolved: to - from, singular };
  }
  const ws = createWorkspace(D, maxRowLength(view.ptr));
  const { A, b } = ws;
  for (let q = from; q < to; q++) {
    const r = list ? list[q]! : q;
    if (cg) {
      conjugateGradientRow(sys, ws, r, options.cgSteps);
      scatterRow(sys, r);
      continue;
    }
    assembleRow(sys, ws, r);
    if (choleskyInPlace(A, D) >= 0) {
      reportSingular(r);
      continue;
    }
    choleskySolveInPlace(A, D, b);
    sys.target.set(b, r * D);
    scatterRow(sys, r);
  }
  return { side, rowsSolved: to - from, singular };
}

/** Half-step: fix V and solve every u_i (side 'users'), or fix U and solve every v_j. */
export function alsHalfStep(problem: Problem, F: Factors, side: Side, settings: AlsSettings): HalfStepResult {
  return solveRows(problem, F, side, settings);
}

/** One full ALS iteration: users, then items. */
export function alsStep(problem: Problem, F: Factors, settings: AlsSettings): [HalfStepResult, HalfStepResult] {
  return [alsHalfStep(problem, F, 'users', settings), alsHalfStep(problem, F, 'items', settings)];
}
