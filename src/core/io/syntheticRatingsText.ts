/**
 * Rating files generated to a real data set's shape, for benchmarks and tests (MovieLens may
 * not be shipped, so its size is imitated instead): every user rates at least `minPerUser`
 * distinct items, activity and popularity are long-tailed, timestamps grow per user.
 */
import { createRng } from '../random';

export interface SyntheticFileOptions {
  users: number;
  items: number;
  ratings: number;
  seed?: number;
  minPerUser?: number;
  /** Field separator (default "::", as ML-1M's ratings.dat). */
  delimiter?: string;
  /** Ratings drawn from 1..maxRating (default 5). */
  maxRating?: number;
}

/** ML-1M's shape: 6,040 users × 3,706 items, 1,000,209 ratings, at least 20 per user. */
export const ML_1M_SHAPE: SyntheticFileOptions = { users: 6040, items: 3706, ratings: 1_000_209, minPerUser: 20 };

/** Per-user counts: at least `min` each, the rest spread with a long tail, summing to `total`. */
function userCounts(o: Required<SyntheticFileOptions>, rng: () => number): Int32Array {
  const counts = new Int32Array(o.users).fill(o.minPerUser);
  const weights = Array.from({ length: o.users }, () => 1 / (0.02 + rng()) ** 1.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = o.ratings - o.users * o.minPerUser;
  const room = o.items - o.minPerUser;
  for (let i = 0; i < o.users && left > 0; i++) {
    const extra = Math.min(room, Math.floor(((o.ratings - o.users * o.minPerUser) * weights[i]!) / sum), left);
    counts[i]! += extra;
    left -= extra;
  }
  for (let i = 0; left > 0; i = (i + 1) % o.users) {
    if (counts[i]! < o.items) {
      counts[i]!++;
      left--;
    }
  }
  return counts;
}

/** A rating file of the given shape as text, `user::item::rating::timestamp` lines in user order. */
export function syntheticRatingsText(options: SyntheticFileOptions): string {
  const o: Required<SyntheticFileOptions> = { seed: 1, minPerUser: 1, delimiter: '::', maxRating: 5, ...options };
  if (o.users * o.minPerUser > o.ratings || o.ratings > o.users * o.items) throw new RangeError('Impossible shape.');
  const rng = createRng(o.seed);
  const counts = userCounts(o, rng);
  const seen = new Int32Array(o.items).fill(-1);
  const lines: string[] = [];
  const sep = o.delimiter;
  for (let i = 0; i < o.users; i++) {
    let time = 956703932 + Math.floor(rng() * 9e7);
    for (let k = 0; k < counts[i]!; k++) {
      // Popular items first: j = items·u² favours small ids; a taken item is replaced by a uniform draw.
      let j = Math.floor(o.items * rng() ** 2);
      while (seen[j] === i) j = Math.floor(o.items * rng());
      seen[j] = i;
      time += 1 + Math.floor(rng() * 600);
      lines.push(`${i + 1}${sep}${j + 1}${sep}${1 + Math.floor(rng() * o.maxRating)}${sep}${time}`);
    }
  }
  return lines.join('\n') + '\n';
}
