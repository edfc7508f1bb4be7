/**
 * Users (blue circles) and items (orange squares) as points of the plane, the chosen
 * user's direction as an arrow from the origin, and each item's perpendicular onto that
 * direction: the foot's signed distance from the origin times ‖u‖ is the prediction.
 * The frame and the labels are computed by pure helpers (latentFrame, latentLabels); React
 * draws. The chosen user carries a what-if handle (a real button over the point) that can
 * be dragged, or moved with the arrow keys (useWhatIfHandle).
 */
import { useId, useMemo, useRef } from 'react';
import { formatCell } from '../common/colors';
import { samplePoints } from './latentGeometry';
import { ChosenUser, ItemMarks, PlotLabels, Projections, UserMarks } from './LatentMarks';
import { latentFrame, type LatentFrame } from './latentFrame';
import { latentLabels } from './latentLabels';
import type { LatentModel } from './useLatentModel';
import { useWhatIfHandle } from './useWhatIfHandle';

import { USER_COLOR } from './LatentMarks';

export { ITEM_COLOR, USER_COLOR } from './LatentMarks';

/** Beyond these counts a sample is drawn (always with the chosen user and the top items). */
const MAX_USERS = 150;
const MAX_ITEMS = 250;
/** Perpendiculars drawn for at most this many items (the top of the ranking beyond it). */
const MAX_PROJECTIONS = 16;

export interface LatentPlotProps {
  model: LatentModel;
  /** Id of the text that explains the what-if handle. */
  helpId: string;
  size: number;
  focusItem: number | null;
  onFocusItem(j: number | null): void;
}

/** What the picture says to a screen reader, in one paragraph. */
function summaryOf(model: LatentModel, shownUsers: number, shownItems: number): string {
  const { plane, m, n, d, user, userIds, itemIds, ranking, whatIf } = model;
  const uid = userIds[user] ?? `u${user + 1}`;
  const kind =
    plane.kind === 'line'
      ? 'd = 1, a number line'
      : plane.kind === 'plane'
        ? 'd = 2, the plane of the two factors'
        : `a 2-D projection of d = ${d} dimensions`;
  const sampled = shownUsers < m || shownItems < n ? ` (${shownUsers} users and ${shownItems} items drawn)` : '';
  const top = ranking
    .slice(0, 3)
    .map((r) => itemIds[r.item])
    .join(', ');
  return (
    `Latent space, ${kind}: ${m} users as blue circles and ${n} items as orange squares${sampled}. ` +
    `${uid}'s direction is an arrow from the origin${whatIf ? ' (moved by a what-if)' : ''}. Top items for ${uid}: ${top}.`
  );
}

