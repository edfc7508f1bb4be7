import { describe, expect, it } from 'vitest';
import {
  describeRun,
  downsampleMinMax,
  extractSeries,
  findRises,
  formatValue,
  nearestIndex,
  sampleRows,
  yDomain,
} from '../../../src/views/LossChart/lossSeries';
import { buildChart, logLabels, powerOfTen, risePath, stepDomain } from '../../../src/views/LossChart/chartModel';
import type { StepKind } from '../../../src/worker/protocol';

function entry(step: number, kind: StepKind, total: number, extra: { testRmse?: number | null; diverged?: string } = {}) {
  return {
    step,
    kind,
    diverged: extra.diverged ?? null,
    metrics: {
      data: total * 0.8,
      regularization: total * 0.2,
      total,
      trainRmse: Math.sqrt(total),
      testRmse: extra.testRmse ?? null,
    },
  };
}

describe('downsampling keeps the shape of the curve', () => {
  it('keeps the first, lowest, highest and last point of every pixel column, in order', () => {
    // Ten points in pixel column 0, ten in column 1.
    const x = Array.from({ length: 20 }, (_, t) => (t < 10 ? 0.05 * t : 1 + 0.05 * (t - 10)));
    const y = [5, 3, 9, 1, 4, 4, 7, 2, 8, 6, 10, 0, 3, 12, 5, 5, 5, 5, 5, 7];
    const kept = downsampleMinMax(x, y);
    expect(kept).toEqual([0, 2, 3, 9, 10, 11, 13, 19]);
    for (const [from, to] of [
      [0, 10],
      [10, 20],
    ] as const) {
      const bucket = y.slice(from, to);
      const keptValues = kept.filter((t) => t >= from && t < to).map((t) => y[t]!);
      expect(Math.min(...keptValues)).toBe(Math.min(...bucket));
      expect(Math.max(...keptValues)).toBe(Math.max(...bucket));
    }
  });

  it('reduces thousands of steps to at most four points per column, and every min and max survives', () => {
    const n = 5000;
    const x = Array.from({ length: n }, (_, t) => (t / n) * 300); // 300 pixel columns
    const y = Array.from({ length: n }, (_, t) => Math.exp(-t / 500) + 0.1 * Math.sin(t * 1.7));
    const kept = downsampleMinMax(x, y);
    expect(kept.length).toBeLessThanOrEqual(4 * 300);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    const columns = new Map<number, number[]>();
    y.forEach((v, t) => columns.set(Math.floor(x[t]!), [...(columns.get(Math.floor(x[t]!)) ?? []), v]));
    for (const [column, values] of columns) {
      const keptValues = kept.filter((t) => Math.floor(x[t]!) === column).map((t) => y[t]!);
      expect(keptValues).toContain(Math.min(...values));
      expect(keptValues).toContain(Math.max(...values));
    }
  });

  it('leaves a short run untouched and breaks the line at values it cannot draw', () => {
    expect(downsampleMinMax([0, 10, 20], [3, 2, 1])).toEqual([0, 1, 2]);
    expect(downsampleMinMax([0, 10, 20, 30, 40], [3, Number.NaN, Number.POSITIVE_INFINITY, 2, 1])).toEqual([0, -1, 3, 4]);
  });
});

describe('the y-domain', () => {
  it('starts a linear axis at 0 and covers the largest value', () => {
    const [lo, hi] = yDomain(
      [
        [12, 8, 5],
        [3, 2],
      ],
      false,
    );
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(12);
  });

  it('leaves out zeros, negative and non-finite values on a log axis', () => {
    const [lo, hi] = yDomain([[0, -1, 100, 0.01, Number.NaN, Number.POSITIVE_INFINITY]], true);
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThanOrEqual(0.01);
    expect(lo).toBeGreaterThan(0.001);
    expect(hi).toBeGreaterThanOrEqual(100);
    expect(hi).toBeLessThan(1000);
  });

  it('falls back to a usable domain when nothing can be drawn', () => {
    expect(yDomain([[0, 0]], true)).toEqual([0.1, 1]);
    expect(yDomain([[]], false)).toEqual([0, 1]);
    const [lo, hi] = yDomain([[4, 4]], true);
    expect(lo).toBeLessThan(4);
    expect(hi).toBeGreaterThan(4);
  });
});

describe('rises of the objective', () => {
  it('finds none in an ALS run, even with round-off at convergence', () => {
    const kinds: StepKind[] = ['init', 'users', 'items', 'users', 'items'];
    expect(findRises(kinds, [100, 40, 12, 11.5, 11.5 * (1 + 1e-15)])).toEqual([]);
  });

  it('finds every gradient step that went uphill, and a step to infinity', () => {
    const kinds: StepKind[] = ['init', 'gd', 'gd', 'gd', 'gd', 'gd'];
    expect(findRises(kinds, [100, 60, 70, 50, 55, Number.POSITIVE_INFINITY])).toEqual([2, 4, 5]);
  });

  it('does not blame the algorithm when an edit of the data or of λ moved the objective', () => {
    const kinds: StepKind[] = ['init', 'users', 'update', 'items', 'restore'];
    expect(findRises(kinds, [100, 40, 90, 30, 35])).toEqual([]);
  });

  it('draws at most one rise per pixel column', () => {
    const steps = Float64Array.from({ length: 1001 }, (_, t) => t);
    const total = Float64Array.from(steps, (t) => 10 + (t % 2)); // rises at every odd step
    const kinds: StepKind[] = Array.from(steps, (t) => (t === 0 ? 'init' : 'gd'));
    const rises = findRises(kinds, total);
    expect(rises).toHaveLength(500);
    const model = buildChart({
      steps,
      lines: [{ key: 'total', values: total }],
      width: 300,
      height: 200,
      log: false,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      xDomain: stepDomain(steps),
    });
    const segments = risePath(model, steps, total, rises).split('M').length - 1;
    expect(segments).toBeGreaterThan(100);
    expect(segments).toBeLessThanOrEqual(300);
  });
});

