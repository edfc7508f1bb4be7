/**
 * The objective over the run, small enough to sit beside the run controls so that a
 * Step moves R, UVᵀ and the loss on one screen (TensorFlow Playground's loss sparkline).
 * Its button opens the full chart (with its terms, the RMSE and the timeline).
 */
import { useMemo } from 'react';
import { useLab } from '../../state/LabContext';
import { useElementWidth } from '../common/useElementWidth';
import { buildChart, stepDomain } from './chartModel';
import { extractSeries, findRises, formatValue } from './lossSeries';
import { LINE_STYLES } from './styles';
import { useFrameLab } from './useFrameLab';
import { xAxisWords } from './axisWords';

/** The top margin holds the button to the full chart, clear of the curve. */
const MARGIN = { top: 20, right: 12, bottom: 20, left: 58 };

/**
 * @param minHeight the chart's height when its box gives it no more; it fills a taller box
 */
export function MiniLossChart({ minHeight = 74, onOpen }: { minHeight?: number; onOpen?: () => void }) {
  const timeline = useFrameLab((s) => s.timeline);
  const { cursor, logScale, solver } = useLab((s) => ({ cursor: s.cursor, logScale: s.logScale, solver: s.settings.solver }));
  const [ref, width, boxHeight] = useElementWidth<HTMLDivElement>(320, minHeight);
  const height = Math.max(minHeight, Math.floor(boxHeight) - 2);
  const series = useMemo(() => extractSeries(timeline), [timeline]);
  const rises = useMemo(() => findRises(series.kinds, series.total).length, [series]);
  const model = useMemo(
    () =>
      buildChart({
        steps: series.steps,
        lines: [{ key: 'total', values: series.total }],
        width: Math.max(160, Math.floor(width) - 4),
        height,
        log: logScale,
        margin: MARGIN,
        xDomain: stepDomain(series.steps),
      }),
    [series, width, height, logScale],
  );
  const n = series.length;
  const shown = n === 0 ? -1 : (cursor ?? n - 1);
  const now = shown >= 0 ? series.total[shown]! : Number.NaN;
  const labelled = model.yTicks.filter((t) => t.label);
  const yTicks = labelled.length > 2 ? [labelled[0]!, labelled[labelled.length - 1]!] : labelled;
  const xTicks = model.xTicks.length > 3 ? [model.xTicks[0]!, model.xTicks[model.xTicks.length - 1]!] : model.xTicks;
  const { left, top } = model.margin;
  const bottom = top + model.plotHeight;
  const axis = xAxisWords(series.kinds, solver);
  return (
    <div ref={ref} className="mini-loss">
      <svg
        width={model.width}
        height={height}
        role="img"
        aria-label={`Objective over the run, by ${axis.long}${logScale ? ', log scale' : ''}: now ${formatValue(now)} after ${n} ${n === 1 ? 'entry' : 'entries'}${rises ? `, rose ${rises} times` : ''}`}
        className="line-chart mini-loss-chart"
      >
        {yTicks.map((t) => (
          <g key={t.value}>
            <line x1={left} x2={left + model.plotWidth} y1={t.pos} y2={t.pos} className="mini-grid" />
            <text x={left - 6} y={t.pos} dy="0.35em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        <line x1={left} x2={left} y1={top} y2={bottom} className="mini-axis" />
        <line x1={left} x2={left + model.plotWidth} y1={bottom} y2={bottom} className="mini-axis" />
        {xTicks.map((t) => (
          <text key={t.value} x={t.pos} y={bottom + 15} textAnchor="middle">
            {t.label}
          </text>
        ))}
        <path d={model.paths.total ?? ''} fill="none" stroke={LINE_STYLES.total.color} strokeWidth={3} strokeLinejoin="round" />
        {shown >= 0 && Number.isFinite(now) && (
          <circle
            cx={model.x(series.steps[shown]!)}
            cy={model.y(now)}
            r={5}
            fill={LINE_STYLES.total.color}
            stroke="#fff"
            strokeWidth={2}
          />
        )}
      </svg>
      {onOpen ? (
        <button type="button" className="link-button mini-loss-open" onClick={onOpen}>
          loss chart ↓
        </button>
      ) : (
        <span className="mini-loss-open" aria-hidden="true">
          objective over {axis.short}
        </span>
      )}
    </div>
  );
}
