/**
 * What the Recommend tab reads from the lab: the model on screen (the timeline entry's U and
 * V, followed at most every 400 ms while a large model plays), the options its explanations
 * use, the item labels, and the chosen user (the lab's selected user, else the one picked
 * here). Nothing is trained here: the core's per-user functions run on one row at a time.
 */
import { useCallback, useMemo, useState } from 'react';
import type { AlsOptions, Factors, Problem } from '../../core';
import { useLab } from '../../state/LabContext';
import { itemLabels, type LabData } from '../../state/labData';
import { useDisplayEntry } from '../../state/useDisplayEntry';
import { explainOptions, factorsOf, sharedProblem } from './recommendData';

export interface RecommendModel {
  ready: true;
  data: LabData;
  F: Factors;
  options: AlsOptions;
  /** Why the explanations use other options than the settings, or null. */
  optionsNote: string | null;
  /** Step 0: U and V are the random start. */
  random: boolean;
  step: number;
  labels: readonly string[];
  /** The whole problem where one row cannot stand alone (the lecture's C), else null. */
  shared: Problem | null;
  alpha: number;
  implicit: boolean;
  user: number;
  pickUser(i: number): void;
}

export type RecommendState = RecommendModel | { ready: false; reason: string };

export function useRecommendModel(): RecommendState {
  const data = useLab((s) => s.data);
  const settings = useLab((s) => s.settings);
  const selected = useLab((s) => (s.selected?.side === 'users' ? s.selected.index : null));
  const select = useLab((s) => s.select);
  const entry = useDisplayEntry();
  const [localUser, setLocalUser] = useState(0);
  const F = useMemo(() => (entry ? factorsOf(entry) : null), [entry]);
  const mode = data.mode;
  const explain = useMemo(() => (F ? explainOptions(settings, F, mode) : null), [settings, F, mode]);
  const shared = useMemo(() => sharedProblem(data, settings.alpha), [data, settings.alpha]);
  const labels = itemLabels(data);
  const pickUser = useCallback(
    (i: number) => {
      setLocalUser(i);
      select({ side: 'users', index: i });
    },
    [select],
  );
  if (!entry) return { ready: false, reason: 'Preparing the model…' };
  if (!F || !explain)
    return {
      ready: false,
      reason:
        'The factors of this early step are no longer kept (only its loss is). Scrub to a later step to see recommendations.',
    };
  // A row just added (the new user) reaches U with the worker's next snapshot: until then the users U has are listed.
  if (F.n !== data.ratings.n) return { ready: false, reason: 'The model is catching up with the data…' };
  if (F.m === 0 || F.n === 0) return { ready: false, reason: 'There are no users or items to recommend.' };
  const wanted = selected ?? localUser;
  return {
    ready: true,
    data,
    F,
    options: explain.options,
    optionsNote: explain.note,
    random: entry.step === 0,
    step: entry.step,
    labels,
    shared,
    alpha: settings.alpha,
    implicit: mode === 'implicit',
    user: Math.min(Math.max(0, wanted), Math.min(F.m, data.ratings.m) - 1),
    pickUser,
  };
}
