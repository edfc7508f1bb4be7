/**
 * Users and items in the latent space. A prediction is a dot product, so for the chosen
 * user the picture shows each item's projection onto the user's direction, and beside it
 * the ranking those projections give. Points move as ALS steps; d > 2 is drawn as a
 * fixed, explained 2-D projection; dragging the user is a what-if that never touches the
 * lab's model.
 */
import { dotRow } from '../../core';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLab } from '../../state/LabContext';
import { currentEntry } from '../../state/labStore';
import { formatCell } from '../common/colors';
import { Tex, texNumber } from '../common/Tex';
import { useElementWidth } from '../common/useElementWidth';
import { LatentPlot, ITEM_COLOR, USER_COLOR } from './LatentPlot';
import { RankingTable } from './RankingTable';
import { useLatentModel, type LatentModel } from './useLatentModel';
import { SaveFigure } from '../common/SaveFigure';
import type { FigureSpec } from '../common/saveFigure';
import './LatentSpace.css';

/** Side by side from this width; stacked below it. */
const SIDE_BY_SIDE = 820;

export interface LatentSpaceProps {
  /** Offer "Save figure" (SVG, PNG) of the plot in the toolbar (default true). */
  saveFigure?: boolean;
}

export function LatentSpace({ saveFigure = true }: LatentSpaceProps) {
  const figure = useRef<HTMLElement>(null);
  const figures = useMemo<FigureSpec[]>(
    () => [
      {
        key: 'latent-space',
        name: 'the latent space',
        title: 'The latent space: users and items as points',
        roots: () => [figure.current],
      },
    ],
    [],
  );
  const model = useLatentModel();
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const [pinned, setPinned] = useState<number | null>(null);
  const hover = useLab((s) => s.hover);
  const selectedItem = useLab((s) => (s.selected?.side === 'items' ? s.selected.index : null));
  const setHover = useLab((s) => s.setHover);
  const helpId = useId();
  const withBiases = useLab((s) => currentEntry(s)?.biases != null);

  if (!model.ready)
    return (
      <div ref={ref} className="latent-space">
        <p className="muted">{model.reason}</p>
      </div>
    );

  const { user, n, ranking } = model;
  // The item explained: the one clicked here, else the one pointed at (here or in UVᵀ), else the lab's
  // selected item, else the top one.
  const hovered = hover && hover.i === user && hover.j < n ? hover.j : null;
  const chosen = selectedItem !== null && selectedItem < n ? selectedItem : null;
  const focusItem = pinned !== null && pinned < n ? pinned : (hovered ?? chosen ?? ranking[0]?.item ?? null);
  const side = width >= SIDE_BY_SIDE;
  const size = Math.round(side ? Math.min(600, Math.max(320, width - 470)) : Math.min(width, 560));

  return (
    <div ref={ref} className="latent-space">
      <Toolbar model={model} helpId={helpId} save={saveFigure ? <SaveFigure figures={figures} /> : null} />
      <div className={side ? 'ls-body ls-side' : 'ls-body'}>
        <figure className="ls-figure" ref={figure}>
          <LatentPlot model={model} helpId={helpId} size={size} focusItem={focusItem} onFocusItem={setPinned} />
          <figcaption style={{ maxWidth: size }}>
            <Legend line={model.plane.kind === 'line'} implicit={model.implicit} />
            <ProjectionNote model={model} />
          </figcaption>
        </figure>
        <div className="ls-panel">
          {withBiases && (
            <p className="ls-note" role="note">
              The biases variant predicts r̂ᵢⱼ = μ + bᵢ + cⱼ + uᵢᵀvⱼ: μ and bᵢ shift all of this user’s scores alike, but the item
              biases cⱼ can reorder items. This space shows the uᵢᵀvⱼ part alone, and ranks by it.
            </p>
          )}
          {focusItem !== null && <DotProduct model={model} item={focusItem} />}
          <RankingTable
            model={model}
            focusItem={focusItem}
            onFocusItem={setPinned}
            onHoverItem={(j) => setHover(j === null ? null : { i: user, j })}
          />
        </div>
      </div>
    </div>
  );
}

