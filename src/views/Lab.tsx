import { RatingGrid } from './RatingGrid/RatingGrid';
import { RunControls } from './Controls/RunControls';

/** The full lab: the grid holding R, the run controls and the views. */
export function Lab() {
  return (
    <div className="lab">
      <section aria-labelledby="grid-title" className="panel">
        <h2 id="grid-title">Rating matrix R</h2>
        <RatingGrid />
      </section>
      <section aria-labelledby="run-title" className="panel">
        <h2 id="run-title">Alternating least squares</h2>
        <RunControls />
      </section>
    </div>
  );
}
