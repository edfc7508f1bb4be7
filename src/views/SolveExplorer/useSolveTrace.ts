/**
 * The trace of the selected row's closed-form solve, fetched from the worker for the
 * factors on screen (so a scrubbed-back step explains itself), refreshed when they change.
 */
import { useEffect, useState } from 'react';
import type { Side, SolveTrace } from '../../core';
import { useLab, useLabStore } from '../../state/LabContext';
import { clientOf } from '../../state/labStore';
import { useDisplayEntry } from '../../state/useDisplayEntry';

export function useSolveTrace(side: Side, index: number): { trace: SolveTrace | null; error: string | null } {
  const store = useLabStore();
  const entry = useDisplayEntry();
  // λ, the variant and the row solve all change the closed form: a new one is fetched for each.
  const settings = useLab((s) => s.settings);
  const data = useLab((s) => s.data);
  // While playing, the walk-through keeps the last solve: it explains one step, not a stream.
  const playing = useLab((s) => s.playing);
  const [state, setState] = useState<{ trace: SolveTrace | null; error: string | null }>({ trace: null, error: null });
  useEffect(() => {
    if (!entry?.U || !entry.V || playing) return;
    const rows = side === 'users' ? entry.m : entry.n;
    if (index >= rows) return;
    let live = true;
    clientOf(store)
      .trace(side, index, { U: entry.U, V: entry.V, biases: entry.biases ?? null })
      .then((trace) => live && setState({ trace, error: null }))
      .catch((error: Error) => live && setState({ trace: null, error: error.message }));
    return () => {
      live = false;
    };
  }, [store, entry, side, index, settings, data, playing]);
  return state;
}
