/**
 * The prose is what the widgets show: every lesson lab is run here, with the configuration its
 * lesson file gives it, through the worker's engine (the code the lab runs), and the claim its
 * text makes about what the student will see is checked. Every number exercise's answer is
 * computed from the core too, not only written in the lesson.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compareConfidence,
  explicitProblem,
  factorsFromArrays,
  gradientStep,
  LECTURE_C,
  LECTURE_P,
  LECTURE_R,
  LECTURE_U,
  LECTURE_VT,
  NETFLIX,
  ratingsFromTriples,
  reconstruct,
} from '../../../src/core';
import { LabEngine } from '../../../src/worker/engine';
import type { Snapshot } from '../../../src/worker/protocol';
import { knownCount, toProblemSpec } from '../../../src/state/labData';
import { DEFAULT_SETTINGS, lectureR, ml100kShaped, presetData } from '../../../src/state/presets';
import { sweepSpec } from '../../../src/worker/engine';
import { labOptionsFromAttrs } from '../../../src/lessons/labSetup';
import { toyFactors } from '../../../src/lessons/toyFactors';
import { checkNumber, parseLesson, type Attrs, type Block, type Lesson } from '../../../src/lessons/parseLesson';

const DIR = fileURLToPath(new URL('../../../lessons/', import.meta.url));
const LESSONS: Lesson[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .map((f) => parseLesson(readFileSync(DIR + f, 'utf8'), f));
const lesson = (slug: string) => LESSONS.find((l) => l.slug === slug)!;
const widgets = (slug: string) =>
  lesson(slug).steps.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'widget' }> => b.kind === 'widget');
const exercises = (slug: string) =>
  lesson(slug).steps.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'exercise' }> => b.kind === 'exercise');

/** The attributes of a lesson's lab, as the lesson file gives them. */
function labAttrs(slug: string, id: string): Attrs {
  const lab = widgets(slug).find((w) => w.name === 'lab' && w.attrs.id === id);
  if (!lab) throw new Error(`${slug} has no lab "${id}"`);
  return lab.attrs;
}

/** A lesson lab as the student opens it: the engine loaded with its set-up, its start and its opening iterations. */
function openLab(attrs: Attrs, patch: Partial<typeof DEFAULT_SETTINGS> = {}) {
  const options = labOptionsFromAttrs(attrs);
  const start = options.data ? { data: options.data, settings: {} } : presetData(options.preset!);
  const settings = { ...DEFAULT_SETTINGS, ...start.settings, ...options.settings, ...patch };
  const engine = new LabEngine();
  let last: Snapshot = engine.load(toProblemSpec(start.data), settings, 1, false);
  if (attrs.start === 'toy') {
    const toy = toyFactors();
    last = engine.restore(toy.U, toy.V, 0, 1);
  }
  const history: Snapshot[] = [last];
  const iterate = (count: number) => {
    for (let k = 0; k < count; k++) {
      const snaps = engine.fullStep(1);
      history.push(...snaps);
      last = snaps[snaps.length - 1]!;
      if (last.diverged) break;
    }
    return last;
  };
  iterate(Number(attrs.steps ?? 0));
  return { engine, data: start.data, settings, iterate, history, last: () => last };
}

/** UVᵀ of a snapshot, with the cells where R has a `?`. */
function predictions(s: Snapshot, cells: readonly (readonly (number | null)[])[]) {
  const F = { m: s.m, n: s.n, d: s.d, U: s.U!, V: s.V! };
  const P = reconstruct(F);
  const atUnknown: number[] = [];
  const atKnown: { r: number; p: number }[] = [];
  for (let i = 0; i < s.m; i++)
    for (let j = 0; j < s.n; j++) {
      const r = cells[i]?.[j];
      if (r === null || r === undefined) atUnknown.push(P[i * s.n + j]!);
      else atKnown.push({ r, p: P[i * s.n + j]! });
    }
  return { all: Array.from(P), atUnknown, atKnown };
}

