/**
 * The model variants beside the lecture's objective, each checked against mathjs and a
 * brute-force objective computed from dense matrices:
 *
 *   ALS-WR:  u_i = (V_Ωᵢᵀ V_Ωᵢ + λnᵢI)⁻¹ V_Ωᵢᵀ r_Ωᵢ       (implicit: (VᵀCⁱV + λnᵢI)⁻¹ VᵀCⁱ p_i)
 *   biases:  [bᵢ, u_i] = (Ṽ_ΩᵢᵀṼ_Ωᵢ + λI)⁻¹ Ṽ_Ωᵢᵀ (r_Ωᵢ − μ − c_Ωᵢ),  ṽⱼ = [1, vⱼ]
 *
 * and the property that makes ALS a descent method: no half-step raises its own variant's
 * objective (exact or conjugate-gradient rows alike).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VARIANT_DEFAULTS,
  alsHalfStep,
  cloneFactors,
  describeVariant,
  explicitProblem,
  factorsFromArrays,
  implicitFromObservations,
  implicitProblem,
  lossParts,
  objectiveTerms,
  predict,
  prepareFactors,
  ratingsFromDense,
  traceSolve,
  type AlsOptions,
  type Factors,
  type Problem,
  type Side,
} from '../../../src/core';
import { densePCFromObservations, dot, expectVectorClose, rowsOf, smallProblemArb, transposeDense, type Dense } from './helpers';
import { explicitClosedForm, implicitClosedForm } from './oracle';

const RUNS = 60;
const sides: Side[] = ['users', 'items'];

function rowOfSide(F: Factors, side: Side, index: number): number[] {
  const X = side === 'users' ? F.U : F.V;
  return Array.from(X.subarray(index * F.d, (index + 1) * F.d));
}

/** Known entries per row of a dense matrix (the lecture's nᵢ = |Ωᵢ|). */
function knownCount(row: readonly (number | null)[]): number {
  return row.filter((v) => v !== null).length;
}

/** Dense biases problem with biases given by the test: the brute-force objective of the variant. */
function bruteBiasObjective(
  R: Dense,
  U: number[][],
  V: number[][],
  mu: number,
  b: number[],
  c: number[],
  lambda: number,
): number {
  let data = 0;
  R.forEach((row, i) =>
    row.forEach((r, j) => {
      if (r === null) return;
      const e = r - mu - b[i]! - c[j]! - dot(U[i]!, V[j]!);
      data += e * e;
    }),
  );
  const sq = (xs: number[]) => xs.reduce((s, x) => s + x * x, 0);
  return data + lambda * (U.reduce((s, u) => s + sq(u), 0) + V.reduce((s, v) => s + sq(v), 0) + sq(b) + sq(c));
}

function meanOfKnown(R: Dense): number {
  const known = R.flat().filter((v): v is number => v !== null);
  return known.reduce((s, x) => s + x, 0) / known.length;
}

