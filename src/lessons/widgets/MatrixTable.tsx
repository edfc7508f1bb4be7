/** A small labelled matrix as a table: `?` for unknown cells, 1s (or any non-zero) emphasised. */
import type { Cell } from '../../state/labData';
import { ScrollX } from '../ScrollX';

export interface MatrixTableProps {
  label: string;
  rows: readonly (readonly Cell[])[];
  rowIds: readonly string[];
  colIds: readonly string[];
  /** Show the label as a visible caption too. */
  caption?: boolean;
}

export function MatrixTable({ label, rows, rowIds, colIds, caption = false }: MatrixTableProps) {
  return (
    <ScrollX label={label}>
      <table className="lesson-table matrix" aria-label={label}>
      {caption && <caption>{label}</caption>}
      <thead>
        <tr>
          <th scope="col" />
          {colIds.map((j) => (
            <th key={j} scope="col">
              {j}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowIds[i] ?? i}>
            <th scope="row">{rowIds[i]}</th>
            {row.map((v, j) => (
              <td key={j} className={v === null ? 'unknown' : v ? 'on' : 'off'}>
                {v === null ? '?' : v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      </table>
    </ScrollX>
  );
}
