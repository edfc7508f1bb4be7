/**
 * Tweening a matrix from its previous values to new ones, row by row: row r starts
 * r·stagger ms after the first, so a half-step reads as "solve u_1, then u_2, …".
 * Honors prefers-reduced-motion; large matrices switch instantly.
 */
import { useEffect, useRef, useState } from 'react';
import { timer } from 'd3';

const prefersReducedMotion = () =>
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export interface TweenOptions {
  duration: number;
  /** Delay between consecutive rows' starts (ms). */
  stagger: number;
  cols: number;
  /** Above this many values, no tween. */
  maxAnimated?: number;
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);

/** Returns the values to draw now, and which row is currently moving (or -1). */
export function useTween(target: Float64Array | null, options: TweenOptions): { values: Float64Array | null; activeRow: number } {
  const [state, setState] = useState<{ values: Float64Array | null; activeRow: number }>({ values: target, activeRow: -1 });
  const shown = useRef<Float64Array | null>(target);
  const { duration, stagger, cols, maxAnimated = 4000 } = options;

  useEffect(() => {
    const from = shown.current;
    if (
      !target ||
      !from ||
      from.length !== target.length ||
      target.length > maxAnimated ||
      duration <= 0 ||
      prefersReducedMotion()
    ) {
      shown.current = target;
      setState({ values: target, activeRow: -1 });
      return;
    }
    const rows = cols > 0 ? target.length / cols : 0;
    const total = duration + stagger * Math.max(0, rows - 1);
    const out = new Float64Array(target.length);
    const t = timer((elapsed) => {
      let active = -1;
      for (let r = 0; r < rows; r++) {
        const local = Math.min(1, Math.max(0, (elapsed - r * stagger) / duration));
        if (local > 0 && local < 1 && active < 0) active = r;
        const k = ease(local);
        for (let c = 0; c < cols; c++) {
          const q = r * cols + c;
          out[q] = from[q]! + (target[q]! - from[q]!) * k;
        }
      }
      const done = elapsed >= total;
      const frame = done ? target : out.slice();
      shown.current = frame;
      setState({ values: frame, activeRow: done ? -1 : active });
      if (done) t.stop();
    });
    return () => t.stop();
  }, [target, duration, stagger, cols, maxAnimated]);

  // A new shape (a user or item added or removed) shows at once: there is nothing to tween from.
  if ((state.values?.length ?? -1) !== (target?.length ?? -1)) return { values: target, activeRow: -1 };
  return state;
}
