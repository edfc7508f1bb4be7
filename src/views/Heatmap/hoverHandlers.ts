import type { PointerEvent } from 'react';

export interface CellRef {
  i: number;
  j: number;
}

/**
 * Pointer handlers that make a tap do what hovering does: a finger lifting sends
 * pointerleave, which must not erase what it just pointed at (the next tap, or Escape, does).
 */
export function hoverHandlers(onHover: ((cell: CellRef | null) => void) | undefined) {
  if (!onHover) return {};
  return {
    onPointerLeave: (e: PointerEvent) => {
      if (e.pointerType === 'mouse' || e.pointerType === 'pen') onHover(null);
    },
  };
}
