/**
 * The Evaluate tab: the run's latest factors on the held-out cells, beside the obvious guesses
 * — RMSE and MAE against the global mean, user means, item means and the biases baseline
 * (explicit), precision, recall, MAP and NDCG at k against recommending the most popular items
 * (implicit) — as a table, a bar chart and one sentence of verdict; re-evaluated as the run
 * moves. Below it, the search for d and λ (and α). The worker computes; this view only shows.
 */
import { useId, useRef, useState } from 'react';
import { SaveFigure } from '../common/SaveFigure';
import { useLab } from '../../state/LabContext';
import { heldOutHow } from '../../state/holdOutSplit';
import { HoldOutButton } from '../HoldOut/HoldOutButton';
import { alphaNote, formatMetric, metricGroups, verdict } from './evaluationModel';
import { MetricBars } from './MetricBars';
import { SearchSection } from './SearchSection';
import { useEvaluation } from './useEvaluation';
import type { LabEvaluation } from '../../worker/protocol';
import './Evaluate.css';
import { formatCount } from '../../core/formatCount';

const CUTOFFS = [1, 3, 5, 10, 20, 50];

export function EvaluatePanel() {
  const heldOut = useLab((s) => s.data.heldOut.length);
  const implicit = useLab((s) => s.data.mode === 'implicit');
  return (
    <div className="evaluate">
      <section className="ev-section" aria-labelledby="ev-title">
        <div className="ev-head">
          <h3 id="ev-title">How good are the factors on {implicit ? 'interactions' : 'ratings'} they never saw?</h3>
          {/* One button in one place whether or not cells are held out, so the dialog's focus returns to it. */}
          <HoldOutButton
            label={heldOut === 0 ? 'Hold out ratings…' : 'Hold out again…'}
            className={heldOut === 0 ? 'primary' : undefined}
          />
        </div>
        {heldOut === 0 ? <NothingHeldOut /> : <Evaluation />}
      </section>
      <SearchSection />
    </div>
  );
}

function NothingHeldOut() {
  const { implicit, known } = useLab((s) => ({ implicit: s.data.mode === 'implicit', known: s.data.ratings.nnz }));
  const what = implicit ? 'interactions' : 'ratings';
  return (
    <div className="ev-empty">
      <p>
        Nothing is held out, so there is nothing to evaluate on. The loss on the training {what} always falls as ALS runs — with
        enough factors and little λ the factors can reproduce every known {what} and still predict new ones badly. Only {what} the
        model never saw tell whether it learned tastes or memorised the data.
      </p>
      <p>
        Hold out part of each user’s {what} ({formatCount(known)} known now) with the button above: the model trains on the rest,
        and here its predictions of the held-out ones are compared with simple baselines.
      </p>
      <p className="muted small">
        On a small matrix you can also hold out single cells: the grid’s Hold out button, or H on a cell.
      </p>
    </div>
  );
}