export function LatentPlot({ model, helpId, size, focusItem, onFocusItem }: LatentPlotProps) {
  const { m, n, coords, user, ranking, userIds, itemIds, plane, userPoint, whatIf } = model;
  const line = plane.kind === 'line';
  const svgRef = useRef<SVGSVGElement>(null);
  // Ids for the arrowhead and the clip (several labs may share a page); url(#…) wants plain characters.
  const uidBase = 'ls' + useId().replace(/[^a-zA-Z0-9_-]/g, '');

  const top = useMemo(() => ranking.slice(0, 10).map((r) => r.item), [ranking]);
  // The top recommendation: the best-ranked item this user has not rated.
  const topCandidate = ranking.find((r) => model.known(r.item) === null)?.item ?? null;
  const shownUsers = useMemo(() => samplePoints(m, MAX_USERS, [user]), [m, user]);
  const must = [...top, ...(focusItem === null ? [] : [focusItem]), ...(topCandidate === null ? [] : [topCandidate])];
  const mustKey = must.join(',');
  const shownItems = useMemo(() => samplePoints(n, MAX_ITEMS, mustKey ? mustKey.split(',').map(Number) : []), [n, mustKey]);
  const projected = useMemo(() => {
    const chosen = new Set(n <= MAX_PROJECTIONS ? shownItems : top.slice(0, 10));
    if (focusItem !== null) chosen.add(focusItem);
    return [...chosen];
  }, [n, shownItems, top, focusItem]);
  // Many points: smaller, and the other users translucent, so that the items below them show.
  const crowdedUsers = shownUsers.length > 40;
  const crowdedItems = shownItems.length > 40;

  // The model's position of the chosen user (the what-if moves away from it).
  const modelPoint: [number, number] = [coords[2 * user] ?? 0, coords[2 * user + 1] ?? 0];
  const frame = latentFrame({ coords, m, users: shownUsers, items: shownItems, modelPoint, size, line });
  const { x, sy, width, height, pad } = frame;
  const handlers = useWhatIfHandle(model, frame, svgRef, line);
  const uid = userIds[user] ?? `u${user + 1}`;
  const handleX = x(userPoint[0]);
  const handleY = sy(userPoint[1], 'user');

  const rankOf = useMemo(() => new Map(ranking.map((r) => [r.item, r.rank])), [ranking]);
  const labels = latentLabels({
    frame,
    coords,
    m,
    user,
    userIds,
    itemIds,
    users: shownUsers,
    items: shownItems,
    rankOf,
    topCandidate,
    focusItem,
    handle: [handleX, handleY],
    userName: uid + (whatIf ? ' (what-if)' : ''),
    crowdedItems,
  });
  return (
    <div className="ls-plot" style={{ width, height }}>
      <svg
        ref={svgRef}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={summaryOf(model, shownUsers.length, shownItems.length)}
      >
        <defs>
          <marker
            id={`${uidBase}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={USER_COLOR} />
          </marker>
          <clipPath id={`${uidBase}-clip`}>
            <rect
              x={pad - 8}
              y={line ? 0 : pad - 8}
              width={width - 2 * pad + 16}
              height={line ? height : height - 2 * pad + 16}
            />
          </clipPath>
        </defs>
        <LatentAxes frame={frame} line={line} projection={plane.kind === 'projection'} />

        <g clipPath={`url(#${uidBase}-clip)`}>
          {!line && (
            <Projections frame={frame} coords={coords} m={m} items={projected} userPoint={userPoint} focusItem={focusItem} />
          )}
          <ItemMarks
            frame={frame}
            model={model}
            items={shownItems}
            focusItem={focusItem}
            crowded={crowdedItems}
            userName={uid}
            onFocusItem={onFocusItem}
          />
          <UserMarks frame={frame} model={model} users={shownUsers} crowded={crowdedUsers} />
          <ChosenUser frame={frame} model={model} modelPoint={modelPoint} arrowId={`${uidBase}-arrow`} />
        </g>
        <PlotLabels labels={labels} focusItem={focusItem} topCandidate={topCandidate} />
      </svg>
      <button
        type="button"
        className={`ls-handle${whatIf ? ' ls-handle-on' : ''}`}
        style={{ left: handleX - 18, top: handleY - 18 }}
        aria-label={`What-if: move ${uid}`}
        aria-describedby={helpId}
        title={`Drag ${uid}, or use the arrow keys (Shift: bigger steps, Escape: reset). The lab's model does not change.`}
        {...handlers}
      />
    </div>
  );
}

/** The grid, the axes through the origin with their ticks and titles, and for d = 1 the two lanes. */
function LatentAxes({ frame, line, projection }: { frame: LatentFrame; line: boolean; projection: boolean }) {
  const { x, y, ticks, pad, width, height, mid, laneUser, laneItem } = frame;
  return (
    <>
      <g className="ls-grid">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={line ? mid - 8 : pad} y2={line ? mid + 8 : height - pad} />
            {!line && <line x1={pad} x2={width - pad} y1={y(t)} y2={y(t)} />}
          </g>
        ))}
      </g>
      <g className="ls-axes">
        <line x1={pad - 8} x2={width - pad + 8} y1={line ? mid : y(0)} y2={line ? mid : y(0)} />
        {!line && <line x1={x(0)} x2={x(0)} y1={pad - 8} y2={height - pad + 8} />}
        {ticks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={line ? mid + 22 : height - pad + 24} textAnchor="middle" className="ls-tick">
            {formatCell(t)}
          </text>
        ))}
        {!line &&
          ticks.map((t) => (
            <text key={`y${t}`} x={pad - 12} y={y(t)} dy="0.35em" textAnchor="end" className="ls-tick">
              {formatCell(t)}
            </text>
          ))}
        <text x={width - pad + 6} y={(line ? mid : y(0)) - 8} textAnchor="end" className="ls-axis-title">
          {projection ? 'PC 1' : 'factor 1'}
        </text>
        {!line && (
          <text x={x(0) + 8} y={pad - 14} className="ls-axis-title">
            {projection ? 'PC 2' : 'factor 2'}
          </text>
        )}
        {line && (
          <>
            <text x={pad - 30} y={laneUser} dy="0.35em" className="ls-lane">
              users
            </text>
            <text x={pad - 30} y={laneItem} dy="0.35em" className="ls-lane">
              items
            </text>
          </>
        )}
      </g>
    </>
  );
}
