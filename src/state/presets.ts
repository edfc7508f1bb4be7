/**
 * The lab's starting points: the lecture's R, the lecture's P and C, a larger example
 * with taste groups (so that factors mean something), random data, and an
 * ML-100k-shaped data set.
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
  ratingsToDense,
} from '../core';
import type { LabData } from './labData';
import type { ModelSettings } from '../worker/protocol';

export type PresetId = 'lecture-r' | 'lecture-pc' | 'tastes' | 'random' | 'ml100k';

export interface RandomOptions {
  users: number;
  items: number;
  /** Share of known cells, in (0, 1]. */
  density: number;
  seed: number;
}

export const DEFAULT_RANDOM: RandomOptions = { users: 8, items: 10, density: 0.5, seed: 7 };

export const PRESETS: { id: PresetId; label: string; description: string }[] = [
  { id: 'lecture-r', label: "Lecture's R (4×6)", description: 'The rating matrix from the lecture, with its ? cells.' },
  {
    id: 'lecture-pc',
    label: "Lecture's P and C (4×6)",
    description: 'Implicit feedback: binary preferences P and confidences C.',
  },
  { id: 'tastes', label: 'Taste groups (12×16)', description: 'Three groups of users who like three kinds of films.' },
  { id: 'random', label: 'Random', description: 'Random ratings of a chosen size and density.' },
  {
    id: 'ml100k',
    label: 'MovieLens-100k shape (943×1,682)',
    description: 'Synthetic ratings with the shape and sparsity of ML-100k.',
  },
];

export const DEFAULT_SETTINGS: ModelSettings = {
  factors: 2,
  lambda: 0.1,
  alpha: 10,
  seed: 1,
  initScale: 0.5,
  solver: 'als',
  learningRate: 0.01,
};

export function lectureR(): LabData {
  return {
    mode: 'explicit',
    userIds: [...LECTURE_USER_IDS],
    itemIds: [...LECTURE_ITEM_IDS],
    cells: LECTURE_R.map((row) => [...row]),
    confidence: null,
    scale: { min: 1, max: 5 },
    heldOut: [],
  };
}

export function lecturePC(): LabData {
  return {
    mode: 'implicit',
    userIds: [...LECTURE_USER_IDS],
    itemIds: [...LECTURE_ITEM_IDS],
    cells: LECTURE_P.map((row) => [...row]),
    confidence: LECTURE_C.map((row) => [...row]),
    scale: { min: 0, max: 1 },
    heldOut: [],
  };
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
  return {
    mode: 'explicit',
    userIds: [...PEOPLE],
    itemIds: films.map((f) => f.title),
    cells,
    confidence: null,
    scale: { min: 1, max: 5 },
    heldOut: [],
  };
}

/** Uniformly random whole ratings on the scale at the given density. */
export function randomData(options: RandomOptions = DEFAULT_RANDOM, scale = { min: 1, max: 5 }): LabData {
  const rng = createRng(options.seed);
  const cells = Array.from({ length: options.users }, () =>
    Array.from({ length: options.items }, () =>
      rng() < options.density ? scale.min + Math.floor(rng() * (scale.max - scale.min + 1)) : null,
    ),
  );
  return {
    mode: 'explicit',
    userIds: Array.from({ length: options.users }, (_, i) => `u${i + 1}`),
    itemIds: Array.from({ length: options.items }, (_, j) => `m${j + 1}`),
    cells,
    confidence: null,
    scale,
    heldOut: [],
  };
}

/** 943 × 1,682 with 100,000 ratings (6.3% known), generated deterministically. */
export function ml100kShaped(seed = 100): LabData {
  const R = movieLensShaped(seed);
  return {
    mode: 'explicit',
    userIds: [...R.userIds],
    itemIds: [...R.itemIds],
    cells: ratingsToDense(R),
    confidence: null,
    scale: { min: 1, max: 5 },
    heldOut: [],
  };
}

/** The data and the settings a preset starts from. */
export function presetData(
  id: PresetId,
  random: RandomOptions = DEFAULT_RANDOM,
): { data: LabData; settings: Partial<ModelSettings> } {
  switch (id) {
    case 'lecture-r':
      return { data: lectureR(), settings: { factors: 2, lambda: 0.1 } };
    case 'lecture-pc':
      return { data: lecturePC(), settings: { factors: 2, lambda: 0.1 } };
    case 'tastes':
      return { data: tastes(), settings: { factors: 3, lambda: 0.5 } };
    case 'random':
      return { data: randomData(random), settings: { factors: 2, lambda: 0.1 } };
    case 'ml100k':
      return { data: ml100kShaped(), settings: { factors: 10, lambda: 0.1, initScale: 0.1 } };
  }
}
