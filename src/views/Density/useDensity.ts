/**
 * The density view's bins, asked of the lab's worker (which holds R as loaded): a new
 * question when the data, the orders, the region or the canvas size change — and, when
 * ordered by a latent factor, when the model steps (and once the worker has the data, and
 * after it was restarted). One question in flight at a time; an
 * answer about an older question or other data is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import { useLab, useLabStore } from '../../state/LabContext';
import { clientOf } from '../../state/labStore';
import type { LabData } from '../../state/labData';
import type { DensityQuery, DensityReply } from '../../worker/protocol';

export type DensityResult = Omit<DensityReply, 'type' | 'id' | 'generation'> & { data: LabData };

export function useDensity(query: DensityQuery): { result: DensityResult | null; error: string | null } {
  const store = useLabStore();
  const data = useLab((s) => s.data);
  const byFactor = query.rows.kind === 'factor' || query.cols.kind === 'factor';
  // The model's latest step, when the order follows it.
  const step = useLab((s) => (byFactor ? (s.timeline[s.timeline.length - 1]?.step ?? -1) : 0));
  const timelineLength = useLab((s) => (byFactor ? s.timeline.length : 0));
  // Asked again once the worker has the data (a question sent before the lab started finds none) and after a restart.
  const loaded = useLab((s) => s.timeline.length > 0);
  const restarts = useLab((s) => s.restarts);
  const [result, setResult] = useState<DensityResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);
  const asked = useRef(0);
  useEffect(() => {
    const ticket = ++asked.current;
    const question = JSON.parse(key) as DensityQuery;
    clientOf(store)
      .density(question)
      .then(
        (reply) => {
          if (ticket !== asked.current || store.getState().data !== data) return;
          if (reply.m !== data.ratings.m || reply.n !== data.ratings.n) return;
          setResult({ ...reply, data });
          setError(null);
        },
        (e: Error) => {
          if (ticket !== asked.current) return;
          setError(e.message);
        },
      );
  }, [store, data, key, step, timelineLength, loaded, restarts]);
  return { result: result && result.data === data ? result : null, error };
}
