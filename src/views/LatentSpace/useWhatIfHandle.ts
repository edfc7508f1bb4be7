/**
 * The what-if handle over the chosen user: dragging it (any pointer, captured) or the arrow
 * keys (Shift: bigger steps; Escape: back to the model) move a copy of the user's vector.
 * The lab's model never changes.
 */
import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { LatentFrame } from './latentFrame';
import type { LatentModel } from './useLatentModel';

export function useWhatIfHandle(model: LatentModel, frame: LatentFrame, svg: RefObject<SVGSVGElement | null>, line: boolean) {
  const drag = useRef<{ id: number } | null>(null);
  const { bound } = frame;
  const [ux, uy] = model.userPoint;

  // Pointer position → the picture's coordinates, kept inside the frame.
  const toData = (clientX: number, clientY: number): [number, number] => {
    const rect = svg.current!.getBoundingClientRect();
    const px = ((clientX - rect.left) / rect.width) * frame.width;
    const py = ((clientY - rect.top) / rect.height) * frame.height;
    const clamp = (v: number) => Math.max(-bound, Math.min(bound, v));
    return [clamp(frame.invertX(px)), line ? 0 : clamp(frame.invertY(py))];
  };
  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id: e.pointerId };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    if (!drag.current || drag.current.id !== e.pointerId) return;
    const [tx, ty] = toData(e.clientX, e.clientY);
    model.placeUser(tx, ty);
  };
  const onPointerUp = (e: PointerEvent<HTMLButtonElement>) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = (bound / 40) * (e.shiftKey ? 5 : 1);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, line ? 0 : step],
      ArrowDown: [0, line ? 0 : -step],
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      model.resetWhatIf();
      return;
    }
    const mv = moves[e.key];
    if (!mv) return;
    // preventDefault also keeps the lab's → shortcut (a full ALS step) from firing.
    e.preventDefault();
    const clamp = (v: number, dv: number) => Math.max(-bound, Math.min(bound, v + dv)) - v;
    model.moveUser(clamp(ux, mv[0]), clamp(uy, mv[1]));
  };
  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onKeyDown };
}
