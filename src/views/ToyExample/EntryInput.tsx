/**
 * One typed entry of U or Vᵀ. A valid number takes effect as it is typed; text that is
 * not a number is refused when the student leaves the field or presses Enter: the old
 * value comes back and the parent says why.
 */
import { useEffect, useState } from 'react';
import { formatNumber, parseEntry } from './toyMath';

export interface EntryInputProps {
  /** Accessible name, e.g. "U row 3, column 1". */
  label: string;
  value: number;
  onChange(value: number): void;
  onRefuse(label: string, reason: string, kept: number): void;
  onFocus?(): void;
  highlighted?: boolean;
}

export function EntryInput({ label, value, onChange, onRefuse, onFocus, highlighted }: EntryInputProps) {
  const [text, setText] = useState(formatNumber(value));
  // The value can change from outside (the reset button): show it, unless the text already means it ("0.30").
  useEffect(() => {
    setText((t) => {
      const p = parseEntry(t);
      return 'value' in p && p.value === value ? t : formatNumber(value);
    });
  }, [value]);

  const parsed = parseEntry(text);
  const invalid = 'error' in parsed;
  const settle = () => {
    const p = parseEntry(text);
    if ('error' in p) {
      onRefuse(label, p.error, value);
      setText(formatNumber(value));
    } else setText(formatNumber(p.value));
  };

  return (
    <input
      className={`toy-entry${highlighted ? ' toy-entry-on' : ''}`}
      type="text"
      inputMode="decimal"
      spellCheck={false}
      autoComplete="off"
      aria-label={label}
      aria-invalid={invalid}
      value={text}
      onFocus={onFocus}
      onChange={(e) => {
        setText(e.target.value);
        const p = parseEntry(e.target.value);
        if ('value' in p && p.value !== value) onChange(p.value);
      }}
      onBlur={settle}
      onKeyDown={(e) => {
        if (e.key === 'Enter') settle();
        else if (e.key === 'Escape') setText(formatNumber(value));
      }}
    />
  );
}
