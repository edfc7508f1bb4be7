import type { DenseMatrix } from './ratings';

/**
 * The lecture's own numbers (Recommender Systems 1, Advanced Machine Learning), used as
 * presets and as worked examples in the tests.
 */

/** The 4×6 rating matrix R, `null` for `?`. */
export const LECTURE_R: DenseMatrix = [
  [1, null, null, 2, null, 1],
  [null, 2, 3, null, 2, 1],
  [1, 5, 5, null, null, 5],
  [null, null, 2, null, null, 3],
];

/** The toy U (4×2) the lecture pretends came out of the optimisation. */
export const LECTURE_U: number[][] = [
  [0.3, 0.7],
  [0.3, 0.5],
  [0.2, 0.4],
  [0.2, 0.1],
];

/** The toy Vᵀ (2×6); V itself is its transpose (6×2). */
export const LECTURE_VT: number[][] = [
  [1, 10, 11, 10, 4, 20],
  [1, -1, -2, -1, 1, -4],
];

/** The product UVᵀ exactly as printed on the slide (one decimal). */
export const LECTURE_UVT: number[][] = [
  [1, 2.3, 1.9, 2.3, 1.9, 3.2],
  [0.8, 2.5, 2.3, 2.5, 1.7, 4],
  [0.6, 1.6, 1.4, 1.6, 1.2, 2.4],
  [0.3, 1.9, 2, 1.9, 0.9, 3.6],
];

/** The implicit example's binary preference P (4×6). */
export const LECTURE_P: number[][] = [
  [1, 0, 0, 1, 0, 1],
  [0, 1, 1, 0, 1, 1],
  [1, 1, 1, 0, 0, 1],
  [0, 0, 1, 0, 0, 1],
];

/** The implicit example's confidence C (4×6): unobserved pairs have confidence 0. */
export const LECTURE_C: number[][] = [
  [0.85, 0, 0, 0.34, 0, 0.98],
  [0, 0.37, 0.1, 0, 0.63, 0.01],
  [0.45, 0.42, 0.43, 0, 0, 0.23],
  [0, 0, 0.26, 0, 0, 0.88],
];

/** The Netflix Prize (2006) as the lecture gives it: ~500K users, ~17K movies, ~100M ratings. */
export const NETFLIX = { users: 500_000, movies: 17_000, ratings: 100_000_000 } as const;

export const LECTURE_USER_IDS = ['u1', 'u2', 'u3', 'u4'];
export const LECTURE_ITEM_IDS = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6'];
