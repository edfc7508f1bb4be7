/**
 * One chart over the run, drawn by React from a precomputed ChartModel: grid, axes,
 * lines, the rises, one marker per entry (when they fit), the cursor and a click target
 * that picks a step.
 */
import { memo, type MouseEvent } from 'react';
import type { ChartModel } from './chartModel';
import { KIND_STYLES, type LineStyle } from './styles';
import type { StepKind } from '../../worker/protocol';

export interface ChartMarker {
  /** Timeline index. */
  t: number;
  step: number;
  value: number;
  kind: StepKind;
  rise: boolean;
}

export interface LineChartProps {
  model: ChartModel;
  label: string;
  yLabel: string;
  xLabel: string;
  lines: LineStyle[];
  markers: ChartMarker[];
  risePath: string;
  /** The step on screen when scrubbed back (a vertical marker), else null. */
  cursor: { step: number; value: number } | null;
  /** The latest point, emphasised when markers are not drawn. */
  live: { step: number; value: number } | null;
  diverged: { step: number } | null;
  onPick?: (step: number) => void;
  /** A name for the chart's data-chart attribute (tests and styles). */
  name: string;
  /** Write "viewing step k" by the cursor (once per stack of charts is enough). */
  cursorLabel?: boolean;
}

function LineChartImpl({
  model,
  label,
  yLabel,
  xLabel,
  lines,
  markers,
  risePath,
  cursor,
  live,
  diverged,
  onPick,
  name,
  cursorLabel = true,
}: LineChartProps) {
  const { width, height, margin, plotWidth, plotHeight } = model;
  const left = margin.left;
  const top = margin.top;
  const bottom = top + plotHeight;
  const right = left + plotWidth;

  const pick = (e: MouseEvent<SVGRectElement>) => {
    if (!onPick) return;
    const box = e.currentTarget.ownerSVGElement!.getBoundingClientRect();
    onPick(model.invertX(e.clientX - box.left));
  };

  return (
    <svg
      className="line-chart"
      data-chart={name}
      data-scale={model.log ? 'log' : 'linear'}
      width={width}
      height={height}
      role="img"
      aria-label={label}
    >
      <g className="grid" aria-hidden="true">
        {model.yTicks
          .filter((tick) => tick.label)
          .map((tick) => (
            <line key={tick.value} x1={left} x2={right} y1={tick.pos} y2={tick.pos} />
          ))}
      </g>
      <g className="axis y-axis" aria-hidden="true">
        <line x1={left} x2={left} y1={top} y2={bottom} />
        {model.yTicks.map((tick) => (
          <line key={tick.value} x1={left - (tick.label ? 6 : 3)} x2={left} y1={tick.pos} y2={tick.pos} />
        ))}
        {model.yTicks
          .filter((tick) => tick.label)
          .map((tick) => (
            <text key={tick.value} x={left - 8} y={tick.pos} dy="0.35em" textAnchor="end">
              {tick.label}
            </text>
          ))}
        <text className="axis-label" transform={`translate(${18},${top + plotHeight / 2}) rotate(-90)`} textAnchor="middle">
          {yLabel}
        </text>
      </g>
      <g className="axis x-axis" aria-hidden="true">
        <line x1={left} x2={right} y1={bottom} y2={bottom} />
        {model.xTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={tick.pos} x2={tick.pos} y1={bottom} y2={bottom + 6} />
            <text x={tick.pos} y={bottom + 8} dy="0.9em" textAnchor="middle">
              {tick.label}
            </text>
          </g>
        ))}
        <text className="axis-label" x={left + plotWidth / 2} y={height - 4} textAnchor="middle">
          {xLabel}
        </text>
      </g>
      {onPick && (
        <rect
          className="pick-area"
          x={left}
          y={top}
          width={plotWidth}
          height={plotHeight}
          onClick={pick}
          aria-hidden="true"
          data-testid={`${name}-pick`}
        >
          <title>Click to view the model at this step</title>
        </rect>
      )}
      <g className="lines" aria-hidden="true" pointerEvents="none">
        {lines.map((l) => (
          <path
            key={l.key}
            className={`series series-${l.key}`}
            d={model.paths[l.key] ?? ''}
            stroke={l.color}
            strokeWidth={l.width}
            strokeDasharray={l.dash}
          />
        ))}
        {risePath && <path className="rises" d={risePath} />}
      </g>
      {diverged && (
        <g className="diverged-marker" aria-hidden="true" pointerEvents="none">
          <line x1={model.x(diverged.step)} x2={model.x(diverged.step)} y1={top} y2={bottom} />
          <text x={model.x(diverged.step) - 6} y={top + 18} textAnchor="end">
            diverged
          </text>
        </g>
      )}
      <g className="markers" aria-hidden="true" pointerEvents="none">
        {markers.map((p) => {
          const style = KIND_STYLES[p.kind];
          return (
            <g
              key={p.t}
              className={`point kind-${p.kind}${p.rise ? ' rise' : ''}`}
              data-index={p.t}
              data-step={p.step}
              data-kind={p.kind}
              data-value={p.value}
              transform={`translate(${model.x(p.step).toFixed(1)},${model.y(p.value).toFixed(1)})`}
            >
              {p.rise && <circle r={11} className="rise-ring" />}
              <path d={style.symbol} fill={style.fill} stroke={style.stroke} strokeWidth={1.5} />
            </g>
          );
        })}
      </g>
      {live && markers.length === 0 && (
        <circle
          className="live-point"
          pointerEvents="none"
          cx={model.x(live.step)}
          cy={model.y(live.value)}
          r={6}
          aria-hidden="true"
          fill={lines[0]?.color}
        />
      )}
      {cursor && (
        <g className="cursor-marker" data-step={cursor.step} aria-hidden="true" pointerEvents="none">
          <line x1={model.x(cursor.step)} x2={model.x(cursor.step)} y1={top} y2={bottom} />
          <circle cx={model.x(cursor.step)} cy={model.y(cursor.value)} r={9} />
          {cursorLabel && (
            <text
              x={model.x(cursor.step) + (model.x(cursor.step) > left + plotWidth * 0.75 ? -8 : 8)}
              y={top + 16}
              textAnchor={model.x(cursor.step) > left + plotWidth * 0.75 ? 'end' : 'start'}
            >
              viewing step {cursor.step}
            </text>
          )}
        </g>
      )}
    </svg>
  );
}

export const LineChart = memo(LineChartImpl);
