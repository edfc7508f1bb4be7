/**
 * ALS closed forms checked against mathjs, which computes the lecture's formulas literally
 * (matrix inverse and all) from dense matrices the test builds itself:
 *
 *   explicit:  û_i = (V_Ωᵢᵀ V_Ωᵢ + λI)⁻¹ V_Ωᵢᵀ r_Ωᵢ
 *   implicit:  u_i = (Vᵀ Cⁱ V + λI)⁻¹ Vᵀ Cⁱ p_i,   Cⁱ = diag(c_i1, …, c_in)
 *
 * and the same with the roles of U and V swapped for an item. The core solves these with
 * Cholesky, never forming the inverse; both must agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE_C,
  LECTURE_P,
  LECTURE_R,
  alsHalfStep,
  cloneFactors,
  explicitProblem,
  factorsFromArrays,
  implicitFromMatrices,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  ratingsFromDense,
  traceSolve,
  type Factors,
  type Problem,
  type Side,
  type SolveTrace,
} from '../../../src/core';
import {
  densePCFromObservations,
  expectMatrixClose,
  expectVectorClose,
  rowsOf,
  smallImplicitMatricesArb,
  smallProblemArb,
  transposeDense,
} from './helpers';
import { explicitClosedForm, implicitClosedForm, weightedGramOracle } from './oracle';

const RUNS = 100;

function rowAfterHalfStep(problem: Problem, F: Factors, side: Side, index: number, lambda: number): number[] {
  const G = cloneFactors(F);
  const result = alsHalfStep(problem, G, side, lambda);
  expect(result.singular).toEqual([]);
  const X = side === 'users' ? G.U : G.V;
  return Array.from(X.subarray(index * F.d, (index + 1) * F.d));
}

function solutionOf(trace: SolveTrace): number[] {
  expect(trace.singular).toBeNull();
  expect(trace.solution).not.toBeNull();
  return trace.solution!;
}

describe('explicit ALS: one row against mathjs', () => {
  it('a user: traceSolve(…, "users", i, λ).solution = (V_Ωᵢᵀ V_Ωᵢ + λI)⁻¹ V_Ωᵢᵀ r_Ωᵢ', () => {
    fc.assert(
      fc.property(smallProblemArb(), ({ R: dense, U, V, lambda, user }) => {
        const problem = explicitProblem(ratingsFromDense(dense));
        const F = factorsFromArrays(U, V);
        const trace = traceSolve(problem, F, 'users', user, lambda);
        const expected = explicitClosedForm(V, dense[user]!, lambda);
        expectVectorClose(solutionOf(trace), expected, 1e-9, `u_${user + 1}`);
        // the half-step writes that same row into U
        expectVectorClose(rowAfterHalfStep(problem, F, 'users', user, lambda), trace.solution!, 1e-12, 'half-step row');
        // tracing does not modify the factors
        expect(Array.from(F.U)).toEqual(U.flat());
      }),
      { numRuns: RUNS },
    );
  });

  it('an item: v_j = (U_Ωʲᵀ U_Ωʲ + λI)⁻¹ U_Ωʲᵀ r_Ωʲ (column j of R)', () => {
    fc.assert(
      fc.property(smallProblemArb(), ({ R: dense, U, V, lambda, item }) => {
        const problem = explicitProblem(ratingsFromDense(dense));
        const F = factorsFromArrays(U, V);
        const trace = traceSolve(problem, F, 'items', item, lambda);
        const column = dense.map((row) => row[item]!);
        const expected = explicitClosedForm(U, column, lambda);
        expectVectorClose(solutionOf(trace), expected, 1e-9, `v_${item + 1}`);
        expectVectorClose(rowAfterHalfStep(problem, F, 'items', item, lambda), trace.solution!, 1e-12, 'half-step row');
      }),
      { numRuns: RUNS },
    );
  });

  it("the trace shows the slide's intermediates: V_Ωᵢ, r_Ωᵢ, the Gram matrix and the system", () => {
    // Lecture R, user 1 (Ω₁ = items 1, 4, 6), with the slide's toy V fixed and λ = 0.5.
    const V = transposeDense([
      [1, 10, 11, 10, 4, 20],
      [1, -1, -2, -1, 1, -4],
    ]);
    const F = factorsFromArrays(
      [
        [0.3, 0.7],
        [0.3, 0.5],
        [0.2, 0.4],
        [0.2, 0.1],
      ],
      V,
    );
    const trace = traceSolve(explicitProblem(ratingsFromDense(LECTURE_R)), F, 'users', 0, 0.5);
    expect(trace.mode).toBe('explicit');
    if (trace.mode !== 'explicit') return;
    expect(trace.omega).toEqual([0, 3, 5]);
    expect(trace.omegaIds).toEqual(['m1', 'm4', 'm6']);
    expect(trace.fixedRows).toEqual([
      [1, 1],
      [10, -1],
      [20, -4],
    ]);
    expect(trace.values).toEqual([1, 2, 1]);
    expect(trace.previous).toEqual([0.3, 0.7]);
    // V_Ωᵀ V_Ω = [[1+100+400, 1−10−80], [·, 1+1+16]] = [[501, −89], [−89, 18]]
    expectMatrixClose(
      trace.gram,
      [
        [501, -89],
        [-89, 18],
      ],
      1e-14,
      'Gram',
    );
    expectMatrixClose(
      trace.system,
      [
        [501.5, -89],
        [-89, 18.5],
      ],
      1e-14,
      'system',
    );
    // V_Ωᵀ r_Ω = [1 + 20 + 20, 1 − 2 − 4] = [41, −5]
    expectVectorClose(trace.rhs, [41, -5], 1e-14, 'rhs');
    // Solve by Cramer's rule: det = 501.5·18.5 − 89² = 1356.75
    const det = 501.5 * 18.5 - 89 * 89;
    expectVectorClose(trace.solution!, [(41 * 18.5 - 89 * 5) / det, (501.5 * -5 + 89 * 41) / det], 1e-12, 'û₁');
    // L Lᵀ = system and the inverse really is one
    const L = trace.cholesky!;
    const LLt = [0, 1].map((r) => [0, 1].map((c) => L[r]![0]! * L[c]![0]! + L[r]![1]! * L[c]![1]!));
    expectMatrixClose(LLt, trace.system, 1e-12, 'L Lᵀ');
    expect(L[0]![1]).toBe(0);
    const inv = trace.inverse!;
    const prod = [0, 1].map((r) => [0, 1].map((c) => inv[r]![0]! * trace.system[0]![c]! + inv[r]![1]! * trace.system[1]![c]!));
    expectMatrixClose(
      prod,
      [
        [1, 0],
        [0, 1],
      ],
      1e-12,
      'system⁻¹ · system',
    );
  });
});

describe('implicit ALS: one row against mathjs, over all n items', () => {
  it('c = 1 + α·r, p = [r > 0] (implicitFromObservations): u_i and v_j match the closed form', () => {
    fc.assert(
      fc.property(
        smallProblemArb({ minValue: 0, maxValue: 5 }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        ({ R: dense, U, V, lambda, user, item }, alpha) => {
          const data = implicitFromObservations(ratingsFromDense(dense), alpha);
          const problem = implicitProblem(data);
          const F = factorsFromArrays(U, V);
          const { P, C } = densePCFromObservations(dense, alpha);

          const tu = traceSolve(problem, F, 'users', user, lambda);
          expectVectorClose(solutionOf(tu), implicitClosedForm(V, P[user]!, C[user]!, lambda), 1e-9, `u_${user + 1}`);
          expectVectorClose(rowAfterHalfStep(problem, F, 'users', user, lambda), tu.solution!, 1e-12, 'half-step u');

          const Pt = transposeDense(P);
          const Ct = transposeDense(C);
          const tv = traceSolve(problem, F, 'items', item, lambda);
          expectVectorClose(solutionOf(tv), implicitClosedForm(U, Pt[item]!, Ct[item]!, lambda), 1e-9, `v_${item + 1}`);
          expectVectorClose(rowAfterHalfStep(problem, F, 'items', item, lambda), tv.solution!, 1e-12, 'half-step v');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('P and C given entry by entry (implicitFromMatrices): u_i and v_j match the closed form', () => {
    fc.assert(
      fc.property(smallImplicitMatricesArb(), ({ P, C, U, V, lambda, user, item }) => {
        const problem = implicitProblem(implicitFromMatrices(P, C));
        const F = factorsFromArrays(U, V);
        const tu = traceSolve(problem, F, 'users', user, lambda);
        expectVectorClose(solutionOf(tu), implicitClosedForm(V, P[user]!, C[user]!, lambda), 1e-9, `u_${user + 1}`);
        expectVectorClose(rowAfterHalfStep(problem, F, 'users', user, lambda), tu.solution!, 1e-12, 'half-step u');
        const tv = traceSolve(problem, F, 'items', item, lambda);
        const Pt = transposeDense(P);
        const Ct = transposeDense(C);
        expectVectorClose(solutionOf(tv), implicitClosedForm(U, Pt[item]!, Ct[item]!, lambda), 1e-9, `v_${item + 1}`);
        expectVectorClose(rowAfterHalfStep(problem, F, 'items', item, lambda), tv.solution!, 1e-12, 'half-step v');
      }),
      { numRuns: RUNS },
    );
  });

  it("the lecture's P and C (unobserved confidence 0): every user and every item", () => {
    const data = implicitFromMatrices(LECTURE_P, LECTURE_C);
    expect(data.c0).toBe(0);
    const problem = implicitProblem(data);
    for (const d of [1, 2, 3]) {
      for (const lambda of [0.05, 0.3, 2]) {
        const F = initFactors(4, 6, d, { seed: 7 + d, scale: 0.5 });
        const U = rowsOf(F.U, 4, d);
        const V = rowsOf(F.V, 6, d);
        for (let i = 0; i < 4; i++) {
          const t = traceSolve(problem, F, 'users', i, lambda);
          expectVectorClose(solutionOf(t), implicitClosedForm(V, LECTURE_P[i]!, LECTURE_C[i]!, lambda), 1e-9, `u_${i + 1}`);
        }
        const Pt = transposeDense(LECTURE_P);
        const Ct = transposeDense(LECTURE_C);
        for (let j = 0; j < 6; j++) {
          const t = traceSolve(problem, F, 'items', j, lambda);
          expectVectorClose(solutionOf(t), implicitClosedForm(U, Pt[j]!, Ct[j]!, lambda), 1e-9, `v_${j + 1}`);
        }
        // and the half-steps write exactly those rows
        const G = cloneFactors(F);
        alsHalfStep(problem, G, 'users', lambda);
        for (let i = 0; i < 4; i++) {
          expectVectorClose(
            Array.from(G.U.subarray(i * d, i * d + d)),
            traceSolve(problem, F, 'users', i, lambda).solution!,
            1e-12,
          );
        }
      }
    }
  });

  it('the trace shows Cⁱ and p_i over all n items, and VᵀCⁱV = c0·VᵀV + Vᵀ(Cⁱ − c0·I)V', () => {
    const lecture = implicitFromMatrices(LECTURE_P, LECTURE_C);
    const F0 = initFactors(4, 6, 2, { seed: 3, scale: 1 });
    const t = traceSolve(implicitProblem(lecture), F0, 'users', 1, 0.1);
    expect(t.mode).toBe('implicit');
    if (t.mode !== 'implicit') return;
    expect(t.confidence).toEqual([0, 0.37, 0.1, 0, 0.63, 0.01]);
    expect(t.preference).toEqual([0, 1, 1, 0, 1, 1]);
    expect(t.c0).toBe(0);

    fc.assert(
      fc.property(
        smallProblemArb({ minValue: 0, maxValue: 5 }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.constantFrom<Side>('users', 'items'),
        ({ R: dense, U, V, lambda, user, item }, alpha, side) => {
          const problem = implicitProblem(implicitFromObservations(ratingsFromDense(dense), alpha));
          const F = factorsFromArrays(U, V);
          const index = side === 'users' ? user : item;
          const tr = traceSolve(problem, F, side, index, lambda);
          if (tr.mode !== 'implicit') throw new Error('expected an implicit trace');
          const { C } = densePCFromObservations(dense, alpha);
          const c = side === 'users' ? C[index]! : transposeDense(C)[index]!;
          const fixed = side === 'users' ? V : U;
          expect(tr.c0).toBe(1);
          expect(tr.confidence).toEqual(c.map((x) => expect.closeTo(x, 12)));
          // the shared Gram is XᵀX, the weighted one XᵀCX (mathjs)
          expectMatrixClose(tr.sharedGram, weightedGramOracle(fixed, new Array<number>(c.length).fill(1)), 1e-12, 'XᵀX');
          expectMatrixClose(tr.weightedGram, weightedGramOracle(fixed, c), 1e-10, 'XᵀCX');
          // the identity the half-step relies on
          const recombined = tr.sharedGram.map((row, a) => row.map((g, b) => tr.c0 * g + tr.correction[a]![b]!));
          expectMatrixClose(tr.weightedGram, recombined, 1e-12, 'c0·XᵀX + correction');
          // system = weighted Gram + λI
          const withLambda = tr.weightedGram.map((row, a) => row.map((g, b) => g + (a === b ? lambda : 0)));
          expectMatrixClose(tr.system, withLambda, 1e-12, 'system');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
