/**
 * R ≈ UVᵀ laid out as the product reads: Vᵀ (d×n) above UVᵀ (m×n), U (m×d) to its left,
 * so that row i of U and column j of Vᵀ meet at cell (i, j). Values tween on every step,
 * row by row on the side being solved; pointing at a cell links all three (and the grid).
 * Sizes come from the page's layout (the lab's stage) or, in a lesson, from the width.
 */
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useLab } from '../../state/LabContext';
import { cellAt, isHeldOut, itemLabels } from '../common/labAccess';
import { Tex } from '../common/Tex';
import { ScrollRegion } from '../common/ScrollRegion';
import { useElementWidth } from '../common/useElementWidth';
import { Heatmap } from '../Heatmap/Heatmap';
import { LABEL_H, VT_LABELS_W, type ProductFit } from '../Stage/stageLayout';
import { BiasReadout } from './BiasReadout';
import { FactorLegends } from './FactorLegends';
import { useProductModel } from './useProductModel';
import './FactorProduct.css';

export interface FactorProductProps {
  /** Largest cell size in px (when the size comes from the width). */
  maxCell?: number;
  /** Show the colour legends (below the product, or in `legendsInto`). */
  legends?: boolean;
  /** Where to draw the legends instead (the lab's explanation strip). */
  legendsInto?: Element | null;
  /** Sizes from the page's layout; otherwise from the width. */
  fit?: ProductFit | null;
  /** Captions under each matrix (size, meaning, fixed / just solved). */
  captions?: boolean;
}

/** The sizes a lesson's product gets from its width alone. */
function fitFromWidth(width: number, d: number, n: number, maxCell: number): ProductFit {
  const gutterW = 64;
  const cellW = Math.max(14, Math.min(maxCell, Math.floor((width - gutterW - VT_LABELS_W - 8) / (d + n))));
  const cellH = Math.max(14, Math.min(44, Math.round(cellW * 0.75)));
  return { cellW, cellH, vtCellH: cellH, gutterW, numbers: cellW >= 34 && cellH >= 24, width, height: null };
}

/** Above this many entries of UVᵀ, the three matrices are painted as pixels (canvases), in boxes of these sizes. */
const PIXELS_ABOVE = 3000;

/**
 * Boxes for big matrices drawn as pixels: U a strip as tall as UVᵀ, Vᵀ a strip as wide, both a
 * few pixels per factor; UVᵀ fills the rest of the width and the height the page gives.
 */
function pixelBoxes(fit: ProductFit, d: number) {
  const strip = Math.max(24, Math.min(120, d * 8));
  const uvtW = Math.max(160, Math.floor(fit.width - strip - 16));
  const uvtH = Math.max(160, Math.min(640, Math.floor((fit.height ?? 460) - strip - 12)));
  return { strip, uvtW, uvtH };
}

