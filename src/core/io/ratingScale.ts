/**
 * Rating scales: which one a file's numbers are on (detected from all of them), and which
 * numbers a chosen scale allows. A detected scale always fits the data; a scale the person
 * chose instead is checked row by row, and the first value off the scale is refused with
 * its line number.
 */
import type { DatasetKind, RatingScaleSpec } from '../dataset';

/** What the values of a column look like; gathered while parsing, so detection needs no second pass. */
export interface ScaleStats {
  count: number;
  min: number;
  max: number;
  allIntegers: boolean;
  /** Every value is a multiple of 0.5. */
  allHalves: boolean;
}

export function emptyScaleStats(): ScaleStats {
  return { count: 0, min: Infinity, max: -Infinity, allIntegers: true, allHalves: true };
}

export function scaleStatsOf(values: ArrayLike<number>, count = values.length): ScaleStats {
  const stats = emptyScaleStats();
  for (let r = 0; r < count; r++) addToScaleStats(stats, values[r]!);
  return stats;
}

export function addToScaleStats(stats: ScaleStats, v: number): void {
  stats.count++;
  if (v < stats.min) stats.min = v;
  if (v > stats.max) stats.max = v;
  if (stats.allHalves && !Number.isInteger(v * 2)) stats.allHalves = stats.allIntegers = false;
  else if (stats.allIntegers && !Number.isInteger(v)) stats.allIntegers = false;
}

/** The scales a person can pick from (the UI lists them; `counts` is for implicit data). */
export const RATING_SCALES = {
  stars: { min: 1, max: 5, step: 1 },
  halfStars: { min: 0.5, max: 5, step: 0.5 },
  zeroToFive: { min: 0, max: 5, step: 1 },
  tenPoint: { min: 0, max: 10, step: 1 },
  binary: { min: 0, max: 1, step: 1 },
  counts: { min: 0, max: Infinity, step: null },
} as const satisfies Record<string, RatingScaleSpec>;

export interface ScaleGuess {
  scale: RatingScaleSpec;
  /** Explicit ratings, or implicit observations (counts, interactions). */
  kind: DatasetKind;
  /** How a person reads it: "1–5", "0.5–5 in halves", "counts (0 and up)". */
  label: string;
}

const fits = (s: ScaleStats, min: number, max: number) => s.min >= min && s.max <= max;

/**
 * The scale a column's values are on. Implicit data (a count column, or no value column) is
 * on counts, or 0/1 when every value is 0 or 1. Explicit ratings: the first of 0/1, 1–5,
 * 0.5–5 in halves, 0–5, 0–10 (whole or halves) that holds every value; else the smallest
 * whole-number range around them, with any value allowed.
 */
export function detectScale(stats: ScaleStats, kind: DatasetKind = 'explicit'): ScaleGuess {
  const guess = (scale: RatingScaleSpec): ScaleGuess => ({ scale: { ...scale }, kind, label: describeScale(scale) });
  if (stats.count === 0) return guess(kind === 'implicit' ? RATING_SCALES.binary : RATING_SCALES.stars);
  const s = stats;
  if (s.allIntegers && fits(s, 0, 1)) return guess(RATING_SCALES.binary);
  if (kind === 'implicit') return guess(RATING_SCALES.counts);
  if (s.allIntegers && fits(s, 1, 5)) return guess(RATING_SCALES.stars);
  if (s.allHalves && fits(s, 0.5, 5)) return guess(RATING_SCALES.halfStars);
  if (s.allIntegers && fits(s, 0, 5)) return guess(RATING_SCALES.zeroToFive);
  if (s.allIntegers && fits(s, 0, 10)) return guess(RATING_SCALES.tenPoint);
  if (s.allHalves && fits(s, 0, 10)) return guess({ min: 0, max: 10, step: 0.5 });
  return guess({ min: Math.floor(s.min), max: Math.ceil(s.max), step: null });
}

const number = (x: number) => (x < 0 ? `−${-x}` : String(x));

/** "1–5", "0.5–5 in halves", "0/1", "counts (0 and up)", "−10 to 10". */
export function describeScale(scale: RatingScaleSpec): string {
  if (scale.max === Infinity) return `counts (${number(scale.min)} and up)`;
  if (scale.min === 0 && scale.max === 1 && scale.step === 1) return '0/1';
  const range = scale.min < 0 ? `${number(scale.min)} to ${number(scale.max)}` : `${number(scale.min)}–${number(scale.max)}`;
  if (scale.step === 0.5) return `${range} in halves`;
  if (scale.step === null) return `${range} (any value)`;
  if (scale.step === 1) return range;
  return `${range} in steps of ${scale.step}`;
}

/** Why `value` is not allowed on `scale` (for "Line N: …"), or null when it is. */
export function scaleProblem(value: number, scale: RatingScaleSpec, what = 'rating'): string | null {
  if (value < scale.min || value > scale.max) {
    return `the ${what} ${value} lies outside the chosen scale ${describeScale(scale)}.`;
  }
  if (scale.step !== null && scale.step > 0) {
    const k = (value - scale.min) / scale.step;
    if (Math.abs(k - Math.round(k)) > 1e-9) {
      return `the ${what} ${value} is not one of the chosen scale's values (${describeScale(scale)}, steps of ${scale.step}).`;
    }
  }
  return null;
}

/** A scale the person typed, checked: finite min, max ≥ min (or Infinity), step > 0 or null. */
export function assertScale(scale: RatingScaleSpec): void {
  const ok =
    Number.isFinite(scale.min) &&
    (Number.isFinite(scale.max) || scale.max === Infinity) &&
    scale.max >= scale.min &&
    (scale.step === null || (Number.isFinite(scale.step) && scale.step > 0));
  if (!ok) {
    throw new RangeError(
      `A rating scale needs a finite minimum, a maximum at least as large, and a positive step (got ${JSON.stringify(scale)}).`,
    );
  }
}
