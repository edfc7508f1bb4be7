/**
 * UVᵀ as a heatmap the student can point at: a WAI-ARIA grid with one tab stop; arrow
 * keys, Home and End move between cells, and the focused or clicked cell is the one
 * explained below. Predictions at R's `?` are bold with a dashed frame, as the lab's
 * heatmaps mark them (the slide prints them in red).
 */
import { useRef, type KeyboardEvent } from 'react';
import { ratingColor, textOn } from '../common/colors';
import { formatNumber, shown, type Matrix } from './toyMath';

export interface ProductGridProps {
  P: Matrix;
  userIds: readonly string[];
  itemIds: readonly string[];
  isPrediction(i: number, j: number): boolean;
  exact: boolean;
  cell: { i: number; j: number };
  onCell(cell: { i: number; j: number }): void;
}

const color = ratingColor(1, 5);

export function ProductGrid({ P, userIds, itemIds, isPrediction, exact, cell, onCell }: ProductGridProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const m = P.length;
  const n = P[0]?.length ?? 0;
  const move = (i: number, j: number) => {
    const next = { i: Math.min(m - 1, Math.max(0, i)), j: Math.min(n - 1, Math.max(0, j)) };
    onCell(next);
    refs.current[next.i * n + next.j]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const { i, j } = cell;
    const to: Record<string, [number, number]> = {
      ArrowUp: [i - 1, j],
      ArrowDown: [i + 1, j],
      ArrowLeft: [i, j - 1],
      ArrowRight: [i, j + 1],
      Home: [i, 0],
      End: [i, n - 1],
    };
    const target = to[e.key];
    if (!target) return;
    e.preventDefault();
    move(...target);
  };
  return (
    <table className="toy-product" role="grid" aria-label="UVᵀ, the predictions" onKeyDown={onKey}>
      <thead className="visually-hidden">
        <tr>
          <td />
          {itemIds.map((id) => (
            <th key={id} scope="col">
              {id}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {P.map((row, i) => (
          <tr key={i}>
            <th scope="row" className="visually-hidden">
              {userIds[i]}
            </th>
            {row.map((v, j) => {
              const predicted = isPrediction(i, j);
              const on = cell.i === i && cell.j === j;
              const fill = color(v);
              return (
                <td key={j} role="gridcell" aria-selected={on} data-cell={`${i},${j}`}>
                  <button
                    type="button"
                    ref={(el) => {
                      refs.current[i * n + j] = el;
                    }}
                    tabIndex={on ? 0 : -1}
                    className={`toy-cell${predicted ? ' toy-predicted' : ''}${on ? ' toy-cell-on' : ''}`}
                    style={{ background: fill, color: textOn(fill) }}
                    title={`r̂(${userIds[i]}, ${itemIds[j]}) = ${v}${predicted ? ' — a prediction: R has ? here' : ''}`}
                    onClick={() => move(i, j)}
                    onFocus={() => {
                      if (!on) onCell({ i, j });
                    }}
                  >
                    {formatNumber(shown(v, exact))}
                    {predicted && <span className="visually-hidden"> (prediction)</span>}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
