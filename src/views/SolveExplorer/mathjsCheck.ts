/**
 * An independent check of the closed form, evaluated with mathjs from the numbers on
 * screen (loaded on demand: it stays out of the lab's startup and the worker's hot path).
 */
import type { SolveTrace } from '../../core';

export interface CheckResult {
  solution: number[];
  /** Largest |mathjs − worker| over the entries of u_i. */
  maxDifference: number;
}

export async function checkWithMathjs(trace: SolveTrace): Promise<CheckResult | null> {
  if (!trace.solution) return null;
  const { add, identity, inv, multiply, transpose, diag, matrix } = await import('mathjs');
  // The system's size: d, or d + 1 for the biases variant (fixed rows [1, v_j], unknowns [b_i, u_i]).
  const d = trace.size;
  const X = matrix(trace.fixedRows.map((r) => [...r]));
  const Xt = transpose(X);
  // trace.lambda is the λ on this row's diagonal (ALS-WR: λ·nᵢ).
  const lambdaI = multiply(trace.lambda, identity(d));
  let value: unknown;
  if (trace.mode === 'explicit') {
    // û_i = (V_Ωᵀ V_Ω + λI)⁻¹ V_Ωᵀ r_Ω
    const r = matrix(trace.values.map((v) => [v]));
    value = multiply(multiply(inv(add(multiply(Xt, X), lambdaI) as never), Xt), r);
  } else {
    // u_i = (Vᵀ Cⁱ V + λI)⁻¹ Vᵀ Cⁱ p_i, with Cⁱ = diag(c_i) over all items
    const C = diag(trace.confidence);
    const p = matrix(trace.preference.map((v) => [v]));
    const XtC = multiply(Xt, C);
    value = multiply(multiply(inv(add(multiply(XtC, X), lambdaI) as never), XtC), p);
  }
  const solution = ((value as { toArray(): number[][] }).toArray() as number[][]).map((row) => row[0]!);
  const maxDifference = Math.max(...solution.map((v, a) => Math.abs(v - trace.solution![a]!)));
  return { solution, maxDifference };
}
