/**
 * Boxes that scroll sideways on a narrow screen (a wide table, a display formula) must be
 * reachable by keyboard (WCAG 2.1.1; axe: scrollable-region-focusable). This gives every such box
 * under `root` a tab stop and a name while it actually scrolls, and takes them away when it fits,
 * so a wide screen gets no extra tab stops.
 */
import { useEffect, type RefObject } from 'react';

export const SCROLL_BOXES = '.scroll-x, .lesson-math';

function update(box: HTMLElement): void {
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  if (scrolls && !box.hasAttribute('tabindex')) {
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', box.dataset.label ?? (box.classList.contains('lesson-math') ? 'Formula, scrolls sideways' : 'Table, scrolls sideways'));
  } else if (!scrolls && box.getAttribute('tabindex') === '0') {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
  }
}

export function useScrollableFocus(root: RefObject<HTMLElement | null>, key: unknown): void {
  useEffect(() => {
    const el = root.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const boxes = [...el.querySelectorAll<HTMLElement>(SCROLL_BOXES)];
    if (el.matches(SCROLL_BOXES)) boxes.push(el);
    if (boxes.length === 0) return;
    const observer = new ResizeObserver(() => boxes.forEach(update));
    boxes.forEach((b) => observer.observe(b));
    return () => observer.disconnect();
  }, [root, key]);
}
