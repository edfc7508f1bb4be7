/**
 * R when it is too big for a grid of cells: a canvas where each pixel is a block of users ×
 * items, coloured by the share of its cells that are known or by their mean rating, with
 * users and items ordered by activity, as in the data, or by a latent factor. Drag a
 * rectangle (or use + / − and the arrow keys) to zoom; the breadcrumb says where you are and
 * takes you back; a zoomed region can be cut out into the editable grid. The bins come from
 * the lab's worker (useDensity): the page only paints them.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Region } from '../../core';
import { useLab } from '../../state/LabContext';
import { itemLabels } from '../../state/labData';
import type { OrderBy } from '../../worker/protocol';
import { ColorLegend } from '../common/ColorLegend';
import { useElementWidth } from '../common/useElementWidth';
import { paintHeatmap } from '../Heatmap/paintHeatmap';
import {
  densityScale,
  describeBin,
  orderWords,
  rankRange,
  regionOfBins,
  regionWords,
  unitValues,
  zoomInAt,
  type Measure,
} from './densityModel';
import { useDensity } from './useDensity';
import { DensityControls, DensityCrumbs } from './DensityControls';
import './Density.css';
import { formatCount as num } from '../../core/formatCount';

/** A region of R cut out as users and items (the density view's zoomed region). */
export interface RegionCut {
  users: Int32Array;
  items: Int32Array;
  known: number;
  words: string;
}

export interface DensityViewProps {
  /** Height of the plot (px). */
  plotHeight: number;
  /** Opens the cut dialog; with the zoomed region (and whether to choose it), when zoomed. */
  onCut: (region: RegionCut | null, chooseRegion: boolean) => void;
}

const GUTTER = 64;
type Bin = { r: number; c: number };

