/**
 * A measuring callback ref (useElementWidth, useStageLayout) that also keeps its element in a
 * ref object, to be read later — when a figure is saved, for instance.
 */
import { useCallback, useRef, type RefObject } from 'react';

export function useKeptRef<T extends Element>(measure: (el: T | null) => void): [RefObject<T | null>, (el: T | null) => void] {
  const kept = useRef<T | null>(null);
  const ref = useCallback(
    (el: T | null) => {
      kept.current = el;
      measure(el);
    },
    [measure],
  );
  return [kept, ref];
}
