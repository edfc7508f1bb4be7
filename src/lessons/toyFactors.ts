/** The lecture's toy factors in the worker's layout. */
import { LECTURE_U, LECTURE_VT } from '../core/lecture';

/** The lecture's toy U (4×2) and V (6×2, the transpose of its Vᵀ), row-major. */
export function toyFactors(): { U: Float64Array; V: Float64Array; d: number } {
  const d = LECTURE_VT.length;
  const n = LECTURE_VT[0]!.length;
  const V = new Float64Array(n * d);
  for (let j = 0; j < n; j++) for (let a = 0; a < d; a++) V[j * d + a] = LECTURE_VT[a]![j]!;
  return { U: Float64Array.from(LECTURE_U.flat()), V, d };
}

