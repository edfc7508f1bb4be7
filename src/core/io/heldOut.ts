/**
 * Train / held-out splits of imported data, per user (so every user keeps ratings to learn
 * from and has some to be judged on): a seeded random share of each user's ratings, or each
 * user's latest k by time. Both return matrices of the same shape and ids as the input.
 */
import type { Dataset } from '../dataset';
import { createRng } from '../random';
import type { Ratings } from '../ratings';
import { completeRatings } from './buildRatings';

export interface HeldOutSplit {
  train: Ratings;
  test: Ratings;
  /** Timestamps of train's and test's entries in their user order, when the input had them. */
  trainTimestamps: Float64Array | null;
  testTimestamps: Float64Array | null;
}

/** Splits R's positions by a mask (1 = held out); positions keep their order, so rows stay sorted. */
export function splitByMask(R: Ratings, held: Uint8Array, timestamps: Float64Array | null = null): HeldOutSplit {
  let testCount = 0;
  for (let p = 0; p < R.nnz; p++) testCount += held[p]!;
  const part = (want: number, size: number) => {
    const ptr = new Int32Array(R.m + 1);
    const col = new Int32Array(size);
    const val = new Float64Array(size);
    const times = timestamps ? new Float64Array(size) : null;
    let k = 0;
    for (let i = 0; i < R.m; i++) {
      for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
        if (held[p] !== want) continue;
        col[k] = R.userCol[p]!;
        val[k] = R.userVal[p]!;
        if (times) times[k] = timestamps![p]!;
        k++;
      }
      ptr[i + 1] = k;
    }
    return { ratings: completeRatings(R.m, R.n, R.userIds, R.itemIds, ptr, col, val), times };
  };
  const train = part(0, R.nnz - testCount);
  const test = part(1, testCount);
  return { train: train.ratings, test: test.ratings, trainTimestamps: train.times, testTimestamps: test.times };
}

/** How many of a user's n ratings to hold out: as asked, but never the user's last one. */
const heldCount = (n: number, wanted: number) => Math.max(0, Math.min(wanted, n - 1));

/** The CSR row pointers a per-user split reads: nothing else of R is needed (cheap to hand to a worker). */
export type UserRows = Pick<Ratings, 'm' | 'nnz' | 'userPtr'>;

/**
 * Which positions a per-user random split holds out (1 = held out): round(share · nᵢ) of each
 * user's nᵢ ratings, drawn with a seeded generator, never a user's last one.
 */
export function perUserMask(R: UserRows, share: number, seed: number): Uint8Array {
  if (!(share >= 0 && share < 1)) throw new RangeError(`The held-out share must be in [0, 1) (got ${share}).`);
  const rng = createRng(seed);
  const held = new Uint8Array(R.nnz);
  for (let i = 0; i < R.m; i++) {
    const lo = R.userPtr[i]!;
    const n = R.userPtr[i + 1]! - lo;
    const h = heldCount(n, Math.round(share * n));
    // A partial Fisher–Yates shuffle of the user's positions: the first h drawn are held out.
    const idx = Int32Array.from({ length: n }, (_, k) => lo + k);
    for (let k = 0; k < h; k++) {
      const pick = k + Math.floor(rng() * (n - k));
      const t = idx[k]!;
      idx[k] = idx[pick]!;
      idx[pick] = t;
      held[idx[k]!] = 1;
    }
  }
  return held;
}

/**
 * Holds out round(share · nᵢ) of each user's nᵢ ratings, chosen at random with a seeded
 * generator (the same seed gives the same split everywhere), keeping at least one rating
 * of every user in training.
 */
export function splitPerUser(R: Ratings, share: number, seed: number, timestamps: Float64Array | null = null): HeldOutSplit {
  return splitByMask(R, perUserMask(R, share, seed), timestamps);
}

/** Which positions a split by time holds out: each user's latest k (ties: the later position), never a user's last one. */
export function latestMask(R: UserRows, timestamps: Float64Array, k: number): Uint8Array {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number ≥ 0 (got ${k}).`);
  if (timestamps.length !== R.nnz) throw new RangeError(`Expected ${R.nnz} timestamps, got ${timestamps.length}.`);
  const held = new Uint8Array(R.nnz);
  for (let i = 0; i < R.m; i++) {
    const lo = R.userPtr[i]!;
    const n = R.userPtr[i + 1]! - lo;
    const h = heldCount(n, k);
    if (h === 0) continue;
    const idx = Array.from({ length: n }, (_, q) => lo + q);
    idx.sort((a, b) => timestamps[a]! - timestamps[b]! || a - b);
    for (let q = n - h; q < n; q++) held[idx[q]!] = 1;
  }
  return held;
}

/**
 * Holds out each user's latest k ratings by timestamp (ties: the item listed later counts as
 * later), keeping at least one rating of every user in training: "predict what they rated
 * next from what they rated before".
 */
export function splitByTime(R: Ratings, timestamps: Float64Array, k: number): HeldOutSplit {
  return splitByMask(R, latestMask(R, timestamps, k), timestamps);
}

export type HeldOutSpec = { kind: 'random'; share: number; seed: number } | { kind: 'time'; latest: number };

/**
 * The data set with part of its ratings held out as `test` (replacing any held-out part it
 * had): `{ kind: 'random', share, seed }` or `{ kind: 'time', latest }` (needs timestamps).
 */
export function holdOutDataset(dataset: Dataset, spec: HeldOutSpec): Dataset {
  let split: HeldOutSplit;
  if (spec.kind === 'random') split = splitPerUser(dataset.ratings, spec.share, spec.seed, dataset.timestamps);
  else {
    if (!dataset.timestamps) throw new RangeError(`"${dataset.name}" has no timestamps: it cannot be split by time.`);
    split = splitByTime(dataset.ratings, dataset.timestamps, spec.latest);
  }
  return { ...dataset, ratings: split.train, test: split.test, timestamps: split.trainTimestamps };
}

/**
 * The positions (in R's user order, ascending) a split holds out: what the lab keeps as its
 * held-out cells. Needs only R's row pointers (and the timestamps for a split by time).
 */
export function heldOutPositions(R: UserRows, spec: HeldOutSpec, timestamps: Float64Array | null = null): Int32Array {
  let mask: Uint8Array;
  if (spec.kind === 'random') mask = perUserMask(R, spec.share, spec.seed);
  else {
    if (!timestamps) throw new RangeError('These ratings have no timestamps: they cannot be split by time.');
    mask = latestMask(R, timestamps, spec.latest);
  }
  let count = 0;
  for (let p = 0; p < mask.length; p++) count += mask[p]!;
  const out = new Int32Array(count);
  let k = 0;
  for (let p = 0; p < mask.length; p++) if (mask[p]) out[k++] = p;
  return out;
}
