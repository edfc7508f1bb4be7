import { describe, expect, it } from 'vitest';
import {
  moveInPlane,
  planeAxes,
  planeCoordinates,
  projectRows,
  symmetricEigen,
  toPlane,
} from '../../../src/views/LatentSpace/planeProjection';

function seeded(seed: number) {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
}

/** rows×d data of rank 2: every row is a combination of two fixed d-vectors. */
function rankTwo(rows: number, d: number, seed = 5): Float64Array {
  const rand = seeded(seed);
  const b1 = Array.from({ length: d }, rand);
  const b2 = Array.from({ length: d }, rand);
  const X = new Float64Array(rows * d);
  for (let r = 0; r < rows; r++) {
    const s = 2 * rand();
    const t = 2 * rand();
    for (let a = 0; a < d; a++) X[r * d + a] = s * b1[a]! + t * b2[a]!;
  }
  return X;
}

const dist = (X: ArrayLike<number>, d: number, p: number, q: number) => {
  let s = 0;
  for (let a = 0; a < d; a++) s += (X[p * d + a]! - X[q * d + a]!) ** 2;
  return Math.sqrt(s);
};

describe('symmetric eigen-decomposition (Jacobi)', () => {
  it('finds the eigenpairs of a small symmetric matrix, largest first', () => {
    // [[2, 1], [1, 2]]: eigenvalues 3 (along (1, 1)) and 1 (along (1, −1)).
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0]![0]! * vectors[0]![1]!).toBeGreaterThan(0);
  });
});

describe('the 2-D projection of d-dimensional rows (uncentred PCA of [U; V])', () => {
  it('keeps every distance and dot product of rank-2 data exactly, and says it kept 100%', () => {
    const d = 6;
    const rows = 20;
    const X = rankTwo(rows, d);
    const plane = planeAxes(X, rows, d);
    expect(plane.explained).toBeCloseTo(1, 10);
    const P = projectRows(X, rows, d, plane);
    for (let p = 0; p < rows; p++) {
      for (let q = p + 1; q < rows; q++) expect(dist(P, 2, p, q)).toBeCloseTo(dist(X, d, p, q), 9);
      // Uncentred: the origin stays put, so dot products (= predictions) survive too.
      let dotX = 0;
      for (let a = 0; a < d; a++) dotX += X[p * d + a]! * X[((p + 1) % rows) * d + a]!;
      const dotP = P[2 * p]! * P[2 * ((p + 1) % rows)]! + P[2 * p + 1]! * P[2 * ((p + 1) % rows) + 1]!;
      expect(dotP).toBeCloseTo(dotX, 9);
    }
  });

  it('has orthonormal axes and keeps less than 100% for full-rank data', () => {
    const d = 5;
    const rand = seeded(11);
    const X = Float64Array.from({ length: 30 * d }, rand);
    const { axes, explained } = planeAxes(X, 30, d);
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, k) => s + x * b[k]!, 0);
    expect(dot(axes[0], axes[0])).toBeCloseTo(1, 12);
    expect(dot(axes[1], axes[1])).toBeCloseTo(1, 12);
    expect(dot(axes[0], axes[1])).toBeCloseTo(0, 12);
    expect(explained).toBeGreaterThan(0.3);
    expect(explained).toBeLessThan(1);
  });

  it('does not flip between steps: a slightly changed X keeps the previous axes’ signs', () => {
    const d = 4;
    const X = rankTwo(12, d, 9);
    const first = planeAxes(X, 12, d);
    for (const flip of [1, -1]) {
      // Jacobi may return either sign; whichever comes out, alignment with `previous` fixes it.
      const previous = {
        ...first,
        axes: [first.axes[0].map((x) => flip * x), first.axes[1].map((x) => flip * x)] as [Float64Array, Float64Array],
      };
      const Y = X.map((x, k) => x + 1e-3 * Math.sin(k));
      const next = planeAxes(Y, 12, d, previous);
      for (const k of [0, 1] as const) {
        const agreement = next.axes[k].reduce((s, x, a) => s + x * previous.axes[k][a]!, 0);
        expect(agreement).toBeGreaterThan(0.99);
      }
    }
  });

  it('without a previous picture, each axis has its largest component positive', () => {
    const X = rankTwo(10, 5, 2).map((x) => -x);
    const { axes } = planeAxes(X, 10, 5);
    for (const a of axes) {
      const big = a.reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
      expect(big).toBeGreaterThan(0);
    }
  });
});

describe('plane coordinates of users and items', () => {
  it('d = 2 is the plane itself: users then items, nothing projected', () => {
    const pc = planeCoordinates([0.3, 0.7, 0.2, 0.4], [10, -1], 2, 1, 2);
    expect(pc.kind).toBe('plane');
    expect(pc.axes).toBeNull();
    expect(Array.from(pc.coords)).toEqual([0.3, 0.7, 0.2, 0.4, 10, -1]);
  });

  it('d = 1 is a number line', () => {
    const pc = planeCoordinates([2, -1], [0.5], 2, 1, 1);
    expect(pc.kind).toBe('line');
    expect(Array.from(pc.coords)).toEqual([2, 0, -1, 0, 0.5, 0]);
  });

  it('d = 3: dragging a user by (dx, dy) in the picture moves its drawn point by exactly (dx, dy)', () => {
    const rand = seeded(4);
    const U = Float64Array.from({ length: 4 * 3 }, rand);
    const V = Float64Array.from({ length: 6 * 3 }, rand);
    const pc = planeCoordinates(U, V, 4, 6, 3);
    expect(pc.kind).toBe('projection');
    const u = Array.from(U.subarray(3, 6));
    const [x, y] = toPlane(u, 3, pc.axes);
    expect(x).toBeCloseTo(pc.coords[2]!, 12);
    expect(y).toBeCloseTo(pc.coords[3]!, 12);
    const moved = moveInPlane(u, 3, 0.25, -0.5, pc.axes);
    const [x2, y2] = toPlane(moved, 3, pc.axes);
    expect(x2 - x).toBeCloseTo(0.25, 12);
    expect(y2 - y).toBeCloseTo(-0.5, 12);
  });
});
