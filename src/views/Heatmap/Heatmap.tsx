/**
 * A matrix as coloured cells: SVG with numbers for classroom sizes, a canvas painted at
 * grid resolution for large ones (ML-100k: 943 × 1,682). Highlights, marks and hover are
 * drawn on top; the colours come from a precomputed scale (D3 computes, React renders).
 */
import { memo, type ReactNode } from 'react';
import { formatCell, textOn, type ColorScale } from '../common/colors';
import { CanvasHeatmap } from './CanvasHeatmap';
import './Heatmap.css';

export interface CellRef {
  i: number;
  j: number;
}

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
  /** Row labels on the left / column labels on top. */
  showRowLabels?: boolean;
  showColLabels?: boolean;
  /**
   * Canvas mode with sampled values: which matrix row / column each drawn row / column is
   * (values is then rowIndex.length × colIndex.length), so hover reports true indices.
   */
  rowIndex?: Int32Array;
  colIndex?: Int32Array;
  /** The row currently animating (drawn with an accent). */
  activeRow?: number;
  className?: string;
  children?: ReactNode;
}

const LABEL_W = 64;
const LABEL_H = 30;

function HeatmapImpl(props: HeatmapProps) {
  const { rows, cols, canvasAbove = 3000 } = props;
  if (rows * cols > canvasAbove) return <CanvasHeatmap {...props} />;
  return <SvgHeatmap {...props} />;
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
  } = props;
  const h = props.cellHeight ?? w;
  const showNumbers = props.showNumbers ?? (w >= 34 && h >= 26);
  const left = showRowLabels ? LABEL_W : 0;
  const top = showColLabels ? LABEL_H : 0;
  const width = left + cols * w + 2;
  const height = top + rows * h + 2;
  const fontSize = Math.min(18, Math.max(11, Math.floor(Math.min(w / 3.4, h * 0.55))));

  const cells: ReactNode[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = values ? values[i * cols + j]! : Number.NaN;
      const fill = color(v);
      const isMarked = marked?.(i, j) ?? false;
      const isHatched = hatched?.(i, j) ?? false;
      cells.push(
        <g
          key={`${i},${j}`}
          transform={`translate(${left + j * w},${top + i * h})`}
          data-cell={`${i},${j}`}
          data-value={Number.isFinite(v) ? v : ''}
          className={isMarked ? 'hm-cell hm-marked' : 'hm-cell'}
          onPointerEnter={onHover ? () => onHover({ i, j }) : undefined}
          onClick={onCellClick ? () => onCellClick({ i, j }) : undefined}
        >
          <rect width={w} height={h} fill={fill} className="hm-rect" />
          {isHatched && <rect width={w} height={h} fill="url(#hm-hatch)" className="hm-hatch" />}
          {isMarked && <rect x={2} y={2} width={w - 4} height={h - 4} className="hm-mark" />}
          {outlined?.(i, j) && <rect x={2} y={2} width={w - 4} height={h - 4} className="hm-outline" />}
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
              {formatCell(v, digits)}
            </text>
          )}
          {describe && <title>{describe(i, j, v)}</title>}
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
      onPointerLeave={onHover ? () => onHover(null) : undefined}
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
            y={top - 9}
            textAnchor="middle"
            className={highlightCols?.has(j) || hover?.j === j ? 'hm-label hm-label-on' : 'hm-label'}
          >
            {truncate(c, Math.max(2, Math.floor(w / 9)))}
          </text>
        ))}
      {showRowLabels &&
        rowLabels?.slice(0, rows).map((r, i) => (
          <text
            key={`r${i}`}
            x={left - 8}
            y={top + i * h + h / 2}
            dy="0.35em"
            textAnchor="end"
            className={highlightRows?.has(i) || hover?.i === i ? 'hm-label hm-label-on' : 'hm-label'}
          >
            {truncate(r, 7)}
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

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, Math.max(1, n - 1)) + '…' : s;
}
