/**
 * A button that opens a panel beside it (the model options, the feedback options, the export
 * menu): open state, a click elsewhere closes it without taking the focus, Escape inside closes
 * it and gives the focus back to the button. Spread `onKeyDown` on the wrapper that holds both.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export function usePopover() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
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
  return { open, setOpen, root, opener, onKeyDown };
}
