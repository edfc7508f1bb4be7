/**
 * A matrix as coloured cells: SVG with numbers for classroom sizes, a canvas painted at
 * grid resolution for large ones (ML-100k: 943 × 1,682). Highlights, marks and hover are
 * drawn on top; the colours come from a precomputed scale (D3 computes, React renders).
 * Values beyond the colour scale are drawn at its end colour with a ▲/▼ mark; the numbers
 * are shortened to fit their cell; a hidden table gives screen readers every number.
 */
import { memo, type ReactNode } from 'react';
import { fitNumber, textOn, type ColorScale } from '../common/colors';
import { CanvasHeatmap } from './CanvasHeatmap';
import { HeatmapTable } from './HeatmapTable';
import { hoverHandlers, type CellRef } from './hoverHandlers';

export type { CellRef };
import './Heatmap.css';

export interface HeatmapProps {
  /** Accessible name, e.g. "U, the users' factor matrix". */
  label: string;
  rows: number;
  cols: number;
  /** Row-major values (rows × cols). */
  values: ArrayLike<number> | null;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  color: ColorScale;
  /** Cell width and height in px (SVG mode). */
  cellWidth: number;
  cellHeight?: number;
  digits?: number;
  showNumbers?: boolean;
  /** Rows / columns to emphasise (e.g. the row being solved, the hovered user). */
  highlightRows?: ReadonlySet<number> | null;
  highlightCols?: ReadonlySet<number> | null;
  /** The cell under the pointer (linked across views). */
  hover?: CellRef | null;
  /** Cells to mark (predictions at R's `?` positions). */
  marked?: (i: number, j: number) => boolean;
  /** Cells drawn with a thick outline (e.g. the terms of the objective being pointed at). */
  outlined?: (i: number, j: number) => boolean;
  /** Cells drawn hatched (held out). */
  hatched?: (i: number, j: number) => boolean;
  onHover?: (cell: CellRef | null) => void;
  onCellClick?: (cell: CellRef) => void;
  /** Tooltip / accessible description of a cell. */
  describe?: (i: number, j: number, value: number) => string;
  /** Above this many cells the matrix is painted on a canvas. */
  canvasAbove?: number;
  /** Largest drawn size in canvas mode (px). */
  maxWidth?: number;
  maxHeight?: number;
  /** Canvas mode: fill maxWidth × maxHeight exactly (cells need not be square). */
  stretch?: boolean;
  /** Row labels on the left / column labels on top. */
  showRowLabels?: boolean;
  showColLabels?: boolean;
  /** Row labels on the left (default) or written after the last column. */
  rowLabelSide?: 'left' | 'right';
  /** Width of the row labels' gutter and height of the column labels' row (px). */
  labelWidth?: number;
  labelHeight?: number;
  /**
   * Canvas mode with sampled values: which matrix row / column each drawn row / column is
   * (values is then rowIndex.length × colIndex.length), so hover reports true indices.
   */
  rowIndex?: Int32Array;
  colIndex?: Int32Array;
  /** The row currently animating (drawn with an accent). */
  activeRow?: number;
  /** Give screen readers the numbers as a table (default true). */
  table?: boolean;
  className?: string;
  children?: ReactNode;
}

const LABEL_W = 64;
export const LABEL_H = 30;

/**
 * Values beyond the scale's ends take its end colour (the scale is clamped). Those more than
 * a quarter of the scale beyond it are marked, so that −44.8 never passes for a rating of 1;
 * a prediction of 0.9 on a 1–5 scale is not worth a mark.
 */
export const FAR_BEYOND = 0.25;

/** Whether a value lies far beyond the colour scale's ends: +1 above, −1 below, 0 not (see FAR_BEYOND). */
export function beyondScale(color: ColorScale, v: number): -1 | 0 | 1 {
  if (!Number.isFinite(v)) return 0;
  const [lo, , hi] = color.domain;
  const slack = (hi - lo) * FAR_BEYOND;
  return v > hi + slack ? 1 : v < lo - slack ? -1 : 0;
}

function HeatmapImpl(props: HeatmapProps) {
  const { rows, cols, canvasAbove = 3000, table = true, rowIndex, colIndex, values } = props;
  // The drawn grid: the sampled rows and columns when given, else every one.
  const drawnRows = rowIndex?.length ?? rows;
  const drawnCols = colIndex?.length ?? cols;
  const labelsOf = (index: Int32Array | undefined, labels: readonly string[] | undefined) =>
    index ? Array.from(index, (k) => labels?.[k] ?? String(k + 1)) : labels;
  return (
    <div className="heatmap-frame">
      {rows * cols > canvasAbove ? <CanvasHeatmap {...props} /> : <SvgHeatmap {...props} />}
      {table && (
        <HeatmapTable
          label={props.label}
          rows={drawnRows}
          cols={drawnCols}
          value={(a, b) => values?.[a * drawnCols + b] ?? Number.NaN}
          rowLabels={labelsOf(rowIndex, props.rowLabels)}
          colLabels={labelsOf(colIndex, props.colLabels)}
          around={rowIndex || colIndex ? null : props.hover}
        />
      )}
    </div>
  );
}

export const Heatmap = memo(HeatmapImpl);

