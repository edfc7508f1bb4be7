/**
 * The search's grid as a heatmap: d down, λ across (one grid per α), each cell coloured by its
 * validation value on a sequential, colour-blind-safe scale (viridis: bright yellow is best),
 * with the value written in it (and the training error under it), the best cell outlined and
 * starred. A real table, so a screen reader reads it cell by cell.
 */
import { interpolateViridis, scaleSequential } from 'd3';
import { useMemo } from 'react';
import type { SearchCell, SearchMetric } from '../../core';
import { textOn } from '../common/colors';
import { cellAt } from './searchModel';

export interface SearchHeatmapProps {
  factors: number[];
  lambdas: number[];
  /** One grid per α (implicit), or [null]. */
  alphas: (number | null)[];
  cells: SearchCell[];
  best: SearchCell | null;
  metric: SearchMetric;
}

export function SearchHeatmap({ factors, lambdas, alphas, cells, best, metric }: SearchHeatmapProps) {
  const colour = useMemo(() => {
    const values = cells.map((c) => c.value).filter(Number.isFinite);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    // 1 = best: lower RMSE, or higher precision.
    const [worst, top] = metric.better === 'lower' ? [hi, lo] : [lo, hi];
    const scale = scaleSequential(interpolateViridis).domain(worst === top ? [worst - 1, top] : [worst, top]);
    return (v: number) => {
      const bg = Number.isFinite(v) ? scale(v) : '#d1d5db';
      return { background: bg, color: textOn(bg) };
    };
  }, [cells, metric]);
  const metricName = metric.name === 'rmse' ? 'RMSE' : metric.name;
  return (
    <>
      <div className="sh-grids">
        {alphas.map((alpha) => (
          <table key={String(alpha)} className="sh-table">
            <caption>
              Validation {metricName} ({metric.better} is better){alpha !== null ? `, α = ${alpha}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">d \ λ</th>
                {lambdas.map((l) => (
                  <th key={l} scope="col">
                    λ = {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {factors.map((d) => (
                <tr key={d}>
                  <th scope="row">d = {d}</th>
                  {lambdas.map((l) => {
                    const cell = cellAt(cells, d, l, alpha);
                    const isBest = cell !== null && best !== null && cell === best;
                    return (
                      <td key={l} className={isBest ? 'sh-best' : undefined} style={cell ? colour(cell.value) : undefined}>
                        {cell ? (
                          <>
                            <span className="sh-value">
                              {isBest && <span aria-hidden="true">★ </span>}
                              {Number.isFinite(cell.value) ? cell.value.toFixed(3) : '–'}
                            </span>
                            {isBest && <span className="visually-hidden"> (best)</span>}
                            <span className="sh-train">train {cell.train.toFixed(3)}</span>
                          </>
                        ) : (
                          <span className="sh-pending">…</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="sh-legend muted">
        <span className="sh-swatch" style={{ background: interpolateViridis(1) }} aria-hidden="true" /> best ·{' '}
        <span className="sh-swatch" style={{ background: interpolateViridis(0) }} aria-hidden="true" /> worst of this grid
        (colours from bright yellow to dark purple); ★ marks the best cell; “train” is the error on the fitted part.
      </p>
    </>
  );
}
