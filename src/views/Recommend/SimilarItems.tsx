/**
 * Items like this one: the nearest items by the cosine of their factor vectors vⱼ. Two items
 * are similar for the model when the same users' vectors point their way, whatever they are
 * called — the model never sees a title or a genre.
 */
import { useId, useMemo, useState } from 'react';
import { similarItems, type Factors } from '../../core';
import { Tex } from '../common/Tex';
import { ItemSearch } from './ItemSearch';
import { score } from './recommendData';

export interface SimilarItemsProps {
  F: Factors;
  labels: readonly string[];
  top: number;
  /** The item shown until one is picked here (the one being explained above). */
  initial: number;
}

export function SimilarItems({ F, labels, top, initial }: SimilarItemsProps) {
  const headingId = useId();
  const [picked, setPicked] = useState<number | null>(null);
  const item = picked !== null && picked < F.n ? picked : Math.min(initial, F.n - 1);
  const list = useMemo(() => similarItems(F, item, top, labels), [F, item, top, labels]);
  const title = labels[item] ?? `item ${item + 1}`;
  return (
    <section className="rc-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Similar items</h3>
      <Tex math="\cos(v_j, v_l) = \frac{v_j^\top v_l}{\|v_j\|\,\|v_l\|}" block />
      <p className="rc-note">
        Items whose factor vectors point the same way: the model learned them from the same users’ ratings, never from titles or
        genres. A cosine near 1 means the same direction, near 0 unrelated, near −1 opposite tastes.
      </p>
      <div className="rc-split">
        <ItemSearch
          label="Find an item"
          labels={labels}
          action={(t) => ({ text: 'Similar', name: `Items similar to ${t}` })}
          onPick={setPicked}
        />
        {list.length === 0 ? (
          <p className="muted">
            {F.n < 2
              ? 'There is no other item to compare with.'
              : `${title}’s vector vⱼ is zero: it has no direction to compare.`}
          </p>
        ) : (
          <table className="rc-table rc-similar">
            <caption>
              Most similar to <span className="rc-similar-to">{title}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">item</th>
                <th scope="col">cosine</th>
                <th scope="col">
                  <span className="visually-hidden">next</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((r, k) => {
                const t = labels[r.item] ?? r.id;
                return (
                  <tr key={r.item}>
                    <td className="rc-num">{k + 1}</td>
                    <th scope="row">{t}</th>
                    <td className="rc-num">{score(r.score)}</td>
                    <td>
                      <button
                        type="button"
                        className="rc-why"
                        aria-label={`Items similar to ${t}`}
                        onClick={() => setPicked(r.item)}
                      >
                        Similar
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
