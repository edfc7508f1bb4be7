/**
 * Users (blue circles) and items (orange squares) as points of the plane, the chosen
 * user's direction as an arrow from the origin, and each item's perpendicular onto that
 * direction: the foot's signed distance from the origin times ‖u‖ is the prediction.
 * D3 computes the scales; React draws. The chosen user carries a what-if handle (a real
 * button over the point) that can be dragged, or moved with the arrow keys.
 */
import { scaleLinear } from 'd3';
import { useId, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatCell } from '../common/colors';
import { placeLabels, type LabelRequest } from './labelLayout';
import { projectOnto, samplePoints } from './latentGeometry';
import type { LatentModel } from './useLatentModel';

export const USER_COLOR = '#0072B2';
export const ITEM_COLOR = '#E69F00';
const ITEM_STROKE = '#7a4f00';

/** Beyond these counts a sample is drawn (always with the chosen user and the top items). */
const MAX_USERS = 150;
const MAX_ITEMS = 250;
/** Perpendiculars drawn for at most this many items (the top of the ranking beyond it). */
const MAX_PROJECTIONS = 16;
const MAX_LABELS = 40;

export interface LatentPlotProps {
  model: LatentModel;
  /** Id of the text that explains the what-if handle. */
  helpId: string;
  size: number;
  focusItem: number | null;
  onFocusItem(j: number | null): void;
}

