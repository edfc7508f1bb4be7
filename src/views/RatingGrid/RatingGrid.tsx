import { useLab } from '../../state/LabContext';

/** R with users as rows and items as columns; `?` marks an unknown rating. */
export function RatingGrid() {
  const data = useLab((s) => s.data);
  return (
    <table className="rating-grid" aria-label="Rating matrix R">
      <thead>
        <tr>
          <th scope="col" aria-label="users \\ items" />
          {data.itemIds.map((id) => (
            <th key={id} scope="col">
              {id}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.cells.map((row, i) => (
          <tr key={data.userIds[i]}>
            <th scope="row">{data.userIds[i]}</th>
            {row.map((v, j) => (
              <td key={j} className={v === null ? 'unknown' : undefined}>
                {v === null ? '?' : v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
