import type { ImplicitData } from './implicit';
import type { Ratings } from './ratings';

/** What ALS factorises: explicit ratings R over Ω, or implicit (P, C) over all pairs. */
export type Problem =
  { readonly mode: 'explicit'; readonly R: Ratings } | { readonly mode: 'implicit'; readonly data: ImplicitData };

export type Mode = Problem['mode'];

/** Which factor matrix a half-step solves: U (users, V fixed) or V (items, U fixed). */
export type Side = 'users' | 'items';

/** The known (or listed) entries' pattern, whatever the mode. */
export function patternOf(problem: Problem): Ratings {
  return problem.mode === 'explicit' ? problem.R : problem.data.pattern;
}

export function explicitProblem(R: Ratings): Problem {
  return { mode: 'explicit', R };
}

export function implicitProblem(data: ImplicitData): Problem {
  return { mode: 'implicit', data };
}

/**
 * One side of the problem, seen from the rows it solves: for users, row i's entries
 * are positions ptr[i]..ptr[i+1] with the other index (the item) and the values.
 */
export interface SideView {
  readonly side: Side;
  readonly rows: number;
  readonly otherRows: number;
  readonly ptr: Int32Array;
  readonly other: Int32Array;
  /** Explicit: r_ij. Implicit: the raw value of a listed pair. */
  readonly val: Float64Array;
  /** Implicit only: p and c of each listed pair, in this side's order. */
  readonly p: Float64Array | null;
  readonly c: Float64Array | null;
  readonly ids: readonly string[];
  readonly otherIds: readonly string[];
}

export function sideView(problem: Problem, side: Side): SideView {
  const R = patternOf(problem);
  const implicit = problem.mode === 'implicit' ? problem.data : null;
  return side === 'users'
    ? {
        side,
        rows: R.m,
        otherRows: R.n,
        ptr: R.userPtr,
        other: R.userCol,
        val: R.userVal,
        p: implicit?.pUser ?? null,
        c: implicit?.cUser ?? null,
        ids: R.userIds,
        otherIds: R.itemIds,
      }
    : {
        side,
        rows: R.n,
        otherRows: R.m,
        ptr: R.itemPtr,
        other: R.itemRow,
        val: R.itemVal,
        p: implicit?.pItem ?? null,
        c: implicit?.cItem ?? null,
        ids: R.itemIds,
        otherIds: R.userIds,
      };
}

export function assertLambda(lambda: number): void {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`λ must be a non-negative number (got ${lambda}).`);
}
