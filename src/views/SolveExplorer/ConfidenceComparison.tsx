/**
 * "What the lecture's C does": the same preferences fitted twice from the same start —
 * with confidence 0 on unobserved pairs (the lecture's C) and with c = 1 + α·r (the
 * paper's) — and their predictions side by side.
 */
import { useState } from 'react';
import type { ConfidenceComparison as Comparison } from '../../core';
import { useLab, useLabStore } from '../../state/LabContext';
import { clientOf } from '../../state/labStore';
import { cellAt } from '../../state/labData';
import { ratingColor } from '../common/colors';
import { Heatmap } from '../Heatmap/Heatmap';

const COLOR = ratingColor(0, 1);

export function ConfidenceComparison() {
  const store = useLabStore();
  const alpha = useLab((s) => s.settings.alpha);
  const data = useLab((s) => s.data);
  const [result, setResult] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    clientOf(store)
      .compareConfidence(alpha, 50)
      .then((r) => {
        setResult(r);
        setError(null);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const observed = (i: number, j: number) => (cellAt(data, i, j) ?? 0) > 0;
  return (
    <section className="confidence-comparison" aria-labelledby="cc-title">
      <h3 id="cc-title">What the lecture's C does</h3>
      <p>
        With confidence 0 on every pair that was not observed, those pairs vanish from the loss: nothing stops <em>every</em>{' '}
        prediction from being 1, and the model learns nothing about what a user does <em>not</em> like. With c = 1 + α·r,
        unobserved pairs keep confidence 1 and pull their predictions towards 0. Fit both (50 ALS steps, same d, λ and seed) and
        compare:
      </p>
      <button type="button" className="primary" onClick={run} disabled={busy}>
        {busy ? 'Fitting…' : 'Fit both and compare'}
      </button>
      {error && <p role="alert">{error}</p>}
      {result && (
        <div className="cc-grid">
          {[result.lecture, result.paper].map((fit) => (
            <figure key={fit.label}>
              <figcaption>{fit.label}</figcaption>
              <Heatmap
                label={`Predictions with ${fit.label}`}
                rows={fit.predictions.length}
                cols={fit.predictions[0]?.length ?? 0}
                values={fit.predictions.flat()}
                rowLabels={data.userIds}
                colLabels={data.itemIds}
                color={COLOR}
                cellWidth={44}
                cellHeight={32}
                marked={(i, j) => !observed(i, j)}
              />
              <p>
                mean prediction where p = 1: <strong>{fit.meanObserved.toFixed(2)}</strong>; where p = 0:{' '}
                <strong aria-label={`Mean prediction where p is 0, ${fit.c0 === 0 ? "lecture's C" : 'c = 1 + alpha r'}`}>
                  {fit.meanUnobserved.toFixed(2)}
                </strong>
              </p>
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
