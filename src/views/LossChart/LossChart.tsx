/**
 * The objective over the run: 𝓛 after every half-step with its data and regularisation
 * terms, the training and held-out RMSE below, a log-scale toggle, the values at the step
 * on screen, and a note on monotonicity (ALS never rises; gradient descent may).
 * D3 computes the geometry (chartModel.ts); React draws it, at most once per frame.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useLab } from '../../state/LabContext';
import type { StepKind } from '../../worker/protocol';
import { buildChart, risePath, stepDomain, type Margin } from './chartModel';
import { LineChart, type ChartMarker } from './LineChart';
import { LossLegend, type LegendLine } from './LossLegend';
import { describeRun, extractSeries, findRises, formatValue, nearestIndex, type LossSeries } from './lossSeries';
import { LossTable } from './LossTable';
import { LINE_STYLES } from './styles';
import { useFrameLab } from './useFrameLab';
import { useElementWidth } from '../common/useElementWidth';
import { xAxisWords } from './axisWords';
import { SaveFigure } from '../common/SaveFigure';
import type { FigureSpec } from '../common/saveFigure';
import './LossChart.css';
import { useKeptRef } from '../common/useKeptRef';

export type LossChartPart = 'parts' | 'rmse';

export interface LossChartProps {
  /** Height of the objective chart in pixels. */
  height?: number;
  /** Height of the RMSE chart in pixels. */
  rmseHeight?: number;
  /** What to show besides the objective: its two terms, the RMSE chart. */
  show?: LossChartPart[];
  /** Offer "Save figure" (SVG, PNG) in the toolbar (default true). */
  saveFigure?: boolean;
}

const MARGIN: Margin = { top: 14, right: 22, bottom: 58, left: 86 };
/** Markers are drawn while every entry gets this many pixels, up to MAX_MARKERS. */
const MARKER_SPACING = 7;
const MAX_MARKERS = 400;

const TEX = {
  total: '\\mathcal{L}(U,V)',
  explicit: '\\sum_{(i,j)\\in\\Omega}(r_{ij}-u_i^\\top v_j)^2',
  implicit: '\\sum_{i,j} c_{ij}(p_{ij}-u_i^\\top v_j)^2',
  regularization: '\\lambda(\\sum_i\\|u_i\\|^2+\\sum_j\\|v_j\\|^2)',
};

const LEGEND_ORDER: StepKind[] = ['init', 'users', 'items', 'row', 'gd', 'update', 'restore'];

function markersOf(series: LossSeries, values: Float64Array, rises: ReadonlySet<number>, plotWidth: number): ChartMarker[] {
  const n = series.length;
  if (n > MAX_MARKERS || n * MARKER_SPACING > plotWidth) return [];
  return Array.from({ length: n }, (_, t) => ({
    t,
    step: series.steps[t]!,
    value: values[t]!,
    kind: series.kinds[t]!,
    rise: rises.has(t),
  }));
}

