/**
 * Recommendations and their exact explanations:
 *
 *   by factor:      r̂_ij = Σₖ uᵢₖvⱼₖ (+ μ + bᵢ + cⱼ)
 *   by ratings:     r̂_ij = baseline + Σ_{l∈Ωᵢ} y_l · ṽⱼᵀA⁻¹ṽ_l   (A and y of each variant and mode)
 *
 * The parts must add up to the score — of the model's uᵢ right after a users half-step, and
 * of the closed form (flagged) otherwise. A new user folded in equals a users half-step row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE_R,
  alsHalfStep,
  alsStep,
  cloneFactors,
  explainByFactors,
  explainByRatings,
  explicitProblem,
  factorsFromArrays,
  foldInUser,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  predict,
  prepareFactors,
  ratingsFromDense,
  recommend,
  recommendFor,
  similarItems,
  topK,
  type AlsOptions,
  type Problem,
} from '../../../src/core';
import { dot, expectVectorClose, smallProblemArb, type Dense } from './helpers';
import { explicitClosedForm } from './oracle';

const RUNS = 60;

describe('topK', () => {
  it('picks the highest scores, ties by lower index, skipping masked entries and NaN', () => {
    const scores = [0.5, 2, Number.NaN, 2, 1, 3, -1];
    expect(topK(scores, 3)).toEqual([5, 1, 3]);
    expect(topK(scores, 3, Uint8Array.from([0, 0, 0, 0, 0, 1, 0]))).toEqual([1, 3, 4]);
    expect(topK(scores, 10)).toEqual([5, 1, 3, 4, 0, 6]);
    expect(topK(scores, 0)).toEqual([]);
  });

  it('agrees with a full sort on random scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (xs, k) => {
        const sorted = xs.map((s, j) => ({ s, j })).sort((a, b) => b.s - a.s || a.j - b.j);
        expect(topK(xs, k)).toEqual(sorted.slice(0, k).map((e) => e.j));
      }),
    );
  });
});

describe('recommend: top-N unrated items', () => {
  it('on the lecture R, user 1 gets the items they have not rated, best first, with the model’s scores', () => {
    const problem = explicitProblem(ratingsFromDense(LECTURE_R, ['u1', 'u2', 'u3', 'u4'], ['i1', 'i2', 'i3', 'i4', 'i5', 'i6']));
    const F = initFactors(4, 6, 2, { seed: 3, scale: 0.5 });
    for (let t = 0; t < 10; t++) alsStep(problem, F, 0.1);
    const top = recommend(problem, F, 0, 10);
    // u1 rated i1, i4 and i6: the other three remain.
    expect(top.map((r) => r.id).sort()).toEqual(['i2', 'i3', 'i5']);
    for (const r of top) expect(r.score).toBeCloseTo(predict(F, 0, r.item), 12);
    for (let t = 1; t < top.length; t++) expect(top[t]!.score).toBeLessThanOrEqual(top[t - 1]!.score);
  });

  it('implicit: the user’s observed interactions (p = 1) are skipped', () => {
    const problem = implicitProblem(implicitFromObservations(ratingsFromDense([[3, null, 0, 1]]), 2));
    const F = factorsFromArrays([[1]], [[4], [3], [2], [1]]);
    expect(recommend(problem, F, 0, 5).map((r) => r.item)).toEqual([1, 2]);
  });
});

describe('similar items by the cosine of vⱼ', () => {
  it('a hand-worked case', () => {
    const F = factorsFromArrays(
      [[1, 0]],
      [
        [1, 0],
        [2, 0.1],
        [0, 1],
        [-1, 0],
        [0, 0],
      ],
    );
    const sim = similarItems(F, 0, 4, ['a', 'b', 'c', 'd', 'e']);
    expect(sim.map((s) => s.id)).toEqual(['b', 'c', 'd']);
    expect(sim[0]!.score).toBeCloseTo(2 / Math.hypot(2, 0.1), 12);
    expect(sim[1]!.score).toBeCloseTo(0, 12);
    expect(sim[2]!.score).toBeCloseTo(-1, 12);
  });
});

function withinScale(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    1e-8 * Math.max(1, Math.abs(expected)),
  );
}

describe('explanations add up to the score', () => {
  it('by factor: Σₖ uᵢₖvⱼₖ (+ μ + bᵢ + cⱼ) = r̂_ij', () => {
    fc.assert(
      fc.property(smallProblemArb(), fc.boolean(), ({ U, V, user, item }, biased) => {
        const F = factorsFromArrays(U, V);
        if (biased)
          F.biases = { mu: 3, user: new Float64Array(U.length).fill(0.25), item: new Float64Array(V.length).fill(-0.5) };
        const e = explainByFactors(F, user, item);
        const sum = e.terms.reduce((s, t) => s + t.product, 0) + (e.bias ? e.bias.mu + e.bias.user + e.bias.item : 0);
        withinScale(sum, predict(F, user, item), 'Σ parts');
        withinScale(
          e.terms.reduce((s, t) => s + t.product, 0),
          dot(U[user]!, V[item]!),
          'Σ products',
        );
      }),
      { numRuns: RUNS },
    );
  });

  const explicitVariants: Partial<AlsOptions>[] = [{ variant: 'lecture' }, { variant: 'wr' }, { variant: 'biases' }];

  it('by ratings, explicit (lecture, ALS-WR, biases): after a users half-step the parts sum to the stored score', () => {
    fc.assert(
      fc.property(smallProblemArb(), fc.constantFrom(...explicitVariants), ({ R, U, V, lambda, user, item }, v) => {
        if (R[user]!.every((x) => x === null)) return;
        const options = { lambda, ...v };
        const problem = explicitProblem(ratingsFromDense(R));
        const F = factorsFromArrays(U, V);
        alsHalfStep(problem, F, 'items', options);
        alsHalfStep(problem, F, 'users', options);
        const e = explainByRatings(problem, F, user, item, options);
        expect(e.singular).toBeNull();
        expect(e.matchesStored).toBe(true);
        expect(e.note).toBeNull();
        const sum = e.baseline + e.parts.reduce((s, p) => s + p.contribution, 0);
        withinScale(sum, predict(F, user, item), 'baseline + Σ parts');
        expect(e.parts.length).toBe(R[user]!.filter((x) => x !== null).length);
      }),
      { numRuns: RUNS },
    );
  });

  it('by ratings, lecture: the weights are vⱼᵀ(V_ΩᵀV_Ω + λI)⁻¹v_l, checked by mathjs through linearity', () => {
    // The weight of rating l is the score of the closed form when r = e_l (every other rating 0).
    const R: Dense = [
      [5, null, 3, 1],
      [4, 2, null, 1],
    ];
    const V = [
      [1, 0.2],
      [0.5, -1],
      [0.3, 0.3],
      [-0.4, 1],
    ];
    const problem = explicitProblem(ratingsFromDense(R));
    const F = factorsFromArrays(
      [
        [0, 0],
        [0, 0],
      ],
      V,
    );
    const e = explainByRatings(problem, F, 0, 1, 0.5);
    for (const part of e.parts) {
      const unit = R[0]!.map((r, j) => (r === null ? null : j === part.item ? 1 : 0));
      withinScale(part.weight, dot(explicitClosedForm(V, unit, 0.5), V[1]!), `weight of item ${part.item}`);
      expect(part.value).toBe(R[0]![part.item]);
    }
    expect(e.matchesStored).toBe(false);
  });

  it('by ratings, implicit (lecture, ALS-WR): c·p parts sum to the stored score after a users half-step', () => {
    fc.assert(
      fc.property(
        smallProblemArb({ minValue: 0 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.constantFrom('lecture', 'wr'),
        ({ R, U, V, lambda, user, item }, alpha, variant) => {
          const problem = implicitProblem(implicitFromObservations(ratingsFromDense(R), alpha));
          const options = { lambda, variant } as const;
          const F = factorsFromArrays(U, V);
          alsHalfStep(problem, F, 'users', options);
          const e = explainByRatings(problem, F, user, item, options);
          if (e.singular) return; // ALS-WR with no interactions: no λ on the diagonal
          expect(e.matchesStored).toBe(true);
          withinScale(
            e.parts.reduce((s, p) => s + p.contribution, 0),
            predict(F, user, item),
            'Σ parts',
          );
          // Only interactions with p = 1 have parts, each with value c = 1 + α·r.
          for (const p of e.parts) withinScale(p.value, 1 + alpha * p.rating, 'c·p');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('after an items half-step the stored uᵢ is stale: flagged, with both scores', () => {
    const problem = explicitProblem(ratingsFromDense(LECTURE_R));
    const F = initFactors(4, 6, 2, { seed: 8, scale: 0.5 });
    alsStep(problem, F, 0.1);
    alsHalfStep(problem, F, 'items', 0.1);
    const e = explainByRatings(problem, F, 1, 0, 0.1);
    expect(e.matchesStored).toBe(false);
    expect(e.storedScore).toBeCloseTo(predict(F, 1, 0), 12);
    expect(e.note).toMatch(/not the closed form/);
    // The parts add up to what a users half-step would give.
    const G = cloneFactors(F);
    alsHalfStep(problem, G, 'users', 0.1);
    withinScale(e.closedFormScore, predict(G, 1, 0), 'closed-form score');
  });
});

describe('fold-in: a new user against the current V', () => {
  function appendUser(R: Dense, row: (number | null)[]): Dense {
    return [...R, row];
  }

  it('equals the users half-step row of R with the new row appended (every variant, explicit)', () => {
    fc.assert(
      fc.property(
        smallProblemArb(),
        fc.constantFrom<Partial<AlsOptions>>({ variant: 'lecture' }, { variant: 'wr' }, { variant: 'biases' }),
        fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 7, maxLength: 7 }),
        ({ R, U, V, lambda, n }, v, raw) => {
          const row = raw.slice(0, n);
          if (row.every((x) => x === null)) return;
          const options = { lambda, ...v };
          const problem = explicitProblem(ratingsFromDense(R));
          const F = factorsFromArrays(U, V);
          prepareFactors(problem, F, options.variant!);
          const fold = foldInUser(
            problem,
            F,
            row.flatMap((value, item) => (value === null ? [] : [{ item, value }])),
            options,
          );
          // The same row as a real user of a bigger R: one users half-step.
          const big = explicitProblem(ratingsFromDense(appendUser(R, row)));
          const G = factorsFromArrays([...U, U[0]!], V);
          if (F.biases) {
            G.biases = { mu: F.biases.mu, user: new Float64Array(U.length + 1), item: F.biases.item.slice() };
          }
          alsHalfStep(big, G, 'users', options);
          expectVectorClose(fold.u!, Array.from(G.U.subarray(U.length * F.d)), 1e-9, 'u');
          if (options.variant === 'biases') expect(fold.bias).toBeCloseTo(G.biases!.user[U.length]!, 9);
          // The fold-in's own explanation adds up to its score.
          const e = explainByRatings(fold.problem, fold.factors, 0, 0, options);
          expect(e.matchesStored).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('implicit: equals the users half-step row, with c = 1 + α·r', () => {
    const R: Dense = [
      [3, null, 1, null],
      [null, 2, null, 5],
    ];
    const data = (rows: Dense) => implicitProblem(implicitFromObservations(ratingsFromDense(rows), 4));
    const V = [
      [1, 0.5],
      [0.2, -0.3],
      [0.7, 0.1],
      [-0.5, 0.9],
    ];
    const F = factorsFromArrays(
      [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      V,
    );
    const fold = foldInUser(
      data(R),
      F,
      [
        { item: 1, value: 2 },
        { item: 3, value: 1 },
      ],
      { lambda: 0.3, variant: 'wr' },
    );
    const G = factorsFromArrays(
      [
        [0.1, 0.2],
        [0.3, 0.4],
        [0, 0],
      ],
      V,
    );
    alsHalfStep(data([...R, [null, 2, null, 1]]), G, 'users', { lambda: 0.3, variant: 'wr' });
    expectVectorClose(fold.u!, Array.from(G.U.subarray(4)), 1e-12, 'u');
  });

  it('fewer ratings than d with λ = 0: singular, and the reason says λ is what keeps the solve possible', () => {
    const problem = explicitProblem(ratingsFromDense(LECTURE_R));
    const F = initFactors(4, 6, 3, { seed: 2, scale: 0.5 });
    const fold = foldInUser(
      problem,
      F,
      [
        { item: 0, value: 5 },
        { item: 2, value: 1 },
      ],
      0,
    );
    expect(fold.u).toBeNull();
    expect(fold.singular!.reason).toMatch(/only 2 known ratings but d = 3/);
    expect(fold.singular!.reason).toMatch(/Any λ > 0/);
    expect(fold.singular!.eigenvalues[0]!).toBeLessThan(1e-9);
    const withLambda = foldInUser(
      problem,
      F,
      [
        { item: 0, value: 5 },
        { item: 2, value: 1 },
      ],
      0.1,
    );
    expect(withLambda.u).toHaveLength(3);
    expect(withLambda.singular).toBeNull();
  });

  it('recommendFor ranks the new user’s unrated items by vⱼᵀu', () => {
    const problem: Problem = explicitProblem(ratingsFromDense(LECTURE_R));
    const F = initFactors(4, 6, 2, { seed: 4, scale: 0.5 });
    for (let t = 0; t < 5; t++) alsStep(problem, F, 0.1);
    const fold = foldInUser(problem, F, [{ item: 1, value: 5 }], 0.1);
    const top = recommendFor(F, fold.u!, 0, ['a', 'b', 'c', 'd', 'e', 'f'], [1], 5);
    expect(top.map((t) => t.item)).not.toContain(1);
    expect(top).toHaveLength(5);
    for (const t of top) expect(t.score).toBeCloseTo(dot(fold.u!, Array.from(F.V.subarray(t.item * 2, t.item * 2 + 2))), 12);
  });
});