function Toolbar({ model, helpId, save }: { model: LatentModel; helpId: string; save: ReactNode }) {
  const { user, userIds, m, whatIf } = model;
  const uid = userIds[user] ?? `u${user + 1}`;
  const selectId = useId();
  // 943 options for ML-100k: built once per data set, not on every ALS step.
  const options = useMemo(
    () =>
      Array.from({ length: m }, (_, i) => (
        <option key={i} value={i}>
          {userIds[i] ?? `u${i + 1}`}
        </option>
      )),
    [m, userIds],
  );
  return (
    <div className="ls-toolbar">
      <label htmlFor={selectId}>User</label>
      <select id={selectId} value={user} onChange={(e) => model.pickUser(Number(e.target.value))}>
        {options}
      </select>
      <button type="button" onClick={model.resetWhatIf} disabled={!whatIf}>
        Reset what-if
      </button>
      {save}
      <p id={helpId} className={whatIf ? 'ls-whatif-note ls-whatif-on' : 'ls-whatif-note'} aria-live="polite">
        {whatIf ? (
          <>
            <strong>What-if:</strong> {uid} moved to ({model.u.map((x) => formatCell(x)).join(', ')}). Only this view’s copy of{' '}
            <Tex math="u_i" /> moved: the lab’s model and loss are unchanged. A step ends the what-if.
          </>
        ) : (
          <>
            <strong>What-if:</strong> drag {uid}’s point, or focus it and use the arrow keys, to see how the ranking would change.
            The lab’s model does not change.
          </>
        )}
      </p>
    </div>
  );
}

function DotProduct({ model, item }: { model: LatentModel; item: number }) {
  const { user, u, V, d, uNorm, userIds, itemIds } = model;
  const score = dotRow(u, V, item, d);
  const p = uNorm > 0 ? score / uNorm : 0;
  const i1 = user + 1;
  const j1 = item + 1;
  const math =
    `\\hat r_{${i1},${j1}} = u_{${i1}}^\\top v_{${j1}} = \\|u_{${i1}}\\| \\cdot p_{${j1}}` +
    ` = ${texNumber(uNorm)} \\cdot ${texNumber(p)} = ${texNumber(score)}`;
  return (
    <div className="ls-dot" role="group" aria-label={`Dot product for ${userIds[user]} and ${itemIds[item]}`}>
      <Tex math={math} block />
      <p className="ls-note">
        <Tex math={`p_{${j1}}`} />: the signed length of {itemIds[item]}’s projection onto {userIds[user]}’s direction (the dashed
        perpendicular’s foot). The same <Tex math={`\\|u_{${i1}}\\|`} /> multiplies every item, so the projections alone decide
        the ranking.
      </p>
    </div>
  );
}

function ProjectionNote({ model }: { model: LatentModel }) {
  const { plane, d, m, n } = model;
  const sampled = m > 150 || n > 250;
  return (
    <div className="ls-explain">
      {plane.kind === 'projection' && (
        <p className="ls-projection-note" role="note">
          This is a 2-D projection of {d}-dimensional vectors: dot products in the picture are only approximate; the ranking uses
          the true <Tex math="u_i^\top v_j" />.
        </p>
      )}
      <p className="ls-note">
        {plane.kind === 'line' &&
          'd = 1: every user and item is a single number, and a prediction is their product — for a positive u the ranking is the items’ order along the line, for a negative u the reverse.'}
        {plane.kind === 'plane' &&
          'd = 2: each user and item is the point (factor 1, factor 2) — its row of U or V. Nothing is approximated.'}
        {plane.kind === 'projection' && (
          <>
            The axes PC 1 and PC 2 are the two directions of <Tex math={`\\mathbb{R}^{${d}}`} /> that keep the most of the stacked
            rows <Tex math="\left[\begin{smallmatrix} U \\ V \end{smallmatrix}\right]" /> — an uncentred PCA, so the origin stays
            where dot products are measured from. They keep {Math.round((plane.axes?.explained ?? 0) * 100)}% of the rows’ squared
            length; their signs are carried from step to step, so the picture does not flip.
          </>
        )}
        {sampled && ' For speed, a sample of the points is drawn, always with the chosen user and the top items.'}
      </p>
    </div>
  );
}

function Legend({ line, implicit }: { line: boolean; implicit: boolean }) {
  return (
    <ul className="ls-legend" aria-label="Legend">
      <li>
        <svg width="18" height="18" aria-hidden="true">
          <circle cx="9" cy="9" r="6.5" fill={USER_COLOR} stroke="#fff" strokeWidth="1.5" />
        </svg>
        user <Tex math="u_i" />
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true">
          <rect x="3" y="3" width="12" height="12" fill={ITEM_COLOR} stroke="#7a4f00" strokeWidth="1.5" />
        </svg>
        item <Tex math="v_j" />, {implicit ? 'interacted with' : 'rated'}
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true">
          <rect x="3" y="3" width="12" height="12" fill="#fff" stroke="#7a4f00" strokeWidth="2" />
        </svg>
        {implicit ? 'no interaction' : 'not rated'}: a candidate
      </li>
      {!line && (
        <li>
          <svg width="30" height="18" aria-hidden="true">
            <line x1="2" y1="9" x2="28" y2="9" stroke="#555" strokeWidth="1.5" strokeDasharray="4 3" />
          </svg>
          perpendicular onto the user’s direction
        </li>
      )}
    </ul>
  );
}
