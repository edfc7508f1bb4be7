/**
 * The worker's evaluation, search and split requests: the numbers are the core's own on the
 * same factors and split, a search reports every finished cell and stops when cancelled, and
 * a split computed in the worker holds out the positions the core's split does.
 */
import { describe, expect, it } from 'vitest';
import {
  explicitEvaluation,
  heldOutPositions,
  initFactors,
  alsStep,
  explicitProblem,
  implicitProblem,
  implicitFromObservations,
  rankingEvaluation,
  resolveAls,
  splitPerUser,
  syntheticRatings,
  type Ratings,
} from '../../../src/core';
import { createDispatcher } from '../../../src/worker/dispatcher';
import type { Envelope, ModelSettings, Reply } from '../../../src/worker/protocol';
import { labDataFromDataset, toProblemSpec } from '../../../src/state/labData';
import { DEFAULT_SETTINGS } from '../../../src/state/presets';
import { ratingsOfRows } from '../../../src/worker/problemOf';

function harness() {
  const replies: Reply[] = [];
  const dispatch = createDispatcher((reply) => replies.push(reply));
  let id = 0;
  const send = (request: Envelope['request']) => {
    dispatch({ id: ++id, generation: 1, request });
    return id;
  };
  const until = async (done: () => boolean, ms = 30_000) => {
    const start = Date.now();
    while (!done()) {
      if (Date.now() - start > ms) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { replies, send, until };
}

/** A small rating matrix (60 users × 40 items) with 20 % of each user's ratings held out. */
function smallLab(mode: 'explicit' | 'implicit') {
  const R = syntheticRatings({ users: 60, items: 40, ratings: 900, seed: 3, rank: 3 });
  const ratings: Ratings = mode === 'implicit' ? { ...R, userVal: R.userVal.map((v) => (v >= 4 ? 1 : 0)) } : R;
  const data = labDataFromDataset({
    name: 'small',
    kind: mode,
    ratings,
    scale: { min: mode === 'implicit' ? 0 : 1, max: mode === 'implicit' ? 1 : 5, step: 1 },
    itemTitles: null,
    itemGenres: null,
    timestamps: null,
    test: null,
    source: { kind: 'generated', description: 'test' },
  });
  return { ...data, heldOut: heldOutPositions(ratings, { kind: 'random', share: 0.2, seed: 4 }) };
}

describe('evaluate', () => {
  const settings: ModelSettings = { ...DEFAULT_SETTINGS, factors: 3, lambda: 0.5, alpha: 5 };

  it('explicit: the model’s RMSE and MAE and the four baselines are the core’s, on the same factors', async () => {
    const data = smallLab('explicit');
    const spec = toProblemSpec(data);
    const h = harness();
    h.send({ type: 'load', spec, settings, keepFactors: false });
    h.send({ type: 'step' });
    h.send({ type: 'step' });
    const id = h.send({ type: 'evaluate', k: 10 });
    await h.until(() => h.replies.some((r) => r.id === id));
    const reply = h.replies.find((r) => r.id === id)!;
    if (reply.type !== 'evaluation') throw new Error(`expected an evaluation, got ${reply.type}`);

    // The same run in the core: same seed, two full iterations.
    const train = ratingsOfRows(spec, spec.train);
    const test = ratingsOfRows(spec, spec.test!);
    const F = initFactors(train.m, train.n, 3, { seed: settings.seed, scale: settings.initScale });
    const problem = explicitProblem(train);
    for (let t = 0; t < 2; t++) alsStep(problem, F, resolveAls({ variant: 'lecture', lambda: 0.5 }));
    const expected = explicitEvaluation(train, test, F);
    const got = reply.evaluation;
    expect(got.step).toBe(4);
    expect(got.heldOut).toBe(data.heldOut.length);
    expect(got.ranking).toBeNull();
    expect(got.explicit!.model.rmse).toBeCloseTo(expected.model.rmse, 10);
    expect(got.explicit!.model.mae).toBeCloseTo(expected.model.mae, 10);
    for (const name of ['globalMean', 'userMean', 'itemMean', 'biases'] as const)
      expect(got.explicit!.baselines[name].rmse).toBeCloseTo(expected.baselines[name].rmse, 12);
  });

  it('implicit: precision, recall, MAP and NDCG at k beside popularity are the core’s; 0/1 data is flagged', async () => {
    const data = smallLab('implicit');
    const spec = toProblemSpec(data);
    const h = harness();
    h.send({ type: 'load', spec, settings, keepFactors: false });
    h.send({ type: 'step' });
    const id = h.send({ type: 'evaluate', k: 5 });
    await h.until(() => h.replies.some((r) => r.id === id));
    const reply = h.replies.find((r) => r.id === id)!;
    if (reply.type !== 'evaluation') throw new Error(`expected an evaluation, got ${reply.type}`);

    const train = ratingsOfRows(spec, spec.train);
    const test = ratingsOfRows(spec, spec.test!);
    const problem = implicitProblem(implicitFromObservations(train, 5));
    const F = initFactors(train.m, train.n, 3, { seed: settings.seed, scale: settings.initScale });
    alsStep(problem, F, resolveAls({ variant: 'lecture', lambda: 0.5 }));
    const expected = rankingEvaluation(problem, test, F, 5);
    expect(reply.evaluation.explicit).toBeNull();
    expect(reply.evaluation.binary).toBe(true);
    expect(reply.evaluation.ranking!.model.k).toBe(5);
    for (const key of ['precision', 'recall', 'map', 'ndcg'] as const) {
      expect(reply.evaluation.ranking!.model[key]).toBeCloseTo(expected.model[key], 12);
      expect(reply.evaluation.ranking!.popularity[key]).toBeCloseTo(expected.popularity[key], 12);
    }
  });

  it('with nothing held out it says so (no numbers), and before any data it is an error', async () => {
    const h = harness();
    const early = h.send({ type: 'evaluate', k: 10 });
    await h.until(() => h.replies.some((r) => r.id === early));
    expect(h.replies.find((r) => r.id === early)!.type).toBe('error');
    const data = { ...smallLab('explicit'), heldOut: new Int32Array(0) };
    h.send({ type: 'load', spec: toProblemSpec(data), settings, keepFactors: false });
    const id = h.send({ type: 'evaluate', k: 10 });
    await h.until(() => h.replies.some((r) => r.id === id));
    const reply = h.replies.find((r) => r.id === id)!;
    expect(reply).toMatchObject({ type: 'evaluation', evaluation: { heldOut: 0, explicit: null, ranking: null } });
  });
});

describe('search', () => {
  const options = {
    mode: 'explicit' as const,
    variant: 'lecture' as const,
    factors: [2, 4],
    lambdas: [0.1, 1],
    validation: { kind: 'holdout' as const, fraction: 0.2 },
    seed: 1,
    initScale: 0.1,
    iterations: 3,
  };

  it('reports progress and every finished cell, then the grid with its best cell', async () => {
    const spec = toProblemSpec(smallLab('explicit'));
    const h = harness();
    const id = h.send({ type: 'search', spec, options });
    await h.until(() => h.replies.some((r) => r.id === id && r.type !== 'searchProgress'));
    const progress = h.replies.flatMap((r) => (r.type === 'searchProgress' ? [r.progress] : []));
    const done = h.replies.find((r) => r.id === id && r.type === 'search');
    if (done?.type !== 'search') throw new Error('expected a search result');
    expect(progress.filter((p) => p.cell).map((p) => [p.cell!.factors, p.cell!.lambda])).toEqual([
      [2, 0.1],
      [2, 1],
      [4, 0.1],
      [4, 1],
    ]);
    expect(progress.every((p) => p.total === 4 && p.done <= 4)).toBe(true);
    expect(done.result.cancelled).toBe(false);
    expect(done.result.cells).toHaveLength(4);
    const best = Math.min(...done.result.cells.map((c) => c.value));
    expect(done.result.best!.value).toBe(best);
  });

  it('a cancelled search ends early with the cells finished so far', async () => {
    const spec = toProblemSpec(smallLab('explicit'));
    const h = harness();
    const id = h.send({ type: 'search', spec, options: { ...options, factors: [2, 4, 6, 8], iterations: 200 } });
    await h.until(() => h.replies.some((r) => r.id === id && r.type === 'searchProgress'));
    const cancel = h.send({ type: 'cancel', target: id });
    await h.until(() => h.replies.some((r) => r.id === id && r.type === 'search'));
    const done = h.replies.find((r) => r.id === id && r.type === 'search');
    if (done?.type !== 'search') throw new Error('expected a search result');
    expect(done.result.cancelled).toBe(true);
    expect(done.result.cells.length).toBeLessThan(8);
    expect(h.replies.find((r) => r.id === cancel)!.type).toBe('ack');
  });
});

describe('hold out in the worker', () => {
  it('holds out the positions of the core’s per-user split', async () => {
    const R = syntheticRatings({ users: 50, items: 30, ratings: 600, seed: 5, rank: 3 });
    const h = harness();
    const spec = { kind: 'random' as const, share: 0.25, seed: 9 };
    const id = h.send({ type: 'holdOut', rows: { m: R.m, nnz: R.nnz, userPtr: R.userPtr }, timestamps: null, spec });
    await h.until(() => h.replies.some((r) => r.id === id));
    const reply = h.replies.find((r) => r.id === id)!;
    if (reply.type !== 'heldOut') throw new Error('expected held-out positions');
    const split = splitPerUser(R, 0.25, 9);
    expect(reply.positions.length).toBe(split.test.nnz);
    // Each held-out position names a (user, item) pair of the core's test part.
    let t = 0;
    for (let i = 0; i < R.m; i++)
      for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++)
        if (reply.positions.includes(p)) {
          expect(split.test.userCol[t]).toBe(R.userCol[p]);
          t++;
        }
  });
});