describe('reading the timeline', () => {
  it('turns entries into parallel arrays, with NaN where nothing was held out', () => {
    const s = extractSeries([entry(0, 'init', 100), entry(1, 'users', 40, { testRmse: 1.5 }), entry(2, 'items', 10)]);
    expect(s.length).toBe(3);
    expect([...s.steps]).toEqual([0, 1, 2]);
    expect([...s.total]).toEqual([100, 40, 10]);
    expect(s.kinds).toEqual(['init', 'users', 'items']);
    expect(s.hasTest).toBe(true);
    expect(Number.isNaN(s.testRmse[0]!)).toBe(true);
    expect(s.testRmse[1]).toBe(1.5);
    expect(s.diverged).toBeNull();
  });

  it('says that ALS never rises, and what went wrong with gradient descent', () => {
    const als = extractSeries([entry(0, 'init', 100), entry(1, 'users', 40), entry(2, 'items', 10)]);
    expect(describeRun(als, [])).toMatchObject({ tone: 'ok', text: expect.stringContaining('Never rises under ALS') });
    const gd = extractSeries([entry(0, 'init', 100), entry(1, 'gd', 40), entry(2, 'gd', 60)]);
    expect(describeRun(gd, findRises(gd.kinds, gd.total))).toMatchObject({
      tone: 'warning',
      text: expect.stringContaining('rose once'),
    });
    const diverged = extractSeries([entry(0, 'init', 100), entry(1, 'gd', 1e9, { diverged: 'Gradient descent is diverging.' })]);
    expect(describeRun(diverged, [1]).text).toBe('Diverged at step 1: Gradient descent is diverging.');
  });

  it('picks the entry nearest to a clicked step, the latest among equal steps', () => {
    const steps = [0, 1, 2, 2, 3];
    expect(nearestIndex(steps, 1.2)).toBe(1);
    expect(nearestIndex(steps, 2.1)).toBe(3);
    expect(nearestIndex(steps, 99)).toBe(4);
    expect(nearestIndex(steps, -5)).toBe(0);
    expect(nearestIndex([], 1)).toBe(-1);
  });

  it('samples long tables evenly, with the first and last row', () => {
    expect(sampleRows(3, 200)).toEqual([0, 1, 2]);
    const rows = sampleRows(10_000, 200);
    expect(rows).toHaveLength(200);
    expect(rows[0]).toBe(0);
    expect(rows.at(-1)).toBe(9999);
  });

  it('formats values for a projector', () => {
    expect(formatValue(12.3456789)).toBe('12.3457');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(5.71993e225)).toBe('5.720e+225');
    expect(formatValue(Number.NaN)).toBe('—');
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(powerOfTen(2e8)).toBe('2×10⁸');
    expect(powerOfTen(1e-5)).toBe('10⁻⁵');
    expect(powerOfTen(250)).toBeNull();
  });
});

describe('the chart geometry', () => {
  const steps = Float64Array.from({ length: 5 }, (_, t) => t);
  const total = Float64Array.from([100, 40, 10, 5, 0]);
  const chart = (log: boolean) =>
    buildChart({
      steps,
      lines: [{ key: 'total', values: total }],
      width: 600,
      height: 300,
      log,
      margin: { top: 10, right: 10, bottom: 40, left: 60 },
      xDomain: stepDomain(steps),
    });

  it('keeps a short run at least ten steps wide, from its first step', () => {
    expect(stepDomain([0, 1, 2])).toEqual([0, 10]);
    expect(stepDomain([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])[1]).toBeGreaterThanOrEqual(13);
    expect(stepDomain([])).toEqual([0, 10]);
  });

  it('maps the largest value to the top and 0 to the bottom on a linear axis', () => {
    const m = chart(false);
    expect(m.y(0)).toBeCloseTo(10 + m.plotHeight);
    expect(m.y(100)).toBeGreaterThanOrEqual(10);
    expect(m.y(100)).toBeLessThan(m.y(40));
    expect(m.xTicks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(m.paths.total!.match(/[ML]/g)).toHaveLength(5);
  });

  it('labels 1, 2 and 5 of each decade on a log axis when they fit, else the powers of ten', () => {
    const ticks = [0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3];
    expect(ticks.filter(logLabels(ticks, 8)!)).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2]);
    expect(ticks.filter(logLabels(ticks, 4)!)).toEqual([0.1, 1]);
    expect(logLabels([0.52, 0.53, 0.54], 8)).toBeNull();
  });

  it('on a log axis drops the zero from the path and labels powers of ten', () => {
    const m = chart(true);
    expect(m.log).toBe(true);
    expect(m.paths.total!.match(/[ML]/g)).toHaveLength(4);
    const labels = m.yTicks.filter((t) => t.label).map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(['10', '100']));
  });
});