export function LatentPlot({ model, helpId, size, focusItem, onFocusItem }: LatentPlotProps) {
  const { m, n, coords, user, ranking, userIds, itemIds, plane, userPoint, whatIf } = model;
  const line = plane.kind === 'line';
  const width = size;
  const height = line ? 230 : size;
  const pad = 44;
  const svgRef = useRef<SVGSVGElement>(null);
  // Ids for the arrowhead and the clip (several labs may share a page); url(#…) wants plain characters.
  const uidBase = 'ls' + useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const drag = useRef<{ id: number } | null>(null);

  const top = useMemo(() => ranking.slice(0, 10).map((r) => r.item), [ranking]);
  const shownUsers = useMemo(() => samplePoints(m, MAX_USERS, [user]), [m, user]);
  const shownItems = useMemo(
    () => samplePoints(n, MAX_ITEMS, focusItem === null ? top : [...top, focusItem]),
    [n, top, focusItem],
  );
  const projected = useMemo(() => {
    const chosen = new Set(n <= MAX_PROJECTIONS ? shownItems : top.slice(0, 10));
    if (focusItem !== null) chosen.add(focusItem);
    return [...chosen];
  }, [n, shownItems, top, focusItem]);
  // Many points: smaller, and the other users translucent, so that the items below them show.
  const crowdedUsers = shownUsers.length > 40;
  const crowdedItems = shownItems.length > 40;
  const labelled = useMemo(() => {
    if (shownUsers.length + shownItems.length <= MAX_LABELS) return null;
    return new Set([...top.slice(0, 5), ...(focusItem === null ? [] : [focusItem])]);
  }, [shownUsers.length, shownItems.length, top, focusItem]);

  // The model's position of the chosen user (the what-if moves away from it).
  const modelPoint: [number, number] = [coords[2 * user] ?? 0, coords[2 * user + 1] ?? 0];
  let bound = Math.max(Math.abs(modelPoint[0]), Math.abs(modelPoint[1]));
  for (const i of shownUsers) bound = Math.max(bound, Math.abs(coords[2 * i]!), Math.abs(coords[2 * i + 1]!));
  for (const j of shownItems) bound = Math.max(bound, Math.abs(coords[2 * (m + j)]!), Math.abs(coords[2 * (m + j) + 1]!));
  bound = bound > 0 && Number.isFinite(bound) ? bound * 1.12 : 1;

  const x = scaleLinear()
    .domain([-bound, bound])
    .range([pad, width - pad]);
  const y = scaleLinear()
    .domain([-bound, bound])
    .range([height - pad, pad]);
  const mid = height / 2;
  const laneUser = mid - 42;
  const laneItem = mid + 42;
  const sx = (v: number) => x(v);
  const sy = (v: number, kind: 'user' | 'item') => (line ? (kind === 'user' ? laneUser : laneItem) : y(v));
  const ticks = x.ticks(size < 420 ? 5 : 7).filter((t) => t !== 0);

  const itemAt = (j: number): [number, number] => [coords[2 * (m + j)]!, coords[2 * (m + j) + 1]!];
  const [ux, uy] = userPoint;
  const uLen = Math.hypot(ux, uy);
  const dir = uLen > 0 ? [ux / uLen, uy / uLen] : [1, 0];
  const far = bound * 3;

  // Pointer position → the picture's coordinates, kept inside the frame.
  const toData = (clientX: number, clientY: number): [number, number] => {
    const rect = svgRef.current!.getBoundingClientRect();
    const px = ((clientX - rect.left) / rect.width) * width;
    const py = ((clientY - rect.top) / rect.height) * height;
    const clamp = (v: number) => Math.max(-bound, Math.min(bound, v));
    return [clamp(x.invert(px)), line ? 0 : clamp(y.invert(py))];
  };
  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id: e.pointerId };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    if (!drag.current || drag.current.id !== e.pointerId) return;
    const [tx, ty] = toData(e.clientX, e.clientY);
    model.placeUser(tx, ty);
  };
  const onPointerUp = (e: PointerEvent<HTMLButtonElement>) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = (bound / 40) * (e.shiftKey ? 5 : 1);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, line ? 0 : step],
      ArrowDown: [0, line ? 0 : -step],
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      model.resetWhatIf();
      return;
    }
    const mv = moves[e.key];
    if (!mv) return;
    // preventDefault also keeps the lab's → shortcut (a full ALS step) from firing.
    e.preventDefault();
    const clamp = (v: number, dv: number) => Math.max(-bound, Math.min(bound, v + dv)) - v;
    model.moveUser(clamp(ux, mv[0]), clamp(uy, mv[1]));
  };

  const uid = userIds[user] ?? `u${user + 1}`;
  const kindText =
    plane.kind === 'line'
      ? 'd = 1, a number line'
      : plane.kind === 'plane'
        ? 'd = 2, the plane of the two factors'
        : `a 2-D projection of d = ${model.d} dimensions`;
  const sampled =
    shownUsers.length < m || shownItems.length < n ? ` (${shownUsers.length} users and ${shownItems.length} items drawn)` : '';
  const summary =
    `Latent space, ${kindText}: ${m} users as blue circles and ${n} items as orange squares${sampled}. ` +
    `${uid}'s direction is an arrow from the origin${whatIf ? ' (moved by a what-if)' : ''}. ` +
    `Top items for ${uid}: ${ranking
      .slice(0, 3)
      .map((r) => itemIds[r.item])
      .join(', ')}.`;
  const handleX = sx(ux);
  const handleY = sy(uy, 'user');

  const rankOf = new Map(ranking.map((r) => [r.item, r.rank]));
  const requests: LabelRequest[] = [
    { key: 'chosen', text: uid + (whatIf ? ' (what-if)' : ''), x: handleX, y: handleY, r: 10, priority: 0 },
  ];
  for (const j of shownItems) {
    if (labelled && !labelled.has(j)) continue;
    const [px, py] = itemAt(j);
    const priority = j === focusItem ? 1 : 2 + (rankOf.get(j) ?? n);
    requests.push({ key: `i${j}`, text: itemIds[j] ?? '', x: sx(px), y: sy(py, 'item'), r: 7, priority });
  }
  if (!labelled)
    for (const i of shownUsers)
      if (i !== user)
        requests.push({
          key: `u${i}`,
          text: userIds[i] ?? '',
          x: sx(coords[2 * i]!),
          y: sy(coords[2 * i + 1]!, 'user'),
          r: 7,
          priority: 10_000 + i,
        });
  const obstacles = [
    ...shownItems.map((j) => ({ x: sx(itemAt(j)[0]), y: sy(itemAt(j)[1], 'item'), r: crowdedItems ? 4 : 6 })),
    ...shownUsers.map((i) => ({ x: sx(coords[2 * i]!), y: sy(coords[2 * i + 1]!, 'user'), r: i === user ? 10 : 5 })),
  ];
  const labels = placeLabels(requests, { width, height, obstacles });
  const labelClass = (key: string) =>
    key === 'chosen'
      ? 'ls-label ls-label-user ls-label-on'
      : key.startsWith('u')
        ? 'ls-label ls-label-user'
        : key === `i${focusItem}`
          ? 'ls-label ls-label-item ls-label-on'
          : 'ls-label ls-label-item';

  return (
    <div className="ls-plot" style={{ width, height }}>
      <svg ref={svgRef} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
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
        {/* Grid, then the axes through the origin. */}
        <g className="ls-grid">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={sx(t)} x2={sx(t)} y1={line ? mid - 8 : pad} y2={line ? mid + 8 : height - pad} />
              {!line && <line x1={pad} x2={width - pad} y1={y(t)} y2={y(t)} />}
            </g>
          ))}
        </g>
        <g className="ls-axes">
          <line x1={pad - 8} x2={width - pad + 8} y1={line ? mid : y(0)} y2={line ? mid : y(0)} />
          {!line && <line x1={x(0)} x2={x(0)} y1={pad - 8} y2={height - pad + 8} />}
          {ticks.map((t) => (
            <text key={`x${t}`} x={sx(t)} y={line ? mid + 22 : height - pad + 24} textAnchor="middle" className="ls-tick">
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
            {plane.kind === 'projection' ? 'PC 1' : 'factor 1'}
          </text>
          {!line && (
            <text x={x(0) + 8} y={pad - 14} className="ls-axis-title">
              {plane.kind === 'projection' ? 'PC 2' : 'factor 2'}
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

        <g clipPath={`url(#${uidBase}-clip)`}>
          {/* The user's line through the origin, and the perpendiculars from the items onto it. */}
          {!line && uLen > 0 && (
            <line
              className="ls-uline"
              x1={x(-far * dir[0]!)}
              y1={y(-far * dir[1]!)}
              x2={x(far * dir[0]!)}
              y2={y(far * dir[1]!)}
            />
          )}
          {!line &&
            uLen > 0 &&
            projected.map((j) => {
              const p = itemAt(j);
              const { foot } = projectOnto(p, userPoint);
              const on = j === focusItem;
              return (
                <g key={j} className={on ? 'ls-proj ls-proj-on' : 'ls-proj'}>
                  <line x1={x(p[0])} y1={y(p[1])} x2={x(foot[0]!)} y2={y(foot[1]!)} />
                  {on && <line className="ls-proj-length" x1={x(0)} y1={y(0)} x2={x(foot[0]!)} y2={y(foot[1]!)} />}
                  <circle cx={x(foot[0]!)} cy={y(foot[1]!)} r={on ? 5 : 3} className="ls-foot" />
                </g>
              );
            })}

          {/* Items: filled when the chosen user rated them, hollow when they are candidates. */}
          {shownItems.map((j) => {
            const [px, py] = itemAt(j);
            const rated = model.known(j) !== null;
            const on = j === focusItem;
            const s = on ? 15 : crowdedItems ? 8 : 11;
            return (
              <rect
                key={`i${j}`}
                data-kind="item"
                data-id={itemIds[j]}
                data-x={px}
                data-y={py}
                x={sx(px) - s / 2}
                y={sy(py, 'item') - s / 2}
                width={s}
                height={s}
                className={`ls-item${rated ? '' : ' ls-candidate'}${on ? ' ls-item-on' : ''}`}
                fill={rated ? ITEM_COLOR : '#fff'}
                stroke={ITEM_STROKE}
                onClick={() => onFocusItem(j === focusItem ? null : j)}
              >
                <title>{`${itemIds[j]}: (${formatCell(px)}, ${formatCell(py)})${rated ? '' : ` — not ${model.implicit ? 'seen' : 'rated'} by ${uid}`}`}</title>
              </rect>
            );
          })}

          {/* Users; the chosen one is drawn last, with its arrow. */}
          {shownUsers.map((i) => {
            if (i === user) return null;
            const px = coords[2 * i]!;
            const py = coords[2 * i + 1]!;
            return (
              <circle
                key={`u${i}`}
                data-kind="user"
                data-id={userIds[i]}
                data-x={px}
                data-y={py}
                cx={sx(px)}
                cy={sy(py, 'user')}
                r={crowdedUsers ? 4.5 : 6.5}
                className={crowdedUsers ? 'ls-user ls-user-crowded' : 'ls-user'}
                fill={USER_COLOR}
                onClick={() => model.pickUser(i)}
              >
                <title>{`${userIds[i]}: (${formatCell(px)}, ${formatCell(py)}) — click to choose`}</title>
              </circle>
            );
          })}
          {whatIf && (
            <g className="ls-ghost">
              <line x1={sx(modelPoint[0])} y1={sy(modelPoint[1], 'user')} x2={handleX} y2={handleY} />
              <circle cx={sx(modelPoint[0])} cy={sy(modelPoint[1], 'user')} r={8} />
            </g>
          )}
          {uLen > 0 && (
            <line
              className="ls-uarrow"
              x1={x(0)}
              y1={sy(0, 'user')}
              x2={handleX - (line ? Math.sign(ux) * 10 : dir[0]! * 10)}
              y2={handleY + (line ? 0 : dir[1]! * 10)}
              markerEnd={`url(#${uidBase}-arrow)`}
            />
          )}
          <circle
            data-kind="user"
            data-id={uid}
            data-x={ux}
            data-y={uy}
            data-chosen="true"
            cx={handleX}
            cy={handleY}
            r={9.5}
            className={`ls-user ls-user-on${whatIf ? ' ls-user-whatif' : ''}`}
            fill={USER_COLOR}
          />
        </g>

        {/* Labels on top, outside the clip so that they are never cut. */}
        <g className="ls-labels">
          {labels.map((l) => (
            <text key={l.key} x={l.x} y={l.y} textAnchor={l.anchor} className={labelClass(l.key)}>
              {l.text}
            </text>
          ))}
        </g>
      </svg>
      <button
        type="button"
        className={`ls-handle${whatIf ? ' ls-handle-on' : ''}`}
        style={{ left: handleX - 18, top: handleY - 18 }}
        aria-label={`What-if: move ${uid}`}
        aria-describedby={helpId}
        title={`Drag ${uid}, or use the arrow keys (Shift: bigger steps, Escape: reset). The lab's model does not change.`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