describe('lesson labs: the text says what the lab shows', () => {
  it('06 step 5 (lab f): after 10 iterations UVᵀ is close to R where it is known, and leaves the 1–5 scale at some ?', () => {
    const lab = openLab(labAttrs('factorization-idea', 'f'));
    expect(lab.last().step).toBe(20);
    const { atKnown, atUnknown } = predictions(lab.last(), LECTURE_R);
    for (const { r, p } of atKnown) expect(Math.abs(r - p)).toBeLessThan(0.6);
    expect(atUnknown.some((p) => p < 1 || p > 5)).toBe(true);
    expect(atUnknown.some((p) => p < 0)).toBe(true);
  });

  it('08 step 3 (lab obj): the first iterations cut the data term sharply; at convergence neither term is zero', () => {
    const lab = openLab(labAttrs('objective-and-regularization', 'obj'));
    const start = lab.last().metrics;
    const first = lab.iterate(1).metrics;
    expect(first.data).toBeLessThan(start.data / 2);
    const end = lab.iterate(500).metrics;
    expect(lab.engine.converged()).toBe(true);
    expect(end.data).toBeGreaterThan(0.01);
    expect(end.regularization).toBeGreaterThan(1);
  });

  it('08 step 4 (lab free, λ = 0): predictions at ? pass 100 within 50 iterations while the data term creeps towards 1, never 0; i4 and i5 are singular', () => {
    const attrs = labAttrs('objective-and-regularization', 'free');
    expect(attrs.lambda).toBe('0');
    expect(attrs.panels).toContain('settings');
    expect(attrs.settings).toBe('lambda');
    const lab = openLab(attrs);
    const after50 = lab.iterate(50);
    expect(Math.max(...predictions(after50, LECTURE_R).atUnknown.map(Math.abs))).toBeGreaterThan(100);
    expect(after50.metrics.data).toBeLessThan(2.5);
    const singular = new Set(lab.history.flatMap((s) => s.singular).map((r) => `${r.side}${r.index}`));
    expect([...singular].sort()).toEqual(['items3', 'items4']);
    const after2000 = lab.iterate(1950);
    expect(after2000.metrics.data).toBeGreaterThan(1);
    expect(after2000.metrics.data).toBeLessThan(1.1);
    expect(Math.max(...predictions(after2000, LECTURE_R).atUnknown.map(Math.abs))).toBeGreaterThan(1000);
  });

  it('08 step 5 (lab big, λ = 20): one iteration shrinks every entry of UVᵀ towards 0', () => {
    const lab = openLab(labAttrs('objective-and-regularization', 'big'));
    const before = predictions(lab.last(), LECTURE_R).all;
    const after = predictions(lab.iterate(1), LECTURE_R).all;
    expect(Math.max(...after.map(Math.abs))).toBeLessThan(0.05);
    expect(Math.max(...after.map(Math.abs))).toBeLessThan(Math.max(...before.map(Math.abs)) / 10);
    const x = exercises('objective-and-regularization').find((e) => e.attrs.lab === 'big')!;
    expect(x.options.find((o) => o.correct)?.text).toMatch(/Shrink them all towards 0/);
  });

  it('10 step 3 (lab cv): three ratings held out, the model trains on the other 10; holding out both of u4’s makes every u4 prediction 0', () => {
    const lab = openLab(labAttrs('supervised-learning', 'cv'));
    expect(knownCount(lab.data) - lab.data.heldOut.length).toBe(10);
    expect(lab.data.heldOut.length).toBe(3);
    const u4 = openLab({ ...labAttrs('supervised-learning', 'cv'), held: '3,2;3,5' });
    const s = u4.iterate(1);
    const row = predictions(s, LECTURE_R).all.slice(3 * 6, 4 * 6);
    for (const p of row) expect(p).toBeCloseTo(0, 12);
  });

  it('10 step 5 (the sweep): held-out RMSE about 1,000 at λ = 0, best 0.86 at λ = 1; training RMSE lowest at λ = 0.5, where held-out is 2.58', () => {
    const sweep = widgets('supervised-learning').find((w) => w.name === 'sweep')!.attrs;
    const start = presetData(sweep.preset as 'tastes');
    const values = sweep.values!.split(',').map(Number);
    const result = sweepSpec(toProblemSpec(start.data), {
      param: 'lambda',
      values,
      holdout: Number(sweep.holdout),
      seed: 1,
      factors: start.settings.factors!,
      lambda: start.settings.lambda!,
      initScale: 0.5,
      iterations: 40,
    });
    const at = (v: number) => result.points.find((p) => p.value === v)!;
    expect(at(0).testRmse).toBeGreaterThan(700);
    expect(at(0).testRmse).toBeLessThan(1400);
    const best = result.points.reduce((a, b) => (b.testRmse < a.testRmse ? b : a));
    expect(best.value).toBe(1);
    expect(best.testRmse.toFixed(3)).toBe('0.860');
    const trainBest = result.points.reduce((a, b) => (b.trainRmse < a.trainRmse ? b : a));
    expect(trainBest.value).toBe(0.5);
    expect(at(0.5).testRmse.toFixed(2)).toBe('2.58');
    expect(at(0.5).testRmse / best.testRmse).toBeGreaterThan(2.9);
    expect(at(5).testRmse).toBeGreaterThan(best.testRmse);
  });

  it('11 step 8 (lab solve): from the toy U and Vᵀ, user u1’s right side is (41, −5), the system 501.1, −89, 18.1, and û1 ≈ (0.259, 0.995)', () => {
    const attrs = labAttrs('als-closed-form', 'solve');
    expect(attrs.start).toBe('toy');
    const lab = openLab(attrs);
    const trace = lab.engine.trace('users', 0);
    expect(trace.omegaIds).toEqual(['i1', 'i4', 'i6']);
    expect(trace.rhs).toEqual([41, -5]);
    expect(trace.system[0]![0]).toBeCloseTo(501.1, 10);
    expect(trace.system[0]![1]).toBeCloseTo(-89, 10);
    expect(trace.system[1]![1]).toBeCloseTo(18.1, 10);
    expect(trace.solution![0]).toBeCloseTo(0.259, 3);
    expect(trace.solution![1]).toBeCloseTo(0.995, 3);
  });

  it('12 step 2 (lab loop): 2 iterations are 4 half-steps, and the next users’ half-step does not raise the objective', () => {
    const lab = openLab(labAttrs('als-loop', 'loop'));
    expect(lab.last().step).toBe(4);
    const before = lab.last().metrics.total;
    const after = lab.engine.halfStep('users', 1).metrics.total;
    expect(after).toBeLessThanOrEqual(before);
  });

  it('12 step 6 (lab singular, λ = 0, d = 3): u4’s system is singular; with λ = 0.1 it is not', () => {
    const lab = openLab(labAttrs('als-loop', 'singular'));
    expect(lab.engine.trace('users', 3).singular).not.toBeNull();
    expect(lab.engine.trace('users', 0).singular).toBeNull();
    const regularised = openLab(labAttrs('als-loop', 'singular'), { lambda: 0.1 });
    expect(regularised.engine.trace('users', 3).singular).toBeNull();
    // Step 7's exercise: exactly the rows with fewer than d = 3 ratings are singular.
    const s = lab.engine.halfStep('users', 1);
    const v = lab.engine.halfStep('items', 1);
    const singular = new Set([...s.singular, ...v.singular].map((r) => `${r.side === 'users' ? 'u' : 'i'}${r.index + 1}`));
    const x = exercises('als-loop').find((e) => e.attrs.kind === 'multi')!;
    for (const o of x.options) expect(singular.has(o.text.replace(/[$_{}]/g, '')), o.text).toBe(o.correct);
  });

  it('13 step 2 (lab pc): P has a 1 exactly where the lecture’s R has a known rating; C is 0 wherever P is', () => {
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 6; j++) {
        expect(LECTURE_P[i]![j], `P(${i},${j})`).toBe(LECTURE_R[i]![j] === null ? 0 : 1);
        if (LECTURE_P[i]![j] === 0) expect(LECTURE_C[i]![j]).toBe(0);
      }
  });

  it('13 steps 9–10 (lab fits): with the lecture’s C the fit predicts about 0.9 everywhere; with c = 1 + αr the unobserved pairs fall towards 0', () => {
    const lab = openLab(labAttrs('implicit-feedback', 'fits'));
    const c = compareConfidence(LECTURE_P, LECTURE_C, {
      factors: lab.settings.factors,
      lambda: lab.settings.lambda,
      alpha: lab.settings.alpha,
      seed: lab.settings.seed,
      initScale: lab.settings.initScale,
      iterations: 50,
    });
    expect(c.lecture.meanObserved).toBeGreaterThan(0.8);
    expect(c.lecture.meanUnobserved).toBeGreaterThan(0.8);
    expect(c.paper.meanUnobserved).toBeLessThan(0.5);
    expect(c.paper.meanObserved).toBeGreaterThan(c.paper.meanUnobserved + 0.4);
  });

  it('14 step 4 (lab gd): η = 0.01 is within 1% after about 670 steps, η = 0.05 after about 150 and converges, η = 0.1 diverges after about 20 with a safe-rate hint near 0.02', () => {
    const attrs = labAttrs('gradient-descent', 'gd');
    expect(attrs.eta).toBe('0.01');
    const optimum = openLab(labAttrs('objective-and-regularization', 'obj')).iterate(2000).metrics.total;
    const within = (eta: number, max: number) => {
      const lab = openLab(attrs, { learningRate: eta });
      for (let k = 1; k <= max; k++) {
        const s = lab.iterate(1);
        if (s.diverged) return { steps: k, diverged: s.diverged, lab };
        if (s.metrics.total <= optimum * 1.01) return { steps: k, diverged: null, lab };
      }
      return { steps: Infinity, diverged: null, lab };
    };
    const slow = within(0.01, 2000);
    expect(slow.steps).toBeGreaterThan(550);
    expect(slow.steps).toBeLessThan(800);
    const fast = within(0.05, 2000);
    expect(fast.steps).toBeGreaterThan(100);
    expect(fast.steps).toBeLessThan(200);
    fast.lab.iterate(1000);
    expect(fast.lab.engine.converged()).toBe(true);
    const wild = within(0.1, 100);
    expect(wild.diverged).not.toBeNull();
    expect(wild.steps).toBeLessThan(30);
    const hint = Number(/below about ([\d.]+)/.exec(wild.diverged!)?.[1]);
    expect(hint).toBeGreaterThan(0.01);
    expect(hint).toBeLessThan(0.05);
    // ALS from the same start: within 1% after about 50 iterations.
    const als = openLab(labAttrs('objective-and-regularization', 'obj'));
    let k = 0;
    while (als.iterate(1).metrics.total > optimum * 1.01) k++;
    expect(k + 1).toBeGreaterThan(40);
    expect(k + 1).toBeLessThan(60);
  });
});

