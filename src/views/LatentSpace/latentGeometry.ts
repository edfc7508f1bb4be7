/**
 * The geometry behind "a prediction is a dot product": the projection of an item's vector
 * onto a user's direction, the ranking it induces, and how a ranking changes. Pure: no DOM.
 *
 * For a user vector u and an item vector v (both d-dimensional):
 *   signed projection length  p = uᵀv / ‖u‖          (how far v reaches along u's direction)
 *   foot of the perpendicular f = (uᵀv / ‖u‖²) · u     (the point on u's line closest to v)
 *   prediction                r̂ = uᵀv = ‖u‖ · p
 * so, for one user, ‖u‖ is a common factor and the ranking of items is the ranking of p.
 */

import { scoresFor } from '../../core';

export type Vector = ArrayLike<number>;

export function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

export function norm(a: Vector): number {
  return Math.sqrt(dot(a, a));
}

export interface Projection {
  /** Signed length of v's projection onto u's direction: uᵀv / ‖u‖ (0 when u = 0). */
  length: number;
  /** The foot of the perpendicular from v onto the line through 0 and u. */
  foot: number[];
}

/** Orthogonal projection of v onto the direction of u. A zero u has no direction: the foot is the origin. */
export function projectOnto(v: Vector, u: Vector): Projection {
  const uu = dot(u, u);
  if (!(uu > 0)) return { length: 0, foot: Array.from({ length: u.length }, () => 0) };
  const uv = dot(u, v);
  const t = uv / uu;
  return { length: uv / Math.sqrt(uu), foot: Array.from(u, (x) => t * x) };
}

export interface RankedItem {
  item: number;
  /** r̂ = uᵀv_j. */
  score: number;
  /** 1 = recommended first. */
  rank: number;
}

/**
 * The items ordered by predicted score uᵀv_j for one user, highest first; equal scores
 * keep the item order, so a ranking never shuffles for no reason. V is n×d row-major.
 */
export function rankItems(u: Vector, V: ArrayLike<number>, n: number, d: number): RankedItem[] {
  const scores = scoresFor(u, V, n, d);
  const order = Array.from({ length: n }, (_, j) => j);
  order.sort((x, y) => scores[y]! - scores[x]! || x - y);
  return order.map((item, k) => ({ item, score: scores[item]!, rank: k + 1 }));
}

/**
 * How many places each item moved from one ranking to another, indexed by item:
 * positive = moved up (towards rank 1), negative = moved down.
 */
export function rankMoves(before: readonly RankedItem[], after: readonly RankedItem[]): Int32Array {
  const n = Math.max(before.length, after.length);
  const was = new Int32Array(n);
  for (const r of before) was[r.item] = r.rank;
  const moves = new Int32Array(n);
  for (const r of after) moves[r.item] = was[r.item]! - r.rank;
  return moves;
}

/**
 * Which of `count` points to draw when there are too many: an even stride through them,
 * plus the ones that must be there (the selected user, the top-ranked items), sorted.
 */
export function samplePoints(count: number, limit: number, must: readonly number[] = []): number[] {
  if (count <= limit) return Array.from({ length: count }, (_, k) => k);
  const chosen = new Set<number>();
  for (const k of must) if (k >= 0 && k < count) chosen.add(k);
  const room = Math.max(0, limit - chosen.size);
  for (let t = 0; t < room; t++) chosen.add(Math.floor((t * count) / room));
  return [...chosen].sort((a, b) => a - b);
}
