/**
 * The worker's engine with each model variant: the half-steps of the running variant never
 * raise its objective, the biases variant's snapshot carries μ, b and c so that what the
 * views draw is the model's prediction, a change of variant mid-run acts at once (like a new
 * λ), and a link with the variant's settings and run reproduces the run bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { reconstruct, rmse, type Factors } from '../../../src/core';
import { toProblemSpec } from '../../../src/state/labData';
import { decodeLab, encodeLab } from '../../../src/state/urlCodec';
import { toggleHeldOut } from '../../../src/state/edits';
import { DEFAULT_SETTINGS, lecturePC, tastes } from '../../../src/state/presets';
import { LabEngine } from '../../../src/worker/engine';
import { effectiveAls } from '../../../src/worker/modelOptions';
import type { ModelSettings, Snapshot } from '../../../src/worker/protocol';
import { ratingsFromCsr } from '../../../src/state/sparse';

const explicitSpec = () => toProblemSpec(tastes());
const settingsOf = (patch: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_SETTINGS, factors: 3, ...patch });

function run(spec: ReturnType<typeof toProblemSpec>, settings: ModelSettings, halfSteps: number): Snapshot[] {
  const engine = new LabEngine();
  const out = [engine.load(spec, settings, 1, false)];
  for (let t = 0; t < halfSteps; t++) out.push(engine.next(1));
  return out;
}

describe('a half-step never raises the running variant’s objective', () => {
  const cases: [string, ReturnType<typeof toProblemSpec>, Partial<ModelSettings>][] = [
    ['lecture', explicitSpec(), { variant: 'lecture', lambda: 0.5 }],
    ['ALS-WR', explicitSpec(), { variant: 'wr', lambda: 0.1 }],
    ['biases', explicitSpec(), { variant: 'biases', lambda: 1 }],
    ['implicit lecture', toProblemSpec(lecturePC()), { variant: 'lecture', lambda: 0.1 }],
    ['implicit ALS-WR', toProblemSpec(lecturePC()), { variant: 'wr', lambda: 0.1 }],
    ['implicit CG, 2 steps', toProblemSpec(lecturePC()), { variant: 'lecture', lambda: 0.1, rowSolver: 'cg', cgSteps: 2 }],
  ];
  for (const [name, spec, patch] of cases) {
    it(name, () => {
      const snaps = run(spec, settingsOf(patch), 12);
      for (let t = 1; t < snaps.length; t++) {
        const [a, b] = [snaps[t - 1]!.metrics.total, snaps[t]!.metrics.total];
        expect(b).toBeLessThanOrEqual(a * (1 + 1e-12) + 1e-12);
      }
    });
  }
});

describe('the biases variant', () => {
  it('keeps μ, b and c in every snapshot, and the prediction shown is μ + bᵢ + cⱼ + uᵢᵀvⱼ', () => {
    const spec = explicitSpec();
    const snaps = run(spec, settingsOf({ variant: 'biases', lambda: 1 }), 4);
    const last = snaps.at(-1)!;
    const b = last.biases!;
    expect(b.user).toHaveLength(last.m);
    expect(b.item).toHaveLength(last.n);
    // μ is the mean training rating.
    const train = spec.train.val;
    expect(b.mu).toBeCloseTo(train.reduce((s, x) => s + x, 0) / train.length, 12);
    const F: Factors = { m: last.m, n: last.n, d: last.d, U: last.U!, V: last.V!, biases: b };
    const R = reconstruct(F);
    for (const [i, j] of [
      [0, 0],
      [2, 5],
      [last.m - 1, last.n - 1],
    ] as const) {
      let uv = 0;
      for (let a = 0; a < last.d; a++) uv += last.U![i * last.d + a]! * last.V![j * last.d + a]!;
      expect(R[i * last.n + j]).toBeCloseTo(b.mu + b.user[i]! + b.item[j]! + uv, 12);
    }
    // The train RMSE the views print is the error of exactly that prediction.
    const ratings = ratingsFromCsr(spec.m, spec.n, spec.train.ptr, spec.train.col, spec.train.val, spec.userIds, spec.itemIds);
    expect(last.metrics.trainRmse).toBeCloseTo(rmse(ratings, F), 12);
  });

  it('switched on mid-run acts at once (biases from zero around μ), switched off drops them', () => {
    const engine = new LabEngine();
    engine.load(explicitSpec(), settingsOf({ lambda: 1 }), 1, false);
    engine.fullStep(1);
    const on = engine.updateSettings(settingsOf({ lambda: 1, variant: 'biases' }), 1);
    expect(on.biases!.user.every((x) => x === 0)).toBe(true);
    expect(on.note).toMatch(/Biases switched on: μ = /);
    expect(on.metrics.regularization).toBeGreaterThan(0);
    const stepped = engine.fullStep(1).at(-1)!;
    expect(stepped.biases!.user.some((x) => x !== 0)).toBe(true);
    const off = engine.updateSettings(settingsOf({ lambda: 1, variant: 'lecture' }), 1);
    expect(off.biases).toBeNull();
    expect(off.note).toMatch(/Biases switched off/);
  });

  it('is refused in implicit mode: the run uses the lecture’s objective instead', () => {
    const settings = settingsOf({ variant: 'biases', lambda: 0.1 });
    expect(effectiveAls(settings, 'implicit').variant).toBe('lecture');
    const snaps = run(toProblemSpec(lecturePC()), settings, 2);
    expect(snaps.at(-1)!.biases).toBeNull();
  });

  it('a scrubbed-back step restores its own biases', () => {
    const engine = new LabEngine();
    const settings = settingsOf({ variant: 'biases', lambda: 1 });
    engine.load(explicitSpec(), settings, 1, false);
    const early = engine.fullStep(1).at(-1)!;
    engine.fullStep(1);
    const back = engine.restore(early.U!, early.V!, early.step, 1, early.biases!);
    expect(back.biases!.user).toEqual(early.biases!.user);
    expect(back.metrics.total).toBe(early.metrics.total);
  });
});

describe('a link with the variant’s settings reproduces the run', () => {
  for (const patch of [
    { variant: 'wr', lambda: 0.1 },
    { variant: 'biases', lambda: 2 },
  ] as Partial<ModelSettings>[]) {
    it(`${patch.variant}: encode, decode, replay — the same numbers`, () => {
      let data = tastes();
      data = (toggleHeldOut(data, 0, data.ratings.userCol[0]!) as { data: typeof data }).data;
      const spec = toProblemSpec(data);
      const settings = settingsOf(patch);
      const engine = new LabEngine();
      engine.load(spec, settings, 1, false);
      for (let t = 0; t < 5; t++) engine.next(1);
      const end = engine.next(1);
      const text = encodeLab({
        source: { kind: 'data', data },
        settings,
        run: { actions: engine.actions, U: end.U!, V: end.V!, ...(end.biases ? { biases: end.biases } : {}) },
      });
      expect(text).toContain(`variant=${patch.variant}`);
      const decoded = decodeLab(text);
      if (!decoded.ok) throw new Error(decoded.error);
      const { lab } = decoded;
      const again = new LabEngine();
      again.load(toProblemSpec(data), { ...DEFAULT_SETTINGS, ...lab.settings }, 1, false);
      const replayed = again.replay(lab.run.actions, 1).at(-1)!;
      expect(replayed.U).toEqual(end.U);
      expect(replayed.V).toEqual(end.V);
      expect(replayed.biases ?? null).toEqual(end.biases ?? null);
      expect(replayed.metrics).toEqual(end.metrics);
      if (patch.variant === 'biases') {
        expect(lab.run.biases!.mu).toBe(end.biases!.mu);
        const restored = again.restore(lab.run.U!, lab.run.V!, lab.run.actions.length, 1, lab.run.biases!);
        expect(restored.metrics).toEqual(end.metrics);
      }
    });
  }
});

describe('comparing variants', () => {
  it('runs every config from the same start and yields after each iteration', () => {
    const engine = new LabEngine();
    engine.load(explicitSpec(), settingsOf({ lambda: 1 }), 1, false);
    const { steps } = engine.compareVariants(
      [
        { label: 'lecture', als: { variant: 'lecture', lambda: 1 }, factors: 3 },
        { label: 'biases', als: { variant: 'biases', lambda: 1 }, factors: 3 },
      ],
      4,
    );
    let yields = 0;
    let next = steps.next();
    while (!next.done) {
      yields++;
      next = steps.next();
    }
    expect(yields).toBe(8);
    const [a, b] = next.value;
    expect(a!.loss).toHaveLength(5);
    expect(b!.loss.at(-1)).toBeLessThan(b!.loss[0]!);
  });
});

describe('the compareVariants request', () => {
  async function harness() {
    const { createDispatcher } = await import('../../../src/worker/dispatcher');
    const replies: import('../../../src/worker/protocol').Reply[] = [];
    const dispatch = createDispatcher((reply) => replies.push(reply));
    let id = 0;
    const send = (request: import('../../../src/worker/protocol').Request) => {
      dispatch({ id: ++id, generation: 1, request });
      return id;
    };
    const until = async (done: () => boolean) => {
      const start = Date.now();
      while (!done()) {
        if (Date.now() - start > 20_000) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    return { replies, send, until };
  }
  const configs = [
    { label: 'lecture', als: { variant: 'lecture' as const, lambda: 5 }, factors: 3 },
    { label: 'wr', als: { variant: 'wr' as const, lambda: 0.1 }, factors: 3 },
    { label: 'biases', als: { variant: 'biases' as const, lambda: 10 }, factors: 3 },
  ];

  it('answers with one curve per config, on the lab’s held-out cells', async () => {
    const h = await harness();
    let data = tastes();
    data = (toggleHeldOut(data, 1, data.ratings.userCol[data.ratings.userPtr[1]!]!) as { data: typeof data }).data;
    h.send({ type: 'load', spec: toProblemSpec(data), settings: settingsOf({}), keepFactors: false });
    const id = h.send({ type: 'compareVariants', configs, iterations: 5 });
    await h.until(() => h.replies.some((r) => r.id === id && r.type !== 'progress'));
    const reply = h.replies.find((r) => r.id === id && r.type === 'variantCurves')!;
    if (reply.type !== 'variantCurves') throw new Error('expected curves');
    expect(reply.heldOut).toBe(1);
    expect(reply.curves.map((c) => c.label)).toEqual(['lecture', 'wr', 'biases']);
    for (const c of reply.curves) {
      expect(c.heldOut).toHaveLength(6);
      expect(c.heldOut.every(Number.isFinite)).toBe(true);
    }
  });

  it('a cancelled comparison answers cancelled: true', async () => {
    const h = await harness();
    h.send({ type: 'load', spec: explicitSpec(), settings: settingsOf({}), keepFactors: false });
    const id = h.send({ type: 'compareVariants', configs, iterations: 50 });
    h.send({ type: 'cancel', target: id });
    await h.until(() => h.replies.some((r) => r.id === id && r.type === 'error'));
    expect(h.replies.find((r) => r.id === id && r.type === 'error')).toMatchObject({ cancelled: true });
    expect(h.replies.some((r) => r.type === 'variantCurves')).toBe(false);
  });
});
