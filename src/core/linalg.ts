/**
 * Small dense linear algebra on row-major Float64Array buffers: what one row's
 * d×d normal equations need. No allocation in the hot functions.
 */

/** Relative pivot tolerance below which a Gram matrix is treated as singular. */
export const PIVOT_TOLERANCE = 1e-12;

/**
 * In-place Cholesky factorisation A = L Lᵀ of a symmetric d×d matrix whose upper
 * triangle (including the diagonal) is filled. On success the lower triangle holds L
 * and the function returns -1. If a pivot is not safely positive (the matrix is
 * singular or indefinite to working precision) it returns that pivot's index and
 * leaves A partly overwritten.
 *
 * Cholesky, not an inverse: V_Ωᵀ V_Ω + λI is symmetric positive definite when λ > 0,
 * and Cholesky is both the cheapest and the most stable way to solve it.
 */
export function choleskyInPlace(A: Float64Array, d: number): number {
  let maxDiag = 0;
  for (let a = 0; a < d; a++) {
    const v = Math.abs(A[a * d + a]!);
    if (v > maxDiag) maxDiag = v;
  }
  const tol = maxDiag > 0 ? PIVOT_TOLERANCE * maxDiag : 0;
  for (let j = 0; j < d; j++) {
    const rowJ = j * d;
    let s = A[rowJ + j]!;
    for (let k = 0; k < j; k++) {
      const l = A[rowJ + k]!;
      s -= l * l;
    }
    if (!(s > tol)) return j;
    const ljj = Math.sqrt(s);
    A[rowJ + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < d; i++) {
      const rowI = i * d;
      // A[i][j] is read from the upper triangle A[j][i] the first time.
      let t = A[rowJ + i]!;
      for (let k = 0; k < j; k++) t -= A[rowI + k]! * A[rowJ + k]!;
      A[rowI + j] = t * inv;
    }
  }
  return -1;
}

/** Solves L Lᵀ x = b in place in b, given the factor from {@link choleskyInPlace}. */
export function choleskySolveInPlace(L: Float64Array, d: number, b: Float64Array): void {
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    const row = i * d;
    for (let k = 0; k < i; k++) s -= L[row + k]! * b[k]!;
    b[i] = s / L[row + i]!;
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < d; k++) s -= L[k * d + i]! * b[k]!;
    b[i] = s / L[i * d + i]!;
  }
}

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations,
 * largest eigenvalue first. vectors[k] belongs to values[k].
 */
export function symmetricEigen(S: ArrayLike<number>, d: number): { values: number[]; vectors: Float64Array[] } {
  const A = Float64Array.from(S);
  const W = new Float64Array(d * d);
  for (let k = 0; k < d; k++) W[k * d + k] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < d; i++) {
      diag += A[i * d + i]! ** 2;
      for (let j = i + 1; j < d; j++) off += A[i * d + j]! ** 2;
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p * d + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * d + q]! - A[p * d + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = A[k * d + p]!;
          const akq = A[k * d + q]!;
          A[k * d + p] = c * akp - s * akq;
          A[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = A[p * d + k]!;
          const aqk = A[q * d + k]!;
          A[p * d + k] = c * apk - s * aqk;
          A[q * d + k] = s * apk + c * aqk;
        }
        // The rotations accumulate into W, whose columns become the eigenvectors.
        for (let k = 0; k < d; k++) {
          const wkp = W[k * d + p]!;
          const wkq = W[k * d + q]!;
          W[k * d + p] = c * wkp - s * wkq;
          W[k * d + q] = s * wkp + c * wkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, k) => k).sort((x, y) => A[y * d + y]! - A[x * d + x]! || x - y);
  return {
    values: order.map((k) => A[k * d + k]!),
    vectors: order.map((k) => Float64Array.from({ length: d }, (_, r) => W[r * d + k]!)),
  };
}

/**
 * Eigenvalues of a small symmetric matrix (its upper triangle), ascending. Used to explain
 * singular systems (the smallest eigenvalue of a Gram matrix), not in the hot path.
 */
export function symmetricEigenvalues(S: ArrayLike<number>, d: number): number[] {
  const A = Float64Array.from(S as ArrayLike<number>);
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) A[i * d + j] = A[j * d + i]!;
  return symmetricEigen(A, d).values.reverse();
}

/** Determinant of a small square matrix by Gaussian elimination with partial pivoting. */
export function determinant(M: ArrayLike<number>, d: number): number {
  const A = Float64Array.from(M as ArrayLike<number>);
  let det = 1;
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(A[r * d + c]!) > Math.abs(A[p * d + c]!)) p = r;
    const pv = A[p * d + c]!;
    if (pv === 0) return 0;
    if (p !== c) {
      for (let k = 0; k < d; k++) {
        const t = A[c * d + k]!;
        A[c * d + k] = A[p * d + k]!;
        A[p * d + k] = t;
      }
      det = -det;
    }
    det *= pv;
    for (let r = c + 1; r < d; r++) {
      const f = A[r * d + c]! / pv;
      if (f === 0) continue;
      for (let k = c; k < d; k++) A[r * d + k] = A[r * d + k]! - f * A[c * d + k]!;
    }
  }
  return det;
}

/** Mirrors the upper triangle of a d×d buffer into its lower triangle. */
export function symmetrizeFromUpper(A: Float64Array, d: number): void {
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) A[i * d + j] = A[j * d + i]!;
}

/** Zeroes the strictly upper triangle, leaving a clean lower-triangular factor. */
export function clearUpper(L: Float64Array, d: number): void {
  for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) L[i * d + j] = 0;
}