function Evaluation() {
  const { implicit, alpha, usesAlpha, scrubbed, how } = useLab((s) => ({
    how: heldOutHow(s.data),
    implicit: s.data.mode === 'implicit',
    alpha: s.settings.alpha,
    usesAlpha: s.data.mode === 'implicit' && s.data.confidence === null,
    scrubbed: s.cursor !== null,
  }));
  const [k, setK] = useState(10);
  const { evaluation: e, error, busy, current, deferred, refresh } = useEvaluation(k);
  const kId = useId();
  const results = useRef<HTMLDivElement>(null);
  return (
    <>
      <div className="ev-toolbar">
        {implicit && (
          <label htmlFor={kId}>
            Cut-off k{' '}
            <select id={kId} value={k} onChange={(ev) => setK(Number(ev.target.value))}>
              {CUTOFFS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={refresh} disabled={busy}>
          {busy ? 'Evaluating…' : 'Evaluate now'}
        </button>
        <span className="muted ev-when" role="status">
          {e ? describeEvaluation(e, implicit, how) : busy ? 'Evaluating…' : ''}
          {e && !current ? (deferred ? ' · evaluated again when the run pauses' : ' · updating…') : ''}
          {scrubbed ? ' · the latest step, not the one scrubbed back to' : ''}
        </span>
        {e && (
          <SaveFigure
            figures={[
              {
                key: 'evaluation',
                name: 'the evaluation bars',
                title: `Held-out ${implicit ? 'ranking quality' : 'error'}: the factors against the baselines`,
                roots: () => [results.current?.querySelector('.ev-bars')],
              },
            ]}
          />
        )}
      </div>
      {error && (
        <p role="alert" className="ev-error">
          The evaluation failed: {error}
        </p>
      )}
      {/* Only a handle for Save figure: it takes no part in the layout. */}
      <div ref={results} style={{ display: 'contents' }}>
        {e && <Results e={e} alpha={alpha} usesAlpha={usesAlpha} />}
      </div>
    </>
  );
}

function describeEvaluation(e: LabEvaluation, implicit: boolean, how: string | null): string {
  const n = formatCount(e.heldOut);
  const users = e.ranking ? `, ${formatCount(e.ranking.model.users)} users with relevant ones` : '';
  return `Step ${e.step}: ${n} held-out ${implicit ? 'entries' : 'ratings'}${how ? ` (${how})` : ''}${users}.`;
}

function Results({ e, alpha, usesAlpha }: { e: LabEvaluation; alpha: number; usesAlpha: boolean }) {
  const groups = metricGroups(e);
  const v = verdict(e, { step: e.step, alpha: usesAlpha ? alpha : 0 });
  const note = usesAlpha ? alphaNote(e, alpha) : null;
  const chartGroups = e.explicit ? groups.slice(0, 1) : groups;
  return (
    <>
      {v && <p className={`ev-verdict ${v.wins ? 'ev-wins' : 'ev-loses'}`}>{v.text}</p>}
      {note && <p className="ev-note">{note}</p>}
      <div className="ev-results">
        <ResultTable e={e} />
        <MetricBars
          groups={chartGroups}
          label={chartGroups
            .map((g) => `${g.metric}: ${g.rows.map((r) => `${r.label} ${formatMetric(r.value)}`).join(', ')}`)
            .join('. ')}
        />
      </div>
      <p className="muted ev-why">
        {e.explicit
          ? 'Why baselines? Predicting everyone’s average (μ) or each user’s or film’s average needs no factors at all; μ + user bias + item bias (Koren 2010) is the usual bar to clear. Factors earn their place only by beating it on held-out ratings.'
          : 'Why popularity? Recommending what most people have is a strong, personalisation-free guess. Ranking metrics: precision@k counts hits among the top k (training items excluded), recall@k the share of a user’s held-out items found, MAP@k and NDCG@k also reward hits near the top.'}
      </p>
    </>
  );
}

function ResultTable({ e }: { e: LabEvaluation }) {
  if (e.explicit) {
    const groups = metricGroups(e);
    const [rmse, mae] = groups as [ReturnType<typeof metricGroups>[number], ReturnType<typeof metricGroups>[number]];
    return (
      <table className="ev-table">
        <caption>Held-out error (lower is better)</caption>
        <thead>
          <tr>
            <th scope="col">Predictor</th>
            <th scope="col">RMSE</th>
            <th scope="col">MAE</th>
          </tr>
        </thead>
        <tbody>
          {rmse.rows.map((r, t) => (
            <tr key={r.label} className={r.model ? 'ev-model' : undefined}>
              <th scope="row">{r.model ? 'The factors, uᵢᵀvⱼ' : r.label}</th>
              <td>{formatMetric(r.value)}</td>
              <td>{formatMetric(mae.rows[t]!.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  const groups = metricGroups(e);
  return (
    <table className="ev-table">
      <caption>Ranking on held-out entries (higher is better)</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">The factors</th>
          <th scope="col">Most popular</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.metric}>
            <th scope="row">{g.metric}</th>
            <td className="ev-model">{formatMetric(g.rows[0]!.value)}</td>
            <td>{formatMetric(g.rows[1]!.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
