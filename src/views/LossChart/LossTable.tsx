/**
 * The chart's numbers as a table, for screen readers (and the end-to-end tests): one row
 * per entry of the run, or an even sample of them when the run is long.
 */
import { memo } from 'react';
import { formatValue, KIND_LABELS, sampleRows, type LossSeries } from './lossSeries';

/** More rows than this are sampled: a table of thousands of steps helps nobody and costs a frame. */
const TABLE_MAX_ROWS = 200;

function LossTableImpl({ series }: { series: LossSeries }) {
  const rows = sampleRows(series.length, TABLE_MAX_ROWS);
  const sampled = rows.length < series.length;
  return (
    // A table cannot be held to 1 px (it grows with its rows): the clipped box around it can, so the
    // page never grows or widens with the run.
    <div className="visually-hidden">
      <table aria-label="Loss history">
        <caption>
          Loss history
          {sampled ? `: ${rows.length} of ${series.length} entries, evenly spaced` : `: ${series.length} entries`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Action</th>
            <th scope="col">Objective</th>
            <th scope="col">Data term</th>
            <th scope="col">Regularisation</th>
            <th scope="col">Training RMSE</th>
            {series.hasTest && <th scope="col">Held-out RMSE</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((t, k) => (
            // Keyed by position: in a sampled table the indices shift as the run grows, and
            // remounting 200 rows every frame would cost more than updating their text.
            <tr key={k} data-index={t} data-kind={series.kinds[t]}>
              <th scope="row">{series.steps[t]}</th>
              <td>{KIND_LABELS[series.kinds[t]!]}</td>
              <td data-value={series.total[t]}>{formatValue(series.total[t]!)}</td>
              <td>{formatValue(series.data[t]!)}</td>
              <td>{formatValue(series.regularization[t]!)}</td>
              <td>{formatValue(series.trainRmse[t]!)}</td>
              {series.hasTest && <td>{formatValue(series.testRmse[t]!)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const LossTable = memo(LossTableImpl);
