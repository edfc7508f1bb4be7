/**
 * The scroll position and size of the grid's viewport, kept current (scroll events are
 * throttled to animation frames), and the rows and columns in view.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { visibleRange, type GridLayout } from './gridLayout';

export interface GridViewport {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Without a layout engine (jsdom) a viewport is assumed, so small grids render whole. */
const FALLBACK = { width: 1600, height: 1200 };

export function measure(el: HTMLElement): GridViewport {
  return {
    top: el.scrollTop,
    left: el.scrollLeft,
    width: el.clientWidth || FALLBACK.width,
    height: el.clientHeight || FALLBACK.height,
  };
}

export function useGridWindow(ref: RefObject<HTMLElement | null>, layout: GridLayout) {
  const [view, setView] = useState<GridViewport>({ top: 0, left: 0, ...FALLBACK });
  const frame = useRef(0);

  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const next = measure(el);
    setView((v) => (v.top === next.top && v.left === next.left && v.width === next.width && v.height === next.height ? v : next));
  }, [ref]);

  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      update();
    });
  }, [update]);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') {
      update();
      return;
    }
    // No measuring here: reading the viewport now would lay the page out a second time in the
    // task that mounts it (on a phone's first load, ~130 ms of a 4×-slowed CPU). A ResizeObserver
    // reports an element's size as soon as it starts observing, after the browser's own layout.
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [ref, update, layout.totalW, layout.totalH]);

  const rows = visibleRange(view.top, view.height, layout.headerH, layout.cellH, layout.rows);
  const cols = visibleRange(view.left, view.width, layout.rowHeaderW, layout.cellW, layout.cols);
  /** Rows a PageUp / PageDown moves by: a screenful. */
  const pageRows = Math.max(1, Math.floor((view.height - layout.headerH) / layout.cellH) - 1);
  return { view, rows, cols, pageRows, onScroll, update };
}
