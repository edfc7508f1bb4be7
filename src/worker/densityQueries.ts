/**
 * Questions about the worker's copy of R that are too heavy for the page at ML-1M scale:
 * the density view's bins (one pass over a million ratings takes 25–40 ms, too close to a
 * frame budget on a busy two-core machine) and the choice of a dense core. Both read R with
 * its held-out cells (they are known cells of R too), as loaded by the last `load`.
 */
import {
  clampRegion,
  denseCore,
  densityBins,
  orderByActivity,
  orderByFactor,
  originalOrder,
  topCut,
  type Cut,
  type Factors,
  type Order,
  type Ratings,
} from '../core';
import { ratingsOfRows } from './problemOf';
import type { CutSpec, DensityQuery, OrderBy, ProblemSpec, SparseRows } from './protocol';

/** Training and held-out rows merged into one CSR (each row's columns stay sorted). */
export function mergeRows(m: number, a: SparseRows, b: SparseRows | null): SparseRows {
  if (!b || b.ptr[m] === 0) return a;
  const total = a.ptr[m]! + b.ptr[m]!;
  const ptr = new Int32Array(m + 1);
  const col = new Int32Array(total);
  const val = new Float64Array(total);
  let k = 0;
  for (let i = 0; i < m; i++) {
    let p = a.ptr[i]!;
    let q = b.ptr[i]!;
    const pEnd = a.ptr[i + 1]!;
    const qEnd = b.ptr[i + 1]!;
    while (p < pEnd || q < qEnd) {
      const takeA = q >= qEnd || (p < pEnd && a.col[p]! <= b.col[q]!);
      col[k] = takeA ? a.col[p]! : b.col[q]!;
      val[k++] = takeA ? a.val[p++]! : b.val[q++]!;
    }
    ptr[i + 1] = k;
  }
  return { ptr, col, val };
}

const cache = new WeakMap<ProblemSpec, Ratings>();

/** R as loaded (training and held-out cells), built once per load. */
export function knownRatings(spec: ProblemSpec): Ratings {
  let R = cache.get(spec);
  if (!R) {
    R = ratingsOfRows(spec, mergeRows(spec.m, spec.train, spec.test));
    cache.set(spec, R);
  }
  return R;
}

function orderOf(by: OrderBy, R: Ratings, F: Factors | null, side: 'users' | 'items'): Order {
  const count = side === 'users' ? R.m : R.n;
  if (by.kind === 'original') return originalOrder(count);
  if (by.kind === 'activity') return orderByActivity(side === 'users' ? R.userPtr : R.itemPtr);
  if (!F) throw new RangeError('There is no model yet to order by a latent factor: initialise or step it first.');
  return orderByFactor(side === 'users' ? F.U : F.V, count, F.d, by.k);
}

/** The density view's answer: the orders, the region (clamped) and its bins. */
export function densityOf(R: Ratings, F: Factors | null, query: DensityQuery) {
  const rowOrder = orderOf(query.rows, R, F, 'users');
  const colOrder = orderOf(query.cols, R, F, 'items');
  const region = clampRegion(query.region ?? { r0: 0, r1: R.m, c0: 0, c1: R.n }, R.m, R.n);
  const bins = densityBins(R, rowOrder, colOrder, region, query.maxRows, query.maxCols);
  return { bins, region, rowOrder, colOrder, m: R.m, n: R.n };
}

/** Known cells between a cut's users and items. */
export function knownIn(R: Ratings, cut: Cut): number {
  const inItems = new Uint8Array(R.n);
  for (const j of cut.items) inItems[j] = 1;
  let known = 0;
  for (const i of cut.users) for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) known += inItems[R.userCol[p]!]!;
  return known;
}

/** The users and items a dense core keeps, and how many known cells lie between them. */
export function cutOf(R: Ratings, spec: CutSpec): Cut & { known: number } {
  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  const [a, b] = spec.kind === 'top' ? [spec.users, spec.items] : [spec.perUser, spec.perItem];
  if (!whole(a) || !whole(b)) throw new RangeError('A cut needs whole numbers ≥ 0.');
  const cut = spec.kind === 'top' ? topCut(R, spec.users, spec.items) : denseCore(R, spec.perUser, spec.perItem);
  return { ...cut, known: knownIn(R, cut) };
}
