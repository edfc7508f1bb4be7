/**
 * The lecture's toy example (slides "Example"): R is 4×6 with 13 known ratings, d = 2, and
 * the slide "pretends" the optimisation returned the U and Vᵀ below. Their product fills
 * in every `?` of R: those are the predictions the slide prints in bold.
 */
import { describe, expect, it } from 'vitest';
import {
  LECTURE_R,
  LECTURE_U,
  LECTURE_UVT,
  LECTURE_VT,
  explicitProblem,
  factorsFromArrays,
  lossParts,
  predict,
  ratingsFromDense,
  reconstruct,
} from '../../../src/core';
import { transposeDense } from './helpers';

/** V is n×d: the slide's Vᵀ transposed, so that v_j (a column of Vᵀ) is row j of V. */
const V = transposeDense(LECTURE_VT);
const F = factorsFromArrays(LECTURE_U, V);

describe('the toy example: U (4×2) times Vᵀ (2×6)', () => {
  it('has the shapes of the slide: m = 4 users, n = 6 items, d = 2 factors', () => {
    expect([F.m, F.n, F.d]).toEqual([4, 6, 2]);
  });

  it('reconstructs UVᵀ exactly as printed on the slide (to 1e-12)', () => {
    const UVt = reconstruct(F);
    expect(UVt.length).toBe(24);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 6; j++) {
        // r̂_ij = u_i · v_j = U[i][0]·Vᵀ[0][j] + U[i][1]·Vᵀ[1][j]
        expect(Math.abs(UVt[i * 6 + j]! - LECTURE_UVT[i]![j]!), `entry (${i + 1}, ${j + 1})`).toBeLessThan(1e-12);
      }
    }
  });

  it('matches a few entries worked by hand', () => {
    // (1,1): 0.3·1 + 0.7·1 = 1
    expect(predict(F, 0, 0)).toBeCloseTo(1, 12);
    // (2,6): 0.3·20 + 0.5·(−4) = 6 − 2 = 4
    expect(predict(F, 1, 5)).toBeCloseTo(4, 12);
    // (4,3): 0.2·11 + 0.1·(−2) = 2.2 − 0.2 = 2
    expect(predict(F, 3, 2)).toBeCloseTo(2, 12);
  });

  it('predicts 1.6 for the 3rd user and the 4th item (r̂₃,₄ = 0.2·10 + 0.4·(−1))', () => {
    expect(Math.abs(predict(F, 2, 3) - 1.6)).toBeLessThan(1e-12);
  });

  it('fills the 11 `?` of R with exactly the values the slide bolds', () => {
    // 1-based (user, item) → bold prediction on the slide
    const bold: [number, number, number][] = [
      [1, 2, 2.3],
      [1, 3, 1.9],
      [1, 5, 1.9],
      [2, 1, 0.8],
      [2, 4, 2.5],
      [3, 4, 1.6],
      [3, 5, 1.2],
      [4, 1, 0.3],
      [4, 2, 1.9],
      [4, 4, 1.9],
      [4, 5, 0.9],
    ];
    // The bold positions are precisely the unknown entries of R ...
    const unknown: [number, number][] = [];
    LECTURE_R.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) unknown.push([i + 1, j + 1]);
      }),
    );
    expect(unknown).toEqual(bold.map(([i, j]) => [i, j]));
    // ... and u_iᵀv_j there is the bold number.
    for (const [i, j, value] of bold) {
      expect(Math.abs(predict(F, i - 1, j - 1) - value), `r̂(${i},${j})`).toBeLessThan(1e-12);
    }
  });
});

describe('the toy example: objective on the 13 known ratings', () => {
  const R = ratingsFromDense(LECTURE_R);
  const problem = explicitProblem(R);

  it('data term = Σ over Ω of (r_ij − u_iᵀv_j)², computed entry by entry', () => {
    let data = 0;
    let known = 0;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 6; j++) {
        const r = LECTURE_R[i]![j]!;
        if (r === null) continue;
        known++;
        const uv = LECTURE_U[i]![0]! * LECTURE_VT[0]![j]! + LECTURE_U[i]![1]! * LECTURE_VT[1]![j]!;
        data += (r - uv) ** 2;
      }
    }
    expect(known).toBe(13);
    // By hand from the slide's UVᵀ:
    //   user 1: (1−1)² + (2−2.3)² + (1−3.2)²              = 0 + 0.09 + 4.84         = 4.93
    //   user 2: (2−2.5)² + (3−2.3)² + (2−1.7)² + (1−4)²   = 0.25 + 0.49 + 0.09 + 9  = 9.83
    //   user 3: (1−0.6)² + (5−1.6)² + (5−1.4)² + (5−2.4)² = 0.16 + 11.56 + 12.96 + 6.76 = 31.44
    //   user 4: (2−2)² + (3−3.6)²                         = 0.36
    expect(data).toBeCloseTo(46.56, 10);
    const lambda = 0.1;
    const parts = lossParts(problem, F, lambda);
    expect(parts.data).toBeCloseTo(data, 10);
    // ‖U‖² = 0.09+0.49+0.09+0.25+0.04+0.16+0.04+0.01 = 1.17; ‖V‖² = 738 + 24 = 762
    expect(parts.regularization).toBeCloseTo(lambda * (1.17 + 762), 10);
    expect(parts.total).toBeCloseTo(46.56 + 76.317, 9);
  });

  it('the regularisation term scales linearly with λ and vanishes at λ = 0', () => {
    expect(lossParts(problem, F, 0).regularization).toBe(0);
    expect(lossParts(problem, F, 0).total).toBeCloseTo(46.56, 10);
    expect(lossParts(problem, F, 2).regularization).toBeCloseTo(2 * 763.17, 9);
  });
});
