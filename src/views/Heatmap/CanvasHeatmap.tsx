/**
 * The canvas form of a heatmap, for large matrices: one canvas pixel per drawn cell,
 * scaled up by CSS, painted from a precomputed colour table; hover from the pointer.
 */
import { rgb } from 'd3';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { ColorScale } from '../common/colors';
import type { HeatmapProps } from './Heatmap';
import { hoverHandlers } from './hoverHandlers';
import { paintHeatmap } from './paintHeatmap';

/** Large matrices: one canvas pixel per cell, scaled up by CSS; hover from the pointer position. */
export function CanvasHeatmap(props: HeatmapProps) {
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
  // Square cells by default; stretched to fill maxWidth × maxHeight when the page gives the box (the lab's stage).
  const scale = Math.min(maxWidth / cols, maxHeight / rows, 8);
  const width = Math.max(1, Math.round(props.stretch ? maxWidth : cols * scale));
  const height = Math.max(1, Math.round(props.stretch ? maxHeight : rows * scale));
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
        onPointerDown={onHover ? (e) => onHover(cellAt(e)) : undefined}
        {...hoverHandlers(onHover)}
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
