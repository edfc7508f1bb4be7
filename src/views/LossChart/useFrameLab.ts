/**
 * Reads from the lab's store, re-rendering at most once per animation frame (the
 * selector should return a value from the store, compared by identity).
 * At full speed the worker posts a batch of snapshots every few milliseconds; the chart
 * and the timeline only need the latest state when the screen is next painted.
 */
import { useEffect, useRef, useState } from 'react';
import { useLabStore } from '../../state/LabContext';
import type { LabState } from '../../state/labStore';

// Looked up at call time: tests (and old browsers) may provide them later or not at all.
const nextFrame = (callback: () => void): number =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(callback) : (setTimeout(callback, 16) as unknown as number);
const cancelFrame = (handle: number) =>
  typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(handle) : clearTimeout(handle);

export function useFrameLab<T>(selector: (state: LabState) => T): T {
  const store = useLabStore();
  const selectorRef = useRef(selector);
  const [value, setValue] = useState(() => selector(store.getState()));

  useEffect(() => {
    selectorRef.current = selector;
  });

  useEffect(() => {
    let frame = 0;
    const flush = () => {
      frame = 0;
      const next = selectorRef.current(store.getState());
      // Object.is, not a shallow compare: a shallow compare of two 20,000-entry timelines
      // walks both of them on every batch.
      setValue((previous) => (Object.is(previous, next) ? previous : next));
    };
    const unsubscribe = store.subscribe(() => {
      if (frame === 0) frame = nextFrame(flush);
    });
    // Anything that changed between the first render and the subscription.
    flush();
    return () => {
      unsubscribe();
      if (frame !== 0) cancelFrame(frame);
    };
  }, [store]);

  return value;
}
