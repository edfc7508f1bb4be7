/**
 * R ≈ UVᵀ laid out as the product reads: Vᵀ (d×n) above UVᵀ (m×n), U (m×d) to its left,
 * so that row i of U and column j of Vᵀ meet at cell (i, j). Values tween on every step,
 * row by row on the side being solved; hovering a cell links all three (and the grid).
 */
import { useMemo } from 'react';
import { evenSample, predictGrid, reconstruct } from '../../core';

/** Above this many entries, UVᵀ is drawn from a sample of its rows and columns. */
const LARGE = 200_000;
import { useLab } from '../../state/LabContext';
import { cellAt, isHeldOut } from '../../state/labData';
import { SPEEDS } from '../../state/labStore';
import { factorColor, ratingColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { useElementWidth } from '../common/useElementWidth';
import { useTween } from '../common/useTween';
import { Heatmap, type CellRef } from '../Heatmap/Heatmap';
import { ColorLegend } from '../common/ColorLegend';
import './FactorProduct.css';
import { useDisplayEntry } from '../../state/useDisplayEntry';

function transpose(values: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c]!;
  return out;
}

export interface FactorProductProps {
  /** Largest cell size in px. */
  maxCell?: number;
  /** Show the colour legends. */
  legends?: boolean;
}

