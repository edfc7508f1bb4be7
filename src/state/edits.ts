/**
 * Edits of a lab's data: pure functions LabData → LabData. Each returns the next data or a
 * short message saying why the edit is refused (the grid shows it next to the cell). The
 * data is treated as immutable: an edit makes new typed arrays only for what it changes
 * (a new value copies the values; adding a user or an item shares every array but one;
 * renaming shares them all), so undo can keep earlier versions cheaply.
 */
import type { Ratings } from '../core';
import {
  cellAt,
  confidenceAt,
  confidenceKind,
  forEachCell,
  modeConfidence,
  relabel,
  type Cell,
  type ConfidenceMatrix,
  type LabData,
  type RatingScale,
} from './labData';
import {
  mapValues,
  positionOf,
  remapPositions,
  togglePosition,
  withEntry,
  withItemAppended,
  withoutItem,
  withoutUser,
  withUserAppended,
  type Reshaped,
} from './sparse';

export type EditResult = { ok: true; data: LabData } | { ok: false; error: string };

/** Which matrix a grid cell edits: the cells (R, the observations or P) or the lecture's C. */
export type Layer = 'cells' | 'confidence';

export type Side = 'users' | 'items';

/** The representations a lab's data can take. */
export type DataKind = 'explicit' | 'alpha' | 'matrix';

const ok = (data: LabData): EditResult => ({ ok: true, data });
const fail = (error: string): EditResult => ({ ok: false, error });

/** A number as people write it: 3, 0.85, −2 (a real minus sign). */
export function formatNumber(v: number): string {
  const s = String(Number(v.toPrecision(10)));
  return s.startsWith('-') ? '−' + s.slice(1) : s;
}

export function formatScale(scale: RatingScale): string {
  return `${formatNumber(scale.min)}–${formatNumber(scale.max)}`;
}

export function dataKind(data: LabData): DataKind {
  return confidenceKind(data) ?? 'explicit';
}

/** "u1's rating of i3" (explicit) or "u1 × i3" (implicit): how messages name a cell. */
export function describeCell(data: LabData, i: number, j: number): string {
  const u = data.userIds[i] ?? `user ${i + 1}`;
  const it = data.itemIds[j] ?? `item ${j + 1}`;
  return data.mode === 'explicit' ? `${u}'s rating of ${it}` : `${u} × ${it}`;
}

/**
 * What the student typed, as a number or `?` (null). Accepts `?` and an empty entry for
 * unknown, a decimal comma (3,5) and percentages (80% → 0.8, a share watched).
 */
