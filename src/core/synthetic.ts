import { createNormal, createRng } from './random';
import { defaultItemIds, defaultUserIds, ratingsFromTriples, type Ratings, type Triple } from './ratings';

export interface SyntheticOptions {
  users: number;
  items: number;
  /** Number of known ratings |Ω| (at most users·items). */
  ratings: number;
  seed: number;
  /** Rank of the hidden taste structure the ratings are drawn from. */
  rank?: number;
  /** Rating scale: values are rounded to whole numbers in [min, max]. */
  min?: number;
  max?: number;
  /** Popularity skew: item j is drawn with weight 1/(j+1)^skew (0 = uniform). */
  skew?: number;
  /**
   * How much taste decides which items a user rates (γ ≥ 0; default 0: by popularity alone). With
   * γ > 0 an item drawn by popularity is kept with probability 1/(1 + e^(−γ·s_ij)), s_ij the
   * planted taste score, so the pattern of interactions itself carries each user's taste (as in
   * real implicit feedback, where popularity alone cannot explain it).
   */
  tasteChoice?: number;
}

/**
 * Deterministic ratings with a planted low-rank structure, skewed like real data: a few
 * popular items and heavy users, everyone with at least a few ratings. Used for the
 * ML-100k-shaped benchmark (943 × 1,682, 100,000 ratings) and the lab's random preset.
 */
export function syntheticRatings(options: SyntheticOptions): Ratings {
  const { users: m, items: n, seed } = options;
  const rank = options.rank ?? 3;
  const min = options.min ?? 1;
  const max = options.max ?? 5;
  const skew = options.skew ?? 0.8;
  const k = Math.min(options.ratings, m * n);
  const rng = createRng(seed);
  const normal = createNormal(rng);

  // Per-user counts: heavy-tailed shares of k, each at least min(perUserFloor, n).
  // Everyone gets `floor` ratings (0 when there are fewer ratings than users), the rest by weight.
  const floor = k >= m ? Math.min(n, Math.max(1, Math.min(20, Math.floor(k / m / 2)))) : 0;
  const weights = Array.from({ length: m }, () => Math.exp(1.1 * normal()));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.min(n, floor + Math.floor(((k - floor * m) * w) / total)));
  let assigned = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned < k; i = (i + 1) % m) {
    if (counts[i]! < n) {
      counts[i]!++;
      assigned++;
    }
  }
  for (let i = 0; assigned > k; i = (i + 1) % m) {
    if (counts[i]! > 0) {
      counts[i]!--;
      assigned--;
    }
  }

  // Item popularity as a cumulative distribution over a random permutation of items.
  const perm = Array.from({ length: n }, (_, j) => j);
  for (let j = n - 1; j > 0; j--) {
    const r = Math.floor(rng() * (j + 1));
    [perm[j], perm[r]] = [perm[r]!, perm[j]!];
  }
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let j = 0; j < n; j++) cdf[j] = acc += 1 / Math.pow(j + 1, skew);
  const draw = () => {
    const x = rng() * acc;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return perm[lo]!;
  };

  const gamma = options.tasteChoice ?? 0;
  // With taste-driven choice the tastes are needed first; without, they are drawn afterwards (as always).
  let tastes = gamma > 0 ? drawTastes(m, n, rank, normal) : null;
  const score = (i: number, j: number) => {
    let s = 0;
    for (let a = 0; a < rank; a++) s += tastes!.user[i * rank + a]! * tastes!.item[j * rank + a]!;
    return s / Math.sqrt(rank);
  };
  const choose = (i: number) => {
    for (;;) {
      const j = draw();
      if (gamma === 0 || rng() < 1 / (1 + Math.exp(-gamma * score(i, j)))) return j;
    }
  };
  const chosenBy = (i: number, want: number): Set<number> => {
    const chosen = new Set<number>();
    // Rejection sampling while the row is sparse; fall back to a full scan when dense.
    let tries = 0;
    while (chosen.size < want && tries < want * 20) {
      chosen.add(choose(i));
      tries++;
    }
    for (let j = 0; chosen.size < want && j < n; j++) chosen.add(perm[j]!);
    return chosen;
  };
  const chosenRows = gamma > 0 ? Array.from({ length: m }, (_, i) => chosenBy(i, counts[i]!)) : null;
  tastes ??= drawTastes(m, n, rank, normal);
  const { user: userTaste, item: itemTaste, bias: itemBias } = tastes;
  const mid = (min + max) / 2;
  const spread = (max - min) / 4;
  const triples: Triple[] = [];
  for (let i = 0; i < m; i++) {
    const chosen = chosenRows ? chosenRows[i]! : chosenBy(i, counts[i]!);
    for (const j of chosen) {
      let s = 0;
      for (let a = 0; a < rank; a++) s += userTaste[i * rank + a]! * itemTaste[j * rank + a]!;
      const raw = mid + spread * (s / Math.sqrt(rank) + itemBias[j]! + 0.5 * normal());
      triples.push({ user: i, item: j, value: Math.min(max, Math.max(min, Math.round(raw))) });
    }
  }
  return ratingsFromTriples(m, n, triples, defaultUserIds(m), defaultItemIds(n));
}

function drawTastes(m: number, n: number, rank: number, normal: () => number) {
  const user = Array.from({ length: m * rank }, () => normal());
  const item = Array.from({ length: n * rank }, () => normal());
  const bias = Array.from({ length: n }, () => 0.5 * normal());
  return { user, item, bias };
}

/** ML-100k's shape: 943 users, 1,682 items, 100,000 ratings on a 1–5 scale. */
export function movieLensShaped(seed = 100): Ratings {
  return syntheticRatings({ users: 943, items: 1682, ratings: 100_000, seed, rank: 5 });
}
