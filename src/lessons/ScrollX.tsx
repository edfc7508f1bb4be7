/** A box that scrolls sideways when its content (a table) is wider than the screen, instead of the page. */
import { useRef, type ReactNode } from 'react';
import { useScrollableFocus } from './useScrollableFocus';

export function ScrollX({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useScrollableFocus(ref, children);
  return (
    <div ref={ref} className="scroll-x" data-label={`${label}, scrolls sideways`}>
      {children}
    </div>
  );
}
