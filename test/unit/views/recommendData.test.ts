/**
 * The Recommend tab's helpers. One user's row stands in for the whole problem: the user's
 * closed form, its explanation and the top-N read only Ωᵢ and V, so the numbers must be the
 * same as the whole problem's — which is what makes the tab cheap on 6,040 × 3,706.
 */
import { describe, expect, it } from 'vitest';
import {
  alsHalfStep,
  alsStep,
  explainByRatings,
  explainByFactors,
  explicitProblem,
  foldInUser,
  initFactors,
  similarItems,
  recommend,
  recommendFor,
  type Factors,
} from '../../../src/core';
import { cellAt, labDataFromDense, positionsOf, toProblemSpec, type LabData } from '../../../src/state/labData';
import { DEFAULT_SETTINGS, lecturePC, lectureR } from '../../../src/state/presets';
import { problemOf } from '../../../src/worker/problemOf';
import {
  explainOptions,
  matchItems,
  newUserFactors,
  newUserProblem,
  ratedItems,
  sharedProblem,
  shortenParts,
  signed,
  userModel,
  withNewUser,
} from '../../../src/views/Recommend/recommendData';

function trained(data: LabData, alpha = 2, lambda = 0.1): Factors {
  const { problem } = problemOf(toProblemSpec(data), alpha);
  const F = initFactors(data.ratings.m, data.ratings.n, 2, { seed: 5, scale: 0.5 });
  for (let t = 0; t < 5; t++) alsStep(problem, F, lambda);
  alsHalfStep(problem, F, 'users', { lambda });
  return F;
}

describe('one user’s row stands in for the whole problem', () => {
  it('explicit, with a held-out cell: the same explanation by ratings and the same top-N as the whole problem', () => {
    const base = lectureR();
    const data = { ...base, heldOut: positionsOf(base, [[1, 0]]) };
    const F = trained(data);
    const whole = problemOf(toProblemSpec(data), 2).problem;
    for (let i = 0; i < data.ratings.m; i++) {
      const one = userModel(data, F, i, 2, null);
      expect(one.row).toBe(0);
      for (let j = 0; j < data.ratings.n; j++) {
        const a = explainByRatings(whole, F, i, j, 0.1);
        const b = explainByRatings(one.problem, one.F, one.row, j, 0.1);
        expect(b.closedFormScore).toBeCloseTo(a.closedFormScore, 12);
        expect(b.parts.map((p) => p.item)).toEqual(a.parts.map((p) => p.item));
        expect(b.matchesStored).toBe(true);
      }
      // Held-out ratings are the user's own: they are not recommended.
      const rated = ratedItems(data, i);
      const u = one.F.U.subarray(0, 2);
      const top = recommendFor(one.F, u, 0, data.itemIds, rated, 10);
      const expected = recommend(whole, F, i, 10).filter((r) => !rated.includes(r.item));
      expect(top.map((r) => r.item)).toEqual(expected.map((r) => r.item));
    }
  });

  it('implicit with c = 1 + α·r: the same closed-form parts as the whole problem', () => {
    const data = labDataFromDense({
      mode: 'implicit',
      userIds: ['a', 'b', 'c'],
      itemIds: ['x', 'y', 'z', 'w'],
      cells: [
        [3, null, 1, null],
        [null, 2, 0, 1],
        [1, 1, null, 4],
      ],
      scale: { min: 0, max: 10 },
    });
    const { problem } = problemOf(toProblemSpec(data), 2);
    const F = initFactors(3, 4, 2, { seed: 2, scale: 0.5 });
    for (let t = 0; t < 4; t++) alsStep(problem, F, 0.5);
    alsHalfStep(problem, F, 'users', { lambda: 0.5 });
    const one = userModel(data, F, 1, 2, null);
    for (let j = 0; j < 4; j++) {
      const a = explainByRatings(problem, F, 1, j, 0.5);
      const b = explainByRatings(one.problem, one.F, 0, j, 0.5);
      expect(b.closedFormScore).toBeCloseTo(a.closedFormScore, 12);
      expect(b.matchesStored).toBe(true);
    }
    // r = 0 is no interaction: item z is still recommendable for b.
    expect(ratedItems(data, 1)).toEqual([1, 3]);
  });

  it('the lecture’s C (c0 is global): the whole problem is used, the row is the user’s own', () => {
    const data = lecturePC();
    const shared = sharedProblem(data, 40);
    expect(shared).not.toBeNull();
    const F = initFactors(4, 6, 2, { seed: 1, scale: 0.5 });
    expect(userModel(data, F, 2, 40, shared)).toEqual({ problem: shared, F, row: 2 });
    expect(sharedProblem(lectureR(), 40)).toBeNull();
  });
});

