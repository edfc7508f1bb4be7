/**
 * Users and items in one picture: the rows of U (m×d) and V (n×d) as points of a plane.
 * Pure: no DOM.
 *
 *   d = 1: a number line (the second coordinate is 0);
 *   d = 2: the plane itself, factor 1 across and factor 2 up — nothing is approximated;
 *   d > 2: the rows projected onto two fixed directions a₁, a₂ of ℝᵈ: the top two
 *          eigenvectors of XᵀX for the stacked rows X = [U; V] (an uncentred PCA, i.e. the
 *          top two right singular vectors of X). Uncentred, because dot products are
 *          measured from the origin and centring would move it. Orthonormal axes keep
 *          lengths and angles exactly for vectors inside their plane, and shrink the rest.
 */

import { symmetricEigen } from '../../core';

export { symmetricEigen };

export interface PlaneAxes {
  /** Orthonormal directions in ℝᵈ (each of length d). */
  axes: [Float64Array, Float64Array];
  /** Share of ‖X‖²_F (the sum of squared entries) the two axes keep, in [0, 1]. */
  explained: number;
}

export type PlaneKind = 'line' | 'plane' | 'projection';

export interface PlaneCoordinates {
  kind: PlaneKind;
  /** (m + n)×2 row-major: the users first, then the items. */
  coords: Float64Array;
  /** The projection's axes when d > 2 (null otherwise). */
  axes: PlaneAxes | null;
}

function dotRows(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/**
 * The two projection axes for the stacked rows X (rows×d, row-major), with a sign
 * convention so that the picture does not flip between ALS steps: with `previous` axes
 * (same d), each new axis takes the sign (and, if the top two swapped places, the slot)
 * that agrees with the previous one; without them, each axis's largest-magnitude
 * component is positive.
 */
export function planeAxes(X: ArrayLike<number>, rows: number, d: number, previous?: PlaneAxes | null): PlaneAxes {
  const G = new Float64Array(d * d);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    for (let a = 0; a < d; a++) {
      const xa = X[o + a]!;
      total += xa * xa;
      for (let b = a; b < d; b++) G[a * d + b]! += xa * X[o + b]!;
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) G[a * d + b] = G[b * d + a]!;
  const { values, vectors } = symmetricEigen(G, d);
  let a1 = vectors[0] ?? new Float64Array(d);
  let a2 = vectors[1] ?? new Float64Array(d);
  const prev = previous && previous.axes[0].length === d ? previous.axes : null;
  if (prev) {
    const keep = Math.abs(dotRows(a1, prev[0])) + Math.abs(dotRows(a2, prev[1]));
    const swap = Math.abs(dotRows(a1, prev[1])) + Math.abs(dotRows(a2, prev[0]));
    if (swap > keep) [a1, a2] = [a2, a1];
    if (dotRows(a1, prev[0]) < 0) a1 = negate(a1);
    if (dotRows(a2, prev[1]) < 0) a2 = negate(a2);
  } else {
    a1 = largestPositive(a1);
    a2 = largestPositive(a2);
  }
  const kept = Math.max(0, values[0] ?? 0) + Math.max(0, values[1] ?? 0);
  return { axes: [a1, a2], explained: total > 0 ? Math.min(1, kept / total) : 1 };
}

function negate(v: Float64Array): Float64Array {
  return v.map((x) => -x);
}

function largestPositive(v: Float64Array): Float64Array {
  let best = 0;
  for (let k = 1; k < v.length; k++) if (Math.abs(v[k]!) > Math.abs(v[best]!) + 1e-12) best = k;
  return (v[best] ?? 0) < 0 ? negate(v) : v;
}

/** Each row's coordinates along the two axes (rows×2, row-major). */
export function projectRows(X: ArrayLike<number>, rows: number, d: number, plane: PlaneAxes, out = new Float64Array(rows * 2)) {
  const [a1, a2] = plane.axes;
  for (let r = 0; r < rows; r++) {
    let x = 0;
    let y = 0;
    for (let a = 0; a < d; a++) {
      const v = X[r * d + a]!;
      x += v * a1[a]!;
      y += v * a2[a]!;
    }
    out[2 * r] = x;
    out[2 * r + 1] = y;
  }
  return out;
}

/** A d-vector's position in the picture (the same rule as the rows'). */
export function toPlane(v: ArrayLike<number>, d: number, axes: PlaneAxes | null): [number, number] {
  if (!axes) return [v[0] ?? 0, d >= 2 ? (v[1] ?? 0) : 0];
  const p = projectRows(v, 1, d, axes);
  return [p[0]!, p[1]!];
}

/**
 * Moves a d-vector by (dx, dy) in the picture: along the axes when projected (so its
 * drawn point moves by exactly that much), along the factors when d ≤ 2.
 */
export function moveInPlane(v: ArrayLike<number>, d: number, dx: number, dy: number, axes: PlaneAxes | null): number[] {
  const out = Array.from(v);
  if (!axes) {
    out[0] = out[0]! + dx;
    if (d >= 2) out[1] = out[1]! + dy;
    return out;
  }
  const [a1, a2] = axes.axes;
  for (let a = 0; a < d; a++) out[a] = out[a]! + dx * a1[a]! + dy * a2[a]!;
  return out;
}

/** Users and items in the plane: the users' rows first, then the items'. */
export function planeCoordinates(
  U: ArrayLike<number>,
  V: ArrayLike<number>,
  m: number,
  n: number,
  d: number,
  previous?: PlaneAxes | null,
): PlaneCoordinates {
  const coords = new Float64Array((m + n) * 2);
  if (d <= 2) {
    const put = (X: ArrayLike<number>, rows: number, offset: number) => {
      for (let r = 0; r < rows; r++) {
        coords[2 * (offset + r)] = X[r * d]!;
        coords[2 * (offset + r) + 1] = d === 2 ? X[r * d + 1]! : 0;
      }
    };
    put(U, m, 0);
    put(V, n, m);
    return { kind: d === 1 ? 'line' : 'plane', coords, axes: null };
  }
  const X = new Float64Array((m + n) * d);
  for (let k = 0; k < m * d; k++) X[k] = U[k]!;
  for (let k = 0; k < n * d; k++) X[m * d + k] = V[k]!;
  const axes = planeAxes(X, m + n, d, previous);
  projectRows(X, m + n, d, axes, coords);
  return { kind: 'projection', coords, axes };
}
