/**
 * New people beside a data set's own: rows appended to R below its users, each rating given
 * by the item's id in the data set (an IMDb id for MovieTweetings films). This is how a class
 * survey joins the real raters: ALS then solves each student's row against item factors
 * learned mostly from thousands of strangers, and recommends from the whole catalogue. Pure.
 */
import { ratingsFromTriples, type Ratings, type Triple } from '../ratings';
import type { Dataset } from '../dataset';

export interface NewUserRow {
  /** The row's label (a nickname, "Student 3"). */
  label: string;
  ratings: readonly { itemId: string; value: number }[];
}

export interface AppendedUsers {
  dataset: Dataset;
  /** Index of the first appended row; the new rows are firstNewUser … firstNewUser + rows − 1. */
  firstNewUser: number;
  /** Item ids the rows rated that the data set does not have (those ratings are left out), each once. */
  unknownItems: string[];
}

function triplesOf(R: Ratings): Triple[] {
  const triples: Triple[] = [];
  for (let i = 0; i < R.m; i++) {
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) triples.push({ user: i, item: R.userCol[p]!, value: R.userVal[p]! });
  }
  return triples;
}

/**
 * `dataset` with `rows` appended as new users. A rating outside the data set's scale is refused
 * (a RangeError naming the row and the item): a 1–5 answer would read as a strong dislike on a
 * 0–10 scale. A label that repeats one of the data set's user ids gets a suffix, so every row
 * keeps its own name. The held-out part, if any, gains empty rows; timestamps, if any, give the
 * new ratings `timestamp` (Unix seconds).
 */
export function appendUsers(dataset: Dataset, rows: readonly NewUserRow[], name: string, timestamp = 0): AppendedUsers {
  const R = dataset.ratings;
  const itemIndex = new Map(R.itemIds.map((id, j) => [id, j]));
  const { min, max } = dataset.scale;
  const unknown = new Set<string>();
  const triples = triplesOf(R);
  const taken = new Set(R.userIds);
  const labels: string[] = [];
  rows.forEach((row, k) => {
    let label = row.label.trim() || `New user ${k + 1}`;
    for (let n = 2; taken.has(label); n++) label = `${row.label.trim() || `New user ${k + 1}`} (${n})`;
    taken.add(label);
    labels.push(label);
    const seen = new Set<number>();
    for (const { itemId, value } of row.ratings) {
      const j = itemIndex.get(itemId);
      if (j === undefined) {
        unknown.add(itemId);
        continue;
      }
      if (!Number.isFinite(value) || value < min || value > max) {
        throw new RangeError(`${label} rated ${itemId} ${value}, outside this data set's scale ${min}–${max}.`);
      }
      if (seen.has(j)) throw new RangeError(`${label} rated ${itemId} twice.`);
      seen.add(j);
      triples.push({ user: R.m + k, item: j, value });
    }
  });
  const m = R.m + rows.length;
  const ratings = ratingsFromTriples(m, R.n, triples, [...R.userIds, ...labels], R.itemIds);
  let timestamps: Float64Array | null = null;
  if (dataset.timestamps) {
    // Old ratings keep their positions (the new rows come last in user order); new ones get `timestamp`.
    timestamps = new Float64Array(ratings.nnz).fill(timestamp);
    timestamps.set(dataset.timestamps.subarray(0, R.nnz));
  }
  const test = dataset.test ? ratingsFromTriples(m, R.n, triplesOf(dataset.test), ratings.userIds, R.itemIds) : null;
  return {
    dataset: { ...dataset, name, ratings, timestamps, test },
    firstNewUser: R.m,
    unknownItems: [...unknown],
  };
}
