/**
 * A rating on the lab's scale, typed: the number is taken as soon as it is on the scale, and
 * a value off the scale says why (the grid's own check) instead of being taken.
 */
import { useId, useState } from 'react';
import { checkValue } from '../../state/edits';
import type { LabData } from '../../state/labData';

export interface RatingInputProps {
  data: LabData;
  value: number;
  label: string;
  onChange(value: number): void;
  id?: string;
}

export function RatingInput({ data, value, label, onChange, id }: RatingInputProps) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const own = useId();
  const inputId = id ?? own;
  const errorId = `${inputId}-error`;
  const shown = error === null && Number(text) !== value ? String(value) : text;
  return (
    <span className="rc-rating">
      <input
        id={inputId}
        type="number"
        inputMode="decimal"
        aria-label={id ? undefined : label}
        min={data.scale.min}
        max={data.scale.max}
        step={data.scale.step ?? 'any'}
        value={shown}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const v = t.trim() === '' ? Number.NaN : Number(t);
          const problem = Number.isNaN(v) ? `Type a rating from ${data.scale.min} to ${data.scale.max}` : checkValue(data, v);
          setError(problem);
          if (!problem) onChange(v);
        }}
      />
      {error && (
        <span id={errorId} className="rc-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