export function DensityView({ plotHeight, onCut }: DensityViewProps) {
  // Whether the model has stepped (a boolean: the view must not re-render on every step of a run).
  const { data, stepped } = useLab((s) => ({ data: s.data, stepped: (s.timeline[s.timeline.length - 1]?.step ?? 0) > 0 }));
  const d = useLab((s) => s.timeline[s.timeline.length - 1]?.d ?? s.settings.factors);
  const [measure, setMeasure] = useState<Measure>('share');
  const [order, setOrder] = useState<OrderBy>({ kind: 'activity' });
  const orderKey = `${JSON.stringify(order)}:${data.ratings.m}x${data.ratings.n}`;
  const [trail, setTrail] = useState<{ key: string; regions: Region[] }>({ key: orderKey, regions: [] });
  const regions = trail.key === orderKey ? trail.regions : [];
  const setRegions = (next: Region[]) => setTrail({ key: orderKey, regions: next });
  const region = regions[regions.length - 1] ?? null;
  const [measureRef, width] = useElementWidth<HTMLDivElement>(560);
  const plotW = Math.max(120, Math.floor(width - GUTTER));
  const plotH = Math.max(120, Math.floor(plotHeight));
  const { result, error } = useDensity({ rows: order, cols: order, region, maxRows: plotH, maxCols: plotW });
  const bins = result?.bins ?? null;
  const scale = useMemo(() => (bins ? densityScale(bins, measure, data.scale) : null), [bins, measure, data.scale]);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el || !bins || !scale) return;
    el.width = bins.cols;
    el.height = bins.rows;
    paintHeatmap(el, unitValues(bins, scale), bins.rows, bins.cols, scale.table);
  }, [bins, scale]);

  const [cursor, setCursor] = useState<Bin>({ r: 0, c: 0 });
  const [hover, setHover] = useState<Bin | null>(null);
  const [drag, setDrag] = useState<{ a: Bin; b: Bin; x: number; y: number; moved: boolean } | null>(null);
  const [focused, setFocused] = useState(false);
  const readoutId = useId();
  const helpId = useId();
  const at = bins ? { r: Math.min(cursor.r, bins.rows - 1), c: Math.min(cursor.c, bins.cols - 1) } : cursor;
  const labels = useMemo(() => ({ users: data.userIds, items: itemLabels(data) }), [data]);
  const valueWord = data.mode === 'explicit' ? 'rating' : 'value';
  const shown = hover ?? at;
  const readout =
    result && bins
      ? describeBin(
          {
            bins,
            rowOrder: result.rowOrder,
            colOrder: result.colOrder,
            userLabels: labels.users,
            itemLabels: labels.items,
            valueWord,
          },
          Math.min(shown.r, bins.rows - 1),
          Math.min(shown.c, bins.cols - 1),
        )
      : null;

  const binAt = (e: PointerEvent<HTMLElement>): Bin | null => {
    if (!bins) return null;
    const box = e.currentTarget.getBoundingClientRect();
    const r = Math.floor(((e.clientY - box.top) / box.height) * bins.rows);
    const c = Math.floor(((e.clientX - box.left) / box.width) * bins.cols);
    return { r: Math.max(0, Math.min(bins.rows - 1, r)), c: Math.max(0, Math.min(bins.cols - 1, c)) };
  };
  const zoomTo = (next: Region) => {
    setRegions([...regions, next]);
    setCursor({ r: 0, c: 0 });
  };
  const zoomIn = () => {
    if (!result || !bins) return;
    const next = zoomInAt(result.region, bins, at, result.m, result.n);
    if (next.r1 - next.r0 < result.region.r1 - result.region.r0 || next.c1 - next.c0 < result.region.c1 - result.region.c0)
      zoomTo(next);
  };
  const zoomOut = () => setRegions(regions.slice(0, -1));
  const canZoomIn = !!result && (result.region.r1 - result.region.r0 > 1 || result.region.c1 - result.region.c0 > 1);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!bins) return;
    const stride = e.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-stride, 0],
      ArrowDown: [stride, 0],
      ArrowLeft: [0, -stride],
      ArrowRight: [0, stride],
    };
    const move = moves[e.key];
    if (move) {
      setCursor({
        r: Math.max(0, Math.min(bins.rows - 1, at.r + move[0])),
        c: Math.max(0, Math.min(bins.cols - 1, at.c + move[1])),
      });
      setHover(null);
    } else if (e.key === 'Enter' || e.key === '+' || e.key === '=') zoomIn();
    else if (e.key === '-' || e.key === 'Backspace') zoomOut();
    else if (e.key === '0') setRegions([]);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const regionCut: RegionCut | null =
    result && region && bins
      ? {
          users: result.rowOrder.slice(result.region.r0, result.region.r1),
          items: result.colOrder.slice(result.region.c0, result.region.c1),
          known: bins.count.reduce((s, c) => s + c, 0),
          words: regionWords(result.region),
        }
      : null;
  const shownRegion = result?.region ?? { r0: 0, r1: data.ratings.m, c0: 0, c1: data.ratings.n };
  const factorOptions = stepped ? Array.from({ length: d }, (_, k) => k) : [];
  const dragBox =
    drag && bins && drag.moved
      ? {
          left: `${(Math.min(drag.a.c, drag.b.c) / bins.cols) * 100}%`,
          top: `${(Math.min(drag.a.r, drag.b.r) / bins.rows) * 100}%`,
          width: `${((Math.abs(drag.a.c - drag.b.c) + 1) / bins.cols) * 100}%`,
          height: `${((Math.abs(drag.a.r - drag.b.r) + 1) / bins.rows) * 100}%`,
        }
      : null;

  return (
    <div className="density-view" ref={measureRef}>
      <DensityControls
        idBase={readoutId}
        measure={measure}
        onMeasure={setMeasure}
        order={order}
        onOrder={setOrder}
        factors={factorOptions.length}
        valueWord={valueWord}
        canZoomIn={canZoomIn}
        zoomed={regions.length > 0}
        onZoomIn={zoomIn}
        onZoomOut={zoomOut}
        onWhole={() => setRegions([])}
      />
      <DensityCrumbs m={data.ratings.m} n={data.ratings.n} regions={regions} onGo={(k) => setRegions(regions.slice(0, k))} />
      <p className="dv-axes">
        <span>↓ Users {orderWords(order, 'users')}</span> <span>→ Items {orderWords(order, 'items')}</span>
      </p>
      <div className="dv-plot" style={{ gridTemplateColumns: `${GUTTER}px ${plotW}px` }}>
        <span className="dv-corner" aria-hidden="true" />
        <div className="dv-xticks" aria-hidden="true">
          <span>item {rankRange(shownRegion.c0, shownRegion.c0 + 1)}</span>
          <span>{rankRange(shownRegion.c1 - 1, shownRegion.c1)}</span>
        </div>
        <div className="dv-yticks" aria-hidden="true" style={{ height: plotH }}>
          <span>user {rankRange(shownRegion.r0, shownRegion.r0 + 1)}</span>
          <span>{rankRange(shownRegion.r1 - 1, shownRegion.r1)}</span>
        </div>
        {/* A 2-D map driven by arrow keys and dragging: role application hands it the keys (its help text says which). */}
        {/* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */}
        <div
          className="dv-canvas"
          role="application"
          aria-roledescription="density map"
          aria-label={`Density of R: ${regionWords(shownRegion)}, ${num(bins?.rows ?? 0)} × ${num(bins?.cols ?? 0)} blocks`}
          aria-describedby={`${readoutId} ${helpId}`}
          tabIndex={0}
          style={{ width: plotW, height: plotH }}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onPointerDown={(e) => {
            const bin = binAt(e);
            if (!bin) return;
            e.currentTarget.setPointerCapture?.(e.pointerId);
            setDrag({ a: bin, b: bin, x: e.clientX, y: e.clientY, moved: false });
          }}
          onPointerMove={(e) => {
            const bin = binAt(e);
            if (!bin) return;
            if (drag) {
              const moved = drag.moved || Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 6;
              setDrag({ ...drag, b: bin, moved });
            }
            setHover(bin);
          }}
          onPointerUp={() => {
            if (!drag || !bins) return;
            setDrag(null);
            if (drag.moved) zoomTo(regionOfBins(bins, drag.a, drag.b));
            else setCursor(drag.b);
          }}
          onPointerLeave={() => setHover(null)}
        >
          <canvas ref={canvas} aria-hidden="true" />
          {bins && (focused || hover === null) && (
            <span
              className={`dv-cursor${focused ? ' dv-cursor-focus' : ''}`}
              aria-hidden="true"
              style={{
                left: `${(at.c / bins.cols) * 100}%`,
                top: `${(at.r / bins.rows) * 100}%`,
                width: `max(6px, ${100 / bins.cols}%)`,
                height: `max(6px, ${100 / bins.rows}%)`,
              }}
            />
          )}
          {dragBox && <span className="dv-drag" aria-hidden="true" style={dragBox} />}
        </div>
        {/* eslint-enable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */}
      </div>
      {/* Announced when the keys move the cursor; a pointer sweeping over the map would make it talk non-stop. */}
      <p id={readoutId} className="dv-readout" aria-live={hover ? 'off' : 'polite'}>
        {error ? `The density could not be computed: ${error}` : (readout ?? 'Counting the known cells…')}
      </p>
      <p id={helpId} className="dv-help muted">
        Drag a rectangle to zoom in. Keys: arrows move (Shift: 10 blocks), Enter or + zooms in, − zooms out, 0 shows all of R.
      </p>
      <div className="dv-footer">
        {scale && <ColorLegend color={scale.color} label={scale.label} width={180} />}
        {measure === 'mean' && (
          <span className="dv-empty-key">
            <span className="dv-swatch" aria-hidden="true" /> no known cells
          </span>
        )}
        <span className="dv-actions">
          <button type="button" aria-haspopup="dialog" onClick={() => onCut(regionCut, false)}>
            Cut a dense core…
          </button>
          {regionCut && (
            <button type="button" aria-haspopup="dialog" onClick={() => onCut(regionCut, true)}>
              Open this region in the grid…
            </button>
          )}
        </span>
      </div>
    </div>
  );
}
