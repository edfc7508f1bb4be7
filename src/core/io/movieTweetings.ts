/**
 * MovieTweetings 100K, built into MF Lab: 100,000 real IMDb ratings (0–10) that people
 * posted on Twitter, 16,554 users × 10,506 films, with titles (and years) and genres.
 * MIT licence (S. Dooms, Ghent University), so unlike MovieLens it ships with the app, under
 * `public/data/movietweetings-100k/` (gzipped, fetched only when chosen). This module turns
 * the files' bytes into a {@link Dataset} and cuts the presets from it.
 */
import type { Dataset } from '../dataset';
import { runSteps, runStepsAsync, type AsyncImportControl, type ImportControl, type ImportSteps } from './control';
import { kCoreDataset, topCutDataset } from './denseCut';
import { importRatingsSteps } from './importRatings';
import { RATING_SCALES } from './ratingScale';
import { attachTitles, parseTitlesSteps } from './titles';

export const MOVIETWEETINGS_CITATION =
  'S. Dooms, T. De Pessemier, L. Martens, "MovieTweetings: a Movie Rating Dataset Collected From Twitter", ' +
  'CrowdRec workshop at ACM RecSys 2013. github.com/sidooms/MovieTweetings (snapshot 100K).';

/** Where the files are served, relative to the app's base URL; gzip-compressed (see the folder's README). */
export const MOVIETWEETINGS_FILES = {
  ratings: 'data/movietweetings-100k/ratings.dat.gz',
  movies: 'data/movietweetings-100k/movies.dat.gz',
} as const;

/** SHA-256 of the uncompressed files, as published in the snapshot's README. */
export const MOVIETWEETINGS_SHA256 = {
  ratings: 'c0dd868c2632d10002ebc928ddc5345f33adeaa59eca52c2941c26a2c5e36fd6',
  movies: 'e63fb84bc734e3c574f135634a40d3cbafab22b8f94f5fc0b80f80d1d2076efc',
} as const;

export interface MovieTweetingsFiles {
  /** `ratings.dat` (uncompressed): `user::movie::rating::unix_time`. */
  ratings: Uint8Array | string;
  /** `movies.dat` (uncompressed, UTF-8): `movie::Title (Year)::Genre|Genre`. */
  movies: Uint8Array | string;
}

/** The steps of {@link loadMovieTweetings}. */
export function* loadMovieTweetingsSteps(files: MovieTweetingsFiles): ImportSteps<Dataset> {
  const { dataset } = yield* importRatingsSteps(files.ratings, {
    name: 'MovieTweetings 100K',
    fileName: 'ratings.dat',
    scale: { ...RATING_SCALES.tenPoint },
    source: { kind: 'builtin', id: 'movietweetings-100k', citation: MOVIETWEETINGS_CITATION, licence: 'MIT' },
  });
  const titles = yield* parseTitlesSteps(files.movies, { format: 'movies.dat', encoding: 'utf-8' });
  return attachTitles(dataset, titles).dataset;
}

/**
 * The whole snapshot as a data set: explicit ratings on the 0–10 scale, users and films in
 * order of their ids, titles with their year ("Django Unchained (2012)"), genres, and
 * timestamps (Unix seconds).
 */
export function loadMovieTweetings(files: MovieTweetingsFiles, control: ImportControl = {}): Dataset {
  return runSteps(loadMovieTweetingsSteps(files), control);
}

export function loadMovieTweetingsAsync(files: MovieTweetingsFiles, control: AsyncImportControl): Promise<Dataset> {
  return runStepsAsync(loadMovieTweetingsSteps(files), control);
}

export type MovieTweetingsPresetId = 'headline' | 'core20' | 'core10' | 'core5' | 'all';

export interface MovieTweetingsPreset {
  id: MovieTweetingsPresetId;
  label: string;
  description: string;
}

/** The built-in cuts, smallest first: the headline fits the editable grid; "all" is the snapshot. */
export const MOVIETWEETINGS_PRESETS: readonly MovieTweetingsPreset[] = [
  {
    id: 'headline',
    label: 'MovieTweetings: 12 films × 20 fans',
    description: 'The 12 most-rated films and the 20 people who rated most of them: 240 cells, about 85 % known.',
  },
  {
    id: 'core20',
    label: 'MovieTweetings: dense core (k = 20)',
    description: 'Users and films with at least 20 ratings, until stable: 196 × 99, 5,191 ratings, 27 % known.',
  },
  {
    id: 'core10',
    label: 'MovieTweetings: k = 10 core',
    description: 'Users and films with at least 10 ratings: 2,059 × 1,099, 44,613 ratings.',
  },
  {
    id: 'core5',
    label: 'MovieTweetings: k = 5 core',
    description: 'Users and films with at least 5 ratings: 4,333 × 2,414, 68,055 ratings.',
  },
  {
    id: 'all',
    label: 'MovieTweetings: the whole snapshot',
    description: '100,000 ratings, 16,554 users × 10,506 films, 0.057 % known: real data is sparse.',
  },
];

/**
 * A preset cut from the whole snapshot. The headline is {@link topCut} with 12 items and 20
 * users: the 12 films with the most ratings (ties: lower IMDb id), then the 20 users with
 * the most ratings among those 12 (ties: more ratings overall, then lower user id), films
 * and users listed most-rated first. The cores are {@link kCore} with k = 20, 10, 5.
 */
export function movieTweetingsPreset(all: Dataset, id: MovieTweetingsPresetId): Dataset {
  switch (id) {
    case 'headline':
      return topCutDataset(all, 20, 12, 'MovieTweetings: 12 films × 20 fans');
    case 'core20':
      return kCoreDataset(all, 20, 'MovieTweetings (k = 20 core)');
    case 'core10':
      return kCoreDataset(all, 10, 'MovieTweetings (k = 10 core)');
    case 'core5':
      return kCoreDataset(all, 5, 'MovieTweetings (k = 5 core)');
    case 'all':
      return all;
  }
}
