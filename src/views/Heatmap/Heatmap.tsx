/**
 * A matrix as coloured cells: SVG with numbers for classroom sizes, a canvas painted at
 * grid resolution for large ones (ML-100k: 943 × 1,682). Highlights, marks and hover are
 * drawn on top; the colours come from a precomputed scale (D3 computes, React renders).
 */
import { rgb } from 'd3';
import { memo, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { formatCell, textOn, type ColorScale } from '../common/colors';
import { paintHeatmap } from './paintHeatmap';
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

/** Large matrices: one canvas pixel per cell, scaled up by CSS; hover from the pointer position. */
function CanvasHeatmap(props: HeatmapProps) {
  const {
    rows,
    cols,
    values,
    color,
    label,
    onHover,
    onCellClick,
    hover,
    highlightRows,
    highlightCols,
    maxWidth = 640,
    maxHeight = 420,
    rowIndex,
    colIndex,
  } = props;
  // The drawn grid: the sampled rows and columns when given, else every one.
  const drawnRows = rowIndex?.length ?? rows;
  const drawnCols = colIndex?.length ?? cols;
  const canvas = useRef<HTMLCanvasElement>(null);
  const scale = Math.min(maxWidth / cols, maxHeight / rows, 8);
  const width = Math.max(1, Math.round(cols * scale));
  const height = Math.max(1, Math.round(rows * scale));
  const table = useMemo(() => colorTable(color), [color]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !values) return;
    const frame = requestAnimationFrame(() => paintHeatmap(c, values, drawnRows, drawnCols, table));
    return () => cancelAnimationFrame(frame);
  }, [values, drawnRows, drawnCols, table]);

  const cellAt = (event: React.PointerEvent | React.MouseEvent) => {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const b = Math.floor(((event.clientX - rect.left) / rect.width) * drawnCols);
    const a = Math.floor(((event.clientY - rect.top) / rect.height) * drawnRows);
    if (a < 0 || b < 0 || a >= drawnRows || b >= drawnCols) return null;
    return { i: rowIndex ? rowIndex[a]! : a, j: colIndex ? colIndex[b]! : b };
  };
  const style: CSSProperties = { width, height };
  return (
    <div className={`heatmap heatmap-canvas ${props.className ?? ''}`} style={style}>
      <canvas
        ref={canvas}
        width={drawnCols}
        height={drawnRows}
        style={style}
        role="img"
        aria-label={`${label} (${rows} × ${cols}, drawn as pixels)`}
        onPointerMove={onHover ? (e) => onHover(cellAt(e)) : undefined}
        onPointerLeave={onHover ? () => onHover(null) : undefined}
        onClick={
          onCellClick
            ? (e) => {
                const c = cellAt(e);
                if (c) onCellClick(c);
              }
            : undefined
        }
      />
      <svg className="heatmap-overlay" width={width} height={height} aria-hidden="true">
        {highlightRows &&
          [...highlightRows].map((i) => (
            <rect
              key={`r${i}`}
              x={0}
              y={(i * height) / rows}
              width={width}
              height={Math.max(2, height / rows)}
              className="hm-band"
            />
          ))}
        {highlightCols &&
          [...highlightCols].map((j) => (
            <rect
              key={`c${j}`}
              x={(j * width) / cols}
              y={0}
              width={Math.max(2, width / cols)}
              height={height}
              className="hm-band"
            />
          ))}
        {hover && (
          <rect
            x={(hover.j * width) / cols - 2}
            y={(hover.i * height) / rows - 2}
            width={Math.max(4, width / cols) + 4}
            height={Math.max(4, height / rows) + 4}
            className="hm-hover"
          />
        )}
      </svg>
    </div>
  );
}

/** 256 colours across the scale's domain, as packed RGBA, for painting without string parsing. */
export interface ColorTable {
  lo: number;
  hi: number;
  rgba: Uint32Array;
}

function colorTable(color: ColorScale): ColorTable {
  const [lo, , hi] = color.domain;
  const rgba = new Uint32Array(256);
  for (let k = 0; k < 256; k++) {
    const c = rgb(color(lo + ((hi - lo) * k) / 255));
    rgba[k] = ((255 << 24) | ((c.b & 255) << 16) | ((c.g & 255) << 8) | (c.r & 255)) >>> 0;
  }
  return { lo, hi, rgba };
}
