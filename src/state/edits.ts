/**
 * Edits of a lab's data: pure functions LabData → LabData. Each returns the next data or a
 * short message saying why the edit is refused (the grid shows it next to the cell). The
 * data is treated as immutable: an edit copies only the rows it changes, so undo can keep
 * every earlier version cheaply.
 */
import { thresholdRatings } from '../core';
import { cellKey, confidenceKind, type Cell, type LabData, type RatingScale } from './labData';

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
    if (value < 0) return `"${shown}" is negative: a confidence is at least 0`;
    return null;
  }
  if (value === null) return null;
  if (!Number.isFinite(value)) return `"${shown}" is not a number`;
  if (kind === 'explicit' && (value < data.scale.min || value > data.scale.max)) {
    return `"${shown}" is outside the rating scale ${formatScale(data.scale)}`;
  }
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

function replaceAt<T>(rows: readonly T[], i: number, row: T): T[] {
  const next = rows.slice();
  next[i] = row;
  return next;
}

/** Sets one cell (a rating, an observation or p; null = `?`). A cell made unknown stops being held out. */
export function setCell(data: LabData, i: number, j: number, value: Cell): EditResult {
  if (!inRange(data, i, j)) return fail(`There is no cell (${i + 1}, ${j + 1})`);
  const error = checkValue(data, value);
  if (error) return fail(error);
  const row = data.cells[i]!;
  if (row[j] === value) return ok(data);
  const nextRow = row.slice();
  nextRow[j] = value;
  const key = cellKey(i, j);
  const heldOut = value === null && data.heldOut.includes(key) ? data.heldOut.filter((k) => k !== key) : data.heldOut;
  return ok({ ...data, cells: replaceAt(data.cells, i, nextRow), heldOut });
}

/** Sets c_ij of the lecture's confidence matrix C. */
export function setConfidence(data: LabData, i: number, j: number, value: number | null): EditResult {
  if (!inRange(data, i, j)) return fail(`There is no cell (${i + 1}, ${j + 1})`);
  const error = checkValue(data, value, 'confidence');
  if (error) return fail(error);
  const C = data.confidence!;
  if (C[i]![j] === value) return ok(data);
  const nextRow = C[i]!.slice();
  nextRow[j] = value!;
  return ok({ ...data, confidence: replaceAt(C, i, nextRow) });
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
  const next = replaceAt(ids, index, trimmed);
  return ok(side === 'users' ? { ...data, userIds: next } : { ...data, itemIds: next });
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
 * The confidence a new pair gets in the lecture's C: the value most pairs with p = 0 share
 * (0 in the lecture's C, where unseen pairs carry no confidence; 1 after c = 1 + α·r).
 */
export function baselineConfidence(data: LabData): number {
  if (!data.confidence) return 0;
  const counts = new Map<number, number>();
  data.cells.forEach((row, i) =>
    row.forEach((p, j) => {
      if (p === 1) return;
      const c = data.confidence![i]![j]!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }),
  );
  let best = 0;
  let most = 0;
  for (const [c, n] of counts) if (n > most) [best, most] = [c, n];
  return best;
}

function checkNewName(ids: readonly string[], side: Side, name: string | undefined): string | EditResult {
  if (name === undefined) return nextLabel(ids, side === 'users' ? 'u' : 'i');
  const trimmed = name.trim();
  if (trimmed === '') return fail(`A ${NOUN[side]} needs a name`);
  if (ids.includes(trimmed)) return fail(`"${trimmed}" is already the name of another ${NOUN[side]}`);
  return trimmed;
}

/** Appends a user with no ratings (a row of `?`). */
export function addUser(data: LabData, name?: string): EditResult {
  const id = checkNewName(data.userIds, 'users', name);
  if (typeof id !== 'string') return id;
  const n = data.itemIds.length;
  const confidence = data.confidence ? [...data.confidence, new Array<number>(n).fill(baselineConfidence(data))] : null;
  return ok({
    ...data,
    userIds: [...data.userIds, id],
    cells: [...data.cells, new Array<Cell>(n).fill(null)],
    confidence,
  });
}

/** Appends an item nobody has rated (a column of `?`). */
export function addItem(data: LabData, name?: string): EditResult {
  const id = checkNewName(data.itemIds, 'items', name);
  if (typeof id !== 'string') return id;
  const c0 = baselineConfidence(data);
  return ok({
    ...data,
    itemIds: [...data.itemIds, id],
    cells: data.cells.map((row) => [...row, null]),
    confidence: data.confidence ? data.confidence.map((row) => [...row, c0]) : null,
  });
}

/**
 * Held-out keys after removing row (users) or column (items) `removed`: the removed
 * line's keys go, and those after it move up by one so they still name the same cells.
 */
export function shiftHeldOut(heldOut: readonly string[], side: Side, removed: number): string[] {
  const out: string[] = [];
  for (const key of heldOut) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    const k = side === 'users' ? i : j;
    if (k === removed) continue;
    const shifted = k > removed ? k - 1 : k;
    out.push(side === 'users' ? cellKey(shifted, j) : cellKey(i, shifted));
  }
  return out;
}

/** Removes user i (row i) with their ratings. */
export function removeUser(data: LabData, i: number): EditResult {
  if (!Number.isInteger(i) || i < 0 || i >= data.userIds.length) return fail(`There is no user ${i + 1}`);
  if (data.userIds.length === 1) return fail('The matrix needs at least one user');
  const drop = <T>(rows: readonly T[]) => rows.filter((_, k) => k !== i);
  return ok({
    ...data,
    userIds: drop(data.userIds),
    cells: drop(data.cells),
    confidence: data.confidence ? drop(data.confidence) : null,
    heldOut: shiftHeldOut(data.heldOut, 'users', i),
  });
}

/** Removes item j (column j) with its ratings. */
export function removeItem(data: LabData, j: number): EditResult {
  if (!Number.isInteger(j) || j < 0 || j >= data.itemIds.length) return fail(`There is no item ${j + 1}`);
  if (data.itemIds.length === 1) return fail('The matrix needs at least one item');
  const drop = <T>(row: readonly T[]) => row.filter((_, k) => k !== j);
  return ok({
    ...data,
    itemIds: drop(data.itemIds),
    cells: data.cells.map(drop),
    confidence: data.confidence ? data.confidence.map(drop) : null,
    heldOut: shiftHeldOut(data.heldOut, 'items', j),
  });
}

/** Known values outside a scale, named, for messages ("u1's rating of i1 is 1"). */
function outside(data: LabData, scale: RatingScale): string[] {
  const found: string[] = [];
  data.cells.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && (v < scale.min || v > scale.max)) found.push(`${describeCell(data, i, j)} is ${formatNumber(v)}`);
    }),
  );
  return found;
}

