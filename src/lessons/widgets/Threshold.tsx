/** The lecture's "from explicit to implicit": R next to its thresholded version (≥ t → 1, else 0, ? stays ?). */
import { useState } from 'react';
import { LECTURE_ITEM_IDS, LECTURE_R, LECTURE_USER_IDS, thresholdRatings } from '../../core';
import { MatrixTable } from './MatrixTable';

export function Threshold({ initial = 4 }: { initial?: number }) {
  const [t, setT] = useState(initial);
  return (
    <div className="widget threshold">
      <MatrixTable label="R (explicit ratings)" rows={LECTURE_R} rowIds={LECTURE_USER_IDS} colIds={LECTURE_ITEM_IDS} caption />
      <div className="threshold-control">
        <label htmlFor="threshold-slider">
          rating ≥ <strong>{t}</strong> → 1
        </label>
        <input id="threshold-slider" type="range" min={1} max={5} step={1} value={t} aria-label="Threshold" onChange={(e) => setT(Number(e.target.value))} />
        <span className="muted">below → 0, ? stays ?</span>
      </div>
      <MatrixTable label={`Implicit (threshold ${t})`} rows={thresholdRatings(LECTURE_R, t)} rowIds={LECTURE_USER_IDS} colIds={LECTURE_ITEM_IDS} caption />
    </div>
  );
}
