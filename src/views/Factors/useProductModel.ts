/**
 * What the factor views draw, read from the snapshot on screen: U, Vᵀ and UVᵀ (tweened row
 * by row on the side being solved), one colour scale for U and V, the ratings' scale for
 * UVᵀ (and how many of its values lie beyond it), and what the solve explorer or the
 * pointer lights up. A large UVᵀ (ML-100k: 1.6 M entries) is computed only where it is drawn.
 */
import { useMemo } from 'react';
import { evenSample, predictGrid, reconstruct, type Factors } from '../../core';
import { useLab } from '../../state/LabContext';
import { SPEEDS } from '../../state/labStore';
import { useDisplayEntry } from '../../state/useDisplayEntry';
import { factorColor, ratingColor, type ColorScale } from '../common/colors';
import { useTween } from '../common/useTween';
import { FAR_BEYOND } from '../Heatmap/Heatmap';

/** Above this many entries, UVᵀ is drawn from a sample of its rows and columns. */
const LARGE = 200_000;

export function transpose(values: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c]!;
  return out;
}

export interface Beyond {
  /** Values below / above the scale's ends (drawn at its end colour). */
  below: number;
  above: number;
  /** Of those, the ones far beyond (marked ▼ / ▲ in their cells). */
  farBelow: number;
  farAbove: number;
}

/** How many values lie beyond a scale's ends, and how many far beyond (see FAR_BEYOND). */
export function countBeyond(values: ArrayLike<number> | null, color: ColorScale): Beyond {
  const out: Beyond = { below: 0, above: 0, farBelow: 0, farAbove: 0 };
  if (!values) return out;
  const [lo, , hi] = color.domain;
  const eps = (hi - lo) * 1e-9;
  const far = (hi - lo) * FAR_BEYOND;
  for (let t = 0; t < values.length; t++) {
    const v = values[t]!;
    if (v < lo - eps) {
      out.below++;
      if (v < lo - far) out.farBelow++;
    } else if (v > hi + eps) {
      out.above++;
      if (v > hi + far) out.farAbove++;
    }
  }
  return out;
}

/** A set of one index, or null. */
const one = (k: number | undefined | null) => (k === undefined || k === null ? null : new Set([k]));

export function useProductModel() {
  const data = useLab((s) => s.data);
  const entry = useDisplayEntry();
  const focus = useLab((s) => s.focus);
  const selected = useLab((s) => s.selected);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);

  const m = entry?.m ?? data.userIds.length;
  const n = entry?.n ?? data.itemIds.length;
  const d = entry?.d ?? 1;
  const duration = playing ? Math.min(700, SPEEDS[speed]!.delayMs * 0.8) : 700;
  const stagger = (rows: number) => (duration > 0 ? Math.min(140, 600 / Math.max(1, rows)) : 0);
  const U = useTween(entry?.U ?? null, { duration, stagger: entry?.solved === 'users' ? stagger(m) : 0, cols: d });
  const V = useTween(entry?.V ?? null, { duration, stagger: entry?.solved === 'items' ? stagger(n) : 0, cols: d });

  const VT = useMemo(() => (V.values ? transpose(V.values, n, d) : null), [V.values, n, d]);
  const sample = useMemo(() => (m * n > LARGE ? { rows: evenSample(m, 420), cols: evenSample(n, 640) } : null), [m, n]);
  // The worker sends a large model's UVᵀ already sampled; an older step scrubbed to is computed here.
  const product = entry?.product ?? null;
  // The model's prediction: with the biases variant, μ + bᵢ + cⱼ + uᵢᵀvⱼ (core predict), not UVᵀ alone.
  const biases = entry?.biases ?? null;
  const UVT = useMemo(() => {
    if (product && sample && product.values.length === sample.rows.length * sample.cols.length) return product.values;
    if (!U.values || !V.values || U.values.length !== m * d || V.values.length !== n * d) return null;
    const F: Factors = { m, n, d, U: U.values, V: V.values };
    if (biases && biases.user.length === m && biases.item.length === n) F.biases = biases;
    return sample ? predictGrid(F, sample.rows, sample.cols) : reconstruct(F);
  }, [product, U.values, V.values, m, n, d, sample, biases]);

  // One scale for U and V (they multiply each other), symmetric around 0 and covering both.
  const factorScale = useMemo(() => {
    const both = new Float64Array((entry?.U?.length ?? 0) + (entry?.V?.length ?? 0));
    if (entry?.U) both.set(entry.U);
    if (entry?.V) both.set(entry.V, entry.U?.length ?? 0);
    return factorColor(both);
  }, [entry?.U, entry?.V]);
  const implicit = data.mode === 'implicit';
  const ratingScale = useMemo(
    () => (implicit ? ratingColor(0, 1) : ratingColor(data.scale.min, data.scale.max)),
    [implicit, data.scale],
  );
  const beyond = useMemo(() => countBeyond(UVT, ratingScale), [UVT, ratingScale]);

  // The solve explorer lights up the row it solves and, from stage 2, the fixed rows Ω it uses.
  const omega = focus && focus.stage >= 2 ? new Set(focus.omega) : null;
  const selectedUser = focus
    ? focus.side === 'users'
      ? one(focus.index)
      : omega
    : one(selected?.side === 'users' ? selected.index : null);
  const selectedItem = focus
    ? focus.side === 'items'
      ? one(focus.index)
      : omega
    : one(selected?.side === 'items' ? selected.index : null);

  return {
    data,
    entry,
    m,
    n,
    d,
    U,
    VT,
    UVT,
    biases,
    sample,
    factorScale,
    ratingScale,
    beyond,
    implicit,
    selectedUser,
    selectedItem,
  };
}

export type ProductModel = ReturnType<typeof useProductModel>;