function listSome(items: string[], limit = 3): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

/** Changes the rating scale; refused when it is empty or existing ratings would fall outside it. */
export function setScale(data: LabData, scale: RatingScale): EditResult {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max)) return fail('The scale needs two numbers');
  if (scale.min >= scale.max)
    return fail(`The lowest rating (${formatNumber(scale.min)}) must be below the highest (${formatNumber(scale.max)})`);
  if (scale.min === data.scale.min && scale.max === data.scale.max) return ok(data);
  if (data.mode === 'explicit') {
    const bad = outside(data, scale);
    if (bad.length > 0) {
      const what = bad.length === 1 ? 'A rating falls' : `${bad.length} ratings fall`;
      return fail(`${what} outside ${formatScale(scale)}: ${listSome(bad)}`);
    }
  }
  return ok({ ...data, scale: { min: scale.min, max: scale.max } });
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
  const cells = thresholdRatings(data.cells, threshold);
  const confidence = data.cells.map((row) => row.map((v) => (v === null ? 0 : known)));
  return ok({ ...data, mode: 'implicit', cells, confidence, scale: { min: 0, max: 1 } });
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
    if (bad.length > 0) {
      return fail(
        `Explicit ratings must lie on the scale ${formatScale(data.scale)}, but ${listSome(bad)}: change the scale first`,
      );
    }
    return ok({ ...data, mode: 'explicit', confidence: null });
  }
  if (target === 'alpha') {
    if (from === 'explicit') {
      const negative = outside(data, { min: 0, max: Infinity });
      if (negative.length > 0) return fail(`Observations must be ≥ 0, but ${listSome(negative)}`);
    }
    return ok({ ...data, mode: 'implicit', confidence: null });
  }
  if (from === 'explicit') {
    const bad = outside(data, { min: 0, max: 1 }).concat(
      data.cells.flatMap((row, i) =>
        row.flatMap((v, j) => (v !== null && v > 0 && v < 1 ? [`${describeCell(data, i, j)} is ${formatNumber(v)}`] : [])),
      ),
    );
    if (bad.length > 0) return fail(`P holds 0 or 1, but ${listSome(bad)}: use “Convert to implicit” with a threshold`);
    const confidence = data.cells.map((row) => row.map((v) => (v === null ? 0 : 1)));
    return ok({ ...data, mode: 'implicit', confidence, scale: { min: 0, max: 1 } });
  }
  if (!(alpha >= 0) || !Number.isFinite(alpha)) return fail('α must be a number ≥ 0');
  const cells = data.cells.map((row) => row.map((r) => (r === null ? null : r > 0 ? 1 : 0)));
  const confidence = data.cells.map((row) => row.map((r) => 1 + alpha * (r ?? 0)));
  return ok({ ...data, mode: 'implicit', cells, confidence, scale: { min: 0, max: 1 } });
}

/** Holds a known cell out of training (or puts it back): held-out cells give the test error. */
export function toggleHeldOut(data: LabData, i: number, j: number): EditResult {
  if (!inRange(data, i, j)) return fail(`There is no cell (${i + 1}, ${j + 1})`);
  const key = cellKey(i, j);
  if (data.heldOut.includes(key)) return ok({ ...data, heldOut: data.heldOut.filter((k) => k !== key) });
  if (data.cells[i]![j] === null) return fail(`${describeCell(data, i, j)} is ?: only a known value can be held out`);
  return ok({ ...data, heldOut: [...data.heldOut, key] });
}

/** Puts every held-out cell back into training. */
export function clearHeldOut(data: LabData): EditResult {
  return data.heldOut.length === 0 ? ok(data) : ok({ ...data, heldOut: [] });
}
