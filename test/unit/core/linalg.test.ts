/**
 * The small dense linear algebra behind each row's solve: Cholesky (A = L Lᵀ) for the
 * d×d system, and the determinant and eigenvalues used to explain a singular system.
 * Checked against mathjs.
 */
import fc from 'fast-check';
import { det, eigs, inv, matrix, multiply, type Matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { choleskyInPlace, choleskySolveInPlace, determinant, symmetricEigenvalues } from '../../../src/core';
import { expectVectorClose } from './helpers';

const entry = fc.double({ min: -3, max: 3, noNaN: true });

/** A random d×d matrix B (k×d) and the positive definite A = BᵀB + shift·I. */
const spdArb = fc
  .record({
    d: fc.integer({ min: 1, max: 6 }),
    k: fc.integer({ min: 1, max: 8 }),
    shift: fc.double({ min: 0.05, max: 3, noNaN: true }),
  })
  .chain(({ d, k, shift }) =>
    fc.record({
      d: fc.constant(d),
      B: fc.array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: k, maxLength: k }),
      shift: fc.constant(shift),
      b: fc.array(entry, { minLength: d, maxLength: d }),
    }),
  )
  .map(({ d, B, shift, b }) => {
    const A = Array.from({ length: d }, (_, r) =>
      Array.from({ length: d }, (_, c) => B.reduce((s, row) => s + row[r]! * row[c]!, 0) + (r === c ? shift : 0)),
    );
    return { d, A, b };
  });

describe('Cholesky solve of a symmetric positive definite system', () => {
  it('L Lᵀ = A, L is lower triangular, and x solves A x = b (mathjs: x = A⁻¹ b)', () => {
    fc.assert(
      fc.property(spdArb, ({ d, A, b }) => {
        const L = Float64Array.from(A.flat());
        expect(choleskyInPlace(L, d)).toBe(-1);
        for (let r = 0; r < d; r++) {
          for (let c = 0; c <= r; c++) {
            let s = 0;
            for (let k = 0; k <= c; k++) s += L[r * d + k]! * L[c * d + k]!;
            expect(Math.abs(s - A[r]![c]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(A[r]![c]!), A[r]![r]!));
          }
          expect(L[r * d + r]!).toBeGreaterThan(0);
        }
        const x = Float64Array.from(b);
        choleskySolveInPlace(L, d, x);
        const expected = (multiply(inv(matrix(A)), matrix(b)) as Matrix).toArray() as number[];
        expectVectorClose(x, expected, 1e-9, 'x');
      }),
      { numRuns: 100 },
    );
  });

  it('reports the first pivot that is not positive for a singular or indefinite matrix', () => {
    // [[1, 2], [2, 4]] has rank 1: the second pivot is 4 − 2² = 0
    expect(choleskyInPlace(Float64Array.from([1, 2, 2, 4]), 2)).toBe(1);
    // the zero matrix fails at once
    expect(choleskyInPlace(new Float64Array(4), 2)).toBe(0);
    // [[1, 0], [0, −1]] is indefinite
    expect(choleskyInPlace(Float64Array.from([1, 0, 0, -1]), 2)).toBe(1);
  });
});

describe('determinant and eigenvalues (to explain singular systems)', () => {
  it('agree with mathjs on random symmetric matrices', () => {
    fc.assert(
      fc.property(spdArb, fc.boolean(), ({ d, A }, makeSingular) => {
        // optionally make the last row/column a copy of the first: rank-deficient
        const S = A.map((row) => [...row]);
        if (makeSingular && d > 1) {
          for (let c = 0; c < d; c++) S[d - 1]![c] = S[0]![c]!;
          for (let r = 0; r < d; r++) S[r]![d - 1] = S[r]![0]!;
        }
        const flat = S.flat();
        const scale = Math.max(1, ...flat.map(Math.abs));
        const ours = symmetricEigenvalues(flat, d);
        const theirs = ([...((eigs(matrix(S)).values as Matrix).toArray() as number[])] as number[]).sort((x, y) => x - y);
        expectVectorClose(ours, theirs, 1e-9 * scale, 'eigenvalues');
        for (let k = 1; k < d; k++) expect(ours[k]!).toBeGreaterThanOrEqual(ours[k - 1]!);
        const detScale = Math.max(1, scale ** d);
        expect(Math.abs(determinant(flat, d) - det(matrix(S)))).toBeLessThanOrEqual(1e-9 * detScale);
        if (makeSingular && d > 1) {
          expect(Math.abs(ours[0]!)).toBeLessThanOrEqual(1e-9 * scale);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a worked 2×2 example: [[2, 1], [1, 2]] has eigenvalues 1 and 3 and determinant 3', () => {
    expectVectorClose(symmetricEigenvalues([2, 1, 1, 2], 2), [1, 3], 1e-14);
    expect(determinant([2, 1, 1, 2], 2)).toBeCloseTo(3, 14);
  });
});
