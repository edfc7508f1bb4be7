/**
 * Held-out metrics, checked against hand-worked cases and an independent brute-force
 * computation (sort every item, then count).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASELINE_SHRINKAGE,
  baselinePredictors,
  explicitEvaluation,
  explicitProblem,
  factorsFromArrays,
  implicitFromObservations,
  implicitProblem,
  popularityScorer,
  rankingEvaluation,
  rankingMetrics,
  ratingErrors,
  ratingsFromDense,
  type Scorer,
} from '../../../src/core';
import type { Dense } from './helpers';

describe('RMSE and MAE on held-out ratings', () => {
  it('hand-worked: errors 1, −2 and 0 give RMSE √(5/3) and MAE 1', () => {
    const test = ratingsFromDense([
      [4, null],
      [null, 1],
      [3, null],
    ]);
    const errors = ratingErrors(test, (i) => [3, 3, 3][i]!);
    expect(errors.rmse).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(errors.mae).toBeCloseTo(1, 12);
    expect(errors.count).toBe(3);
  });

  it('baselines, hand-worked: global mean, user and item means, and the shrunk biases', () => {
    const train = ratingsFromDense([
      [5, 3, null],
      [4, null, 1],
    ]);
    const b = baselinePredictors(train);
    const mu = 13 / 4;
    expect(b.globalMean(1, 1)).toBeCloseTo(mu, 12);
    expect(b.userMean(0, 2)).toBeCloseTo(4, 12);
    expect(b.userMean(1, 0)).toBeCloseTo(2.5, 12);
    expect(b.itemMean(0, 0)).toBeCloseTo(4.5, 12);
    expect(b.itemMean(0, 1)).toBeCloseTo(3, 12);
    // c₀ = ((5 − μ) + (4 − μ)) / (25 + 2); b₀ = ((5 − μ − c₀) + (3 − μ − c₁)) / (10 + 2)
    const c = [(5 - mu + (4 - mu)) / (BASELINE_SHRINKAGE.item + 2), (3 - mu) / 26, (1 - mu) / 26];
    const b0 = (5 - mu - c[0]! + (3 - mu - c[1]!)) / (BASELINE_SHRINKAGE.user + 2);
    expect(b.biases(0, 2)).toBeCloseTo(mu + b0 + c[2]!, 12);
  });

  it('explicitEvaluation reports the model beside each baseline on the same held-out entries', () => {
    const train = ratingsFromDense([
      [5, 3, null],
      [4, null, 1],
    ]);
    const test = ratingsFromDense([
      [null, null, 2],
      [null, 3, null],
    ]);
    const F = factorsFromArrays([[1], [2]], [[1], [1], [1.5]]);
    const e = explicitEvaluation(train, test, F);
    // Predictions u·v: (0, 2) → 1.5, (1, 1) → 2: errors 0.5 and 1.
    expect(e.model.rmse).toBeCloseTo(Math.sqrt((0.25 + 1) / 2), 12);
    expect(e.model.mae).toBeCloseTo(0.75, 12);
    expect(e.baselines.globalMean.mae).toBeCloseTo((Math.abs(2 - 3.25) + Math.abs(3 - 3.25)) / 2, 12);
    expect(e.baselines.userMean.mae).toBeCloseTo((Math.abs(2 - 4) + Math.abs(3 - 2.5)) / 2, 12);
  });
});

/** A scorer from a fixed table of scores (user × item). */
function tableScorer(table: number[][]): Scorer {
  return (i, out) => out.set(table[i]!);
}

