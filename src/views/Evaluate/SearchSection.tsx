/**
 * Choosing d and λ (and α) by validation: a grid of values, each fitted by ALS on part of the
 * training ratings and scored on the rest (once, or over k folds) — never on the held-out
 * cells, which stay an honest final test. Runs in the lab's worker with a progress bar and
 * Cancel; the heatmap fills in as cells finish; "Use the best" sets the lab's settings.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { SearchCell, SearchProgress, SearchResult } from '../../core';
import { useLab, useLabStore } from '../../state/LabContext';
import { toProblemSpec } from '../../state/labData';
import { clientOf } from '../../state/labStore';
import type { SearchHandle } from '../../worker/client';
import { SearchHeatmap } from './SearchHeatmap';
import { SaveFigure } from '../common/SaveFigure';
import { defaultSearchForm, describeCell, searchOptionsOf, settingsOfCell, type SearchForm } from './searchModel';
import { formatCount } from '../../core/formatCount';

interface Run {
  factors: number[];
  lambdas: number[];
  alphas: (number | null)[];
  cells: SearchCell[];
  progress: SearchProgress | null;
  result: SearchResult | null;
  metric: SearchResult['metric'];
}

export function SearchSection() {
  const store = useLabStore();
  const { mode, settings, usesAlpha, known } = useLab((s) => ({
    mode: s.data.mode,
    settings: s.settings,
    usesAlpha: s.data.mode === 'implicit' && s.data.confidence === null,
    known: s.data.ratings.nnz - s.data.heldOut.length,
  }));
  const [form, setForm] = useState<SearchForm>(() => defaultSearchForm(settings));
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const handle = useRef<SearchHandle | null>(null);
  const runBox = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => () => handle.current?.cancel(), []);
  const busy = run !== null && run.result === null;
  const set = (patch: Partial<SearchForm>) => setForm((f) => ({ ...f, ...patch }));

  const start = () => {
    const built = searchOptionsOf(form, settings, mode, usesAlpha, 10);
    if ('error' in built) return setError(built.error);
    setError(null);
    setApplied(null);
    const o = built.options;
    const implicit = mode === 'implicit';
    const fresh: Run = {
      factors: o.factors,
      lambdas: o.lambdas,
      alphas: implicit ? o.alphas! : [null],
      cells: [],
      progress: null,
      result: null,
      metric: implicit ? { name: `precision@${o.k ?? 10}`, better: 'higher' } : { name: 'rmse', better: 'lower' },
    };
    setRun(fresh);
    const h = clientOf(store).search(toProblemSpec(store.getState().data), o, (p) =>
      setRun((r) => (r ? { ...r, progress: p, cells: p.cell ? [...r.cells, p.cell] : r.cells } : r)),
    );
    handle.current = h;
    h.result
      .then((result) => setRun((r) => (r ? { ...r, cells: result.cells, result } : r)))
      .catch((e: Error) => {
        setError(`The search failed: ${e.message}`);
        setRun((r) =>
          r ? { ...r, result: { metric: r.metric, cells: r.cells, best: null, cancelled: true, train: 0, test: 0 } } : r,
        );
      })
      .finally(() => {
        if (handle.current === h) handle.current = null;
      });
  };

  const applyBest = (cell: SearchCell) => {
    const state = store.getState();
    state.setSettings(settingsOfCell(cell));
    state.reset();
    const text = `Settings from the search: ${describeCell(cell, run!.metric.name === 'rmse' ? 'RMSE' : run!.metric.name)}. The run restarted from its seed with them.`;
    state.setStatus({ tone: 'info', text });
    setApplied(text);
  };

  const best = run?.result?.best ?? null;
  const progress = run?.progress;
  return (
    <section className="ev-section ev-search" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Choose d and λ{usesAlpha ? ' and α' : ''} by validation</h3>
      <p className="ev-why">
        Each combination is fitted by ALS on part of the {formatCount(known)} training{' '}
        {mode === 'implicit' ? 'entries' : 'ratings'} and scored on the rest ({mode === 'implicit' ? 'precision@10' : 'RMSE'}).
        The held-out cells are never used: choosing settings by their error would make that error look better than it will be on
        new data.
        {mode === 'implicit' && !usesAlpha
          ? ' With the lecture’s C given entry by entry, each fit uses c = 1 + α·p instead (α as set).'
          : ''}
      </p>
      <form
        className="ev-search-form"
        aria-label="Search grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) start();
        }}
      >
        <label>
          d values <input type="text" value={form.factors} onChange={(e) => set({ factors: e.target.value })} />
        </label>
        <label>
          λ values <input type="text" value={form.lambdas} onChange={(e) => set({ lambdas: e.target.value })} />
        </label>
        {usesAlpha && (
          <label>
            α values <input type="text" value={form.alphas} onChange={(e) => set({ alphas: e.target.value })} />
          </label>
        )}
        <label>
          Iterations per fit{' '}
          <input type="number" min={1} max={100} value={form.iterations} onChange={(e) => set({ iterations: e.target.value })} />
        </label>
        <fieldset className="ev-validation">
          <legend>Validation</legend>
          <label>
            <input
              type="radio"
              name={`${id}-validation`}
              checked={form.validation === 'holdout'}
              onChange={() => set({ validation: 'holdout' })}
            />{' '}
            Hold out once
          </label>
          <label>
            share{' '}
            <input
              type="number"
              min={1}
              max={90}
              value={form.share}
              disabled={form.validation !== 'holdout'}
              onChange={(e) => set({ share: e.target.value })}
            />{' '}
            %
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-validation`}
              checked={form.validation === 'kfold'}
              onChange={() => set({ validation: 'kfold' })}
            />{' '}
            k-fold
          </label>
          <label>
            folds{' '}
            <input
              type="number"
              min={2}
              max={10}
              value={form.folds}
              disabled={form.validation !== 'kfold'}
              onChange={(e) => set({ folds: e.target.value })}
            />
          </label>
        </fieldset>
        <div className="ev-search-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Searching…' : 'Run the search'}
          </button>
          {busy && (
            <button type="button" onClick={() => handle.current?.cancel()}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {error && (
        <p role="alert" className="ev-error">
          {error}
        </p>
      )}
      {run && (
        <div className="ev-search-run" ref={runBox}>
          {busy && (
            <p className="ev-progress">
              <progress aria-label="Search progress" max={progress?.total ?? 1} value={progress ? progress.done : 0} />{' '}
              <span role="status">{progress ? `${Math.floor(progress.done)} of ${progress.total} fits` : 'Starting…'}</span>
            </p>
          )}
          <SearchHeatmap
            factors={run.factors}
            lambdas={run.lambdas}
            alphas={run.alphas}
            cells={run.cells}
            best={best}
            metric={run.metric}
          />
          {run.result && (
            <p role="status" className="ev-search-done">
              {run.result.cancelled
                ? `Stopped after ${run.result.cells.length} ${run.result.cells.length === 1 ? 'cell' : 'cells'}. `
                : ''}
              {best
                ? `Best: ${describeCell(best, run.metric.name === 'rmse' ? 'RMSE' : run.metric.name)}, trained on ${formatCount(run.result.train)} and validated on ${formatCount(run.result.test)}${run.result.cells[0]?.folds.length && run.result.cells[0].folds.length > 1 ? ' per fold' : ''}.`
                : 'No cell finished.'}
            </p>
          )}
          {best && run.result && (
            <button type="button" className="primary" onClick={() => applyBest(best)}>
              Use the best: d = {best.factors}, λ = {best.lambda}
              {best.alpha !== null ? `, α = ${best.alpha}` : ''}
            </button>
          )}
          {run.result && (
            <SaveFigure
              figures={[
                {
                  key: 'search',
                  name: 'the search heatmap',
                  title: `Validation ${run.metric.name === 'rmse' ? 'RMSE' : run.metric.name} over d × λ${run.alphas.length > 1 ? ' × α' : ''}`,
                  caption: best
                    ? `best: ${describeCell(best, run.metric.name === 'rmse' ? 'RMSE' : run.metric.name)}`
                    : 'no cell finished',
                  roots: () => [runBox.current?.querySelector('.sh-grids'), runBox.current?.querySelector('.sh-legend')],
                },
              ]}
            />
          )}
          {applied && <p className="muted">{applied}</p>}
        </div>
      )}
    </section>
  );
}
