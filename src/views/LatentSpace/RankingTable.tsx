/**
 * The chosen user's ranking of items by predicted score r̂ = u_iᵀv_j, with the projection
 * length that gives it, what R says about the pair, and (during a what-if) how many places
 * each item moved. Items the user has not rated are the recommendation candidates.
 */
import { useId } from 'react';
import { formatCell } from '../common/colors';
import { Tex } from '../common/Tex';
import type { LatentModel } from './useLatentModel';
import { formatCount } from '../../core/formatCount';

/** Beyond this many items only the top of the ranking is listed. */
const MAX_ROWS = 20;
const TOP_ROWS = 10;

export interface RankingTableProps {
  model: LatentModel;
  focusItem: number | null;
  onFocusItem(j: number | null): void;
  onHoverItem(j: number | null): void;
}

function Moved({ by }: { by: number }) {
  if (by === 0) return <span className="ls-moved-none">—</span>;
  const up = by > 0;
  return (
    <span className={up ? 'ls-moved-up' : 'ls-moved-down'}>
      <span aria-hidden="true">{up ? '▲' : '▼'}</span> {Math.abs(by)}
      <span className="visually-hidden">{up ? ' up' : ' down'}</span>
    </span>
  );
}

export function RankingTable({ model, focusItem, onFocusItem, onHoverItem }: RankingTableProps) {
  const { ranking, itemIds, userIds, user, uNorm, moves, n } = model;
  const uid = userIds[user] ?? `u${user + 1}`;
  let rows = ranking;
  let hidden = 0;
  if (n > MAX_ROWS) {
    rows = ranking.slice(0, TOP_ROWS);
    const extra = focusItem !== null ? ranking.find((r) => r.item === focusItem && r.rank > TOP_ROWS) : undefined;
    if (extra) rows = [...rows, extra];
    hidden = n - rows.length;
  }
  const noteId = useId();
  const candidates = ranking.filter((r) => model.known(r.item) === null).length;
  return (
    <div className="ls-ranking">
      <table aria-describedby={noteId}>
        <caption>Ranking for {uid}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">item</th>
            <th scope="col">
              <Tex math="\hat r = u_i^\top v_j" />
            </th>
            <th scope="col" title="signed length of v_j's projection onto u_i's direction">
              projection
            </th>
            <th scope="col">in R</th>
            {moves && <th scope="col">moved</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => {
            const known = model.known(r.item);
            const on = r.item === focusItem;
            const gap = k > 0 && r.rank !== rows[k - 1]!.rank + 1;
            return (
              <tr
                key={r.item}
                className={`${on ? 'ls-row-on' : ''}${known === null ? ' ls-row-candidate' : ''}${gap ? ' ls-row-gap' : ''}`}
                onMouseEnter={() => onHoverItem(r.item)}
                onMouseLeave={() => onHoverItem(null)}
              >
                <td className="ls-num">{r.rank}</td>
                <th scope="row">
                  <button
                    type="button"
                    className="ls-item-button"
                    aria-pressed={on}
                    title={`Show ${itemIds[r.item]}'s projection and its dot product`}
                    onClick={() => onFocusItem(on ? null : r.item)}
                  >
                    {itemIds[r.item]}
                  </button>
                </th>
                <td className="ls-num">{formatCell(r.score)}</td>
                <td className="ls-num">{formatCell(uNorm > 0 ? r.score / uNorm : 0)}</td>
                <td>
                  {known === null ? (
                    <span className="ls-candidate-badge">★ candidate</span>
                  ) : (
                    <span className="ls-rated">
                      {model.implicit
                        ? `interacted${known === 1 ? '' : ` (r = ${formatCell(known)})`}`
                        : `rated ${formatCell(known)}`}
                      {model.heldOut(r.item) ? ' (held out)' : ''}
                    </span>
                  )}
                </td>
                {moves && (
                  <td className="ls-num">
                    <Moved by={moves[r.item] ?? 0} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id={noteId} className="ls-note">
        {hidden > 0 ? `The top ${TOP_ROWS} of ${formatCount(n)} items. ` : ''}★ candidate: {uid} has not{' '}
        {model.implicit ? 'interacted with' : 'rated'} it — {candidates === 0 ? 'none here' : `${candidates} of them`}, ranked by
        the model: the recommendations.
      </p>
    </div>
  );
}
