/**
 * The Recommend tab's pure side: the model's factors from a snapshot, one user's slice of the
 * problem (their training ratings only, so that the core's per-user functions stay cheap on
 * 6,040 × 3,706), what a user has already rated, long lists of parts shortened for the screen,
 * and a new user's ratings appended to R as a row. No React, no DOM.
 */
import {
  explicitProblem,
  implicitFromObservations,
  implicitProblem,
  type AlsOptions,
  type Biases,
  type Factors,
  type Mode,
  type Problem,
} from '../../core';
import { addUser, checkValue, setCell, type EditResult } from '../../state/edits';
import { confidenceKind, forEachInRow, toProblemSpec, type LabData } from '../../state/labData';
import { ratingsFromCsr } from '../../state/sparse';
import { problemOf } from '../../worker/problemOf';
import { alsOptionsOf, type ModelSettings, type Snapshot } from '../../worker/protocol';

/** μ, bᵢ and cⱼ when the snapshot carries them (the biases variant), else null. */
export function snapshotBiases(entry: Snapshot): Biases | null {
  const b = (entry as Snapshot & { biases?: Biases | null }).biases;
  return b && b.user instanceof Float64Array && b.item instanceof Float64Array ? b : null;
}

/** The model of a timeline entry as the core's Factors, or null when this step's U and V are no longer kept. */
export function factorsOf(entry: Snapshot): Factors | null {
  if (!entry.U || !entry.V) return null;
  const F: Factors = { m: entry.m, n: entry.n, d: entry.d, U: entry.U, V: entry.V };
  const biases = snapshotBiases(entry);
  if (biases) F.biases = biases;
  return F;
}

/**
 * The options the explanations use: the settings' variant and λ, except where the model on
 * screen cannot carry them (no biases in this snapshot; biases with implicit feedback), which
 * `note` says in words.
 */
export function explainOptions(settings: ModelSettings, F: Factors, mode: Mode): { options: AlsOptions; note: string | null } {
  const options = alsOptionsOf(settings);
  if (options.variant !== 'biases') return { options, note: null };
  if (mode === 'implicit')
    return {
      options: { ...options, variant: 'lecture' },
      note: 'Implicit feedback has no biases (the loss runs over every pair): the scores are p̂ = uᵢᵀvⱼ.',
    };
  if (!F.biases)
    return {
      options: { ...options, variant: 'lecture' },
      note: 'This step’s model carries no biases μ, bᵢ, cⱼ, so its scores are r̂ = uᵢᵀvⱼ and are explained as in the lecture.',
    };
  return { options, note: null };
}

/** One user's part of the model: the problem holding their row, the factors, and the row's index in both. */
export interface UserModel {
  problem: Problem;
  F: Factors;
  row: number;
}

/** The whole training problem, only where a user's row cannot stand alone (the lecture's C: c0 is global). */
export function sharedProblem(data: LabData, alpha: number): Problem | null {
  return confidenceKind(data) === 'matrix' ? problemOf(toProblemSpec(data), alpha).problem : null;
}

/** User i's training ratings (held-out cells left out, as the worker trains) as a 1 × n problem. */
export function userRowProblem(data: LabData, user: number, alpha: number): Problem {
  const cols: number[] = [];
  const vals: number[] = [];
  forEachInRow(data, user, (j, v, held) => {
    if (held) return;
    cols.push(j);
    vals.push(v);
  });
  const R = ratingsFromCsr(
    1,
    data.ratings.n,
    Int32Array.of(0, cols.length),
    Int32Array.from(cols),
    Float64Array.from(vals),
    [data.userIds[user] ?? `user ${user + 1}`],
    data.itemIds,
  );
  return data.mode === 'explicit' ? explicitProblem(R) : implicitProblem(implicitFromObservations(R, alpha));
}

/**
 * User i alone: their row of U (a view, not a copy) and bᵢ over all of V. A user's closed form,
 * explanation and top-N only read Ωᵢ and V, so this gives the same numbers as the whole
 * problem (for explicit data and c = 1 + α·r) at the cost of one row.
 */
export function userModel(data: LabData, F: Factors, user: number, alpha: number, shared: Problem | null): UserModel {
  if (shared) return { problem: shared, F, row: user };
  const d = F.d;
  const one: Factors = { m: 1, n: F.n, d, U: F.U.subarray(user * d, user * d + d), V: F.V };
  if (F.biases) one.biases = { mu: F.biases.mu, user: F.biases.user.subarray(user, user + 1), item: F.biases.item };
  return { problem: userRowProblem(data, user, alpha), F: one, row: 0 };
}

/** The model as a new user sees it: all of V (and μ, cⱼ) with one row of U, so a fold-in copies V, not U. */
export function newUserFactors(F: Factors): Factors {
  const one: Factors = { m: 1, n: F.n, d: F.d, U: F.U.subarray(0, F.d), V: F.V };
  if (F.biases) one.biases = { mu: F.biases.mu, user: F.biases.user.subarray(0, 1), item: F.biases.item };
  return one;
}