export function FactorProduct({ maxCell = 64, legends = true, legendsInto, fit, captions = true }: FactorProductProps) {
  const p = useProductModel();
  const { data, entry, m, n, d, implicit } = p;
  const hover = useLab((s) => s.hover);
  const emphasis = useLab((s) => s.emphasis);
  const { setHover, select } = useLab((s) => ({ setHover: s.setHover, select: s.select }));
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const size = fit ?? fitFromWidth(width, d, n, maxCell);
  const factorIds = useMemo(() => Array.from({ length: d }, (_, a) => `f${a + 1}`), [d]);

  if (!entry) return <p className="muted">Preparing the model…</p>;
  if (!entry.U || !entry.V)
    return <p className="muted">The factors of this early step are no longer kept (only its loss is). Scrub to a later step.</p>;

  const unknown = (i: number, j: number) => {
    const v = cellAt(data, i, j);
    return v === null || (implicit && v === 0);
  };
  const hoverRows = hover ? new Set([hover.i]) : null;
  const hoverCols = hover ? new Set([hover.j]) : null;
  const { cellW, cellH, vtCellH, gutterW, numbers } = size;
  const pixels = m * n > PIXELS_ABOVE ? pixelBoxes(size, d) : null;
  const leftW = pixels ? pixels.strip + 2 : gutterW + d * cellW + 2;
  const cornerRoom = pixels ? { title: false, oneLine: false } : roomInCorner(leftW, fit ? d * vtCellH : null);
  const legendBlock = legends && <FactorLegends model={p} />;

  return (
    <div ref={ref} className={`factor-product-frame${fit ? ' fp-fitted' : ''}`} style={fit ? { maxWidth: fit.width } : undefined}>
      <ScrollRegion label="U, Vᵀ and UVᵀ">
        <div
          className="factor-product"
          style={{ gridTemplateColumns: `${leftW}px max-content` }}
          data-aligned={fit ? 'true' : undefined}
        >
          <div
            className="fp-corner"
            style={{ width: leftW, height: pixels ? pixels.strip : fit ? LABEL_H + d * vtCellH + 2 : undefined }}
          >
            {cornerRoom.title && (
              <div className="fp-corner-title">
                <Tex math={`${implicit ? 'P' : 'R'} \\approx U V^\\top`} />
              </div>
            )}
            {!pixels && <StepStatus solved={entry.solved} kind={entry.kind} oneLine={cornerRoom.oneLine} />}
            <svg
              className="fp-factor-labels"
              style={pixels ? { display: 'none' } : undefined}
              width={leftW}
              height={LABEL_H}
              aria-hidden="true"
            >
              {factorIds.map((f, a) => (
                <text key={f} x={gutterW + a * cellW + cellW / 2} y={LABEL_H - 8} textAnchor="middle" className="hm-label">
                  {cellW >= 22 ? f : a + 1}
                </text>
              ))}
            </svg>
          </div>
          <figure className="fp-vt">
            {captions && (
              <figcaption>
                <Tex math={`V^\\top \\in \\mathbb{R}^{${d}\\times ${n}}`} />
                <span className="fp-sub">
                  item factors <Tex math="v_j" /> as columns
                </span>
              </figcaption>
            )}
            <Heatmap
              label={`V transposed, the items' factors (${d} × ${n})`}
              rows={d}
              cols={n}
              values={p.VT}
              rowLabels={factorIds}
              colLabels={itemLabels(data)}
              rowLabelSide="right"
              labelWidth={VT_LABELS_W}
              labelHeight={LABEL_H}
              color={p.factorScale}
              cellWidth={cellW}
              cellHeight={vtCellH}
              showNumbers={numbers && vtCellH >= 22}
              {...(pixels ? { canvasAbove: 0, stretch: true, maxWidth: pixels.uvtW, maxHeight: pixels.strip } : {})}
              highlightCols={hoverCols ?? p.selectedItem}
              className={emphasis === 'regularization' ? 'hm-emphasis' : undefined}
              onCellClick={(c) => select({ side: 'items', index: c.j })}
              describe={(a, j, v) => `v_${itemLabels(data)[j]}, factor ${a + 1}: ${v.toFixed(3)}`}
            />
          </figure>
          <figure className="fp-u">
            <Heatmap
              label={`U, the users' factors (${m} × ${d})`}
              rows={m}
              cols={d}
              values={p.U.values}
              rowLabels={data.userIds}
              colLabels={factorIds}
              showColLabels={false}
              labelWidth={gutterW}
              color={p.factorScale}
              cellWidth={cellW}
              cellHeight={cellH}
              showNumbers={numbers}
              {...(pixels ? { canvasAbove: 0, stretch: true, maxWidth: pixels.strip, maxHeight: pixels.uvtH } : {})}
              highlightRows={hoverRows ?? p.selectedUser}
              activeRow={p.U.activeRow}
              className={emphasis === 'regularization' ? 'hm-emphasis' : undefined}
              onCellClick={(c) => select({ side: 'users', index: c.i })}
              describe={(i, a, v) => `u_${data.userIds[i]}, factor ${a + 1}: ${v.toFixed(3)}`}
            />
            {captions && (
              <figcaption>
                <Tex math={`U \\in \\mathbb{R}^{${m}\\times ${d}}`} />
                <span className="fp-sub">
                  user factors <Tex math="u_i" /> as rows
                </span>
              </figcaption>
            )}
          </figure>
          <figure className="fp-uvt">
            <Heatmap
              label={`U V transposed, the predicted ${implicit ? 'preferences' : 'ratings'} (${m} × ${n})`}
              rows={m}
              cols={n}
              values={p.UVT}
              rowLabels={data.userIds}
              colLabels={itemLabels(data)}
              showRowLabels={false}
              showColLabels={false}
              color={p.ratingScale}
              cellWidth={cellW}
              cellHeight={cellH}
              showNumbers={numbers}
              digits={implicit ? 2 : 1}
              rowIndex={p.sample?.rows}
              colIndex={p.sample?.cols}
              maxWidth={pixels ? pixels.uvtW : Math.max(200, size.width - leftW - 8)}
              maxHeight={pixels ? pixels.uvtH : Math.max(160, m * cellH)}
              stretch={!!pixels}
              hover={hover}
              onHover={setHover}
              marked={unknown}
              outlined={emphasis === 'data' ? (i, j) => !unknown(i, j) && !isHeldOut(data, i, j) : undefined}
              hatched={(i, j) => isHeldOut(data, i, j)}
              highlightRows={p.selectedUser}
              highlightCols={p.selectedItem}
              describe={(i, j, v) => {
                const r = cellAt(data, i, j);
                const b = p.biases;
                const parts = b
                  ? ` (μ ${b.mu.toFixed(2)} + bᵢ ${b.user[i]!.toFixed(2)} + cⱼ ${b.item[j]!.toFixed(2)} + uᵢᵀvⱼ)`
                  : '';
                const who = `r̂(${data.userIds[i]}, ${itemLabels(data)[j]}) = ${v.toFixed(2)}${parts}`;
                if (r === null) return `${who}: prediction for an unknown rating`;
                return `${who}; known r = ${r}, residual r − r̂ = ${(r - v).toFixed(2)}${isHeldOut(data, i, j) ? ' (held out)' : ''}`;
              }}
            />
            {captions && (
              <figcaption>
                {p.biases ? (
                  <Tex math={`\\hat r_{ij} = \\mu + b_i + c_j + u_i^\\top v_j,\\ \\hat R \\in \\mathbb{R}^{${m}\\times ${n}}`} />
                ) : (
                  <Tex math={`\\hat R = U V^\\top \\in \\mathbb{R}^{${m}\\times ${n}}`} />
                )}
                <span className="fp-sub">
                  {implicit ? 'dashed, bold: scores where p = 0 (the candidates)' : 'dashed, bold: predictions where R has ?'}
                </span>
                {p.biases && <BiasReadout biases={p.biases} />}
              </figcaption>
            )}
          </figure>
          {legends && !legendsInto && <div className="fp-legends">{legendBlock}</div>}
        </div>
      </ScrollRegion>
      {legendsInto && legendBlock ? createPortal(legendBlock, legendsInto) : null}
    </div>
  );
}

