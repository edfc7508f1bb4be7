/**
 * The timeline entry the heavy views draw. While a large model plays at full speed the
 * worker sends several snapshots a second; redrawing U, V and a 943 × 1,682 UVᵀ for each
 * would keep the main thread busy, so these views follow at most every `interval` ms
 * (small models, and anything not playing, follow at once).
 */
import { useEffect, useRef, useState } from 'react';
import { useLab } from './LabContext';
import { currentEntry, type TimelineEntry } from './labStore';

/** Above this many entries of R a model counts as large. */
export const LARGE_MODEL = 200_000;

export function useDisplayEntry(interval = 400): TimelineEntry | null {
  const entry = useLab((s) => currentEntry(s));
  const playing = useLab((s) => s.playing);
  const [shown, setShown] = useState(entry);
  const last = useRef(0);
  const throttle = playing && entry !== null && entry.m * entry.n > LARGE_MODEL;
  useEffect(() => {
    if (!throttle) {
      last.current = performance.now();
      setShown(entry);
      return;
    }
    const wait = Math.max(0, last.current + interval - performance.now());
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(entry);
    }, wait);
    return () => clearTimeout(timer);
  }, [entry, throttle, interval]);
  return throttle ? shown : entry;
}