describe('ranking metrics at k', () => {
  // User 0 trained on items 0 and 1, held out 2 and 5; user 1 trained on 3, held out 0; user 2 nothing held out.
  const train = ratingsFromDense([
    [1, 1, null, null, null, null],
    [null, null, null, 1, null, null],
    [null, null, 1, null, null, null],
  ]);
  const test = ratingsFromDense([
    [null, null, 1, null, null, 1],
    [1, null, null, null, null, null],
    [null, null, null, null, null, null],
  ]);
  const problem = implicitProblem(implicitFromObservations(train, 1));
  const scores = [
    [9, 8, 7, 1, 6, 5],
    [1, 2, 3, 4, 5, 6],
    [0, 0, 0, 0, 0, 0],
  ];

  it('hand-worked: user 0 ranks 2, 4, 5 (hits at 1 and 3), user 1 ranks 5, 4, 2 (no hit)', () => {
    const m = rankingMetrics(problem, test, tableScorer(scores), 3);
    expect(m.users).toBe(2);
    // user 0: P = 2/3, R = 1, AP = (1/2)(1/1 + 2/3) = 5/6, NDCG = (1 + 1/2) / (1 + 1/log₂3)
    const ndcg0 = 1.5 / (1 + 1 / Math.log2(3));
    expect(m.precision).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(m.recall).toBeCloseTo((1 + 0) / 2, 12);
    expect(m.map).toBeCloseTo(5 / 6 / 2, 12);
    expect(m.ndcg).toBeCloseTo(ndcg0 / 2, 12);
  });

  it('popularity baseline, hand-worked: items by training count (1 for items 0–3, 0 for 4, 5), ties by index', () => {
    // Training counts: [1, 1, 1, 1, 0, 0]. User 0 (skip 0, 1) ranks 2, 3, 4; user 1 (skip 3) ranks 0, 1, 2.
    const m = rankingMetrics(problem, test, popularityScorer(problem), 3);
    expect(m.precision).toBeCloseTo((1 / 3 + 1 / 3) / 2, 12);
    expect(m.recall).toBeCloseTo((1 / 2 + 1) / 2, 12);
    expect(m.map).toBeCloseTo((1 / 2 + 1) / 2, 12);
    expect(m.ndcg).toBeCloseTo((1 / (1 + 1 / Math.log2(3)) + 1) / 2, 12);
  });

  it('explicit data: a relevance threshold on held-out ratings (rating ≥ 4)', () => {
    const R = explicitProblem(ratingsFromDense([[5, null, null]]));
    const heldOut = ratingsFromDense([[null, 2, 4]]);
    const m = rankingMetrics(R, heldOut, tableScorer([[0, 9, 1]]), 1, { relevant: (v) => v >= 4 });
    expect(m.precision).toBe(0);
    expect(m.recall).toBe(0);
    const m2 = rankingMetrics(R, heldOut, tableScorer([[0, 9, 1]]), 2, { relevant: (v) => v >= 4 });
    expect(m2.recall).toBe(1);
    expect(m2.map).toBeCloseTo(1 / 2, 12);
  });

  it('agrees with a brute-force computation (full sort) on random data', () => {
    const cell = fc.integer({ min: 0, max: 9 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 5 }),
        fc.infiniteStream(cell),
        (m, n, k, stream) => {
          const it = stream[Symbol.iterator]();
          const next = () => it.next().value as number;
          // 0–3: training interaction, 4–5: held out, else nothing.
          const kinds = Array.from({ length: m }, () => Array.from({ length: n }, () => next()));
          const scoreTable = Array.from({ length: m }, () => Array.from({ length: n }, () => next() - 4));
          const trainD: Dense = kinds.map((row) => row.map((x) => (x <= 3 ? 1 : null)));
          const testD: Dense = kinds.map((row) => row.map((x) => (x === 4 || x === 5 ? 1 : null)));
          const p = implicitProblem(implicitFromObservations(ratingsFromDense(trainD), 1));
          const got = rankingMetrics(p, ratingsFromDense(testD), tableScorer(scoreTable), k);
          // Brute force.
          let users = 0;
          let P = 0;
          let Rc = 0;
          let AP = 0;
          let N = 0;
          kinds.forEach((row, i) => {
            const T = row.flatMap((x, j) => (x === 4 || x === 5 ? [j] : []));
            if (T.length === 0) return;
            users++;
            const ranked = row
              .map((x, j) => ({ j, s: scoreTable[i]![j]!, train: x <= 3 }))
              .filter((e) => !e.train)
              .sort((a, b) => b.s - a.s || a.j - b.j)
              .slice(0, k)
              .map((e) => e.j);
            const rel = ranked.map((j) => (T.includes(j) ? 1 : 0));
            const hits = rel.reduce<number>((s, x) => s + x, 0);
            P += hits / k;
            Rc += hits / T.length;
            let ap = 0;
            rel.forEach((r, n) => {
              if (r) ap += rel.slice(0, n + 1).reduce<number>((s, x) => s + x, 0) / (n + 1);
            });
            AP += ap / Math.min(k, T.length);
            const dcg = rel.reduce<number>((s, r, n) => s + r / Math.log2(n + 2), 0);
            let idcg = 0;
            for (let n = 0; n < Math.min(k, T.length); n++) idcg += 1 / Math.log2(n + 2);
            N += dcg / idcg;
          });
          expect(got.users).toBe(users);
          if (users === 0) return;
          expect(got.precision).toBeCloseTo(P / users, 12);
          expect(got.recall).toBeCloseTo(Rc / users, 12);
          expect(got.map).toBeCloseTo(AP / users, 12);
          expect(got.ndcg).toBeCloseTo(N / users, 12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rankingEvaluation: the model’s factors beside popularity', () => {
    const F = factorsFromArrays(
      [[1], [1], [1]],
      scores[0]!.map((s) => [s]),
    );
    const e = rankingEvaluation(problem, test, F, 3);
    expect(e.model.precision).toBeCloseTo(
      rankingMetrics(problem, test, tableScorer([scores[0]!, scores[0]!, scores[0]!]), 3).precision,
      12,
    );
    expect(e.popularity.users).toBe(2);
  });
});