function SvgHeatmap(props: HeatmapProps) {
  const {
    label,
    rows,
    cols,
    values,
    rowLabels,
    colLabels,
    color,
    cellWidth: w,
    digits = 2,
    hover,
    marked,
    hatched,
    outlined,
    highlightRows,
    highlightCols,
    onHover,
    onCellClick,
    describe,
    activeRow = -1,
    showRowLabels = !!rowLabels,
    showColLabels = !!colLabels,
    labelWidth = LABEL_W,
    labelHeight = LABEL_H,
    rowLabelSide = 'left',
  } = props;
  const h = props.cellHeight ?? w;
  const fontSize = Math.min(20, Math.max(12, Math.floor(Math.min(w / 3, h * 0.56))));
  const showNumbers = props.showNumbers ?? (w >= 34 && h >= 24);
  // Characters that fit across a cell in the monospaced font (0.6 em each), with a little padding.
  const maxChars = Math.max(1, Math.floor((w - 4) / (fontSize * 0.6)));
  const mark = Math.max(4, Math.min(8, Math.round(Math.min(w, h) / 4)));
  const left = showRowLabels && rowLabelSide === 'left' ? labelWidth : 0;
  const right = showRowLabels && rowLabelSide === 'right' ? labelWidth : 0;
  const top = showColLabels ? labelHeight : 0;
  const width = left + cols * w + 2 + right;
  const height = top + rows * h + 2;

  const cells: ReactNode[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = values ? values[i * cols + j]! : Number.NaN;
      const fill = color(v);
      const isMarked = marked?.(i, j) ?? false;
      const isHatched = hatched?.(i, j) ?? false;
      const beyond = beyondScale(color, v);
      cells.push(
        <g
          key={`${i},${j}`}
          transform={`translate(${left + j * w},${top + i * h})`}
          data-cell={`${i},${j}`}
          data-value={Number.isFinite(v) ? v : ''}
          data-beyond={beyond || undefined}
          className={isMarked ? 'hm-cell hm-marked' : 'hm-cell'}
          onPointerEnter={onHover ? () => onHover({ i, j }) : undefined}
          onPointerDown={onHover ? () => onHover({ i, j }) : undefined}
          onClick={onCellClick ? () => onCellClick({ i, j }) : undefined}
        >
          <rect width={w} height={h} fill={fill} className="hm-rect" />
          {isHatched && <rect width={w} height={h} fill="url(#hm-hatch)" className="hm-hatch" />}
          {isMarked && <rect x={2} y={2} width={w - 4} height={h - 4} className="hm-mark" />}
          {outlined?.(i, j) && <rect x={2} y={2} width={w - 4} height={h - 4} className="hm-outline" />}
          {beyond !== 0 && (
            <path
              className="hm-beyond"
              d={
                beyond > 0
                  ? `M${w - 2 - mark},2 L${w - 2},2 L${w - 2},${2 + mark} Z`
                  : `M2,${h - 2 - mark} L2,${h - 2} L${2 + mark},${h - 2} Z`
              }
              fill={textOn(fill)}
            />
          )}
          {showNumbers && (
            <text
              x={w / 2}
              y={h / 2}
              dy="0.35em"
              textAnchor="middle"
              fill={textOn(fill)}
              fontSize={fontSize}
              fontWeight={isMarked ? 700 : 400}
            >
              {fitNumber(v, digits, maxChars)}
            </text>
          )}
          {describe && (
            <title>
              {describe(i, j, v)}
              {beyond !== 0 ? ' (beyond the colour scale: drawn at its end colour)' : ''}
            </title>
          )}
        </g>,
      );
    }
  }

  return (
    <svg
      className={`heatmap ${props.className ?? ''}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      {...hoverHandlers(onHover)}
    >
      <defs>
        <pattern id="hm-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="8" stroke="#333" strokeWidth="2.5" strokeOpacity="0.45" />
        </pattern>
      </defs>
      {showColLabels &&
        colLabels?.slice(0, cols).map((c, j) => (
          <text
            key={`c${j}`}
            x={left + j * w + w / 2}
            y={top - 8}
            textAnchor="middle"
            className={`${highlightCols?.has(j) || hover?.j === j ? 'hm-label hm-label-on' : 'hm-label'}${w < 40 ? ' hm-label-small' : ''}`}
          >
            {abbreviate(c, w - 3, w < 40 ? 12 : 15)}
          </text>
        ))}
      {showRowLabels &&
        rowLabels?.slice(0, rows).map((r, i) => (
          <text
            key={`r${i}`}
            x={right ? left + cols * w + 6 : left - 8}
            y={top + i * h + h / 2}
            dy="0.35em"
            textAnchor={right ? 'start' : 'end'}
            className={highlightRows?.has(i) || hover?.i === i ? 'hm-label hm-label-on' : 'hm-label'}
          >
            {abbreviate(r, labelWidth - 10, 15)}
          </text>
        ))}
      <g>{cells}</g>
      {highlightRows &&
        [...highlightRows].map((i) => (
          <rect key={`hr${i}`} x={left} y={top + i * h} width={cols * w} height={h} className="hm-band" />
        ))}
      {highlightCols &&
        [...highlightCols].map((j) => (
          <rect key={`hc${j}`} x={left + j * w} y={top} width={w} height={rows * h} className="hm-band" />
        ))}
      {activeRow >= 0 && activeRow < rows && (
        <rect x={left - 3} y={top + activeRow * h - 1} width={cols * w + 6} height={h + 2} className="hm-active" />
      )}
      {hover && hover.i < rows && hover.j < cols && (
        <rect x={left + hover.j * w} y={top + hover.i * h} width={w} height={h} className="hm-hover" />
      )}
    </svg>
  );
}

/**
 * A label cut to a width (px) at a font size: whole when it fits, else its first letters
 * with "…" when four or more fit, else just the first letters ("Hea" for Heat in a narrow column).
 */
export function abbreviate(label: string, width: number, fontPx: number): string {
  const fit = Math.max(1, Math.floor(width / (fontPx * 0.6)));
  if (label.length <= fit) return label;
  return fit >= 4 ? label.slice(0, fit - 1) + '…' : label.slice(0, fit);
}