/** Which factor the step on screen solved and which it held fixed, in the corner of the product. */
function StepStatus({ solved, kind, oneLine }: { solved: 'users' | 'items' | 'both' | null; kind: string; oneLine: boolean }) {
  if (solved === 'users' || solved === 'items') {
    const [moved, held] = solved === 'users' ? ['U', 'V'] : ['V', 'U'];
    return (
      <p className={oneLine ? 'fp-status' : 'fp-status fp-status-stacked'}>
        <span className="fp-solved">
          {moved} {kind === 'row' ? 'row solved' : kind === 'gd' ? 'stepped' : 'solved'}
        </span>{' '}
        <span className="fp-fixed">{held} fixed</span>
      </p>
    );
  }
  if (solved === 'both')
    return (
      <p className="fp-status">
        <span className="fp-solved">U, V stepped</span>
      </p>
    );
  return null;
}

/**
 * What fits above U's factor labels in the corner (its width, and the height of Vᵀ's rows when
 * the page sets it): the status on one line or two, and the title "R ≈ UVᵀ" when there is room.
 */
function roomInCorner(width: number, height: number | null): { title: boolean; oneLine: boolean } {
  const oneLine = width >= 150;
  if (height === null) return { title: true, oneLine };
  const status = oneLine ? 20 : 38;
  return { title: height >= status + 28, oneLine };
}
