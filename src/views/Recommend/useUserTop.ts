/**
 * The chosen user's top-N: their slice of the model (one row of U against all of V), the
 * items they already have (left out), how many of those are held out, and the list itself.
 */
import { useMemo } from 'react';
import { recommendFor } from '../../core';
import { forEachInRow } from '../../state/labData';
import { ratedItems, userModel } from './recommendData';
import type { RecommendModel } from './useRecommendModel';

export function useUserTop(model: RecommendModel, top: number) {
  const { data, F, user, labels, shared, alpha } = model;
  const one = useMemo(() => userModel(data, F, user, alpha, shared), [data, F, user, alpha, shared]);
  const rated = useMemo(() => ratedItems(data, user), [data, user]);
  const held = useMemo(() => {
    let count = 0;
    forEachInRow(data, user, (_j, _v, isHeld) => {
      if (isHeld) count++;
    });
    return count;
  }, [data, user]);
  const list = useMemo(() => {
    const d = one.F.d;
    const u = one.F.U.subarray(one.row * d, one.row * d + d);
    return recommendFor(one.F, u, one.F.biases?.user[one.row] ?? 0, labels, rated, top);
  }, [one, labels, rated, top]);
  return { one, rated, held, list };
}

export type UserTopResult = ReturnType<typeof useUserTop>;
