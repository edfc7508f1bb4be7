/**
 * The lab's starting points: the lecture's R, real ratings from MovieTweetings (a
 * projector-sized cut beside the lecture's R, its dense cores and the whole snapshot one
 * choice away), the lecture's P and C, a larger example with taste groups (so that factors
 * mean something), random data, and a synthetic ML-100k-shaped data set.
 */
import {
  createNormal,
  createRng,
  LECTURE_C,
  LECTURE_ITEM_IDS,
  LECTURE_P,
  LECTURE_R,
  LECTURE_USER_IDS,
  movieLensShaped,
} from '../core';
import { labDataFromDataset, labDataFromDense, type LabData } from './labData';
import type { DatasetRecipe, ModelSettings, MovieTweetingsCut } from '../worker/protocol';

export interface RandomOptions {
  users: number;
  items: number;
  /** Share of known cells, in (0, 1]. */
  density: number;
  seed: number;
}

export const DEFAULT_RANDOM: RandomOptions = { users: 8, items: 10, density: 0.5, seed: 7 };

export interface PresetInfo {
  id: string;
  label: string;
  description: string;
  /** Users × items, or null when the options choose it (random data). */
  shape: readonly [number, number] | null;
  /** Where the data is made: at once on the page (small), or in the worker (large, or fetched). */
  built: 'page' | 'worker';
  /** A cut of the built-in MovieTweetings snapshot (real ratings, fetched when chosen). */
  movieTweetings?: MovieTweetingsCut;
}

/** The one list of presets: the toolbar, the link format and the lessons all read it. */
export const PRESETS = [
  {
    id: 'lecture-r',
    label: "Lecture's R (4×6)",
    description: 'The rating matrix from the lecture, with its ? cells.',
    shape: [4, 6],
    built: 'page',
  },
  {
    id: 'movietweetings',
    label: 'MovieTweetings: 12 films × 20 fans (real, 0–10)',
    description:
      'Real IMDb ratings posted on Twitter: the 12 most-rated films and the 20 people who rated most of them, 85 % known.',
    shape: [20, 12],
    built: 'worker',
    movieTweetings: 'projector',
  },
  {
    id: 'mt-core20',
    label: 'MovieTweetings dense core, k = 20 (196×99)',
    description: 'Users and films with at least 20 ratings each: 5,191 ratings, 27 % known.',
    shape: [196, 99],
    built: 'worker',
    movieTweetings: 'core20',
  },
  {
    id: 'mt-core10',
    label: 'MovieTweetings core, k = 10 (2,059×1,099)',
    description: 'At least 10 ratings each: 44,613 ratings, 2 % known.',
    shape: [2059, 1099],
    built: 'worker',
    movieTweetings: 'core10',
  },
  {
    id: 'mt-core5',
    label: 'MovieTweetings core, k = 5 (4,333×2,414)',
    description: 'At least 5 ratings each: 68,055 ratings, 0.65 % known.',
    shape: [4333, 2414],
    built: 'worker',
    movieTweetings: 'core5',
  },
  {
    id: 'mt-whole',
    label: 'MovieTweetings, whole snapshot (16,554×10,506)',
    description: '100,000 ratings, 0.057 % known: real data is sparse.',
    shape: [16554, 10506],
    built: 'worker',
    movieTweetings: 'whole',
  },
  {
    id: 'lecture-pc',
    label: "Lecture's P and C (4×6)",
    description: 'Implicit feedback: binary preferences P and confidences C.',
    shape: [4, 6],
    built: 'page',
  },
  {
    id: 'tastes',
    label: 'Taste groups (12×16)',
    description: 'Three groups of users who like three kinds of films.',
    shape: [12, 16],
    built: 'page',
  },
  { id: 'random', label: 'Random', description: 'Random ratings of a chosen size and density.', shape: null, built: 'page' },
  {
    id: 'ml100k',
    label: 'MovieLens-100k shape (synthetic)',
    description: 'Generated ratings with the shape and sparsity of ML-100k (943×1,682, 100,000 ratings): not real people.',
    shape: [943, 1682],
    built: 'worker',
  },
] as const satisfies readonly PresetInfo[];