describe('ALS-WR: λ scaled by each row’s count', () => {
  it('explicit rows equal (V_ΩᵀV_Ω + λnᵢI)⁻¹ V_Ωᵀ r_Ω by mathjs, for users and items', () => {
    fc.assert(
      fc.property(smallProblemArb(), ({ R, U, V, lambda, user, item }) => {
        const problem = explicitProblem(ratingsFromDense(R));
        const options = { variant: 'wr', lambda } as const;
        const Fu = factorsFromArrays(U, V);
        alsHalfStep(problem, Fu, 'users', options);
        const nU = knownCount(R[user]!);
        if (nU > 0) expectVectorClose(rowOfSide(Fu, 'users', user), explicitClosedForm(V, R[user]!, lambda * nU), 1e-7, 'u_i');
        const Fv = factorsFromArrays(U, V);
        alsHalfStep(problem, Fv, 'items', options);
        const column = R.map((row) => row[item]!);
        const nV = knownCount(column);
        if (nV > 0) expectVectorClose(rowOfSide(Fv, 'items', item), explicitClosedForm(U, column, lambda * nV), 1e-7, 'v_j');
      }),
      { numRuns: RUNS },
    );
  });

  it('implicit rows equal (VᵀCⁱV + λnᵢI)⁻¹ VᵀCⁱp by mathjs, nᵢ = observed interactions (p = 1)', () => {
    fc.assert(
      fc.property(smallProblemArb({ minValue: 0 }), fc.double({ min: 0, max: 10, noNaN: true }), (sp, alpha) => {
        const { R, U, V, lambda, user, item } = sp;
        const problem = implicitProblem(implicitFromObservations(ratingsFromDense(R), alpha));
        const { P, C } = densePCFromObservations(R, alpha);
        const options = { variant: 'wr', lambda } as const;
        const Fu = factorsFromArrays(U, V);
        alsHalfStep(problem, Fu, 'users', options);
        const nU = P[user]!.filter((p) => p === 1).length;
        // nᵢ > 0 makes the system positive definite (a row without interactions gets no λ at all).
        if (nU > 0)
          expectVectorClose(rowOfSide(Fu, 'users', user), implicitClosedForm(V, P[user]!, C[user]!, lambda * nU), 1e-7, 'u_i');
        const Fv = factorsFromArrays(U, V);
        alsHalfStep(problem, Fv, 'items', options);
        const Pt = transposeDense(P);
        const Ct = transposeDense(C);
        const nV = Pt[item]!.filter((p) => p === 1).length;
        if (nV > 0)
          expectVectorClose(rowOfSide(Fv, 'items', item), implicitClosedForm(U, Pt[item]!, Ct[item]!, lambda * nV), 1e-7, 'v_j');
      }),
      { numRuns: RUNS },
    );
  });

  it('the objective is data + λ(Σ nᵢ‖u_i‖² + Σ nⱼ‖v_j‖²), computed from the dense matrix', () => {
    fc.assert(
      fc.property(smallProblemArb(), ({ R, U, V, lambda }) => {
        const problem = explicitProblem(ratingsFromDense(R));
        const F = factorsFromArrays(U, V);
        let data = 0;
        let reg = 0;
        R.forEach((row, i) => {
          row.forEach((r, j) => {
            if (r !== null) data += (r - dot(U[i]!, V[j]!)) ** 2;
          });
          reg += knownCount(row) * U[i]!.reduce((s, x) => s + x * x, 0);
        });
        V.forEach((v, j) => (reg += knownCount(R.map((row) => row[j]!)) * v.reduce((s, x) => s + x * x, 0)));
        const parts = lossParts(problem, F, { variant: 'wr', lambda });
        expect(parts.data).toBeCloseTo(data, 8);
        expect(parts.regularization).toBeCloseTo(lambda * reg, 8);
      }),
      { numRuns: RUNS },
    );
  });

  it('a row with no ratings has λnᵢ = 0 on its diagonal: it is reported as singular, not NaN', () => {
    const problem = explicitProblem(
      ratingsFromDense([
        [4, null],
        [null, null],
      ]),
    );
    const F = factorsFromArrays(
      [
        [1, 0],
        [0.5, 0.5],
      ],
      [
        [1, 1],
        [0, 1],
      ],
    );
    const before = rowOfSide(F, 'users', 1);
    const result = alsHalfStep(problem, F, 'users', { variant: 'wr', lambda: 1 });
    expect(result.singular.map((s) => s.index)).toEqual([1]);
    expect(result.singular[0]!.reason).toContain('λ·nᵢ');
    expect(rowOfSide(F, 'users', 1)).toEqual(before);
  });
});

