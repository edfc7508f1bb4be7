/** The rows of R collected so far: who, how many items rated, their code; each can be removed. */
import { rowLabels, type CollectedRow } from './collectAnswers';
import type { Survey } from './surveySpec';

export interface CollectedRowsProps {
  rows: readonly CollectedRow[];
  survey: Survey;
  onRemove: (index: number) => void;
}

export function CollectedRows({ rows, survey, onRemove }: CollectedRowsProps) {
  if (rows.length === 0) return null;
  const labels = rowLabels(rows);
  const n = survey.items.length;
  return (
    <details className="collected-rows" open={rows.length <= 12}>
      <summary>{rows.length === 1 ? 'The row of R' : `The ${rows.length} rows of R`}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Student</th>
            <th scope="col">Rated</th>
            <th scope="col">Code</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, k) => (
            <tr key={row.code}>
              <td>{k + 1}</td>
              <th scope="row">{labels[k]}</th>
              <td>
                {row.answer.ratings.filter((r) => r !== null).length} / {n}
              </td>
              <td>
                <code>{row.code}</code>
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove row ${k + 1} (${labels[k]})`}
                  onClick={() => onRemove(k)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
