/**
 * A box that scrolls sideways when its content is wider than the screen (a formula, a
 * matrix on a phone). While it overflows it takes the keyboard focus, so that arrow keys can
 * scroll it (WCAG 2.1.1; axe's scrollable-region-focusable), and says what it holds; when
 * it fits it is no tab stop at all.
 */
import { useCallback, useEffect, useState, type CSSProperties, type ReactNode } from 'react';

/** Whether an element is wider (or taller) inside than its box, kept current. */
export function useOverflows<T extends HTMLElement>(content?: unknown): [(el: T | null) => void, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [overflows, setOverflows] = useState(false);
  const ref = useCallback((el: T | null) => setElement(el), []);
  useEffect(() => {
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
    // `content`: what was put inside (a formula's HTML, replaced when KaTeX arrives): measure again.
  }, [element, content]);
  return [ref, overflows];
}

export interface ScrollRegionProps {
  /** What it holds, said when it takes the focus ("the factor matrices"). */
  label: string;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
  as?: 'div' | 'span';
}

export function ScrollRegion({ label, className, style, children, as = 'div' }: ScrollRegionProps) {
  const [ref, overflows] = useOverflows<HTMLElement>();
  const Tag = as;
  return (
    <Tag
      ref={ref}
      className={`scroll-region ${className ?? ''}`}
      style={style}
      {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrolls sideways)` } : {})}
    >
      {children}
    </Tag>
  );
}
