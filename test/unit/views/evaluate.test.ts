/**
 * The Evaluate tab's and the Export menu's pure helpers as worked examples: a verdict for each
 * outcome, the α note for 0/1 data, the search form read into options (and refused with the
 * value named), the exported files and the scripts' spec, and a held-out split applied to a
 * lab as one undoable change that restarts the run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { exportCode, importRatings, syntheticRatings } from '../../../src/core';
import { applyHoldOut, splitsInWorker } from '../../../src/state/holdOutSplit';
import { labDataFromDataset, labDataFromDense } from '../../../src/state/labData';
import { createLabStore, type LabState } from '../../../src/state/labStore';
import { DEFAULT_SETTINGS } from '../../../src/state/presets';
import { inlinePort, LabClient } from '../../../src/worker/client';
import type { LabEvaluation } from '../../../src/worker/protocol';
import { alphaNote, metricGroups, verdict } from '../../../src/views/Evaluate/evaluationModel';
import { defaultSearchForm, parseValues, searchOptionsOf, settingsOfCell } from '../../../src/views/Evaluate/searchModel';
import { exportSpecOf, exportSummary, factorsJson, ratingsFiles, runIterations } from '../../../src/views/Export/exportFiles';

const errors = (rmse: number) => ({ rmse, mae: rmse * 0.8, count: 100 });

function explicitEval(model: number, best: number): LabEvaluation {
  return {
    step: 6,
    heldOut: 100,
    binary: false,
    ranking: null,
    explicit: {
      model: errors(model),
      baselines: { globalMean: errors(1.2), userMean: errors(1.1), itemMean: errors(1.05), biases: errors(best) },
    },
  };
}

function implicitEval(model: number, popular: number, binary: boolean): LabEvaluation {
  const metrics = (p: number) => ({ k: 10, precision: p, recall: p * 2, map: p / 2, ndcg: p * 1.5, users: 40 });
  return { step: 4, heldOut: 90, binary, explicit: null, ranking: { model: metrics(model), popularity: metrics(popular) } };
}

describe('the verdict', () => {
  it('explicit: the factors against the strongest baseline, by how much', () => {
    const v = verdict(explicitEval(0.9, 1.0), { step: 6, alpha: 0 })!;
    expect(v.wins).toBe(true);
    expect(v.text).toContain('μ + user bias + item bias, RMSE 1.000');
    expect(v.text).toContain('by 0.100 RMSE, 10.0 % lower');
  });

  it('explicit: "not yet", with what to try (at step 0: take steps)', () => {
    expect(verdict(explicitEval(1.3, 1.0), { step: 6, alpha: 0 })!.text).toMatch(/^Not yet: μ \+ user bias.*larger λ/);
    expect(verdict({ ...explicitEval(1.3, 1.0), step: 0 }, { step: 0, alpha: 0 })!.text).toContain('take a few steps');
  });

  it('implicit: beats recommending what is popular by a precision@k difference', () => {
    const v = verdict(implicitEval(0.15, 0.05, true), { step: 4, alpha: 5 })!;
    expect(v.text).toBe(
      'The factors beat recommending what is popular by 0.100 precision@10: 0.150 against 0.050 (3.0× as many hits).',
    );
  });

  it('implicit on 0/1 data with α = 40: the verdict and the note say α between 1 and 10', () => {
    const e = implicitEval(0.03, 0.05, true);
    expect(verdict(e, { step: 4, alpha: 40 })!.text).toContain('try α between 1 and 10 (it is 40)');
    expect(alphaNote(e, 40)).toContain('α between 1 and 10 usually ranks better than 40');
    expect(alphaNote(implicitEval(0.03, 0.05, false), 40)).toBeNull();
  });

  it('the table groups: RMSE and MAE of five predictors, or four ranking metrics beside popularity', () => {
    expect(metricGroups(explicitEval(0.9, 1)).map((g) => [g.metric, g.rows.length])).toEqual([
      ['RMSE', 5],
      ['MAE', 5],
    ]);
    expect(metricGroups(implicitEval(0.1, 0.05, true)).map((g) => g.metric)).toEqual([
      'precision@10',
      'recall@10',
      'MAP@10',
      'NDCG@10',
    ]);
  });
});

describe('the search form', () => {
  it('defaults around the lab’s d, with λ values that suit the variant', () => {
    expect(defaultSearchForm({ factors: 10, variant: 'lecture' })).toMatchObject({
      factors: '5, 10, 20',
      lambdas: '0.1, 1, 5, 10',
    });
    expect(defaultSearchForm({ factors: 2, variant: 'wr' })).toMatchObject({
      factors: '1, 2, 4',
      lambdas: '0.01, 0.05, 0.1, 0.5',
    });
  });

  it('reads lists typed with commas or spaces, sorted and without repeats; names a wrong value', () => {
    expect(parseValues('10 5, 5;1', 'd', Number.isInteger, 'whole')).toEqual({ values: [1, 5, 10] });
    expect(parseValues('2, x', 'λ', () => true, 'a number')).toEqual({ error: 'λ = x is not allowed: λ must be a number.' });
  });

  it('builds the core’s options from the form and the lab’s settings; refuses grids too large', () => {
    const settings = { ...DEFAULT_SETTINGS, variant: 'wr' as const, seed: 3 };
    const form = { ...defaultSearchForm(settings), factors: '2, 4', lambdas: '0.1 1', validation: 'kfold' as const, folds: '3' };
    const built = searchOptionsOf(form, settings, 'implicit', true, 10);
    expect(built).toMatchObject({
      options: { mode: 'implicit', variant: 'wr', factors: [2, 4], lambdas: [0.1, 1], alphas: [1, 10, 40], seed: 3 },
    });
    expect(searchOptionsOf({ ...form, factors: '1 2 3 4 5 6 7 8', lambdas: '1 2 3' }, settings, 'implicit', true, 10)).toEqual({
      error: 'That grid is 216 fits; at most 120, please (fewer values, or fewer folds).',
    });
    expect(settingsOfCell({ factors: 4, lambda: 1, alpha: 10, value: 0.2, folds: [0.2], train: 0.1 })).toEqual({
      factors: 4,
      lambda: 1,
      alpha: 10,
    });
  });
});

describe('export', () => {
  const data = {
    ...labDataFromDense({
      mode: 'explicit',
      userIds: ['ann', 'bo b'],
      itemIds: ['Heat', 'Big, the film'],
      cells: [
        [5, 3],
        [null, 4],
      ],
      scale: { min: 1, max: 5 },
    }),
  };
  const held = { ...data, heldOut: Int32Array.from([1]) };

  it('writes R as a tab-separated rating file the importer reads back, and the held-out part apart', () => {
    const files = ratingsFiles(held);
    expect(files.train).toBe('ann\tHeat\t5\nbo b\t"Big, the film"\t4\n');
    expect(files.heldOut).toBe('ann\t"Big, the film"\t3\n');
    const back = importRatings(new TextEncoder().encode(files.train), { fileName: 'r.tsv' }).dataset.ratings;
    expect([back.nnz, ...back.userIds]).toEqual([2, 'ann', 'bo b']);
    expect(ratingsFiles(data).heldOut).toBeNull();
  });

  it('U and V as the command line’s JSON, by id', () => {
    const F = { m: 2, n: 2, d: 1, U: Float64Array.from([1, 2]), V: Float64Array.from([3, 4]) };
    expect(JSON.parse(factorsJson(F, data))).toEqual({
      factors: 1,
      userIds: ['ann', 'bo b'],
      itemIds: ['Heat', 'Big, the film'],
      U: [[1], [2]],
      V: [[3], [4]],
    });
  });

  it('the scripts name the lab’s hyperparameters and files; the summary says how conventions differ', () => {
    const settings = { ...DEFAULT_SETTINGS, factors: 7, lambda: 0.25, variant: 'wr' as const };
    const spec = exportSpecOf(held, settings, 12, true);
    expect(spec).toMatchObject({
      factors: 7,
      lambda: 0.25,
      iterations: 12,
      testFile: 'mf_lab_heldout.tsv',
      initFile: 'mf_lab_init.json',
    });
    expect(exportCode('spark', spec)).toMatch(/rank=7,\s+regParam=0\.25,\s+maxIter=12/);
    expect(exportSummary('spark', spec)).toMatch(/as the lab’s ALS-WR does/);
    expect(exportSummary('spark', { ...spec, variant: 'lecture' })).toMatch(
      /the lab’s ALS-WR matches, the lecture’s variant will differ/,
    );
    expect(exportSummary('implicit', spec)).toMatch(/implicit feedback only/);
    expect(runIterations(null)).toBe(10);
  });
});

describe('holding out', () => {
  const stores: StoreApi<LabState>[] = [];
  afterEach(() => stores.splice(0).forEach((s) => s.getState().dispose()));

  it('large data is split in the worker (past ~25 ms on the page)', () => {
    expect(splitsInWorker(20_000, 'random')).toBe(false);
    expect(splitsInWorker(100_000, 'random')).toBe(true);
    expect(splitsInWorker(30_000, 'time')).toBe(true);
  });

  it('applies a per-user split as one undoable change, restarts the run, and by time needs timestamps', async () => {
    const R = syntheticRatings({ users: 30, items: 20, ratings: 300, seed: 2 });
    const timestamps = Float64Array.from({ length: R.nnz }, (_, p) => p);
    const data = labDataFromDataset({
      name: 'small',
      kind: 'explicit',
      ratings: R,
      scale: { min: 1, max: 5, step: 1 },
      itemTitles: null,
      itemGenres: null,
      timestamps,
      test: null,
      source: { kind: 'generated', description: 'test' },
    });
    const store = createLabStore({ data, client: new LabClient(inlinePort) });
    stores.push(store);
    await vi.waitFor(() => expect(store.getState().timeline.length).toBeGreaterThan(0));
    store.getState().step();
    const text = await applyHoldOut(store, { kind: 'random', share: 0.2, seed: 1 });
    const s = store.getState();
    expect(text).toMatch(/^Held out \d+ of 300 ratings \(20 % of each user’s at random, seed 1/);
    expect(s.data.heldOut.length).toBeGreaterThan(40);
    expect(s.past).toHaveLength(1);
    await vi.waitFor(() => expect(store.getState().timeline.at(-1)?.metrics.testRmse).toBeTypeOf('number'));
    expect(store.getState().timeline.at(-1)!.step).toBe(0);
    expect(store.getState().status?.text).toMatch(/^Held out/);
    // The timestamps still belong to the same ratings: each user's latest 2 by time.
    await applyHoldOut(store, { kind: 'time', latest: 2 });
    const last = store.getState().data;
    for (let i = 0; i < R.m; i++) {
      const n = R.userPtr[i + 1]! - R.userPtr[i]!;
      const held = [...last.heldOut].filter((p) => p >= R.userPtr[i]! && p < R.userPtr[i + 1]!);
      expect(held).toEqual(Array.from({ length: Math.min(2, n - 1) }, (_, q) => R.userPtr[i + 1]! - Math.min(2, n - 1) + q));
    }
    store.getState().undo();
    expect(store.getState().data.heldOut.length).toBe(s.data.heldOut.length);
  });
});
