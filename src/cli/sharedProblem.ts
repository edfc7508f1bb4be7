/**
 * Moving a Problem and its Factors onto SharedArrayBuffers, so that worker threads solve
 * disjoint row ranges of one half-step in place (Node only; the core itself stays pure).
 */
import type { Factors, ImplicitData, Problem, Ratings } from '../core';

type Typed = Int32Array | Float64Array;

function share<T extends Typed>(array: T): T {
  const Ctor = array.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
  const copy = new Ctor(new SharedArrayBuffer(Math.max(1, array.length) * Ctor.BYTES_PER_ELEMENT));
  copy.set(array as never);
  return array.length === 0 ? (copy.subarray(0, 0) as T) : copy;
}

export function shareRatings(R: Ratings): Ratings {
  return {
    ...R,
    userPtr: share(R.userPtr),
    userCol: share(R.userCol),
    userVal: share(R.userVal),
    itemPtr: share(R.itemPtr),
    itemRow: share(R.itemRow),
    itemVal: share(R.itemVal),
    itemToUserPos: share(R.itemToUserPos),
  };
}

export function shareProblem(problem: Problem): Problem {
  if (problem.mode === 'explicit') return { mode: 'explicit', R: shareRatings(problem.R) };
  const data: ImplicitData = {
    ...problem.data,
    pattern: shareRatings(problem.data.pattern),
    pUser: share(problem.data.pUser),
    cUser: share(problem.data.cUser),
    pItem: share(problem.data.pItem),
    cItem: share(problem.data.cItem),
  };
  return { mode: 'implicit', data };
}

export function shareFactors(F: Factors): Factors {
  const out: Factors = { m: F.m, n: F.n, d: F.d, U: share(F.U), V: share(F.V) };
  if (F.biases) out.biases = { mu: F.biases.mu, user: share(F.biases.user), item: share(F.biases.item) };
  return out;
}
