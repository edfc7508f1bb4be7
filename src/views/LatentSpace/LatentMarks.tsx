/**
 * The marks of the latent picture, drawn from its frame: the perpendiculars from items onto
 * the chosen user's direction, the items (filled: rated; hollow: candidates), the other
 * users, the chosen user with its arrow (and the what-if's ghost), and the names.
 */
import { formatCell } from '../common/colors';
import type { PlacedLabel } from './labelLayout';
import { projectOnto } from './latentGeometry';
import type { LatentFrame } from './latentFrame';
import type { LatentModel } from './useLatentModel';

export const USER_COLOR = '#0072B2';
export const ITEM_COLOR = '#E69F00';
const ITEM_STROKE = '#7a4f00';

const pointOf = (coords: Float64Array, k: number): [number, number] => [coords[2 * k]!, coords[2 * k + 1]!];

/** The user's line through the origin, and the perpendiculars from the items onto it (d ≥ 2). */
export function Projections(props: {
  frame: LatentFrame;
  coords: Float64Array;
  m: number;
  items: readonly number[];
  userPoint: readonly [number, number];
  focusItem: number | null;
}) {
  const { frame, coords, m, items, userPoint, focusItem } = props;
  const { x, y } = frame;
  const [ux, uy] = userPoint;
  const uLen = Math.hypot(ux, uy);
  if (uLen === 0) return null;
  const dir = [ux / uLen, uy / uLen];
  const far = frame.bound * 3;
  return (
    <>
      <line className="ls-uline" x1={x(-far * dir[0]!)} y1={y(-far * dir[1]!)} x2={x(far * dir[0]!)} y2={y(far * dir[1]!)} />
      {items.map((j) => {
        const p = pointOf(coords, m + j);
        const { foot } = projectOnto(p, [ux, uy]);
        const on = j === focusItem;
        return (
          <g key={j} className={on ? 'ls-proj ls-proj-on' : 'ls-proj'}>
            <line x1={x(p[0])} y1={y(p[1])} x2={x(foot[0]!)} y2={y(foot[1]!)} />
            {on && <line className="ls-proj-length" x1={x(0)} y1={y(0)} x2={x(foot[0]!)} y2={y(foot[1]!)} />}
            <circle cx={x(foot[0]!)} cy={y(foot[1]!)} r={on ? 5 : 3} className="ls-foot" />
          </g>
        );
      })}
    </>
  );
}

/** Items: filled when the chosen user rated them, hollow when they are candidates. */
export function ItemMarks(props: {
  frame: LatentFrame;
  model: LatentModel;
  items: readonly number[];
  focusItem: number | null;
  crowded: boolean;
  userName: string;
  onFocusItem(j: number | null): void;
}) {
  const { frame, model, items, focusItem, crowded, userName, onFocusItem } = props;
  return (
    <>
      {items.map((j) => {
        const [px, py] = pointOf(model.coords, model.m + j);
        const rated = model.known(j) !== null;
        const on = j === focusItem;
        const s = on ? 15 : crowded ? 8 : 11;
        return (
          <rect
            key={`i${j}`}
            data-kind="item"
            data-id={model.itemIds[j]}
            data-x={px}
            data-y={py}
            x={frame.x(px) - s / 2}
            y={frame.sy(py, 'item') - s / 2}
            width={s}
            height={s}
            className={`ls-item${rated ? '' : ' ls-candidate'}${on ? ' ls-item-on' : ''}`}
            fill={rated ? ITEM_COLOR : '#fff'}
            stroke={ITEM_STROKE}
            onClick={() => onFocusItem(j === focusItem ? null : j)}
          >
            <title>{`${model.itemIds[j]}: (${formatCell(px)}, ${formatCell(py)})${rated ? '' : ` — not ${model.implicit ? 'seen' : 'rated'} by ${userName}`}`}</title>
          </rect>
        );
      })}
    </>
  );
}

