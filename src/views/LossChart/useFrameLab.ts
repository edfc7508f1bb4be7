/**
 * Reads from the lab's store like useLab, but re-renders at most once per animation frame.
 * At full speed the worker posts a batch of snapshots every few milliseconds; the chart
 * and the timeline only need the latest state when the screen is next painted.
 */
import { useEffect, useRef, useState } from 'react';
import { shallow } from 'zustand/shallow';
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
      setValue((previous) => (shallow(previous, next) ? previous : next));
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