/** An empty 1 × n problem of the lab's kind: what a new user is folded in against. */
export function newUserProblem(data: LabData, alpha: number): Problem {
  const R = ratingsFromCsr(
    1,
    data.ratings.n,
    new Int32Array(2),
    new Int32Array(0),
    new Float64Array(0),
    ['new user'],
    data.itemIds,
  );
  return data.mode === 'explicit' ? explicitProblem(R) : implicitProblem(implicitFromObservations(R, alpha));
}

/**
 * The items user i already has: every known rating (held-out ones too: the user did rate
 * them), or every interaction with r > 0 (implicit). Recommendations leave them out.
 */
export function ratedItems(data: LabData, user: number): number[] {
  const out: number[] = [];
  const implicit = data.mode === 'implicit';
  forEachInRow(data, user, (j, v) => {
    if (!implicit || v > 0) out.push(j);
  });
  return out;
}

/** The first `limit` parts by |value| (ties in their order), and what the rest add up to. */
export function shortenParts<T>(
  parts: readonly T[],
  value: (part: T) => number,
  limit: number,
): { shown: T[]; rest: { count: number; sum: number } | null } {
  if (parts.length <= limit) return { shown: [...parts], rest: null };
  const order = parts.map((p, k) => ({ p, k })).sort((a, b) => Math.abs(value(b.p)) - Math.abs(value(a.p)) || a.k - b.k);
  const shown = order.slice(0, limit).map((o) => o.p);
  let sum = 0;
  for (const o of order.slice(limit)) sum += value(o.p);
  return { shown, rest: { count: parts.length - limit, sum } };
}

/** A signed number for a list of parts: +0.412, −0.051 (a real minus sign), 0.000. */
export function signed(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  const s = Math.abs(v).toFixed(digits);
  if (Number(s) === 0) return s;
  return `${v < 0 ? '−' : '+'}${s}`;
}

/** A score as shown: 3 decimals, a real minus sign. */
export function score(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  const s = Math.abs(v).toFixed(digits);
  return v < 0 && Number(s) !== 0 ? `−${s}` : s;
}

/** The ratings that push a score up most (positive contributions), at most `count`. */
export function topReasons<T extends { contribution: number }>(parts: readonly T[], count = 3): T[] {
  return parts
    .filter((p) => p.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, count);
}

/** One rating of a new user, by item index. */
export interface NewRating {
  item: number;
  value: number;
}

/**
 * The data with a new user appended as the last row of R, holding `ratings`. Small data with
 * the lecture's C goes through the grid's own edits (each pair's confidence kept right); any
 * other data gets the row in one pass over the arrays (a million ratings take one copy, not
 * one per rating). Held-out cells keep their positions: the new row comes last.
 */
export function withNewUser(data: LabData, name: string, ratings: readonly NewRating[]): EditResult {
  const added = addUser(data, name);
  if (!added.ok) return added;
  const sorted = [...ratings].sort((a, b) => a.item - b.item);
  for (let k = 0; k < sorted.length; k++) {
    const r = sorted[k]!;
    if (!Number.isInteger(r.item) || r.item < 0 || r.item >= data.ratings.n)
      return { ok: false, error: `There is no item ${r.item + 1}` };
    if (k > 0 && sorted[k - 1]!.item === r.item) return { ok: false, error: `${data.itemIds[r.item]} is rated twice` };
    const error = checkValue(data, r.value);
    if (error) return { ok: false, error };
  }
  const row = added.data.ratings.m - 1;
  if (data.confidence) {
    let next = added.data;
    for (const r of sorted) {
      const result = setCell(next, row, r.item, r.value);
      if (!result.ok) return result;
      next = result.data;
    }
    return { ok: true, data: next };
  }
  const R = added.data.ratings;
  const nnz = R.nnz;
  const userPtr = Int32Array.from(R.userPtr);
  userPtr[R.m] = nnz + sorted.length;
  const col = new Int32Array(nnz + sorted.length);
  const val = new Float64Array(nnz + sorted.length);
  col.set(R.userCol.subarray(0, nnz));
  val.set(R.userVal.subarray(0, nnz));
  sorted.forEach((r, k) => {
    col[nnz + k] = r.item;
    val[nnz + k] = r.value;
  });
  return { ok: true, data: { ...added.data, ratings: ratingsFromCsr(R.m, R.n, userPtr, col, val, R.userIds, R.itemIds) } };
}

/**
 * The first `limit` items whose (lower-case) label contains every word of the query, titles
 * that start with the query first; an empty query lists the first items. O(n) per keystroke.
 */
export function matchItems(
  lowerLabels: readonly string[],
  query: string,
  limit: number,
  exclude?: ReadonlySet<number>,
): number[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const q = words.join(' ');
  const starts: number[] = [];
  const contains: number[] = [];
  for (let j = 0; j < lowerLabels.length && starts.length < limit; j++) {
    if (exclude?.has(j)) continue;
    const t = lowerLabels[j]!;
    if (!words.every((w) => t.includes(w))) continue;
    if (q === '' || t.startsWith(q)) starts.push(j);
    else if (contains.length < limit) contains.push(j);
  }
  return [...starts, ...contains].slice(0, limit);
}
