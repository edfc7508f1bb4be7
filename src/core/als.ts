import { choleskyInPlace, choleskySolveInPlace } from './linalg';
import { gramOf, type Factors } from './factors';
import { assertLambda, sideView, type Problem, type Side, type SideView } from './problem';

/** A row whose normal equations have no unique solution; its factor row is left unchanged. */
export interface SingularRow {
  side: Side;
  index: number;
  id: string;
  /** Known ratings (explicit) or pairs with non-zero confidence (implicit) in this row. */
  count: number;
  d: number;
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
 * so that each Gram entry is a contiguous dot product), their weighted copy, A and b.
 */
export interface RowWorkspace {
  d: number;
  capacity: number;
  T: Float64Array;
  W: Float64Array;
  A: Float64Array;
  b: Float64Array;
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

/** Per-position weights and right-hand-side values of a side, for its normal equations. */
interface SideCoefficients {
  /** w_t in A = base + Σ w_t x_t x_tᵀ; null means 1 (explicit). */
  weights: Float64Array | null;
  /** y_t in b = Σ y_t x_t: r_ij (explicit) or c_ij·p_ij (implicit). */
  y: Float64Array;
  /** Implicit: c0·(fixed)ᵀ(fixed), shared by all rows; explicit: null. */
  base: Float64Array | null;
}

function sideCoefficients(problem: Problem, view: SideView, fixed: Float64Array, d: number): SideCoefficients {
  if (problem.mode === 'explicit') return { weights: null, y: view.val, base: null };
  const { c0 } = problem.data;
  const c = view.c!;
  const p = view.p!;
  const weights = new Float64Array(c.length);
  const y = new Float64Array(c.length);
  for (let q = 0; q < c.length; q++) {
    weights[q] = c[q]! - c0;
    y[q] = c[q]! * p[q]!;
  }
  let base: Float64Array | null = null;
  if (c0 !== 0) {
    base = gramOf(fixed, view.otherRows, d);
    for (let q = 0; q < base.length; q++) base[q]! *= c0;
  }
  return { weights, y, base };
}

/** How many pairs in a row actually weigh in its Gram matrix (non-zero confidence). */
function effectiveCount(problem: Problem, view: SideView, start: number, end: number): number {
  if (problem.mode === 'explicit') return end - start;
  if (problem.data.c0 !== 0) return view.otherRows;
  let count = 0;
  for (let q = start; q < end; q++) if (view.c![q]! > 0) count++;
  return count;
}

/** Plain-words reason why a row's normal equations are singular. */
export function describeSingular(problem: Problem, side: Side, id: string, count: number, d: number, lambda: number): string {
  const who = side === 'users' ? `User ${id}` : `Item ${id}`;
  const row = side === 'users' ? 'uᵢ' : 'vⱼ';
  const fix = `Any λ > 0 adds λI and makes the system positive definite, so it has exactly one solution.`;
  if (problem.mode === 'explicit') {
    const gram = side === 'users' ? 'V_Ωᵢᵀ V_Ωᵢ' : 'U_Ωʲᵀ U_Ωʲ';
    if (count < d) {
      const what = count === 0 ? 'no known ratings' : `only ${count} known rating${count === 1 ? '' : 's'}`;
      return `${who} has ${what} but d = ${d} factors, and λ = ${lambda}. The ${d}×${d} Gram matrix ${gram} has rank at most ${count} < ${d}, so infinitely many ${row} fit equally well and there is no unique solution. ${fix}`;
    }
    return `${who} has ${count} known ratings, but the ${side === 'users' ? 'V' : 'U'} rows they select are linearly dependent, so the ${d}×${d} Gram matrix ${gram} is rank-deficient and, with λ = ${lambda}, ${row} is not unique. ${fix}`;
  }
  const weighted = side === 'users' ? 'VᵀCⁱV' : 'UᵀCʲU';
  if (count < d) {
    return `${who} has only ${count} pair${count === 1 ? '' : 's'} with non-zero confidence but d = ${d} factors, and λ = ${lambda}. Pairs with confidence 0 drop out of the loss (the lecture's C gives every unobserved pair c = 0), so the ${d}×${d} matrix ${weighted} has rank at most ${count} < ${d} and ${row} is not unique. ${fix}`;
  }
  return `${who}: the confidence-weighted Gram matrix ${weighted} is rank-deficient with λ = ${lambda}, so ${row} is not unique. ${fix}`;
}

/**
 * Solves the rows of one side in place, each by its own d×d normal equations:
 *
 * explicit: (X_Ωᵀ X_Ω + λI) x = X_Ωᵀ r_Ω, where X is the fixed factor matrix;
 * implicit: (c0·XᵀX + Xᵀ(C − c0·I)X + λI) x = XᵀC p, with XᵀX shared by every row.
 *
 * A row whose system is singular (λ = 0 and too few ratings) keeps its old value and is
 * reported, so no NaN or Infinity ever enters U or V.
 */
export function solveRows(problem: Problem, F: Factors, side: Side, lambda: number, rows?: readonly number[]): HalfStepResult {
  const view = sideView(problem, side);
  if (!rows) return solveRowRange(problem, F, side, lambda, 0, view.rows);
  return solveRowsOf(problem, view, F, lambda, rows, 0, rows.length);
}

/**
 * Solves rows from..to-1 of one side. Disjoint ranges touch disjoint rows of the
 * target matrix, so ranges can be solved in parallel on shared memory.
 */
export function solveRowRange(
  problem: Problem,
  F: Factors,
  side: Side,
  lambda: number,
  from: number,
  to: number,
): HalfStepResult {
  return solveRowsOf(problem, sideView(problem, side), F, lambda, null, from, to);
}

function solveRowsOf(
  problem: Problem,
  view: SideView,
  F: Factors,
  lambda: number,
  list: readonly number[] | null,
  from: number,
  to: number,
): HalfStepResult {
  assertLambda(lambda);
  const d = F.d;
  const side = view.side;
  const target = side === 'users' ? F.U : F.V;
  const fixed = side === 'users' ? F.V : F.U;
  const coef = sideCoefficients(problem, view, fixed, d);
  const ws = createWorkspace(d, maxRowLength(view.ptr));
  const singular: SingularRow[] = [];
  const { A, b } = ws;
  for (let q = from; q < to; q++) {
    const r = list ? list[q]! : q;
    const start = view.ptr[r]!;
    const end = view.ptr[r + 1]!;
    if (coef.base) A.set(coef.base);
    else A.fill(0);
    accumulateNormalEquations(ws, start, end - start, view.other, fixed, coef.weights, coef.y);
    for (let a = 0; a < d; a++) A[a * d + a]! += lambda;
    if (choleskyInPlace(A, d) >= 0) {
      const count = effectiveCount(problem, view, start, end);
      const id = view.ids[r]!;
      singular.push({ side, index: r, id, count, d, lambda, reason: describeSingular(problem, side, id, count, d, lambda) });
      continue;
    }
    choleskySolveInPlace(A, d, b);
    target.set(b, r * d);
  }
  return { side, rowsSolved: to - from, singular };
}

/** Half-step: fix V and solve every u_i (side 'users'), or fix U and solve every v_j. */
export function alsHalfStep(problem: Problem, F: Factors, side: Side, lambda: number): HalfStepResult {
  return solveRows(problem, F, side, lambda);
}

/** One full ALS iteration: users, then items. */
export function alsStep(problem: Problem, F: Factors, lambda: number): [HalfStepResult, HalfStepResult] {
  return [alsHalfStep(problem, F, 'users', lambda), alsHalfStep(problem, F, 'items', lambda)];
}
