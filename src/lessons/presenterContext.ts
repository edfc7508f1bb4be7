/**
 * What lesson widgets need to know about presenter mode: that they are on a projector (their
 * own layout and sizes), and the lecturer's "reveal the answers" signal.
 */
import { createContext, useContext } from 'react';

export interface PresenterInfo {
  /** True on the projected slide. */
  presenting: boolean;
  /** Counts the lecturer's "reveal" presses: each new value reveals the step's answers. */
  reveal: number;
  /** Where a lab may put panels beside the text (below it, in the text column), when the slide is split. */
  aside: HTMLElement | null;
  /** Where a lab puts its own buttons (reset, open in the lab) on the projector: the footer. */
  tools: HTMLElement | null;
}

export const PresenterContext = createContext<PresenterInfo>({ presenting: false, reveal: 0, aside: null, tools: null });

export function usePresenter(): PresenterInfo {
  return useContext(PresenterContext);
}
