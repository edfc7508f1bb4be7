import { createNormal, createRng } from './random';

/**
 * The factor matrices U (m×d, row u_i per user) and V (n×d, row v_j per item), so that
 * r̂_ij = u_iᵀ v_j and R ≈ UVᵀ. Row-major Float64Array buffers: U[i·d + a] = (u_i)_a.
 *
 * The lecture writes V both as n×d and as d×n; MF Lab always stores V as n×d, so that
 * v_j is a row of V and a column of Vᵀ.
 */
export interface Factors {
  readonly m: number;
  readonly n: number;
  readonly d: number;
  U: Float64Array;
  V: Float64Array;
  /**
   * The biases variant's global mean and per-user and per-item biases, so that
   * r̂_ij = μ + bᵢ + cⱼ + u_iᵀv_j; absent for the other variants (r̂_ij = u_iᵀv_j).
   */
  biases?: Biases;
}

/** μ (fixed: the mean training rating), bᵢ for each user and cⱼ for each item. */
export interface Biases {
  mu: number;
  /** bᵢ, one per user (length m). */
  user: Float64Array;
  /** cⱼ, one per item (length n). */
  item: Float64Array;
}

export interface InitOptions {
  /** Seed of the random initialisation: the same seed gives the same run everywhere. */
  seed: number;
  /** Standard deviation of the Gaussian initial entries. */
  scale: number;
}

export const DEFAULT_INIT: InitOptions = { seed: 1, scale: 0.5 };

export function assertFactorCount(d: number): void {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`The number of factors d must be a positive whole number (got ${d}).`);
}

/** Random U and V with independent N(0, scale²) entries, U first, from one seeded stream. */
export function initFactors(m: number, n: number, d: number, options: InitOptions = DEFAULT_INIT): Factors {
  assertFactorCount(d);
  if (!(options.scale >= 0) || !Number.isFinite(options.scale)) {
    throw new RangeError(`The initial scale must be a non-negative number (got ${options.scale}).`);
  }
  const normal = createNormal(createRng(options.seed));
  const U = new Float64Array(m * d);
  const V = new Float64Array(n * d);
  for (let p = 0; p < U.length; p++) U[p] = options.scale * normal();
  for (let p = 0; p < V.length; p++) V[p] = options.scale * normal();
  return { m, n, d, U, V };
}

/** Factors from nested arrays (U as m×d rows, V as n×d rows). */
export function factorsFromArrays(U: readonly (readonly number[])[], V: readonly (readonly number[])[]): Factors {
  const d = U[0]?.length ?? V[0]?.length ?? 0;
  assertFactorCount(d);
  for (const row of [...U, ...V]) if (row.length !== d) throw new RangeError(`Every row of U and V must have d = ${d} entries.`);
  return { m: U.length, n: V.length, d, U: Float64Array.from(U.flat()), V: Float64Array.from(V.flat()) };
}

export function cloneFactors(F: Factors): Factors {
  const out: Factors = { m: F.m, n: F.n, d: F.d, U: F.U.slice(), V: F.V.slice() };
  if (F.biases) out.biases = { mu: F.biases.mu, user: F.biases.user.slice(), item: F.biases.item.slice() };
  return out;
}

/** μ + bᵢ + cⱼ when the factors carry biases, else 0: the part of r̂_ij outside u_iᵀv_j. */
export function biasOf(F: Factors, i: number, j: number): number {
  const b = F.biases;
  return b ? b.mu + b.user[i]! + b.item[j]! : 0;
}

/** r̂_ij = u_iᵀ v_j (plus μ + bᵢ + cⱼ for the biases variant). */
export function predict(F: Factors, i: number, j: number): number {
  return biasOf(F, i, j) + dotRow(F.U.subarray(i * F.d, i * F.d + F.d), F.V, j, F.d);
}

/** r̂_i· for every item: user i's score of each of the n items (biases included), into `out`. */
export function scoreItems(F: Factors, i: number, out: Float64Array = new Float64Array(F.n)): Float64Array {
  const d = F.d;
  const uo = i * d;
  const b = F.biases;
  const offset = b ? b.mu + b.user[i]! : 0;
  for (let j = 0; j < F.n; j++) {
    const vo = j * d;
    let s = b ? offset + b.item[j]! : 0;
    for (let a = 0; a < d; a++) s += F.U[uo + a]! * F.V[vo + a]!;
    out[j] = s;
  }
  return out;
}

/** uᵀx_r for a vector u (length d) and row r of a row-major matrix X: a score for any u, e.g. a what-if. */
export function dotRow(u: ArrayLike<number>, X: ArrayLike<number>, r: number, d: number): number {
  let s = 0;
  for (let a = 0; a < d; a++) s += u[a]! * X[r * d + a]!;
  return s;
}

/** X u: the score of a vector u against each of the `rows` rows of X (one user against every item). */
export function scoresFor(u: ArrayLike<number>, X: ArrayLike<number>, rows: number, d: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = dotRow(u, X, r, d);
  return out;
}

/** The full reconstruction UVᵀ (m×n, row-major; plus μ + bᵢ + cⱼ with biases). Dense: for classroom-sized matrices. */
export function reconstruct(F: Factors): Float64Array {
  const out = new Float64Array(F.m * F.n);
  for (let i = 0; i < F.m; i++) for (let j = 0; j < F.n; j++) out[i * F.n + j] = predict(F, i, j);
  return out;
}

/**
 * Predictions r̂_ij (u_iᵀv_j, plus biases when present) at the crossings of the given rows and columns (row-major,
 * rows.length × cols.length): a large UVᵀ drawn at screen resolution without computing
 * every one of its m·n entries.
 */
export function predictGrid(F: Factors, rows: ArrayLike<number>, cols: ArrayLike<number>): Float64Array {
  const d = F.d;
  const out = new Float64Array(rows.length * cols.length);
  for (let a = 0; a < rows.length; a++) {
    const uo = rows[a]! * d;
    for (let b = 0; b < cols.length; b++) {
      const vo = cols[b]! * d;
      let s = biasOf(F, rows[a]!, cols[b]!);
      for (let k = 0; k < d; k++) s += F.U[uo + k]! * F.V[vo + k]!;
      out[a * cols.length + b] = s;
    }
  }
  return out;
}

/** Up to `max` indices spread evenly over 0..count−1 (all of them when count ≤ max). */
export function evenSample(count: number, max: number): Int32Array {
  const k = Math.min(count, max);
  return Int32Array.from({ length: k }, (_, t) => Math.floor((t * count) / k));
}

/** Rows of a row-major buffer as nested arrays. */
export function toRows(buffer: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => buffer[r * cols + c]!));
}

/** A row (u_i or v_j) as a plain array. */
export function rowOf(buffer: Float64Array, d: number, index: number): number[] {
  return Array.from(buffer.subarray(index * d, index * d + d));
}

/** Gram matrix XᵀX (d×d, full) of a row-major k×d buffer; the implicit solve shares VᵀV across rows. */
export function gramOf(X: Float64Array, rows: number, d: number, out: Float64Array = new Float64Array(d * d)): Float64Array {
  out.fill(0);
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    for (let a = 0; a < d; a++) {
      const xa = X[o + a]!;
      if (xa === 0) continue;
      const row = a * d;
      for (let b = a; b < d; b++) out[row + b]! += xa * X[o + b]!;
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) out[a * d + b] = out[b * d + a]!;
  return out;
}
