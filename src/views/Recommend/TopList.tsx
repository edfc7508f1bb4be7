/**
 * The chosen user's top-N: the items they have not rated, by the model's predicted score,
 * each with a button that opens its exact explanation.
 */
import type { RankedItem } from '../../core';
import { Tex } from '../common/Tex';
import { score } from './recommendData';

export interface TopListProps {
  caption: string;
  list: readonly RankedItem[];
  labels: readonly string[];
  implicit: boolean;
  /** The item whose explanation is open (its button is pressed), or null. */
  chosen: number | null;
  onChoose(item: number): void;
  /** What to say when nothing is left to recommend. */
  empty: string;
}

export function TopList({ caption, list, labels, implicit, chosen, onChoose, empty }: TopListProps) {
  if (list.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="rc-table rc-top">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">item</th>
          <th scope="col">
            <span className="visually-hidden">{implicit ? 'predicted preference' : 'predicted rating'} </span>
            <span aria-hidden="true">
              <Tex math={implicit ? '\\hat p_{ij}' : '\\hat r_{ij}'} />
            </span>
          </th>
          <th scope="col">
            <span className="visually-hidden">explanation</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((r, k) => {
          const title = labels[r.item] ?? r.id;
          const on = r.item === chosen;
          return (
            <tr key={r.item} className={on ? 'rc-row-on' : undefined}>
              <td className="rc-num">{k + 1}</td>
              <th scope="row" className="rc-title">
                {title}
              </th>
              <td className="rc-num rc-score">{score(r.score)}</td>
              <td>
                <button
                  type="button"
                  className="rc-why"
                  aria-pressed={on}
                  aria-label={`Why ${title}?`}
                  onClick={() => onChoose(r.item)}
                >
                  Why?
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
