/**
 * A button that opens a panel beside it (the model options, the feedback options, the export
 * menu, Save figure): open state, a click elsewhere closes it without taking the focus, Escape
 * inside closes it and gives the focus back to the button. Spread `onKeyDown` on the wrapper
 * that holds both. A panel given the `panel` ref is kept on screen: it opens aligned with its
 * button on the `align` side and moves sideways as far as it must to stay inside the window
 * (8 px from each edge; a phone's narrow screen).
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

const EDGE = 8;

/** How far (px) an open panel must move, towards the screen, from where its `align` side put it. */
export function onScreenShift(box: { left: number; right: number }, screenWidth: number, align: 'left' | 'right'): number {
  const over =
    align === 'left'
      ? box.right - (screenWidth - EDGE)
      : // Right-aligned: moved right when it runs off the left edge, but never past the right one.
        Math.min(EDGE - box.left, screenWidth - EDGE - box.right);
  return Math.max(0, over);
}

export function usePopover(align: 'left' | 'right' = 'left') {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = panel.current;
    if (!open || !el) return;
    el.style[align] = '0px';
    const shift = onScreenShift(el.getBoundingClientRect(), document.documentElement.clientWidth, align);
    if (shift > 0) el.style[align] = `${-shift}px`;
  }, [open, align]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    e.stopPropagation();
    setOpen(false);
    opener.current?.focus();
  };
  return { open, setOpen, root, opener, panel, onKeyDown };
}
