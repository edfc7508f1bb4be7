import { useCallback, useEffect, useState } from 'react';

/**
 * The width of an element, kept current with a ResizeObserver. Returns a callback ref, so
 * it also works for an element that appears after the first render.
 */
export function useElementWidth<T extends HTMLElement>(fallback = 800): [(el: T | null) => void, number] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((el: T | null) => setElement(el), []);
  useEffect(() => {
    if (!element) return;
    setWidth(element.getBoundingClientRect().width || fallback);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) setWidth((old) => (Math.abs(w - old) > 1 ? w : old));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, fallback]);
  return [ref, width];
}
