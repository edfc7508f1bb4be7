/**
 * A small bar chart of an evaluation: one group per metric, one bar per predictor, the
 * factors in blue and the baselines in grey with a hatch (Okabe–Ito blue: safe for colour-blind
 * readers; the value is written beside every bar, so nothing depends on colour). HTML bars,
 * widths from a d3 scale: the text stays full size at any width.
 */
import { scaleLinear } from 'd3';
import { useMemo } from 'react';
import { formatMetric, type MetricGroup } from './evaluationModel';

export function MetricBars({ groups, label }: { groups: MetricGroup[]; label: string }) {
  const scales = useMemo(
    () =>
      groups.map((g) => {
        const max = Math.max(...g.rows.map((r) => (Number.isFinite(r.value) ? r.value : 0)), 1e-9);
        return scaleLinear().domain([0, max]).range([0, 100]);
      }),
    [groups],
  );
  return (
    <div className="ev-bars" role="img" aria-label={label}>
      {groups.map((g, t) => (
        <div key={g.metric} className="ev-bar-group">
          <div className="ev-bar-title">
            {g.metric} <span className="muted">({g.better} is better)</span>
          </div>
          {g.rows.map((r) => (
            <div key={r.label} className={`ev-bar-row${r.model ? ' ev-model' : ''}`}>
              <span className="ev-bar-label">{r.label}</span>
              <span className="ev-bar-track">
                <span
                  className={`ev-bar ${r.model ? 'ev-bar-model' : 'ev-bar-base'}`}
                  style={{ width: `${Number.isFinite(r.value) ? scales[t]!(r.value) : 0}%` }}
                />
              </span>
              <span className="ev-bar-value">{formatMetric(r.value)}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