export function LossChart({ height = 300, rmseHeight = 180, show = ['parts', 'rmse'], saveFigure = true }: LossChartProps) {
  // The timeline changes with every batch from the worker: read it once per frame. The rest
  // changes on a click, and the checkbox must follow it at once (a controlled input).
  const timeline = useFrameLab((s) => s.timeline);
  const { cursor, logScale, setLogScale, scrub, mode, solver } = useLab((s) => ({
    cursor: s.cursor,
    logScale: s.logScale,
    setLogScale: s.setLogScale,
    scrub: s.scrub,
    mode: s.data.mode,
    solver: s.settings.solver,
  }));
  // An RMSE is in rating points: 1.5 is a lot on 1–5 and little on 0–10, so the chart says which scale.
  const scaleMin = useLab((s) => s.data.scale.min);
  const scaleMax = useLab((s) => s.data.scale.max);
  const rmseUnit = mode === 'explicit' ? `, in rating points on the ${scaleMin}–${scaleMax} scale` : '';
  const [ref, measured] = useElementWidth<HTMLDivElement>(720);
  const [charts, chartsRef] = useKeptRef<HTMLDivElement>(ref);
  const side = useRef<HTMLElement>(null);
  const figures = useMemo<FigureSpec[]>(
    () => [
      {
        key: 'loss',
        name: 'the loss chart',
        title: 'The objective after each half-step',
        roots: () => [charts.current, ...Array.from(side.current?.querySelectorAll('.loss-legend') ?? [])],
      },
    ],
    [charts],
  );
  const width = Math.floor(measured);
  const showParts = show.includes('parts');
  const showRmse = show.includes('rmse');

  const series = useMemo(() => extractSeries(timeline), [timeline]);
  const rises = useMemo(() => findRises(series.kinds, series.total), [series]);
  const riseSet = useMemo(() => new Set(rises), [rises]);
  const note = useMemo(() => describeRun(series, rises, solver), [series, rises, solver]);
  const xDomain = useMemo(() => stepDomain(series.steps), [series]);

  const main = useMemo(
    () =>
      buildChart({
        steps: series.steps,
        lines: [
          { key: 'total', values: series.total },
          ...(showParts
            ? [
                { key: 'data', values: series.data },
                { key: 'regularization', values: series.regularization },
              ]
            : []),
        ],
        width,
        height,
        log: logScale,
        margin: MARGIN,
        xDomain,
      }),
    [series, showParts, width, height, logScale, xDomain],
  );
  const rmse = useMemo(
    () =>
      showRmse
        ? buildChart({
            steps: series.steps,
            lines: [
              { key: 'trainRmse', values: series.trainRmse },
              ...(series.hasTest ? [{ key: 'testRmse', values: series.testRmse }] : []),
            ],
            width,
            height: rmseHeight,
            log: logScale,
            margin: MARGIN,
            xDomain,
          })
        : null,
    [series, showRmse, width, rmseHeight, logScale, xDomain],
  );
  const markers = useMemo(() => markersOf(series, series.total, riseSet, main.plotWidth), [series, riseSet, main.plotWidth]);
  const rising = useMemo(() => risePath(main, series.steps, series.total, rises), [main, series, rises]);

  const onPick = useCallback((step: number) => scrub(nearestIndex(series.steps, step)), [scrub, series]);

  const n = series.length;
  const shown = n === 0 ? -1 : (cursor ?? n - 1);
  const at = (values: Float64Array) => (shown >= 0 ? values[shown]! : Number.NaN);
  const cursorAt = (values: Float64Array) =>
    cursor !== null && cursor < n ? { step: series.steps[cursor]!, value: values[cursor]! } : null;
  const liveAt = (values: Float64Array) => (n > 0 ? { step: series.steps[n - 1]!, value: values[n - 1]! } : null);
  const diverged = series.diverged ? { step: series.steps[series.diverged.index]! } : null;
  const xLabel = xAxisWords(series.kinds, solver).long;

  const legendLines: LegendLine[] = [
    { style: LINE_STYLES.total, name: 'objective', tex: TEX.total },
    ...(showParts
      ? [
          { style: LINE_STYLES.data, name: 'data term', tex: mode === 'implicit' ? TEX.implicit : TEX.explicit },
          { style: LINE_STYLES.regularization, name: 'regularisation', tex: TEX.regularization },
        ]
      : []),
  ];
  // The two half-steps are explained when ALS is the solver or the run holds some; gradient steps likewise.
  const als = solver === 'als' || series.kinds.includes('users') || series.kinds.includes('items');
  const kinds = LEGEND_ORDER.filter(
    (k) => ((k === 'users' || k === 'items') && als) || (k === 'gd' && solver === 'gd') || series.kinds.includes(k),
  );
  const mainLines = showParts ? [LINE_STYLES.total, LINE_STYLES.data, LINE_STYLES.regularization] : [LINE_STYLES.total];
  const rmseLines = series.hasTest ? [LINE_STYLES.trainRmse, LINE_STYLES.testRmse] : [LINE_STYLES.trainRmse];

  return (
    <div className="loss-chart">
      <div className="loss-toolbar">
        <label className="log-toggle">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} />
          Log scale
        </label>
        <p className={`run-note tone-${note.tone}`} data-tone={note.tone}>
          {note.text}
        </p>
        {saveFigure && <SaveFigure figures={figures} />}
      </div>
      <div className="loss-body">
        <div className="loss-charts" ref={chartsRef}>
          <LineChart
            name="objective"
            model={main}
            label={`Objective after each step${logScale ? ', logarithmic axis' : ''}: ${n} entries, now ${formatValue(at(series.total))}`}
            yLabel={logScale ? 'objective (log)' : 'objective'}
            xLabel={xLabel}
            lines={mainLines}
            markers={markers}
            risePath={rising}
            cursor={cursorAt(series.total)}
            live={liveAt(series.total)}
            diverged={diverged}
            onPick={onPick}
          />
          {rmse && (
            <LineChart
              name="rmse"
              model={rmse}
              label={`Training${series.hasTest ? ' and held-out' : ''} RMSE after each step${rmseUnit}`}
              yLabel={logScale ? 'RMSE (log)' : 'RMSE'}
              xLabel={xLabel}
              lines={rmseLines}
              markers={[]}
              risePath=""
              cursor={cursorAt(series.trainRmse)}
              cursorLabel={false}
              live={liveAt(series.trainRmse)}
              diverged={diverged}
              onPick={onPick}
            />
          )}
        </div>
        <aside className="loss-side" ref={side}>
          <dl className="loss-readouts" aria-label={cursor === null ? 'Latest values' : 'Values at the step on screen'}>
            <div className="readout-total">
              <dt>objective</dt>
              <dd>
                <output aria-live="off" aria-label="Objective">
                  {formatValue(at(series.total))}
                </output>
              </dd>
            </div>
            {showParts && (
              <>
                <div>
                  <dt>data term</dt>
                  <dd>
                    <output aria-live="off" aria-label="Data term">
                      {formatValue(at(series.data))}
                    </output>
                  </dd>
                </div>
                <div>
                  <dt>regularisation</dt>
                  <dd>
                    <output aria-live="off" aria-label="Regularisation term">
                      {formatValue(at(series.regularization))}
                    </output>
                  </dd>
                </div>
              </>
            )}
            {showRmse && (
              <div>
                <dt title={rmseUnit ? `RMSE${rmseUnit}` : undefined}>training RMSE</dt>
                <dd>
                  <output aria-live="off" aria-label="Training RMSE">
                    {formatValue(at(series.trainRmse))}
                  </output>
                </dd>
              </div>
            )}
            {showRmse && series.hasTest && (
              <div>
                <dt>held-out RMSE</dt>
                <dd>
                  <output aria-live="off" aria-label="Held-out RMSE">
                    {formatValue(at(series.testRmse))}
                  </output>
                </dd>
              </div>
            )}
          </dl>
          <LossLegend lines={legendLines} kinds={kinds} rises={rises.length > 0} label="Objective legend" />
          {showRmse && (
            <LossLegend
              lines={[
                { style: LINE_STYLES.trainRmse, name: 'training RMSE' },
                ...(series.hasTest ? [{ style: LINE_STYLES.testRmse, name: 'held-out RMSE' }] : []),
              ]}
              kinds={[]}
              rises={false}
              label="RMSE legend"
            />
          )}
        </aside>
      </div>
      <LossTable series={series} />
    </div>
  );
}
