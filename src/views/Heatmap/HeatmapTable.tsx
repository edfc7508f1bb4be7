/**
 * A heatmap's numbers for screen readers: a real table (row and column headers, every
 * value to three decimals), hidden from sight in a clipped box that can neither widen nor
 * lengthen the page. Big matrices are windowed: at most WINDOW × WINDOW cells around the
 * cell pointed at (in the grid of R, in any heatmap), with a caption saying which.
 */
import { memo } from 'react';

const WINDOW = 20;

export interface HeatmapTableProps {
  label: string;
  rows: number;
  cols: number;
  /** Value of matrix entry (i, j) (true indices). */
  value: (i: number, j: number) => number;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  /** The cell to centre the window on (the one pointed at), if any. */
  around?: { i: number; j: number } | null;
}

/** The first index of a window of `size` around `at`, within 0…count. */
function windowStart(at: number | undefined, size: number, count: number): number {
  if (count <= size || at === undefined) return 0;
  return Math.max(0, Math.min(count - size, at - Math.floor(size / 2)));
}

const number = (v: number) => (Number.isFinite(v) ? v.toFixed(3).replace('-', '−') : 'not a number');

function HeatmapTableImpl({ label, rows, cols, value, rowLabels, colLabels, around }: HeatmapTableProps) {
  const r0 = windowStart(around?.i, WINDOW, rows);
  const c0 = windowStart(around?.j, WINDOW, cols);
  const r1 = Math.min(rows, r0 + WINDOW);
  const c1 = Math.min(cols, c0 + WINDOW);
  const windowed = r1 - r0 < rows || c1 - c0 < cols;
  const rowName = (i: number) => rowLabels?.[i] ?? String(i + 1);
  const colName = (j: number) => colLabels?.[j] ?? String(j + 1);
  return (
    <div className="visually-hidden">
      <table>
        <caption>
          {label}
          {windowed
            ? `: rows ${rowName(r0)} to ${rowName(r1 - 1)} of ${rows}, columns ${colName(c0)} to ${colName(c1 - 1)} of ${cols} (around the cell pointed at)`
            : ''}
        </caption>
        <thead>
          <tr>
            <td />
            {Array.from({ length: c1 - c0 }, (_, k) => (
              <th key={k} scope="col">
                {colName(c0 + k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: r1 - r0 }, (_, a) => (
            <tr key={a}>
              <th scope="row">{rowName(r0 + a)}</th>
              {Array.from({ length: c1 - c0 }, (_, b) => (
                <td key={b}>{number(value(r0 + a, c0 + b))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const HeatmapTable = memo(HeatmapTableImpl);