describe('a new user added as a row of R', () => {
  it('appends the row with its ratings, held-out cells unchanged', () => {
    const base = lectureR();
    const data = { ...base, heldOut: positionsOf(base, [[3, 5]]) };
    const result = withNewUser(data, 'me', [
      { item: 4, value: 5 },
      { item: 1, value: 2 },
    ]);
    if (!result.ok) throw new Error(result.error);
    const next = result.data;
    expect(next.userIds).toEqual([...data.userIds, 'me']);
    expect(next.ratings.m).toBe(5);
    expect([0, 1, 2, 3, 4, 5].map((j) => cellAt(next, 4, j))).toEqual([null, 2, null, null, 5, null]);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 6; j++) expect(cellAt(next, i, j)).toBe(cellAt(data, i, j));
    expect(Array.from(next.heldOut)).toEqual(Array.from(data.heldOut));
    // The CSC agrees with the CSR: item 4's last rater is the new row.
    const R = next.ratings;
    expect(R.itemRow[R.itemPtr[5]! - 1]).toBe(4);
    expect(R.itemVal[R.itemPtr[5]! - 1]).toBe(5);
  });

  it('refuses a rating off the scale, a name already taken and an item rated twice', () => {
    const data = lectureR();
    expect(withNewUser(data, 'me', [{ item: 0, value: 7 }])).toEqual({
      ok: false,
      error: expect.stringMatching(/outside the rating scale/),
    });
    expect(withNewUser(data, 'u1', [])).toEqual({ ok: false, error: expect.stringMatching(/already the name/) });
    expect(
      withNewUser(data, 'me', [
        { item: 2, value: 1 },
        { item: 2, value: 3 },
      ]),
    ).toEqual({ ok: false, error: expect.stringMatching(/twice/) });
  });

  it('with the lecture’s C the grid’s own edits keep every pair’s confidence', () => {
    const data = lecturePC();
    const result = withNewUser(data, 'me', [{ item: 0, value: 1 }]);
    if (!result.ok) throw new Error(result.error);
    expect(result.data.ratings.m).toBe(5);
    expect(cellAt(result.data, 4, 0)).toBe(1);
    expect(result.data.confidence!.entries.m).toBe(5);
  });
});

describe('small helpers', () => {
  it('shortenParts keeps the largest |value| and sums the rest exactly', () => {
    const parts = [0.5, -3, 1, 0.25, -2];
    const { shown, rest } = shortenParts(parts, (v) => v, 3);
    expect(shown).toEqual([-3, -2, 1]);
    expect(rest).toEqual({ count: 2, sum: 0.75 });
    expect(shortenParts(parts, (v) => v, 5).rest).toBeNull();
  });

  it('signed writes the sign out, with a real minus', () => {
    expect(signed(0.4123)).toBe('+0.412');
    expect(signed(-0.05)).toBe('−0.050');
    expect(signed(-0.0001)).toBe('0.000');
  });

  it('matchItems finds titles by every word, those starting with the query first', () => {
    const labels = ['Toy Story (1995)', 'Heat (1995)', 'The Story of Us', 'Story Time'].map((t) => t.toLowerCase());
    expect(matchItems(labels, 'story', 10)).toEqual([3, 0, 2]);
    expect(matchItems(labels, '1995 toy', 10)).toEqual([0]);
    expect(matchItems(labels, '', 2)).toEqual([0, 1]);
    expect(matchItems(labels, 'story', 10, new Set([3]))).toEqual([0, 2]);
  });

  it('explainOptions says when the model on screen carries no biases', () => {
    const F = initFactors(2, 2, 1, { seed: 1, scale: 0.1 });
    const settings = { ...DEFAULT_SETTINGS, variant: 'biases' as const };
    expect(explainOptions(settings, F, 'explicit').options.variant).toBe('lecture');
    expect(explainOptions(settings, F, 'explicit').note).toMatch(/no biases/);
    const withBiases = { ...F, biases: { mu: 3, user: new Float64Array(2), item: new Float64Array(2) } };
    expect(explainOptions(settings, withBiases, 'explicit')).toEqual({
      options: expect.objectContaining({ variant: 'biases' }),
      note: null,
    });
    expect(explainOptions({ ...DEFAULT_SETTINGS, variant: 'wr' }, F, 'explicit').options.variant).toBe('wr');
  });

  it('newUserProblem is an empty row of the lab’s kind', () => {
    const p = newUserProblem(lectureR(), 40);
    expect(p).toEqual(explicitProblem(expect.objectContaining({ m: 1, n: 6, nnz: 0 })));
  });
});

describe('cheap on a 6,040 × 3,706 model (ML-1M’s shape)', () => {
  // How fast this is (about 11 ms warm on this machine) is a benchmark's business, not a timed test's: this checks that
  // one user's numbers on ML-1M's shape need only that user's row and a copy of V.
  it('one user’s top-N, both explanations, similar items and a fold-in need only that user’s row and V', () => {
    const m = 6040;
    const n = 3706;
    const d = 10;
    // The chosen user rated 400 items; the others' rows do not matter to one user's numbers.
    const cells: (number | null)[] = new Array<number | null>(n).fill(null);
    for (let k = 0; k < 400; k++) cells[(k * 9) % n] = 1 + (k % 5);
    const data = labDataFromDense({
      mode: 'explicit',
      userIds: Array.from({ length: 2 }, (_, i) => `u${i + 1}`),
      itemIds: Array.from({ length: n }, (_, j) => `m${j + 1}`),
      cells: [cells, new Array<number | null>(n).fill(null)],
      scale: { min: 1, max: 5 },
    });
    const F = initFactors(m, n, d, { seed: 1, scale: 0.3 });
    const Fdata = { ...F, m: 2, U: F.U.subarray(0, 2 * d) };
    const run = () => {
      const one = userModel(data, Fdata, 0, 40, null);
      const top = recommendFor(one.F, one.F.U, 0, data.itemIds, ratedItems(data, 0), 20);
      for (const r of top.slice(0, 3)) {
        explainByFactors(one.F, 0, r.item);
        explainByRatings(one.problem, one.F, 0, r.item, { lambda: 0.1, variant: 'wr' });
      }
      similarItems(F, top[0]!.item, 20, data.itemIds);
      const entries = [
        { item: 3, value: 5 },
        { item: 7, value: 1 },
      ];
      const fold = foldInUser(newUserProblem(data, 40), newUserFactors(F), entries, 0.1);
      expect(fold.u).toEqual(foldInUser(newUserProblem(data, 40), F, entries, 0.1).u);
      return top;
    };
    const top = run();
    expect(top).toHaveLength(20);
    // The same user's list from the whole model: one row of U was enough.
    expect(top).toEqual(recommendFor(F, F.U, 0, data.itemIds, ratedItems(data, 0), 20));
  });
});
