/**
 * The comparison's curves as one line chart: d3 computes the scales and paths, React draws
 * the SVG. Each model has an Okabe–Ito colour, a dash pattern and a marker shape, so the lines
 * differ in greyscale too; the legend names them and a table gives every number.
 */
import { useMemo } from 'react';
import { line, scaleLinear, scaleLog, symbol, symbolCircle, symbolSquare, symbolTriangle } from 'd3';
import { OKABE_ITO } from '../LossChart/styles';

export interface ChartLine {
  name: string;
  values: number[];
}

export const COMPARE_STYLES = [
  { color: OKABE_ITO.blue, dash: undefined, marker: symbol(symbolCircle, 48)() ?? '' },
  { color: OKABE_ITO.vermillion, dash: '10 5', marker: symbol(symbolSquare, 48)() ?? '' },
  { color: OKABE_ITO.green, dash: '3 4', marker: symbol(symbolTriangle, 56)() ?? '' },
] as const;

const HEIGHT = 260;
const MARGIN = { top: 14, right: 16, bottom: 40, left: 68 };

export function VariantChart({
  lines,
  width,
  yLabel,
  log,
  label,
}: {
  lines: ChartLine[];
  width: number;
  yLabel: string;
  log: boolean;
  label: string;
}) {
  const model = useMemo(() => {
    const iterations = Math.max(1, ...lines.map((l) => l.values.length - 1));
    const finite = lines.flatMap((l) => l.values).filter((v) => Number.isFinite(v) && (!log || v > 0));
    const lo = finite.length ? Math.min(...finite) : 0;
    const hi = finite.length ? Math.max(...finite) : 1;
    const x = scaleLinear()
      .domain([0, iterations])
      .range([MARGIN.left, width - MARGIN.right]);
    const y = (
      log ? scaleLog().domain([lo, hi === lo ? lo * 10 : hi]) : scaleLinear().domain([Math.min(0, lo), hi === lo ? hi + 1 : hi])
    )
      .range([HEIGHT - MARGIN.bottom, MARGIN.top])
      .nice();
    const path = line<number>()
      .defined((v) => Number.isFinite(v) && (!log || v > 0))
      .x((_, t) => x(t))
      .y((v) => y(v));
    return {
      x,
      y,
      xTicks: x.ticks(Math.min(iterations, 10)).filter((t) => Number.isInteger(t)),
      // A log scale's ticks include unlabelled minor ones: only the labelled get a grid line.
      yTicks: y.ticks(5).filter((t) => y.tickFormat(5)(t) !== ''),
      paths: lines.map((l) => path(l.values) ?? ''),
    };
  }, [lines, width, log]);
  const { x, y } = model;
  const bottom = HEIGHT - MARGIN.bottom;
  return (
    <svg className="cv-chart" width={width} height={HEIGHT} role="img" aria-label={label}>
      <g aria-hidden="true">
        {model.yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} className="cv-grid" />
            <text x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="cv-tick">
              {y.tickFormat(5)(t)}
            </text>
          </g>
        ))}
        {model.xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={bottom + 16} textAnchor="middle" className="cv-tick">
            {t}
          </text>
        ))}
        <line x1={MARGIN.left} x2={width - MARGIN.right} y1={bottom} y2={bottom} className="cv-axis" />
        <text x={(MARGIN.left + width - MARGIN.right) / 2} y={HEIGHT - 4} textAnchor="middle" className="cv-axis-label">
          full ALS iterations
        </text>
        <text transform={`translate(14 ${(MARGIN.top + bottom) / 2}) rotate(-90)`} textAnchor="middle" className="cv-axis-label">
          {yLabel}
        </text>
        {lines.map((l, k) => {
          const style = COMPARE_STYLES[k % COMPARE_STYLES.length]!;
          return (
            <g key={l.name} data-line={l.name}>
              <path d={model.paths[k]} fill="none" stroke={style.color} strokeWidth={3} strokeDasharray={style.dash} />
              {l.values.map((v, t) =>
                Number.isFinite(v) && (!log || v > 0) ? (
                  <path key={t} d={style.marker} transform={`translate(${x(t)} ${y(v)})`} fill={style.color} />
                ) : null,
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** The legend: each model's line as drawn (colour, dash, marker) and its name. */
export function VariantLegend({ names }: { names: string[] }) {
  return (
    <ul className="cv-legend" aria-label="Compared models">
      {names.map((name, k) => {
        const style = COMPARE_STYLES[k % COMPARE_STYLES.length]!;
        return (
          <li key={name}>
            <svg width={44} height={14} aria-hidden="true">
              <line x1={2} x2={42} y1={7} y2={7} stroke={style.color} strokeWidth={3} strokeDasharray={style.dash} />
              <path d={style.marker} transform="translate(22 7)" fill={style.color} />
            </svg>
            {name}
          </li>
        );
      })}
    </ul>
  );
}
