/**
 * What the latent-space view shows, read from the lab's current snapshot: every user and
 * item in the plane (tweened as ALS steps), the chosen user, a what-if copy of that user's
 * vector (local to this view: the lab's model never changes), and the rankings before and
 * after the what-if. The numbers come from the snapshot's U and V; nothing is trained here.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { rowOf } from '../../core';
import { useLab } from '../../state/LabContext';
import { cellAt, isHeldOut, itemLabels } from '../../state/labData';
import { currentEntry, SPEEDS } from '../../state/labStore';
import { useTween } from '../common/useTween';
import { norm, rankItems, rankMoves, type RankedItem } from './latentGeometry';
import { moveInPlane, planeCoordinates, toPlane, type PlaneAxes, type PlaneCoordinates } from './planeProjection';

interface WhatIf {
  /** The snapshot's U it was made from: a new step (or data) ends the what-if. */
  base: Float64Array;
  user: number;
  u: number[];
}

export interface LatentModel {
  ready: true;
  m: number;
  n: number;
  d: number;
  userIds: readonly string[];
  itemIds: readonly string[];
  plane: PlaneCoordinates;
  /** (m + n)×2 positions to draw now (tweening towards plane.coords). */
  coords: Float64Array;
  user: number;
  /** The chosen user's model vector (from the snapshot) and the one in use (what-if or model). */
  uModel: number[];
  u: number[];
  /** The chosen user's point in the picture (what-if position when active). */
  userPoint: [number, number];
  whatIf: boolean;
  ranking: RankedItem[];
  /** Places moved by each item relative to the model's ranking (null without a what-if). */
  moves: Int32Array | null;
  uNorm: number;
  V: Float64Array;
  /** Implicit feedback: "known" means an interaction (p = 1), not a rating. */
  implicit: boolean;
  /** The known value of R at (user, j), null for `?` (implicit: no interaction). */
  known(j: number): number | null;
  heldOut(j: number): boolean;
  pickUser(i: number): void;
  /** Moves the what-if user by (dx, dy) in the picture's coordinates. */
  moveUser(dx: number, dy: number): void;
  /** Puts the what-if user at (x, y) in the picture (dragging). */
  placeUser(x: number, y: number): void;
  resetWhatIf(): void;
}

export type LatentState = LatentModel | { ready: false; reason: string };

export function useLatentModel(): LatentState {
  const data = useLab((s) => s.data);
  const entry = useLab((s) => currentEntry(s));
  const selected = useLab((s) => s.selected);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const select = useLab((s) => s.select);
  const [localUser, setLocalUser] = useState(0);
  const [whatIf, setWhatIf] = useState<WhatIf | null>(null);
  const previousAxes = useRef<PlaneAxes | null>(null);

  const m = entry?.m ?? 0;
  const n = entry?.n ?? 0;
  const d = entry?.d ?? 1;
  const U = entry?.U ?? null;
  const V = entry?.V ?? null;

  const plane = useMemo(() => {
    if (!U || !V) return null;
    // The previous step's axes fix the signs, so the picture does not flip between steps.
    const p = planeCoordinates(U, V, m, n, d, previousAxes.current);
    previousAxes.current = p.axes;
    return p;
  }, [U, V, m, n, d]);

  const duration = playing ? Math.min(600, SPEEDS[speed]!.delayMs * 0.8) : 600;
  const tween = useTween(plane?.coords ?? null, { duration, stagger: 0, cols: 2 });
  const coords = tween.values && plane && tween.values.length === plane.coords.length ? tween.values : (plane?.coords ?? null);

  const wanted = selected?.side === 'users' ? selected.index : localUser;
  const user = Math.min(Math.max(0, wanted), Math.max(0, m - 1));
  const active = whatIf && U && whatIf.base === U && whatIf.user === user ? whatIf : null;

  const uModel = useMemo(() => (U && m > 0 ? rowOf(U, d, user) : []), [U, d, user, m]);
  const u = active ? active.u : uModel;
  const modelRanking = useMemo(() => (V && uModel.length ? rankItems(uModel, V, n, d) : []), [uModel, V, n, d]);
  const ranking = useMemo(() => (active && V ? rankItems(active.u, V, n, d) : modelRanking), [active, V, n, d, modelRanking]);
  const moves = useMemo(() => (active ? rankMoves(modelRanking, ranking) : null), [active, modelRanking, ranking]);

  const pickUser = useCallback(
    (i: number) => {
      setLocalUser(i);
      select({ side: 'users', index: i });
    },
    [select],
  );
  const axes = plane?.axes ?? null;
  const moveUser = useCallback(
    (dx: number, dy: number) => {
      if (!U) return;
      setWhatIf((w) => {
        const start = w && w.base === U && w.user === user ? w.u : rowOf(U, d, user);
        return { base: U, user, u: moveInPlane(start, d, dx, dy, axes) };
      });
    },
    [U, d, user, axes],
  );
  const placeUser = useCallback(
    (x: number, y: number) => {
      if (!U) return;
      setWhatIf((w) => {
        const start = w && w.base === U && w.user === user ? w.u : rowOf(U, d, user);
        const [px, py] = toPlane(start, d, axes);
        return { base: U, user, u: moveInPlane(start, d, x - px, d >= 2 ? y - py : 0, axes) };
      });
    },
    [U, d, user, axes],
  );
  const resetWhatIf = useCallback(() => setWhatIf(null), []);

  if (!entry) return { ready: false, reason: 'Preparing the model…' };
  if (!U || !V || !plane || !coords)
    return {
      ready: false,
      reason: 'The factors of this early step are no longer kept (only its loss is). Scrub to a later step.',
    };
  if (m === 0 || n === 0) return { ready: false, reason: 'There are no users or items to draw.' };

  const implicit = data.mode === 'implicit';
  const userPoint: [number, number] = active ? toPlane(active.u, d, axes) : [coords[2 * user] ?? 0, coords[2 * user + 1] ?? 0];
  return {
    ready: true,
    m,
    n,
    d,
    userIds: data.userIds,
    itemIds: itemLabels(data),
    plane,
    coords,
    user,
    uModel,
    u,
    userPoint,
    whatIf: active !== null,
    ranking,
    moves,
    uNorm: norm(u),
    V,
    implicit,
    known: (j) => {
      const v = cellAt(data, user, j);
      if (v === null || (implicit && v === 0)) return null;
      return v;
    },
    heldOut: (j) => isHeldOut(data, user, j),
    pickUser,
    moveUser,
    placeUser,
    resetWhatIf,
  };
}
