import { describe, expect, it } from 'vitest';
import { LECTURE_U, LECTURE_VT } from '../../../src/core';
import { dot, norm, projectOnto, rankItems, rankMoves, samplePoints } from '../../../src/views/LatentSpace/latentGeometry';

/** The lecture's items v_j are the columns of Vᵀ. */
const V = LECTURE_VT[0]!.map((_, j) => [LECTURE_VT[0]![j]!, LECTURE_VT[1]![j]!]);

describe('a prediction is a dot product: ‖u‖ × the projection of v onto u’s direction', () => {
  it('the lecture’s r̂₃,₄ = u₃ᵀv₄ = 0.2·10 + 0.4·(−1) = 1.6 is ‖u₃‖ times v₄’s projection length', () => {
    const u3 = LECTURE_U[2]!;
    const v4 = V[3]!;
    const p = projectOnto(v4, u3);
    expect(dot(u3, v4)).toBeCloseTo(1.6, 12);
    expect(norm(u3) * p.length).toBeCloseTo(1.6, 12);
  });

  it('the foot of the perpendicular lies on u’s line and v − foot is orthogonal to u', () => {
    const u = [3, 4];
    const v = [2, -1];
    const { foot, length } = projectOnto(v, u);
    // uᵀv = 2, ‖u‖ = 5: the projection reaches 2/5 along u's direction, at (2/25)·u.
    expect(length).toBeCloseTo(0.4, 12);
    expect(foot[0]).toBeCloseTo(6 / 25, 12);
    expect(foot[1]).toBeCloseTo(8 / 25, 12);
    expect(dot([v[0]! - foot[0]!, v[1]! - foot[1]!], u)).toBeCloseTo(0, 12);
    expect(norm(foot)).toBeCloseTo(Math.abs(length), 12);
  });

  it('an item on the far side of the origin has a negative projection, and so a negative score', () => {
    const p = projectOnto([-2, -1], [1, 1]);
    expect(p.length).toBeLessThan(0);
    expect(p.length * norm([1, 1])).toBeCloseTo(-3, 12);
  });

  it('a zero user vector has no direction: projection 0, foot at the origin', () => {
    expect(projectOnto([1, 2], [0, 0])).toEqual({ length: 0, foot: [0, 0] });
  });

  it('‖u‖ · projection length equals uᵀv for random vectors of any dimension', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 4 - 2;
    for (let trial = 0; trial < 50; trial++) {
      const d = 1 + (trial % 7);
      const u = Array.from({ length: d }, rand);
      const v = Array.from({ length: d }, rand);
      expect(norm(u) * projectOnto(v, u).length).toBeCloseTo(dot(u, v), 10);
    }
  });
});

describe('the ranking of items for one user', () => {
  it('orders the lecture’s items for u₃ by u₃ᵀv_j, highest first (row 3 of UVᵀ on the slide)', () => {
    // Row 3 of UVᵀ: 0.6, 1.6, 1.4, 1.6, 1.2, 2.4 — i6 first; i2 and i4 tie at 1.6 and keep item order.
    const ranking = rankItems(LECTURE_U[2]!, Float64Array.from(V.flat()), 6, 2);
    expect(ranking.map((r) => r.item + 1)).toEqual([6, 2, 4, 3, 5, 1]);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranking[0]!.score).toBeCloseTo(2.4, 12);
  });

  it('depends only on u’s direction: scaling u by a positive number keeps the order, negating it reverses it', () => {
    // Items without ties (the lecture's v₂ and v₄ are equal, so they always tie).
    const Vf = Float64Array.from([1, 1, 10, -1, 11, -2, 4, 2, 20, -4, -3, 2]);
    const base = rankItems([0.3, 0.7], Vf, 6, 2).map((r) => r.item);
    expect(rankItems([3, 7], Vf, 6, 2).map((r) => r.item)).toEqual(base);
    const reversed = rankItems([-0.3, -0.7], Vf, 6, 2).map((r) => r.item);
    expect(reversed).toEqual([...base].reverse());
  });

  it('counts how many places each item moved (positive = up)', () => {
    const before = rankItems([1, 0], Float64Array.from([3, 0, 2, 0, 1, 0]), 3, 2);
    const after = rankItems([-1, 0], Float64Array.from([3, 0, 2, 0, 1, 0]), 3, 2);
    expect(Array.from(rankMoves(before, after))).toEqual([-2, 0, 2]);
  });
});

describe('sampling points for large data', () => {
  it('keeps everything when it fits', () => {
    expect(samplePoints(5, 10)).toEqual([0, 1, 2, 3, 4]);
  });
  it('keeps at most the limit, always with the required points, spread over the range', () => {
    const s = samplePoints(943, 100, [500, 942]);
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s.length).toBeGreaterThan(90);
    expect(s).toContain(500);
    expect(s).toContain(942);
    expect(s[0]).toBe(0);
    expect(new Set(s).size).toBe(s.length);
  });
});
