/**
 * The lecture's closed forms computed literally by mathjs (matrix inverse and all), from
 * dense matrices the tests build themselves: an oracle independent of the core's Cholesky
 * kernels.
 */
import { add, diag, identity, inv, matrix, multiply, transpose, type Matrix } from 'mathjs';

function asArray(M: Matrix): number[][] {
  return M.toArray() as number[][];
}

/**
 * The lecture's explicit closed form, by mathjs:
 *   x = (X_Ωᵀ X_Ω + λI)⁻¹ X_Ωᵀ r_Ω,
 * where X_Ω are the rows of the fixed factor matrix selected by the known entries of `row`
 * (a row of R for a user, a column of R for an item).
 */
export function explicitClosedForm(fixed: number[][], row: readonly (number | null)[], lambda: number): number[] {
  const d = fixed[0]!.length;
  const selected: number[][] = [];
  const r: number[][] = [];
  row.forEach((v, j) => {
    if (v !== null) {
      selected.push(fixed[j]!);
      r.push([v]);
    }
  });
  const lambdaI = multiply(lambda, identity(d) as Matrix) as Matrix;
  if (selected.length === 0) {
    // No known entries: the Gram matrix is 0 and the right-hand side is 0, so x = 0.
    return asArray(multiply(inv(lambdaI), matrix(new Array(d).fill([0]) as number[][])) as Matrix).map((x) => x[0]!);
  }
  const XO = matrix(selected);
  const XOt = transpose(XO);
  const system = add(multiply(XOt, XO), lambdaI) as Matrix;
  const x = multiply(inv(system), multiply(XOt, matrix(r))) as Matrix;
  return asArray(x).map((e) => e[0]!);
}

/**
 * The lecture's implicit closed form, by mathjs, over ALL n entries of the row:
 *   x = (Xᵀ Cⁱ X + λI)⁻¹ Xᵀ Cⁱ p_i,  Cⁱ = diag(c_i·).
 */
export function implicitClosedForm(fixed: number[][], p: readonly number[], c: readonly number[], lambda: number): number[] {
  const d = fixed[0]!.length;
  const X = matrix(fixed);
  const Xt = transpose(X);
  const Ci = diag([...c]) as Matrix;
  const lambdaI = multiply(lambda, identity(d) as Matrix) as Matrix;
  const system = add(multiply(multiply(Xt, Ci), X), lambdaI) as Matrix;
  const pi = matrix(p.map((v) => [v]));
  const x = multiply(inv(system), multiply(multiply(Xt, Ci), pi)) as Matrix;
  return asArray(x).map((e) => e[0]!);
}

/** Vᵀ diag(c) V by mathjs. */
export function weightedGramOracle(fixed: number[][], c: readonly number[]): number[][] {
  const X = matrix(fixed);
  return asArray(multiply(multiply(transpose(X), diag([...c]) as Matrix), X) as Matrix);
}
