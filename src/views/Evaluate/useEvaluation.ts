/**
 * The evaluation of the run's latest factors, asked of the lab's worker through the store's
 * client: again whenever the run advances (debounced, one request at a time, so a run playing
 * at full speed is evaluated a few times a second at most), or on demand.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLab, useLabStore } from '../../state/LabContext';
import { clientOf } from '../../state/labStore';
import type { LabEvaluation } from '../../worker/protocol';

/** Wait this long after the run last moved before evaluating (ms); longer while playing. */
export const EVALUATE_DEBOUNCE_MS = 300;
export const EVALUATE_PLAYING_MS = 1000;
/** Implicit data with more user × item pairs than this is ranked only when the run pauses. */
export const HEAVY_RANKING = 2_000_000;

export interface EvaluationState {
  evaluation: LabEvaluation | null;
  error: string | null;
  busy: boolean;
  /** Whether the shown evaluation is of the latest step. */
  current: boolean;
  /** Large implicit data while playing: evaluated again when the run pauses. */
  deferred: boolean;
  refresh(): void;
}

export function useEvaluation(k: number): EvaluationState {
  const store = useLabStore();
  const { latest, playing, heldOut, heavy } = useLab((s) => ({
    latest: s.timeline[s.timeline.length - 1] ?? null,
    playing: s.playing,
    heldOut: s.data.heldOut.length,
    heavy: s.data.mode === 'implicit' && s.data.ratings.m * s.data.ratings.n > HEAVY_RANKING,
  }));
  const [evaluation, setEvaluation] = useState<LabEvaluation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [evaluatedFor, setEvaluatedFor] = useState<unknown>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const target = store.getState().timeline.at(-1) ?? null;
    setBusy(true);
    clientOf(store)
      .evaluate(k)
      .then((e) => {
        if (!alive.current) return;
        setEvaluation(e);
        setEvaluatedFor(target);
        setError(null);
      })
      .catch((e: Error) => alive.current && setError(e.message))
      .finally(() => {
        inFlight.current = false;
        if (!alive.current) return;
        setBusy(false);
        if (again.current) {
          again.current = false;
          run();
        }
      });
  }, [store, k]);

  // Debounced while stepping by hand; while playing, throttled (a pending evaluation is not pushed back).
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!latest) return;
    // Ranking every item for every user of a large matrix takes the worker seconds: not while playing.
    if (playing && heavy) return;
    if (playing && timer.current !== null) return;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(
      () => {
        timer.current = null;
        run();
      },
      playing ? EVALUATE_PLAYING_MS : EVALUATE_DEBOUNCE_MS,
    );
  }, [latest, playing, heldOut, heavy, run]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  return { evaluation, error, busy, current: evaluatedFor === latest, deferred: playing && heavy, refresh: run };
}
