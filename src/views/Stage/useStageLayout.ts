/**
 * The stage's layout for the screen it is on: its width (kept current), and on a screen
 * wide and tall enough for the classroom layout, the height left for the matrices once
 * what sits above them (header, run bar, messages, R's tools) and below them (the
 * explanation and the tabs' strip) is taken away — so that R, U, Vᵀ, UVᵀ and the loss all
 * show on one projector screen. Phones and short windows get natural sizes and scroll.
 */
import { useEffect, useMemo, useState } from 'react';
import { useElementWidth } from '../common/useElementWidth';
import { stageLayout, SIDE_BY_SIDE, type StageInput, type StageLayout } from './stageLayout';

/** Below this window height the page simply scrolls (a phone held sideways). */
const MIN_FIT_HEIGHT = 560;

function viewportHeight(): number {
  return typeof window === 'undefined' ? 900 : window.innerHeight;
}

/** The window's height, kept current. */
function useViewportHeight(): number {
  const [h, setH] = useState(viewportHeight);
  useEffect(() => {
    const on = () => setH(viewportHeight());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}

/**
 * Where the matrices start in the document (px from its top), kept current while what is
 * above them changes size (a message appears, the run bar wraps).
 */
function useDocumentTop(element: HTMLElement | null, watch: HTMLElement | null): number {
  const [top, setTop] = useState(0);
  useEffect(() => {
    if (!element) return;
    const measure = () => setTop(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(watch ?? document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [element, watch]);
  return top;
}

export interface StageSpace {
  /** Callback ref for the stage (its width is measured). */
  ref: (el: HTMLElement | null) => void;
  layout: StageLayout;
  width: number;
}

/**
 * @param input the data's shape and labels
 * @param matrices the element the matrices start at (R's grid), for its position
 * @param above an element whose size changes move the matrices (the lab's top part)
 * @param below pixels kept under the matrices, tried in turn: for the explanation and the tabs' strip, then less
 */
export function useStageLayout(
  input: Omit<StageInput, 'width' | 'height'>,
  matrices: HTMLElement | null,
  above: HTMLElement | null,
  below: readonly number[],
): StageSpace {
  const [ref, width] = useElementWidth<HTMLElement>(1200);
  const vh = useViewportHeight();
  const top = useDocumentTop(matrices, above);
  const fits = width >= SIDE_BY_SIDE && vh >= MIN_FIT_HEIGHT && top > 0;
  const key = below.join(',');
  const height = useMemo(
    () => (fits ? key.split(',').map((b) => Math.max(200, vh - top - Number(b))) : null),
    [fits, vh, top, key],
  );
  const { m, n, d, rowLabels, colLabels, textChars } = input;
  const layout = useMemo(
    () => stageLayout({ m, n, d, rowLabels, colLabels, textChars, width, height }),
    [m, n, d, rowLabels, colLabels, textChars, width, height],
  );
  return { ref, layout, width };
}