describe('biases: r̂ = μ + bᵢ + cⱼ + u_iᵀv_j, solved by the augmented vectors [1, vⱼ]', () => {
  const biasedArb = smallProblemArb().chain((sp) =>
    fc.record({
      sp: fc.constant(sp),
      b: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: sp.m, maxLength: sp.m }),
      c: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: sp.n, maxLength: sp.n }),
    }),
  );

  function biasedFactors(U: number[][], V: number[][], mu: number, b: number[], c: number[]): Factors {
    const F = factorsFromArrays(U, V);
    F.biases = { mu, user: Float64Array.from(b), item: Float64Array.from(c) };
    return F;
  }

  it('a user half-step gives [bᵢ, u_i] = (Ṽ_ΩᵀṼ_Ω + λI)⁻¹ Ṽ_Ωᵀ(r − μ − c) by mathjs; an item half-step the mirror', () => {
    fc.assert(
      fc.property(biasedArb, ({ sp, b, c }) => {
        const { R, U, V, lambda, user, item } = sp;
        if (R.flat().every((v) => v === null)) return;
        const mu = meanOfKnown(R);
        const problem = explicitProblem(ratingsFromDense(R));
        const Fu = biasedFactors(U, V, mu, b, c);
        alsHalfStep(problem, Fu, 'users', { variant: 'biases', lambda });
        const Vaug = V.map((v) => [1, ...v]);
        const targets = R[user]!.map((r, j) => (r === null ? null : r - mu - c[j]!));
        const expectedU = explicitClosedForm(Vaug, targets, lambda);
        expectVectorClose([Fu.biases!.user[user]!, ...rowOfSide(Fu, 'users', user)], expectedU, 1e-7, '[b_i, u_i]');
        expect(Array.from(Fu.biases!.item)).toEqual(c);

        const Fv = biasedFactors(U, V, mu, b, c);
        alsHalfStep(problem, Fv, 'items', { variant: 'biases', lambda });
        const Uaug = U.map((u) => [1, ...u]);
        const column = R.map((row, i) => (row[item] === null ? null : row[item]! - mu - b[i]!));
        expectVectorClose(
          [Fv.biases!.item[item]!, ...rowOfSide(Fv, 'items', item)],
          explicitClosedForm(Uaug, column, lambda),
          1e-7,
          '[c_j, v_j]',
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('the objective and predictions include μ + bᵢ + cⱼ; the biases are regularised by λ, μ is not', () => {
    fc.assert(
      fc.property(biasedArb, ({ sp, b, c }) => {
        const { R, U, V, lambda, user, item } = sp;
        const problem = explicitProblem(ratingsFromDense(R));
        const F = biasedFactors(U, V, 3, b, c);
        const total = lossParts(problem, F, { variant: 'biases', lambda }).total;
        expect(total).toBeCloseTo(bruteBiasObjective(R, U, V, 3, b, c, lambda), 8);
        const terms = objectiveTerms(problem, F, { variant: 'biases', lambda });
        expect(terms.map((t) => t.key)).toEqual(['data', 'factors', 'biases']);
        expect(predict(F, user, item)).toBeCloseTo(3 + b[user]! + c[item]! + dot(U[user]!, V[item]!), 12);
      }),
      { numRuns: RUNS },
    );
  });

  it('prepareFactors starts the biases at 0 with μ = the mean training rating; other variants drop them', () => {
    const R = [
      [5, null, 3],
      [4, 2, null],
    ];
    const problem = explicitProblem(ratingsFromDense(R));
    const F = factorsFromArrays(
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
    );
    prepareFactors(problem, F, 'biases');
    expect(F.biases!.mu).toBe(3.5);
    expect(Array.from(F.biases!.user)).toEqual([0, 0]);
    alsHalfStep(problem, F, 'users', 0.1);
    expect(F.biases).toBeUndefined();
  });

  it('is refused in implicit mode with the reason', () => {
    const problem = implicitProblem(implicitFromObservations(ratingsFromDense([[1, null]]), 1));
    const F = factorsFromArrays([[1]], [[1], [1]]);
    expect(() => alsHalfStep(problem, F, 'users', { variant: 'biases', lambda: 1 })).toThrow(/explicit ratings only/);
  });
});

describe('no half-step raises its own variant’s objective', () => {
  const variants: Partial<AlsOptions>[] = [
    { variant: 'lecture' },
    { variant: 'wr' },
    { variant: 'biases' },
    { variant: 'lecture', solver: 'cg', cgSteps: 1 },
    { variant: 'wr', solver: 'cg', cgSteps: 2 },
    { variant: 'biases', solver: 'cg', cgSteps: 3 },
  ];

  function expectDescent(problem: Problem, F: Factors, options: AlsOptions): void {
    prepareFactors(problem, F, options.variant);
    let last = lossParts(problem, F, options).total;
    for (const side of [...sides, ...sides]) {
      alsHalfStep(problem, F, side, options);
      const now = lossParts(problem, F, options).total;
      expect(now, `${options.variant}/${options.solver} ${side}: ${last} → ${now}`).toBeLessThanOrEqual(
        last + 1e-9 * Math.max(1, Math.abs(last)),
      );
      last = now;
    }
  }

  it('explicit: lecture, ALS-WR and biases, exact and CG', () => {
    fc.assert(
      fc.property(smallProblemArb(), fc.constantFrom(...variants), ({ R, U, V, lambda }, v) => {
        const options = { variant: 'lecture', solver: 'exact', cgSteps: 3, lambda, ...v } as AlsOptions;
        expectDescent(explicitProblem(ratingsFromDense(R)), factorsFromArrays(U, V), options);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('implicit (c = 1 + α·r): lecture and ALS-WR, exact and CG', () => {
    fc.assert(
      fc.property(
        smallProblemArb({ minValue: 0 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.constantFrom(...variants.filter((v) => v.variant !== 'biases')),
        ({ R, U, V, lambda }, alpha, v) => {
          const options = { variant: 'lecture', solver: 'exact', cgSteps: 3, lambda, ...v } as AlsOptions;
          const problem = implicitProblem(implicitFromObservations(ratingsFromDense(R), alpha));
          expectDescent(problem, factorsFromArrays(U, V), options);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('conjugate gradient converges to the exact solve', () => {
  it('the residual falls to ~0 within size steps, ending at the exact solution; the half-step writes the path’s end', () => {
    fc.assert(
      fc.property(
        smallProblemArb({ minLambda: 0.1 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.constantFrom('lecture', 'wr'),
        fc.constantFrom<Side>('users', 'items'),
        ({ R, U, V, lambda, user, item }, alpha, variant, side) => {
          const problem = implicitProblem(implicitFromObservations(ratingsFromDense(R), alpha));
          const F = factorsFromArrays(U, V);
          const index = side === 'users' ? user : item;
          const many = traceSolve(problem, F, side, index, { variant, lambda, solver: 'cg', cgSteps: 40 });
          // ALS-WR gives a row without interactions no λ: its system may be singular (no exact solution).
          if (!many.solution) return;
          const exact = many.solution;
          const last = many.cg!.path.at(-1)!;
          expectVectorClose(last.x, exact, 1e-6, 'CG after many steps');
          // Each step shrinks the distance to the exact solution (Hestenes & Stiefel).
          const errors = many.cg!.path.map((p) => p.error!);
          for (let t = 1; t < errors.length; t++) expect(errors[t]!).toBeLessThanOrEqual(errors[t - 1]! * (1 + 1e-9) + 1e-12);
          // The half-step with K steps writes the K-th point of the traced path.
          const K = 2;
          const short = traceSolve(problem, F, side, index, { variant, lambda, solver: 'cg', cgSteps: K });
          const G = cloneFactors(F);
          alsHalfStep(problem, G, side, { variant, lambda, solver: 'cg', cgSteps: K });
          // (The half-step runs the same steps in WebAssembly for even d: equal up to rounding.)
          expectVectorClose(rowOfSide(G, side, index), short.cg!.path.at(-1)!.x, 1e-9, 'half-step row');
          expect(rowOfSide(F, side, index)).toEqual(side === 'users' ? U[index] : V[index]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('traces of the variants', () => {
  it('ALS-WR: the system’s diagonal carries λnᵢ and the solution equals the half-step row', () => {
    const R = [
      [5, 3, null, 1],
      [4, null, null, 1],
      [1, 1, null, 5],
    ];
    const problem = explicitProblem(ratingsFromDense(R));
    const F = factorsFromArrays(
      [
        [1, 0.5],
        [0.2, 0.1],
        [0.3, -1],
      ],
      rowsOf([0.5, 1, -1, 0.2, 0.3, 0.3, 1, 1], 4, 2),
    );
    const trace = traceSolve(problem, F, 'users', 0, { variant: 'wr', lambda: 0.5 });
    expect(trace.wrCount).toBe(3);
    expect(trace.lambda).toBeCloseTo(1.5, 12);
    expect(trace.settingLambda).toBe(0.5);
    const G = cloneFactors(F);
    alsHalfStep(problem, G, 'users', { variant: 'wr', lambda: 0.5 });
    expectVectorClose(trace.solution!, rowOfSide(G, 'users', 0), 1e-12);
  });

  it('biases: size d + 1, the targets r − μ − cⱼ, the solution [bᵢ, uᵢ]', () => {
    const R = [
      [5, 3, null],
      [4, null, 2],
    ];
    const problem = explicitProblem(ratingsFromDense(R));
    const F = factorsFromArrays([[1], [0.5]], [[0.5], [1], [-1]]);
    F.biases = { mu: 3.5, user: Float64Array.from([0.1, -0.1]), item: Float64Array.from([0.5, 0, -0.5]) };
    const trace = traceSolve(problem, F, 'users', 0, { variant: 'biases', lambda: 1 });
    expect(trace.size).toBe(2);
    expect(trace.mode === 'explicit' && trace.values).toEqual([5 - 3.5 - 0.5, 3 - 3.5 - 0]);
    expect(trace.bias!.ratings).toEqual([5, 3]);
    const G = cloneFactors(F);
    alsHalfStep(problem, G, 'users', { variant: 'biases', lambda: 1 });
    expectVectorClose(trace.solution!, [G.biases!.user[0]!, G.U[0]!], 1e-12);
  });
});

describe('variant defaults and descriptions', () => {
  it('each variant has a default λ with a one-line reason, and a description for both modes', () => {
    expect(VARIANT_DEFAULTS.wr.lambda).toBe(0.1);
    expect(VARIANT_DEFAULTS.biases.lambda).toBe(10);
    for (const v of ['lecture', 'wr', 'biases'] as const) {
      expect(VARIANT_DEFAULTS[v].reason.length).toBeGreaterThan(20);
      expect(describeVariant(v, 'explicit')).toMatch(/λ/);
      expect(describeVariant(v, 'implicit').length).toBeGreaterThan(20);
    }
    expect(describeVariant('biases')).toMatch(/regularised by the same λ/);
  });
});
