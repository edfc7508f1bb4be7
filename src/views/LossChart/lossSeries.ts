/**
 * The loss chart's numbers, read off the run's timeline: one value per entry for each
 * line, rise detection, min/max downsampling and the y-domain. Pure functions (no DOM, no
 * React), so the unit tests check them directly.
 */
import type { TimelineEntry } from '../../state/labStore';
import type { StepKind } from '../../worker/protocol';

/** The timeline as parallel arrays: index t is timeline entry t. Missing values are NaN. */
export interface LossSeries {
  length: number;
  steps: Float64Array;
  kinds: StepKind[];
  total: Float64Array;
  data: Float64Array;
  regularization: Float64Array;
  trainRmse: Float64Array;
  /** Held-out RMSE, NaN where no cell was held out. */
  testRmse: Float64Array;
  hasTest: boolean;
  /** The first entry whose gradient step diverged, with the worker's words. */
  diverged: { index: number; text: string } | null;
}

export function extractSeries(timeline: readonly Pick<TimelineEntry, 'step' | 'kind' | 'metrics' | 'diverged'>[]): LossSeries {
  const n = timeline.length;
  const s: LossSeries = {
    length: n,
    steps: new Float64Array(n),
    kinds: new Array<StepKind>(n),
    total: new Float64Array(n),
    data: new Float64Array(n),
    regularization: new Float64Array(n),
    trainRmse: new Float64Array(n),
    testRmse: new Float64Array(n),
    hasTest: false,
    diverged: null,
  };
  for (let t = 0; t < n; t++) {
    const e = timeline[t]!;
    const m = e.metrics;
    s.steps[t] = e.step;
    s.kinds[t] = e.kind;
    s.total[t] = m.total;
    s.data[t] = m.data;
    s.regularization[t] = m.regularization;
    s.trainRmse[t] = m.trainRmse;
    s.testRmse[t] = m.testRmse ?? Number.NaN;
    if (m.testRmse !== null) s.hasTest = true;
    if (e.diverged && !s.diverged) s.diverged = { index: t, text: e.diverged };
  }
  return s;
}

/** Entries that are an optimisation step (the others change the problem or jump in time). */
const isStepKind = (kind: StepKind) => kind === 'users' || kind === 'items' || kind === 'row' || kind === 'gd';

/**
 * Relative size of an increase that counts as a rise. ALS solves each half-step exactly,
 * so its objective can only "rise" by floating-point round-off (about 1e-16 relative).
 */
const RISE_TOLERANCE = 1e-10;

/**
 * Indices t of the steps after which the objective is higher than before (entry t − 1).
 * Only optimisation steps count: an edit of the data or of λ may move the objective
 * either way without any algorithm at fault. A step to a non-finite value (divergence) is a rise.
 */
export function findRises(kinds: readonly StepKind[], total: ArrayLike<number>, tolerance = RISE_TOLERANCE): number[] {
  const rises: number[] = [];
  for (let t = 1; t < total.length; t++) {
    if (!isStepKind(kinds[t]!)) continue;
    const a = total[t - 1]!;
    const b = total[t]!;
    if (!Number.isFinite(a)) continue;
    if (!Number.isFinite(b) || b - a > tolerance * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE)) rises.push(t);
  }
  return rises;
}

/**
 * Min/max downsampling (the M4 scheme): the points are grouped by pixel column
 * (⌊x / bucketWidth⌋, x ascending), and each column keeps its first, lowest, highest and
 * last point, in their original order. The drawn path then looks exactly like the full one
 * (every peak and dip survives) while having at most four points per column.
 *
 * Non-finite y values break the line: they come out as −1 (one per gap).
 * Returns indices into x and y.
 */
export function downsampleMinMax(x: ArrayLike<number>, y: ArrayLike<number>, bucketWidth = 1): number[] {
  const out: number[] = [];
  let key = Number.NaN;
  let first = -1;
  let last = -1;
  let lo = -1;
  let hi = -1;
  const push = (t: number) => {
    if (out[out.length - 1] !== t) out.push(t);
  };
  const flush = () => {
    if (first < 0) return;
    // first ≤ lo, hi ≤ last: only the order of the lowest and the highest varies.
    push(first);
    push(Math.min(lo, hi));
    push(Math.max(lo, hi));
    push(last);
    first = -1;
  };
  for (let t = 0; t < y.length; t++) {
    const v = y[t]!;
    if (!Number.isFinite(v)) {
      flush();
      key = Number.NaN;
      if (out.length > 0 && out[out.length - 1] !== -1) out.push(-1);
      continue;
    }
    const k = Math.floor(x[t]! / bucketWidth);
    if (k !== key || first < 0) {
      flush();
      key = k;
      first = last = lo = hi = t;
      continue;
    }
    last = t;
    if (v < y[lo]!) lo = t;
    if (v > y[hi]!) hi = t;
  }
  flush();
  return out;
}

