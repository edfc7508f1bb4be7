/**
 * "Compare variants": the worker fits the lecture's objective, ALS-WR and biases (implicit:
 * the lecture's and ALS-WR exactly, and the lecture's by conjugate gradient) from the lab's
 * seeded start on the same training and held-out cells, and the chart shows held-out RMSE
 * (or each model's objective) after every iteration. The run on screen is not touched.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { VariantCurve } from '../../core';
import { useLab, useLabStore } from '../../state/LabContext';
import { heldOutCount } from '../../state/labData';
import { clientOf } from '../../state/labStore';
import { useElementWidth } from '../common/useElementWidth';
import { comparedMetric, comparedModels, valuesOf, type LambdaChoice } from './compareConfigs';
import { VariantChart, VariantLegend } from './VariantChart';
import { SaveFigure } from '../common/SaveFigure';
import './CompareVariants.css';
import { useKeptRef } from '../common/useKeptRef';

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; cancel: () => void }
  | { kind: 'done'; curves: VariantCurve[]; names: string[]; heldOut: number }
  | { kind: 'error'; message: string };

export const MAX_COMPARE_ITERATIONS = 50;

export function CompareVariants() {
  const store = useLabStore();
  const data = useLab((s) => s.data);
  const settings = useLab((s) => s.settings);
  const mode = data.mode;
  const heldOut = useMemo(() => heldOutCount(data), [data]);
  const [lambda, setLambda] = useState<LambdaChoice>('own');
  const [iterations, setIterations] = useState(10);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  const [plot, plotRef] = useKeptRef<HTMLDivElement>(ref);
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const cancelRef = useRef<(() => void) | null>(null);
  const models = comparedModels(mode, settings, lambda);

  // New data or settings make the curves describe another model: they are dropped (a run in flight is cancelled).
  useEffect(() => {
    cancelRef.current?.();
    cancelRef.current = null;
    setRun({ kind: 'idle' });
  }, [data, settings, lambda, iterations]);
  useEffect(() => () => cancelRef.current?.(), []);

  const start = () => {
    const handle = clientOf(store).compareVariants(
      models.map((m) => m.config),
      iterations,
      (done, total) => setRun((r) => (r.kind === 'running' ? { ...r, done, total } : r)),
    );
    cancelRef.current = handle.cancel;
    setRun({ kind: 'running', done: 0, total: models.length * iterations, cancel: handle.cancel });
    const names = models.map((m) => m.name);
    handle.result.then(
      ({ curves, heldOut: cells }) => {
        if (cancelRef.current !== handle.cancel) return;
        cancelRef.current = null;
        setRun({ kind: 'done', curves, names, heldOut: cells });
      },
      (error: Error & { cancelled?: boolean }) => {
        if (cancelRef.current !== handle.cancel && !error.cancelled) return;
        cancelRef.current = null;
        setRun(error.cancelled ? { kind: 'idle' } : { kind: 'error', message: error.message });
      },
    );
  };

  const metric = comparedMetric(mode, run.kind === 'done' ? run.heldOut : heldOut);
  const yLabel = metric === 'heldOut' ? 'held-out RMSE' : 'objective (log scale)';
  return (
    <section className="compare-variants" aria-labelledby={`cv-title-${id}`}>
      <h3 id={`cv-title-${id}`}>Compare variants</h3>
      <p className="muted">
        {mode === 'explicit'
          ? 'The lecture’s objective, ALS-WR and biases, '
          : 'The lecture’s objective and ALS-WR solved exactly, and the lecture’s objective by conjugate gradient, '}
        each fitted by ALS from the same seeded start (d = {settings.factors}, seed {settings.seed}) on the same training ratings,
        side by side. The run above is not touched.
      </p>
      <WhatIsPlotted mode={mode} heldOut={heldOut} />
      <div className="cv-controls">
        <fieldset>
          <legend>λ for each model</legend>
          <label>
            <input type="radio" name={`cv-lambda-${id}`} checked={lambda === 'own'} onChange={() => setLambda('own')} />
            its variant’s own default
          </label>
          <label>
            <input type="radio" name={`cv-lambda-${id}`} checked={lambda === 'lab'} onChange={() => setLambda('lab')} />
            the lab’s λ = {settings.lambda} for all
          </label>
        </fieldset>
        <label className="cv-iterations">
          Iterations
          <input
            type="number"
            min={1}
            max={MAX_COMPARE_ITERATIONS}
            step={1}
            value={iterations}
            onChange={(e) => {
              const k = Math.round(Number(e.target.value));
              if (Number.isFinite(k)) setIterations(Math.min(MAX_COMPARE_ITERATIONS, Math.max(1, k)));
            }}
          />
        </label>
        {run.kind === 'running' ? (
          <>
            <progress
              max={run.total}
              value={run.done}
              aria-label={`Fitting the variants: ${run.done} of ${run.total} iterations`}
            />
            <button type="button" onClick={run.cancel}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={start}>
            Compare variants
          </button>
        )}
        {run.kind === 'done' && (
          <SaveFigure
            figures={[
              {
                key: 'compare-variants',
                name: 'the compared variants',
                title: `Compare variants: ${yLabel} per iteration`,
                caption: `d = ${settings.factors} · seed ${settings.seed} · λ: ${lambda === 'own' ? 'each variant’s own default' : settings.lambda}`,
                roots: () => [plot.current?.querySelector('.cv-legend'), plot.current?.querySelector('svg.cv-chart')],
              },
            ]}
          />
        )}
      </div>
      {run.kind !== 'done' && <p className="cv-models muted">Models: {models.map((m) => m.name).join(' · ')}.</p>}
      {run.kind === 'error' && (
        <p role="alert" className="se-error">
          The comparison failed: {run.message}
        </p>
      )}
      <div ref={plotRef} className="cv-plot">
        {run.kind === 'done' && (
          <>
            <VariantLegend names={run.names} />
            <VariantChart
              width={Math.max(280, Math.min(width, 900))}
              lines={run.curves.map((c, k) => ({ name: run.names[k]!, values: valuesOf(c, metric) }))}
              yLabel={yLabel}
              log={metric === 'loss'}
              label={`Compare variants: ${yLabel} over ${iterations} iterations for ${run.names.join(', ')}`}
            />
            <CurveTable names={run.names} curves={run.curves} metric={metric} />
          </>
        )}
      </div>
    </section>
  );
}

/** Why the chart plots what it plots, and how to get held-out RMSE when there is none. */
function WhatIsPlotted({ mode, heldOut }: { mode: 'explicit' | 'implicit'; heldOut: number }) {
  if (mode === 'implicit')
    return (
      <p className="cv-why">
        With implicit feedback the chart shows each model’s <strong>objective</strong>: a held-out RMSE against p = 1 rewards
        predicting 1 everywhere and says little about the rankings a recommender makes. The lecture’s objective solved exactly and
        by CG minimise the same loss, so those two lines compare directly; ALS-WR’s objective weighs λ differently.
      </p>
    );
  if (heldOut > 0)
    return (
      <p className="cv-why">
        The chart shows the <strong>held-out RMSE</strong> on the {heldOut} held-out rating{heldOut === 1 ? '' : 's'} (hatched in
        R), which no model was fitted on: the error that says which variant predicts unseen ratings best.
      </p>
    );
  return (
    <p className="cv-why">
      Nothing is held out, so there is no held-out RMSE to compare: the chart shows each model’s own <strong>objective</strong>{' '}
      instead (each variant’s, so compare how fast they settle, not their heights). To compare held-out error, hold out some
      cells: pick a known cell of R and press <strong>Hold out</strong>, or open a data set with a test split (MovieLens’s u1.base
      / u1.test).
    </p>
  );
}

/** Every plotted number, for screen readers and anyone who prefers a table. */
function CurveTable({ names, curves, metric }: { names: string[]; curves: VariantCurve[]; metric: 'heldOut' | 'loss' }) {
  const rows = Math.max(0, ...curves.map((c) => valuesOf(c, metric).length));
  const fmt = (v: number | undefined) =>
    v === undefined || !Number.isFinite(v) ? '—' : metric === 'heldOut' ? v.toFixed(4) : v.toPrecision(6);
  return (
    <details className="cv-table">
      <summary>The numbers as a table</summary>
      <table>
        <caption>{metric === 'heldOut' ? 'Held-out RMSE' : 'Objective'} after each full iteration (0: the start)</caption>
        <thead>
          <tr>
            <th scope="col">iteration</th>
            {names.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, t) => (
            <tr key={t}>
              <th scope="row">{t}</th>
              {curves.map((c, k) => (
                <td key={names[k]}>{fmt(valuesOf(c, metric)[t])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
