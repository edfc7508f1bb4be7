/**
 * Smaller, denser pieces of a big data set, for the editable grid and for a class to step
 * through: the k-core (users and items with at least k ratings, applied until stable), any
 * minimum per user and per item, and the top-N users × top-M items. Real data is very sparse
 * (MovieTweetings: 0.057 % known); its cores are where a factor model has something to learn.
 */
import type { Dataset } from '../dataset';
import type { Ratings } from '../ratings';
import { ratingsFromColumns } from './buildRatings';

/** The users and items a cut keeps, as indices into the original data set, in the cut's order. */
export interface Cut {
  users: Int32Array;
  items: Int32Array;
}

/**
 * Users with at least `minPerUser` ratings and items with at least `minPerItem`, counting only
 * ratings between kept users and items, removed round after round until no count falls
 * short (dropping an item can push a user under the minimum, and so on). The result is
 * unique (the largest such sub-matrix) and may be empty. Kept in their original order.
 */
export function denseCore(R: Ratings, minPerUser: number, minPerItem: number): Cut {
  const userLeft = new Uint8Array(R.m).fill(1);
  const itemLeft = new Uint8Array(R.n).fill(1);
  const userCount = new Int32Array(R.m);
  const itemCount = new Int32Array(R.n);
  for (let i = 0; i < R.m; i++) userCount[i] = R.userPtr[i + 1]! - R.userPtr[i]!;
  for (let j = 0; j < R.n; j++) itemCount[j] = R.itemPtr[j + 1]! - R.itemPtr[j]!;
  // A queue of rows and columns to drop: each drop lowers its partners' counts once.
  const queue: number[] = [];
  const drop = (left: Uint8Array, index: number, queued: number) => {
    left[index] = 0;
    queue.push(queued);
  };
  for (let i = 0; i < R.m; i++) if (userCount[i]! < minPerUser) drop(userLeft, i, i);
  for (let j = 0; j < R.n; j++) if (itemCount[j]! < minPerItem) drop(itemLeft, j, ~j);
  while (queue.length > 0) {
    const x = queue.pop()!;
    if (x >= 0) {
      for (let p = R.userPtr[x]!; p < R.userPtr[x + 1]!; p++) {
        const j = R.userCol[p]!;
        if (itemLeft[j] && --itemCount[j]! < minPerItem) drop(itemLeft, j, ~j);
      }
    } else {
      const j = ~x;
      for (let q = R.itemPtr[j]!; q < R.itemPtr[j + 1]!; q++) {
        const i = R.itemRow[q]!;
        if (userLeft[i] && --userCount[i]! < minPerUser) drop(userLeft, i, i);
      }
    }
  }
  return { users: indicesOf(userLeft), items: indicesOf(itemLeft) };
}

function indicesOf(mask: Uint8Array): Int32Array {
  const out: number[] = [];
  mask.forEach((keep, k) => keep && out.push(k));
  return Int32Array.from(out);
}

/** The k-core: users and items with at least k ratings each, applied until stable. */
export function kCore(R: Ratings, k: number): Cut {
  return denseCore(R, k, k);
}

/**
 * The most-rated items and the users who rated most of them: the `nItems` items with the
 * most ratings (ties: the earlier item), then the `nUsers` users with the most ratings among
 * those items (ties: more ratings overall, then the earlier user). Items and users are listed
 * most-rated first, so the cut reads like a leaderboard. Users who rated none of the items
 * are never chosen (the cut may then have fewer users).
 */