export function FactorProduct({ maxCell = 64, legends = true }: FactorProductProps) {
  const data = useLab((s) => s.data);
  const entry = useDisplayEntry();
  const hover = useLab((s) => s.hover);
  const selected = useLab((s) => s.selected);
  const focus = useLab((s) => s.focus);
  const emphasis = useLab((s) => s.emphasis);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const { setHover, select } = useLab((s) => ({ setHover: s.setHover, select: s.select }));
  const [ref, width] = useElementWidth<HTMLDivElement>(900);

  const m = entry?.m ?? data.userIds.length;
  const n = entry?.n ?? data.itemIds.length;
  const d = entry?.d ?? 1;
  const duration = playing ? Math.min(700, SPEEDS[speed]!.delayMs * 0.8) : 700;
  const stagger = (rows: number) => (duration > 0 ? Math.min(140, 600 / Math.max(1, rows)) : 0);
  const U = useTween(entry?.U ?? null, { duration, stagger: entry?.solved === 'users' ? stagger(m) : 0, cols: d });
  const V = useTween(entry?.V ?? null, { duration, stagger: entry?.solved === 'items' ? stagger(n) : 0, cols: d });

  const VT = useMemo(() => (V.values ? transpose(V.values, n, d) : null), [V.values, n, d]);
  // A large UVᵀ (ML-100k: 1.6 M entries) is computed only at the rows and columns drawn.
  const large = m * n > LARGE;
  const sample = useMemo(() => (large ? { rows: evenSample(m, 420), cols: evenSample(n, 640) } : null), [large, m, n]);
  // The worker sends a large model's UVᵀ already sampled; an older step scrubbed to is computed here.
  const product = entry?.product ?? null;
  const UVT = useMemo(() => {
    if (product && sample && product.values.length === sample.rows.length * sample.cols.length) return product.values;
    if (!U.values || !V.values || U.values.length !== m * d || V.values.length !== n * d) return null;
    const F = { m, n, d, U: U.values, V: V.values };
    return sample ? predictGrid(F, sample.rows, sample.cols) : reconstruct(F);
  }, [product, U.values, V.values, m, n, d, sample]);

  // Cell size: fit d + n columns (plus two label gutters) into the width.
  const cell = Math.max(14, Math.min(maxCell, Math.floor((width - 2 * 64 - 24) / (d + n))));
  const cellH = Math.max(14, Math.min(44, cell * 0.75));
  const factorIds = useMemo(() => Array.from({ length: d }, (_, a) => `f${a + 1}`), [d]);
  const uColor = useMemo(() => factorColor(entry?.U ?? []), [entry?.U]);
  const vColor = useMemo(() => factorColor(entry?.V ?? []), [entry?.V]);
  const implicit = data.mode === 'implicit';
  const rColor = useMemo(
    () => (implicit ? ratingColor(0, 1) : ratingColor(data.scale.min, data.scale.max)),
    [implicit, data.scale],
  );

  const unknown = (i: number, j: number) => {
    const v = cellAt(data, i, j);
    return v === null || (implicit && v === 0);
  };
  const hoverRows = hover ? new Set([hover.i]) : null;
  const hoverCols = hover ? new Set([hover.j]) : null;
  // The solve explorer lights up the row it solves and, from stage 2, the fixed rows Ω it uses.
  const omega = focus && focus.stage >= 2 ? new Set(focus.omega) : null;
  const selectedUser = focus
    ? focus.side === 'users'
      ? new Set([focus.index])
      : omega
    : selected?.side === 'users'
      ? new Set([selected.index])
      : null;
  const selectedItem = focus
    ? focus.side === 'items'
      ? new Set([focus.index])
      : omega
    : selected?.side === 'items'
      ? new Set([selected.index])
      : null;
  const onHover = (c: CellRef | null) => setHover(c);

  if (!entry) return <p className="muted">Preparing the model…</p>;
  if (!entry.U || !entry.V)
    return <p className="muted">The factors of this early step are no longer kept (only its loss is). Scrub to a later step.</p>;

  const fixedU = entry.solved === 'items';
  const fixedV = entry.solved === 'users';
  return (
    <div ref={ref} className="factor-product-frame">
      <div className="factor-product">
        <div className="fp-corner" aria-hidden="true">
          <Tex math={`${implicit ? 'P' : 'R'} \\approx U V^\\top`} />
        </div>
        <figure className="fp-vt">
          <figcaption>
            <Tex math={`V^\\top \\in \\mathbb{R}^{${d}\\times ${n}}`} />
            <span className="fp-sub">
              item factors <Tex math="v_j" /> as columns
            </span>
            {fixedV && <span className="fp-fixed">fixed</span>}
            {entry.solved === 'items' && <span className="fp-solved">just solved</span>}
          </figcaption>
          <Heatmap
            label="V transposed, the items' factors (d × n)"
            rows={d}
            cols={n}
            values={VT}
            rowLabels={factorIds}
            colLabels={data.itemIds}
            color={vColor}
            cellWidth={cell}
            cellHeight={cellH}
            highlightCols={hoverCols ?? selectedItem}
            className={emphasis === 'regularization' ? 'hm-emphasis' : undefined}
            onCellClick={(c) => select({ side: 'items', index: c.j })}
            describe={(a, j, v) => `v_${data.itemIds[j]}, factor ${a + 1}: ${v.toFixed(3)}`}
          />
        </figure>
        <figure className="fp-u">
          <Heatmap
            label="U, the users' factors (m × d)"
            rows={m}
            cols={d}
            values={U.values}
            rowLabels={data.userIds}
            colLabels={factorIds}
            color={uColor}
            cellWidth={cell}
            cellHeight={cellH}
            highlightRows={hoverRows ?? selectedUser}
            activeRow={U.activeRow}
            onCellClick={(c) => select({ side: 'users', index: c.i })}
            describe={(i, a, v) => `u_${data.userIds[i]}, factor ${a + 1}: ${v.toFixed(3)}`}
          />
          <figcaption>
            <Tex math={`U \\in \\mathbb{R}^{${m}\\times ${d}}`} />
            <span className="fp-sub">
              user factors <Tex math="u_i" /> as rows
            </span>
            {fixedU && <span className="fp-fixed">fixed</span>}
            {entry.solved === 'users' && <span className="fp-solved">just solved</span>}
          </figcaption>
        </figure>
        <figure className="fp-uvt">
          <Heatmap
            label="U V transposed, the predicted ratings (m × n)"
            rows={m}
            cols={n}
            values={UVT}
            rowLabels={data.userIds}
            colLabels={data.itemIds}
            color={rColor}
            cellWidth={cell}
            cellHeight={cellH}
            digits={implicit ? 2 : 1}
            rowIndex={sample?.rows}
            colIndex={sample?.cols}
            hover={hover}
            onHover={onHover}
            marked={unknown}
            outlined={emphasis === 'data' ? (i, j) => !unknown(i, j) && !isHeldOut(data, i, j) : undefined}
            hatched={(i, j) => isHeldOut(data, i, j)}
            highlightRows={selectedUser}
            highlightCols={selectedItem}
            describe={(i, j, v) => {
              const r = cellAt(data, i, j);
              const who = `r̂(${data.userIds[i]}, ${data.itemIds[j]}) = ${v.toFixed(2)}`;
              if (r === null) return `${who}: prediction for an unknown rating`;
              return `${who}; known r = ${r}, residual r − r̂ = ${(r - v).toFixed(2)}${isHeldOut(data, i, j) ? ' (held out)' : ''}`;
            }}
          />
          <figcaption>
            <Tex math={`\\hat R = U V^\\top \\in \\mathbb{R}^{${m}\\times ${n}}`} />
            <span className="fp-sub">
              {implicit ? 'dashed, bold: scores where p = 0 (the candidates)' : 'dashed, bold: predictions where R has ?'}
            </span>
          </figcaption>
        </figure>
        {legends && (
          <div className="fp-legends">
            <ColorLegend color={uColor} label="U and V entries" />
            <ColorLegend color={rColor} label={implicit ? 'predicted preference' : 'rating / prediction'} />
          </div>
        )}
      </div>
    </div>
  );
}
