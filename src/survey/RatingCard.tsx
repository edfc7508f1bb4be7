/**
 * One item to rate on a phone: its title, one big button per value of the scale and “?” for
 * not seen / skip. A tap rates and moves on; the thumb never has to leave the lower half.
 */
import { useId } from 'react';
import type { SurveyScale } from './itemLists';

export interface RatingCardProps {
  title: string;
  index: number;
  count: number;
  scale: SurveyScale;
  hint: string;
  value: number | null | undefined;
  onRate: (value: number | null) => void;
}

export function scaleValues(scale: SurveyScale): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, k) => scale.min + k);
}

/** The “?” button fills what the last row leaves free (a whole row when it is full or the scale is short). */
function skipSpan(values: number, columns: number): number {
  const free = columns - (values % columns);
  return values <= 6 || free === columns ? columns : free;
}

export function RatingCard({ title, index, count, scale, hint, value, onRate }: RatingCardProps) {
  const titleId = useId();
  const hintId = useId();
  const ends = hint.split(/,\s*/);
  const values = scaleValues(scale);
  // Up to six values fit one row of thumb-sized buttons; longer scales wrap four to a row.
  const columns = values.length <= 6 ? values.length : 4;
  const span = skipSpan(values.length, columns);
  return (
    <section className="rating-card" aria-labelledby={titleId}>
      <p className="rating-progress">
        Item {index + 1} of {count}
      </p>
      <div className="rating-bar" aria-hidden="true">
        <span style={{ width: `${((index + 1) / count) * 100}%` }} />
      </div>
      <h2 id={titleId} className="rating-title" tabIndex={-1}>
        {title}
      </h2>
      {/* The scale's meaning right above the buttons, each end over its side. */}
      <p className="rating-hint" id={hintId}>
        {ends.map((end) => (
          <span key={end}>{end}</span>
        ))}
      </p>
      <div
        className="rating-buttons"
        role="group"
        aria-labelledby={titleId}
        aria-describedby={hintId}
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
      >
        {values.map((v) => (
          <button
            key={v}
            type="button"
            className="rating-value"
            aria-pressed={value === v}
            aria-label={`${v} out of ${scale.max}`}
            onClick={() => onRate(v)}
          >
            {v}
          </button>
        ))}
        <button
          type="button"
          className={span === 1 ? 'rating-skip narrow' : 'rating-skip'}
          aria-pressed={value === null}
          style={{ gridColumn: `span ${span}` }}
          onClick={() => onRate(null)}
        >
          <span>?</span> <span className="rating-skip-text">{values.length <= 6 ? 'not seen / skip' : 'skip'}</span>
          {values.length > 6 && <span className="visually-hidden"> (not seen)</span>}
        </button>
      </div>
    </section>
  );
}
