import { useCallback, useLayoutEffect, useState } from 'react';

/**
 * The size of an element (its width, and its height for those who need it), kept current
 * with a ResizeObserver: the one hook the views measure themselves with. Returns a callback
 * ref, so it also works for an element that appears after the first render. Measured in a
 * layout effect: the first paint already has the real width, rather than the fallback's
 * layout redrawn a frame later (on a phone the lab's grid jumped from 58 px to 44 px rows
 * as it loaded — a layout shift).
 */
export function useElementWidth<T extends HTMLElement>(
  fallback = 800,
  fallbackHeight = 0,
): [(el: T | null) => void, number, number] {
  const [element, setElement] = useState<T | null>(null);
  const [size, setSize] = useState({ width: fallback, height: fallbackHeight });
  const ref = useCallback((el: T | null) => setElement(el), []);
  useLayoutEffect(() => {
    if (!element) return;
    const rect = element.getBoundingClientRect();
    setSize({ width: rect.width || fallback, height: rect.height || fallbackHeight });
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box || !box.width) return;
      // Sub-pixel changes are not worth a render (and would make a chart jitter).
      setSize((old) =>
        Math.abs(box.width - old.width) > 1 || Math.abs(box.height - old.height) > 1
          ? { width: box.width, height: box.height }
          : old,
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, fallback, fallbackHeight]);
  return [ref, size.width, size.height];
}
