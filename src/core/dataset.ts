/**
 * A data set as MF Lab holds it, whatever its size or origin (the lecture's toy R, a preset,
 * a file the user opened, a MovieLens archive, the built-in MovieTweetings snapshot): the
 * known entries in the core's sparse {@link Ratings} (CSR by user, CSC by item) plus what a
 * person needs to read them — titles, genres, the rating scale, timestamps — and, when the
 * source came with one, its own held-out part. Plain data and typed arrays: it is built
 * where it is parsed (the worker) and transferred to the page without copying.
 */
import type { Ratings } from './ratings';

/** The scale ratings live on: 1–5, 0.5–5 in halves, 0–10, 0/1 preferences, or counts (max = Infinity). */
export interface RatingScaleSpec {
  min: number;
  max: number;
  /** Spacing of allowed values (1 for whole stars, 0.5 for halves), or null when any value in range is allowed. */
  step: number | null;
}

/** What the numbers mean: explicit ratings, or implicit observations (counts, plays, 0/1 interactions). */
export type DatasetKind = 'explicit' | 'implicit';

export interface Dataset {
  /** A person's name for it: the file name, "MovieTweetings 100K (k = 20 core)", "Lecture's R". */
  name: string;
  kind: DatasetKind;
  /** Training entries (users × items), labelled with the source's own ids. */
  ratings: Ratings;
  scale: RatingScaleSpec;
  /** Item titles by item index (null where unknown), or null when the source has none. */
  itemTitles: (string | null)[] | null;
  /** Item genres by item index, or null. */
  itemGenres: string[][] | null;
  /** Unix seconds of each rating, in `ratings`' user order (position p ↔ userCol[p]), or null. */
  timestamps: Float64Array | null;
  /** The source's own held-out part (e.g. MovieLens u1.test), aligned to `ratings`' users and items, or null. */
  test: Ratings | null;
  /** Where it came from, for citation and for share links that refer to it by name. */
  source: DatasetSource;
}

export type DatasetSource =
  | { kind: 'builtin'; id: string; citation: string; licence: string }
  | { kind: 'file'; fileName: string; bytes: number; sha256: string }
  | { kind: 'generated'; description: string };