export function topCut(R: Ratings, nUsers: number, nItems: number): Cut {
  const itemOrder = Array.from({ length: R.n }, (_, j) => j);
  const itemCount = (j: number) => R.itemPtr[j + 1]! - R.itemPtr[j]!;
  itemOrder.sort((a, b) => itemCount(b) - itemCount(a) || a - b);
  const items = Int32Array.from(itemOrder.slice(0, Math.max(0, nItems)));
  const within = new Int32Array(R.m);
  for (const j of items) for (let q = R.itemPtr[j]!; q < R.itemPtr[j + 1]!; q++) within[R.itemRow[q]!]!++;
  const total = (i: number) => R.userPtr[i + 1]! - R.userPtr[i]!;
  const candidates = Array.from({ length: R.m }, (_, i) => i).filter((i) => within[i]! > 0);
  candidates.sort((a, b) => within[b]! - within[a]! || total(b) - total(a) || a - b);
  return { users: Int32Array.from(candidates.slice(0, Math.max(0, nUsers))), items };
}

export interface SubsetRatings {
  ratings: Ratings;
  /** For each position of the new R (user order), its position in the original R's user order. */
  positions: Int32Array;
}

/** R restricted to a cut's users and items, numbered in the cut's order (labels carried). */
export function subsetRatings(R: Ratings, cut: Cut): SubsetRatings {
  const newItem = new Int32Array(R.n).fill(-1);
  cut.items.forEach((j, k) => (newItem[j] = k));
  let count = 0;
  for (const i of cut.users) for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) if (newItem[R.userCol[p]!]! >= 0) count++;
  const users = new Int32Array(count);
  const items = new Int32Array(count);
  const values = new Float64Array(count);
  const origin = new Float64Array(count);
  let r = 0;
  cut.users.forEach((i, k) => {
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) {
      const j = newItem[R.userCol[p]!]!;
      if (j < 0) continue;
      users[r] = k;
      items[r] = j;
      values[r] = R.userVal[p]!;
      origin[r++] = p;
    }
  });
  // The original position rides along as a "timestamp", so it follows each entry into the new order.
  const built = ratingsFromColumns({
    m: cut.users.length,
    n: cut.items.length,
    count,
    users,
    items,
    values,
    timestamps: origin,
    userIds: Array.from(cut.users, (i) => R.userIds[i]!),
    itemIds: Array.from(cut.items, (j) => R.itemIds[j]!),
  });
  return { ratings: built.ratings, positions: Int32Array.from(built.timestamps!) };
}

/**
 * A data set cut down to some users and items: R, the held-out part, titles, genres and
 * timestamps all follow. Its source stays the original's (the cut is described by `name`).
 */
export function subsetDataset(dataset: Dataset, cut: Cut, name: string): Dataset {
  const { ratings, positions } = subsetRatings(dataset.ratings, cut);
  const pick = <T>(list: readonly T[] | null) => (list ? Array.from(cut.items, (j) => list[j]!) : null);
  return {
    ...dataset,
    name,
    ratings,
    itemTitles: pick(dataset.itemTitles),
    itemGenres: pick(dataset.itemGenres),
    timestamps: dataset.timestamps ? Float64Array.from(positions, (p) => dataset.timestamps![p]!) : null,
    test: dataset.test ? subsetRatings(dataset.test, cut).ratings : null,
  };
}

/** The k-core of a data set (users and items with at least k ratings, until stable). */
export function kCoreDataset(dataset: Dataset, k: number, name = `${dataset.name} (k = ${k} core)`): Dataset {
  return subsetDataset(dataset, kCore(dataset.ratings, k), name);
}

/** The top `nUsers` × `nItems` of a data set (see {@link topCut}). */
export function topCutDataset(
  dataset: Dataset,
  nUsers: number,
  nItems: number,
  name = `${dataset.name} (${nItems} most-rated items × ${nUsers} users)`,
): Dataset {
  return subsetDataset(dataset, topCut(dataset.ratings, nUsers, nItems), name);
}

/** A data set with at least `minPerUser` ratings per user and `minPerItem` per item (until stable). */
export function minCountsDataset(
  dataset: Dataset,
  minPerUser: number,
  minPerItem: number,
  name = `${dataset.name} (users ≥ ${minPerUser}, items ≥ ${minPerItem} ratings)`,
): Dataset {
  return subsetDataset(dataset, denseCore(dataset.ratings, minPerUser, minPerItem), name);
}