/** The answer each number exercise gives, computed from the core (or the lecture's data). */
const COMPUTED: Record<string, () => number> = {
  // 02: entries of the lecture's R that a threshold of 4 turns into 1.
  'explicit-and-implicit-feedback': () => LECTURE_R.flat().filter((r) => r !== null && r >= 4).length,
  // 03: the additive model's difference between two items is the same for every user.
  'attributes-and-personalization': () => 4.0 - (3.1 - 2.0),
  // 05: |Ω| of the lecture's R.
  'rating-matrix': () => knownCount(lectureR()),
  // 06: (m + n) · d numbers in U and V.
  'factorization-idea': () => (LECTURE_R.length + LECTURE_R[0]!.length) * 2,
  // 07: r̂₃,₄ = u₃ᵀv₄ with the lecture's toy factors.
  'toy-example': () => reconstruct(factorsFromArrays(LECTURE_U, LECTURE_VT[0]!.map((_, j) => LECTURE_VT.map((row) => row[j]!))))[2 * 6 + 3]!,
  // 11: the first entry of V_Ω¹ᵀ r_Ω¹ with the toy V.
  'als-closed-form': () => {
    const lab = openLab({ preset: 'lecture-r', start: 'toy' });
    return lab.engine.trace('users', 0).rhs[0]!;
  },
  // 14: u after one gradient step from u = v = 1 on a single rating 3, λ = 0, η = 0.1.
  'gradient-descent': () => {
    const problem = explicitProblem(ratingsFromTriples(1, 1, [{ user: 0, item: 0, value: 3 }]));
    const F = factorsFromArrays([[1]], [[1]]);
    gradientStep(problem, F, 0, 0.1, 'both');
    return F.U[0]!;
  },
};

describe('number exercises: the answer is the core’s', () => {
  it('for every number exercise of the course', () => {
    const numbers = LESSONS.flatMap((l) => exercises(l.slug).map((x) => ({ slug: l.slug, x }))).filter(({ x }) => x.attrs.kind === 'number');
    expect(numbers.length).toBeGreaterThanOrEqual(9);
    for (const { slug, x } of numbers) {
      const answer = Number(x.attrs.answer);
      if (slug === 'sparsity') {
        // 09: densities in percent — Netflix's, and ML-100k's (the lab's ml100k preset has its shape and count).
        const netflix = (NETFLIX.ratings / (NETFLIX.users * NETFLIX.movies)) * 100;
        const ml = ml100kShaped();
        const ml100k = (knownCount(ml) / (ml.userIds.length * ml.itemIds.length)) * 100;
        expect([netflix, ml100k].some((v) => checkNumber(x.attrs, String(v)) === 'right'), `sparsity ${answer}`).toBe(true);
        continue;
      }
      const compute = COMPUTED[slug];
      expect(compute, `no computation for ${slug}'s answer ${answer}`).toBeDefined();
      expect(checkNumber(x.attrs, String(compute!())), `${slug}: ${answer}`).toBe('right');
    }
  });
});