export function parseEntry(text: string): { value: Cell } | { error: string } {
  const t = text.trim();
  if (t === '' || t === '?') return { value: null };
  let s = t.replace(/^−/, '-');
  let factor = 1;
  if (s.endsWith('%')) {
    s = s.slice(0, -1).trim();
    factor = 0.01;
  }
  if (/^-?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  const v = s === '' ? NaN : Number(s);
  if (!Number.isFinite(v)) return { error: `"${t}" is not a number` };
  return { value: Number((v * factor).toPrecision(12)) };
}

/** Whether v lies on the scale's grid of allowed values (any value when the scale has no step). */
function onStep(scale: RatingScale, v: number): boolean {
  const step = scale.step;
  if (!step) return true;
  const k = (v - scale.min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/** Why a value cannot go into a cell of this data (null if it can); `shown` is how to quote it. */
export function checkValue(
  data: LabData,
  value: Cell,
  layer: Layer = 'cells',
  shown = value === null ? '?' : formatNumber(value),
): string | null {
  const kind = dataKind(data);
  if (layer === 'confidence') {
    if (kind !== 'matrix') return 'Confidences are given entry by entry only with the lecture’s C';
    if (value === null) return 'Every pair needs a confidence: type a number ≥ 0 (0 = no confidence)';
    if (!Number.isFinite(value)) return `"${shown}" is not a number`;
    if (value < 0) return `"${shown}" is negative: a confidence is at least 0`;
    return null;
  }
  if (value === null) return null;
  if (!Number.isFinite(value)) return `"${shown}" is not a number`;
  if (kind === 'explicit' && (value < data.scale.min || value > data.scale.max)) {
    return `"${shown}" is outside the rating scale ${formatScale(data.scale)}`;
  }
  if (kind === 'explicit' && !onStep(data.scale, value))
    return `"${shown}" is not on the rating scale's steps of ${formatNumber(data.scale.step!)} (${formatScale(data.scale)})`;
  if (kind === 'alpha' && value < 0) return `"${shown}" is negative: an observation (a count, a share watched) is at least 0`;
  if (kind === 'matrix' && value !== 0 && value !== 1) return `"${shown}" is not a preference: P holds 0 or 1`;
  return null;
}

/** Parses and checks what was typed into a cell: the value to store, or why it is refused. */
export function validateEntry(data: LabData, text: string, layer: Layer = 'cells'): { value: Cell } | { error: string } {
  const parsed = parseEntry(text);
  if ('error' in parsed) return parsed;
  const error = checkValue(data, parsed.value, layer, text.trim());
  return error ? { error } : parsed;
}

function inRange(data: LabData, i: number, j: number): boolean {
  return Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < data.userIds.length && j < data.itemIds.length;
}

/** The data with new ratings, its held-out positions carried through the change. */
function withRatings(data: LabData, next: Reshaped): LabData {
  if (next.R === data.ratings) return data;
  return { ...data, ratings: next.R, heldOut: remapPositions(data.heldOut, next.map) };
}

/** Sets one cell (a rating, an observation or p; null = `?`). A cell made unknown stops being held out. */
export function setCell(data: LabData, i: number, j: number, value: Cell): EditResult {
  if (!inRange(data, i, j)) return fail(`There is no cell (${i + 1}, ${j + 1})`);
  const error = checkValue(data, value);
  if (error) return fail(error);
  if (cellAt(data, i, j) === value) return ok(data);
  return ok(withRatings(data, withEntry(data.ratings, i, j, value)));
}

/** Sets c_ij of the lecture's C. */
export function setConfidence(data: LabData, i: number, j: number, value: number | null): EditResult {
  if (!inRange(data, i, j)) return fail(`There is no cell (${i + 1}, ${j + 1})`);
  const error = checkValue(data, value, 'confidence');
  if (error) return fail(error);
  const C = data.confidence!;
  if (confidenceAt(data, i, j) === value) return ok(data);
  return ok({ ...data, confidence: { ...C, entries: withEntry(C.entries, i, j, value).R } });
}

const NOUN: Record<Side, string> = { users: 'user', items: 'item' };

/** Renames a user or an item: names are trimmed, non-empty and unique on their side. */
export function renameLabel(data: LabData, side: Side, index: number, name: string): EditResult {
  const ids = side === 'users' ? data.userIds : data.itemIds;
  if (!Number.isInteger(index) || index < 0 || index >= ids.length) return fail(`There is no ${NOUN[side]} ${index + 1}`);
  const trimmed = name.trim();
  if (trimmed === '') return fail(`A ${NOUN[side]} needs a name`);
  if (trimmed === ids[index]) return ok(data);
  if (ids.some((id, k) => k !== index && id === trimmed))
    return fail(`"${trimmed}" is already the name of another ${NOUN[side]}`);
  const next = ids.slice();
  next[index] = trimmed;
  return ok(side === 'users' ? relabel(data, next, data.itemIds) : relabel(data, data.userIds, next));
}

/**
 * A fresh name for a new user or item: the side's prefix (u, i, m, … taken from names like
 * "u3" when they all share one) followed by the first number not yet used.
 */
export function nextLabel(ids: readonly string[], fallbackPrefix: string): string {
  const prefixes = new Set(ids.map((id) => /^([A-Za-z]+)\d+$/.exec(id)?.[1] ?? null));
  const only = prefixes.size === 1 ? [...prefixes][0] : null;
  const prefix = only ?? fallbackPrefix;
  const taken = new Set(ids);
  let k = ids.length + 1;
  while (taken.has(`${prefix}${k}`)) k++;
  return `${prefix}${k}`;
}

/**
 * The confidence a new pair gets in the lecture's C: the value most pairs with p ≠ 1 share
 * (0 in the lecture's C, where unseen pairs carry no confidence; 1 after c = 1 + α·r).
 */
export function baselineConfidence(data: LabData): number {
  return data.confidence ? modeConfidence(data.ratings, data.confidence) : 0;
}

function checkNewName(ids: readonly string[], side: Side, name: string | undefined): string | EditResult {
  if (name === undefined) return nextLabel(ids, side === 'users' ? 'u' : 'i');
  const trimmed = name.trim();
  if (trimmed === '') return fail(`A ${NOUN[side]} needs a name`);
  if (ids.includes(trimmed)) return fail(`"${trimmed}" is already the name of another ${NOUN[side]}`);
  return trimmed;
}

/** C after a new row or column whose pairs get confidence c0 (listed only when c0 is not C's base). */
function confidenceGrown(C: ConfidenceMatrix, grown: Ratings, side: Side, c0: number): ConfidenceMatrix {
  let entries: Ratings =
    side === 'users'
      ? withUserAppended(C.entries, grown.userIds[grown.m - 1]!)
      : withItemAppended(C.entries, grown.itemIds[grown.n - 1]!);
  entries = { ...entries, userIds: grown.userIds, itemIds: grown.itemIds };
  if (c0 !== C.base) {
    const count = side === 'users' ? grown.n : grown.m;
    for (let k = 0; k < count; k++)
      entries = withEntry(entries, side === 'users' ? grown.m - 1 : k, side === 'users' ? k : grown.n - 1, c0).R;
  }
  return { base: C.base, entries };
}

/** Appends a user with no ratings (a row of `?`). */
export function addUser(data: LabData, name?: string): EditResult {
  const id = checkNewName(data.userIds, 'users', name);
  if (typeof id !== 'string') return id;
  const ratings = withUserAppended(data.ratings, id);
  const next: LabData = { ...data, userIds: ratings.userIds as string[], ratings };
  if (data.confidence) next.confidence = confidenceGrown(data.confidence, ratings, 'users', baselineConfidence(data));
  return ok(next);
}

/** Appends an item nobody has rated (a column of `?`). */
export function addItem(data: LabData, name?: string): EditResult {
  const id = checkNewName(data.itemIds, 'items', name);
  if (typeof id !== 'string') return id;
  const ratings = withItemAppended(data.ratings, id);
  const next: LabData = {
    ...data,
    itemIds: ratings.itemIds as string[],
    ratings,
    itemTitles: data.itemTitles ? [...data.itemTitles, null] : null,
    itemGenres: data.itemGenres ? [...data.itemGenres, []] : null,
  };
  if (data.confidence) next.confidence = confidenceGrown(data.confidence, ratings, 'items', baselineConfidence(data));
  return ok(next);
}

/** Removes user i (row i) with their ratings; the held-out cells after it still name the same ratings. */
export function removeUser(data: LabData, i: number): EditResult {
  if (!Number.isInteger(i) || i < 0 || i >= data.userIds.length) return fail(`There is no user ${i + 1}`);
  if (data.userIds.length === 1) return fail('The matrix needs at least one user');
  const next = withRatings(data, withoutUser(data.ratings, i));
  const userIds = next.ratings.userIds as string[];
  const confidence = data.confidence
    ? { base: data.confidence.base, entries: { ...withoutUser(data.confidence.entries, i).R, userIds } }
    : null;
  return ok({ ...next, userIds, confidence });
}

/** Removes item j (column j) with its ratings; the held-out cells after it still name the same ratings. */
export function removeItem(data: LabData, j: number): EditResult {
  if (!Number.isInteger(j) || j < 0 || j >= data.itemIds.length) return fail(`There is no item ${j + 1}`);
  if (data.itemIds.length === 1) return fail('The matrix needs at least one item');
  const next = withRatings(data, withoutItem(data.ratings, j));
  const itemIds = next.ratings.itemIds as string[];
  const confidence = data.confidence
    ? { base: data.confidence.base, entries: { ...withoutItem(data.confidence.entries, j).R, itemIds } }
    : null;
  const drop = <T>(list: T[] | null) => (list ? list.filter((_, k) => k !== j) : null);
  return ok({ ...next, itemIds, confidence, itemTitles: drop(data.itemTitles), itemGenres: drop(data.itemGenres) });
}

/** Known values that fail a test, named, for messages ("u1's rating of i1 is 1"); at most `limit` names. */
function offending(data: LabData, bad: (v: number) => boolean, limit = 50): { names: string[]; count: number } {
  const names: string[] = [];
  let count = 0;
  forEachCell(data, (i, j, v) => {
    if (!bad(v)) return;
    count++;
    if (names.length < limit) names.push(`${describeCell(data, i, j)} is ${formatNumber(v)}`);
  });
  return { names, count };
}

function outside(data: LabData, scale: RatingScale): { names: string[]; count: number } {
  return offending(data, (v) => v < scale.min || v > scale.max || !onStep(scale, v));
}

function listSome(found: { names: string[]; count: number }, limit = 3): string {
  const shown = found.names.slice(0, limit).join(', ');
  return found.count > limit ? `${shown} and ${found.count - limit} more` : shown;
}

/** Changes the rating scale; refused when it is empty or existing ratings would fall outside it. */
export function setScale(data: LabData, scale: RatingScale): EditResult {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max)) return fail('The scale needs two numbers');
  if (scale.min >= scale.max)
    return fail(`The lowest rating (${formatNumber(scale.min)}) must be below the highest (${formatNumber(scale.max)})`);
  const step = scale.step === undefined ? (data.scale.step ?? null) : scale.step;
  if (step !== null && !(step > 0 && Number.isFinite(step))) return fail('The step between ratings must be a number above 0');
  if (scale.min === data.scale.min && scale.max === data.scale.max && step === (data.scale.step ?? null)) return ok(data);
  const next: RatingScale = { min: scale.min, max: scale.max, ...(step !== null ? { step } : {}) };
  if (data.mode === 'explicit') {
    const bad = outside(data, next);
    if (bad.count > 0) {
      const what = bad.count === 1 ? 'A rating falls' : `${bad.count} ratings fall`;
      return fail(`${what} outside ${formatScale(next)}: ${listSome(bad)}`);
    }
  }
  return ok({ ...data, scale: next });
}

/** C listing every known pair of R with the value f(v) (base for the others). */
function confidenceOnKnown(R: Ratings, base: number, f: (v: number) => number): ConfidenceMatrix {
  return { base, entries: mapValues(R, f) };
}

/**
 * The lecture's "from explicit to implicit": a known rating ≥ threshold becomes p = 1, one
 * below it p = 0, and `?` stays `?`. The result is implicit with the lecture's C: a known
 * pair gets confidence `known` (1), an unknown one 0 — so `?` still carries no weight.
 */
export function thresholdToImplicit(data: LabData, threshold: number, known = 1): EditResult {
  if (data.mode !== 'explicit') return fail('Only explicit ratings can be converted by a threshold');
  if (!Number.isFinite(threshold)) return fail('The threshold must be a number');
  if (!(known > 0) || !Number.isFinite(known)) return fail('A known pair’s confidence must be above 0');
  const ratings = mapValues(data.ratings, (v) => (v >= threshold ? 1 : 0));
  return ok({
    ...data,
    mode: 'implicit',
    ratings,
    confidence: confidenceOnKnown(data.ratings, 0, () => known),
    scale: { min: 0, max: 1 },
  });
}

/**
 * Switches between explicit ratings, implicit observations with c = 1 + α·r, and the
 * lecture's P with C given entry by entry. Values are kept where they stay meaningful:
 * - explicit → observations: ratings must be ≥ 0;
 * - observations → P and C: p = [r > 0], c = 1 + α·r (unseen pairs: c = 1, as the model has it);
 * - P and C → observations: p becomes the observation, C is dropped (c = 1 + α·p from now on);
 * - to explicit: every value must lie on the rating scale;
 * - explicit → P and C: only 0/1 ratings; otherwise convert with a threshold.
 */
export function setKind(data: LabData, target: DataKind, alpha: number): EditResult {
  const from = dataKind(data);
  if (from === target) return ok(data);
  if (target === 'explicit') {
    const bad = outside(data, data.scale);
    if (bad.count > 0) {
      return fail(
        `Explicit ratings must lie on the scale ${formatScale(data.scale)}, but ${listSome(bad)}: change the scale first`,
      );
    }
    return ok({ ...data, mode: 'explicit', confidence: null });
  }
  if (target === 'alpha') {
    if (from === 'explicit') {
      const negative = offending(data, (v) => v < 0);
      if (negative.count > 0) return fail(`Observations must be ≥ 0, but ${listSome(negative)}`);
    }
    return ok({ ...data, mode: 'implicit', confidence: null });
  }
  if (from === 'explicit') {
    const bad = offending(data, (v) => v !== 0 && v !== 1);
    if (bad.count > 0) return fail(`P holds 0 or 1, but ${listSome(bad)}: use “Convert to implicit” with a threshold`);
    return ok({
      ...data,
      mode: 'implicit',
      confidence: confidenceOnKnown(data.ratings, 0, () => 1),
      scale: { min: 0, max: 1 },
    });
  }
  if (!(alpha >= 0) || !Number.isFinite(alpha)) return fail('α must be a number ≥ 0');
  return ok({
    ...data,
    mode: 'implicit',
    ratings: mapValues(data.ratings, (r) => (r > 0 ? 1 : 0)),
    confidence: confidenceOnKnown(data.ratings, 1, (r) => 1 + alpha * r),
    scale: { min: 0, max: 1 },
  });
}

/** Holds a known cell out of training (or puts it back): held-out cells give the test error. */
export function toggleHeldOut(data: LabData, i: number, j: number): EditResult {
  if (!inRange(data, i, j)) return fail(`There is no cell (${i + 1}, ${j + 1})`);
  const p = positionOf(data.ratings, i, j);
  if (p < 0) return fail(`${describeCell(data, i, j)} is ?: only a known value can be held out`);
  return ok({ ...data, heldOut: togglePosition(data.heldOut, p) });
}

/** Puts every held-out cell back into training. */
export function clearHeldOut(data: LabData): EditResult {
  return data.heldOut.length === 0 ? ok(data) : ok({ ...data, heldOut: new Int32Array(0) });
}