export type PresetId = (typeof PRESETS)[number]['id'];

export const PRESET_IDS: readonly PresetId[] = PRESETS.map((p) => p.id);

export function isPresetId(id: string): id is PresetId {
  return (PRESET_IDS as readonly string[]).includes(id);
}

export function presetInfo(id: PresetId): PresetInfo {
  return PRESETS.find((p) => p.id === id)!;
}

/** Users × items of a preset (random data: from its options). */
export function presetShape(id: PresetId, random: RandomOptions = DEFAULT_RANDOM): readonly [number, number] {
  return presetInfo(id).shape ?? [random.users, random.items];
}

/** How the worker builds a preset it builds (null for presets made on the page). */
export function presetRecipe(id: PresetId): DatasetRecipe | null {
  const cut = (presetInfo(id) as PresetInfo).movieTweetings;
  if (cut) return { kind: 'movietweetings', cut };
  return id === 'ml100k' ? { kind: 'preset', preset: 'ml100k' } : null;
}

/** A cut of the built-in MovieTweetings snapshot (fetched, so never made on the page). */
export function isMovieTweetingsPreset(id: PresetId): boolean {
  return (presetInfo(id) as PresetInfo).movieTweetings !== undefined;
}

/** What the lab says while the worker makes a preset: "Generating …" or "Loading …" (real data). */
export function presetLoadingLabel(id: PresetId): string {
  return `${isMovieTweetingsPreset(id) ? 'Loading' : 'Generating'} ${presetInfo(id).label}`;
}

export const DEFAULT_SETTINGS: ModelSettings = {
  factors: 2,
  lambda: 0.1,
  alpha: 10,
  seed: 1,
  initScale: 0.5,
  solver: 'als',
  learningRate: 0.01,
  variant: 'lecture',
  rowSolver: 'exact',
  cgSteps: 3,
};

export function lectureR(): LabData {
  return labDataFromDense({
    mode: 'explicit',
    userIds: LECTURE_USER_IDS,
    itemIds: LECTURE_ITEM_IDS,
    cells: LECTURE_R,
    scale: { min: 1, max: 5 },
  });
}

export function lecturePC(): LabData {
  return labDataFromDense({
    mode: 'implicit',
    userIds: LECTURE_USER_IDS,
    itemIds: LECTURE_ITEM_IDS,
    cells: LECTURE_P,
    confidence: LECTURE_C,
    scale: { min: 0, max: 1 },
  });
}

const GENRES = ['Action', 'Comedy', 'Drama'] as const;
const FILMS: Record<(typeof GENRES)[number], string[]> = {
  Action: ['Heat', 'Ronin', 'Speed', 'Alien', 'Rambo'],
  Comedy: ['Airplane!', 'Big', 'Clue', 'Fargo', 'Elf'],
  Drama: ['Amadeus', 'Rocky', 'Gandhi', 'Psycho', 'Network', 'Vertigo'],
};
const PEOPLE = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eva', 'Finn', 'Gia', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lea'];

/**
 * 12 users in three taste groups × 16 films of three genres: a user rates films of their
 * group's genre high and others low, with some noise, and about 55% of cells known.
 */
export function tastes(seed = 3): LabData {
  const rng = createRng(seed);
  const normal = createNormal(rng);
  const films = GENRES.flatMap((g) => FILMS[g].map((title) => ({ title, genre: g })));
  const cells = PEOPLE.map((_, i) => {
    const group = GENRES[i % 3]!;
    const second = GENRES[(i + 1) % 3]!;
    return films.map((film) => {
      if (rng() > 0.55) return null;
      const base = film.genre === group ? 4.6 : film.genre === second ? 2.8 : 1.4;
      return Math.min(5, Math.max(1, Math.round(base + 0.6 * normal())));
    });
  });
  return labDataFromDense({
    mode: 'explicit',
    userIds: PEOPLE,
    itemIds: films.map((f) => f.title),
    cells,
    scale: { min: 1, max: 5 },
    itemGenres: films.map((f) => [f.genre]),
  });
}