/**
 * The y-domain that shows every value: from 0 (losses and RMSEs are never negative, and a
 * linear axis from 0 shows the size of the decrease honestly) to the largest value. On a
 * log scale, values ≤ 0 cannot be drawn and are left out; the domain is padded a little so
 * the line does not touch the frame. Non-finite values (a diverged run) are ignored.
 */
export function yDomain(series: readonly ArrayLike<number>[], log: boolean): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const values of series) {
    for (let t = 0; t < values.length; t++) {
      const v = values[t]!;
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return log ? [0.1, 1] : [0, 1];
  if (log) {
    if (lo === hi) return [lo / 2, hi * 2];
    const pad = Math.min(2, Math.pow(hi / lo, 0.04));
    return [lo / pad, finiteOr(hi * pad, hi)];
  }
  const bottom = Math.min(0, lo);
  if (hi === bottom) return [bottom, bottom + 1];
  return [bottom, finiteOr(hi + (hi - bottom) * 0.04, hi)];
}

const finiteOr = (v: number, fallback: number) => (Number.isFinite(v) ? v : fallback);

/** The entry nearest to a step on the x-axis; among entries at the same step, the latest. */
export function nearestIndex(steps: ArrayLike<number>, target: number): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let t = 0; t < steps.length; t++) {
    const distance = Math.abs(steps[t]! - target);
    if (distance <= bestDistance) {
      best = t;
      bestDistance = distance;
    }
  }
  return best;
}

/** At most `max` row indices, evenly spread, always with the first and the last. */
export function sampleRows(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, t) => t);
  const rows: number[] = [];
  for (let k = 0; k < max; k++) rows.push(Math.round((k * (length - 1)) / (max - 1)));
  return rows;
}

/** A value for a readout or a table: six significant digits (four in exponent form), "∞" or "—" when not a number. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  const text = a !== 0 && (a >= 1e7 || a < 1e-4) ? v.toExponential(3) : String(Number(v.toPrecision(6)));
  return text.replace('-', '−');
}

/** What each kind of entry means, in the lecture's words. */
export const KIND_LABELS: Record<StepKind, string> = {
  init: 'start (random U, V)',
  users: 'fix V, solve U',
  items: 'fix U, solve V',
  row: 'solve one row',
  gd: 'gradient step',
  update: 'data or settings changed',
  restore: 'continued from an earlier step',
};

export interface RunNote {
  tone: 'info' | 'ok' | 'warning' | 'error';
  text: string;
}

const times = (k: number) => (k === 1 ? 'once' : `${k} times`);

/** What the chart shows about monotonicity, in one sentence for the class. */
export function describeRun(
  series: Pick<LossSeries, 'kinds' | 'steps' | 'diverged'>,
  rises: readonly number[],
  solver: 'als' | 'gd' = 'als',
): RunNote {
  let als = 0;
  let gd = 0;
  for (const kind of series.kinds) {
    if (kind === 'users' || kind === 'items' || kind === 'row') als++;
    else if (kind === 'gd') gd++;
  }
  if (series.diverged) {
    return { tone: 'error', text: `Diverged at step ${series.steps[series.diverged.index]}: ${series.diverged.text}` };
  }
  const gdRises = rises.filter((t) => series.kinds[t] === 'gd').length;
  const alsRises = rises.length - gdRises;
  if (gdRises > 0) {
    return {
      tone: 'warning',
      text: `The objective rose ${times(gdRises)} under gradient descent (shown in vermillion): a step with too large a learning rate η overshoots the minimum. An ALS half-step never does this.`,
    };
  }
  if (alsRises > 0) {
    return {
      tone: 'warning',
      text: `The objective rose ${times(alsRises)} after an ALS half-step (shown in vermillion). ALS solves each half-step exactly, so only round-off should ever do that.`,
    };
  }
  if (als > 0 && gd > 0) {
    return {
      tone: 'ok',
      text: `No rise in ${als} ALS ${series.kinds.includes('row') ? 'solve' : 'half-step'}${als === 1 ? '' : 's'} and ${gd} gradient step${gd === 1 ? '' : 's'}: ALS can only fall or stay; gradient descent goes downhill while η is small enough.`,
    };
  }
  if (als > 0) {
    return {
      tone: 'ok',
      text: `Never rises under ALS: each half-step solves for U (or V) exactly with the other fixed, so the objective can only fall or stay — no rise in ${als} ${series.kinds.includes('row') ? 'solve' : 'half-step'}${als === 1 ? '' : 's'}.`,
    };
  }
  if (gd > 0)
    return {
      tone: 'ok',
      text: `No rise in ${gd} gradient step${gd === 1 ? '' : 's'} so far: a small enough η always goes downhill.`,
    };
  return {
    tone: 'info',
    text:
      solver === 'gd'
        ? 'Press Step: every gradient step adds a point to the curve.'
        : 'Press Step: it solves U, then V (one iteration, two half-steps), and each half-step adds a point to the curve.',
  };
}