/** The other users (click one to choose it). */
export function UserMarks(props: { frame: LatentFrame; model: LatentModel; users: readonly number[]; crowded: boolean }) {
  const { frame, model, users, crowded } = props;
  return (
    <>
      {users.map((i) => {
        if (i === model.user) return null;
        const [px, py] = pointOf(model.coords, i);
        return (
          <circle
            key={`u${i}`}
            data-kind="user"
            data-id={model.userIds[i]}
            data-x={px}
            data-y={py}
            cx={frame.x(px)}
            cy={frame.sy(py, 'user')}
            r={crowded ? 4.5 : 6.5}
            className={crowded ? 'ls-user ls-user-crowded' : 'ls-user'}
            fill={USER_COLOR}
            onClick={() => model.pickUser(i)}
          >
            <title>{`${model.userIds[i]}: (${formatCell(px)}, ${formatCell(py)}) — click to choose`}</title>
          </circle>
        );
      })}
    </>
  );
}

/** The chosen user: its arrow from the origin, its point, and where the model had it during a what-if. */
export function ChosenUser(props: {
  frame: LatentFrame;
  model: LatentModel;
  modelPoint: readonly [number, number];
  arrowId: string;
}) {
  const { frame, model, modelPoint, arrowId } = props;
  const { x, sy } = frame;
  const line = model.plane.kind === 'line';
  const [ux, uy] = model.userPoint;
  const uLen = Math.hypot(ux, uy);
  const dir = uLen > 0 ? [ux / uLen, uy / uLen] : [1, 0];
  const hx = x(ux);
  const hy = sy(uy, 'user');
  return (
    <>
      {model.whatIf && (
        <g className="ls-ghost">
          <line x1={x(modelPoint[0])} y1={sy(modelPoint[1], 'user')} x2={hx} y2={hy} />
          <circle cx={x(modelPoint[0])} cy={sy(modelPoint[1], 'user')} r={8} />
        </g>
      )}
      {uLen > 0 && (
        <line
          className="ls-uarrow"
          x1={x(0)}
          y1={sy(0, 'user')}
          x2={hx - (line ? Math.sign(ux) * 10 : dir[0]! * 10)}
          y2={hy + (line ? 0 : dir[1]! * 10)}
          markerEnd={`url(#${arrowId})`}
        />
      )}
      <circle
        data-kind="user"
        data-id={model.userIds[model.user] ?? `u${model.user + 1}`}
        data-x={ux}
        data-y={uy}
        data-chosen="true"
        cx={hx}
        cy={hy}
        r={9.5}
        className={`ls-user ls-user-on${model.whatIf ? ' ls-user-whatif' : ''}`}
        fill={USER_COLOR}
      />
    </>
  );
}

/** The names, on top (outside the clip so that they are never cut), with a thin leader when away from their point. */
export function PlotLabels({
  labels,
  focusItem,
  topCandidate,
}: {
  labels: PlacedLabel[];
  focusItem: number | null;
  topCandidate: number | null;
}) {
  const classOf = (key: string) =>
    key === 'chosen'
      ? 'ls-label ls-label-user ls-label-on'
      : key.startsWith('u')
        ? 'ls-label ls-label-user'
        : key === `i${focusItem}`
          ? 'ls-label ls-label-item ls-label-on'
          : key === `i${topCandidate}`
            ? 'ls-label ls-label-item ls-label-top'
            : 'ls-label ls-label-item';
  return (
    <g className="ls-labels">
      {labels.map((l) =>
        l.leader ? (
          <line
            key={`${l.key}-leader`}
            className="ls-leader"
            x1={l.leader.x}
            y1={l.leader.y}
            x2={l.anchor === 'start' ? l.x - 2 : l.x + 2}
            y2={l.y - 5}
          />
        ) : null,
      )}
      {labels.map((l) => (
        <text key={l.key} x={l.x} y={l.y} textAnchor={l.anchor} className={classOf(l.key)} data-label={l.key}>
          {l.key === `i${topCandidate}` ? `★ ${l.text}` : l.text}
        </text>
      ))}
    </g>
  );
}