/** Uniformly random whole ratings on the scale at the given density. */
export function randomData(options: RandomOptions = DEFAULT_RANDOM, scale = { min: 1, max: 5 }): LabData {
  const rng = createRng(options.seed);
  const cells = Array.from({ length: options.users }, () =>
    Array.from({ length: options.items }, () =>
      rng() < options.density ? scale.min + Math.floor(rng() * (scale.max - scale.min + 1)) : null,
    ),
  );
  return labDataFromDense({
    mode: 'explicit',
    userIds: Array.from({ length: options.users }, (_, i) => `u${i + 1}`),
    itemIds: Array.from({ length: options.items }, (_, j) => `m${j + 1}`),
    cells,
    scale,
  });
}

/**
 * 943 × 1,682 with 100,000 ratings (6.3% known), generated deterministically. The lab
 * builds it in the worker (see datasetBuilders.ts); this main-thread form is for tests and
 * lesson widgets.
 */
export function ml100kShaped(seed = 100): LabData {
  const R = movieLensShaped(seed);
  return labDataFromDataset({
    name: 'MovieLens-100k shape (synthetic)',
    kind: 'explicit',
    ratings: R,
    scale: { min: 1, max: 5, step: 1 },
    itemTitles: null,
    itemGenres: null,
    timestamps: null,
    test: null,
    source: { kind: 'generated', description: 'Synthetic ratings with the shape and sparsity of MovieLens-100k' },
  });
}

/** The model settings each preset starts from. */
const PRESET_SETTINGS: Record<PresetId, Partial<ModelSettings>> = {
  'lecture-r': { factors: 2, lambda: 0.1 },
  'lecture-pc': { factors: 2, lambda: 0.1 },
  tastes: { factors: 3, lambda: 0.5 },
  random: { factors: 2, lambda: 0.1 },
  ml100k: { factors: 10, lambda: 0.1, initScale: 0.1 },
  // Ratings 0–10: a larger λ keeps 20 people's factors from fitting their few ratings exactly.
  movietweetings: { factors: 2, lambda: 1 },
  'mt-core20': { factors: 5, lambda: 2, initScale: 0.3 },
  'mt-core10': { factors: 10, lambda: 2, initScale: 0.1 },
  'mt-core5': { factors: 10, lambda: 2, initScale: 0.1 },
  'mt-whole': { factors: 10, lambda: 2, initScale: 0.1 },
};

export function presetSettings(id: PresetId): Partial<ModelSettings> {
  return { ...PRESET_SETTINGS[id] };
}

function presetCells(id: PresetId, random: RandomOptions): LabData {
  switch (id) {
    case 'lecture-r':
      return lectureR();
    case 'lecture-pc':
      return lecturePC();
    case 'tastes':
      return tastes();
    case 'random':
      return randomData(random);
    case 'ml100k':
      return ml100kShaped();
    case 'movietweetings':
    case 'mt-core20':
    case 'mt-core10':
    case 'mt-core5':
    case 'mt-whole':
      throw new RangeError(`${presetInfo(id).label} is real data fetched when chosen: the lab loads it in its worker.`);
  }
}

/**
 * The data and the settings a preset starts from, made on this thread (the lab builds the
 * large ones in its worker instead: see presetRecipe).
 */
export function presetData(
  id: PresetId,
  random: RandomOptions = DEFAULT_RANDOM,
): { data: LabData; settings: Partial<ModelSettings> } {
  return { data: presetCells(id, random), settings: presetSettings(id) };
}
