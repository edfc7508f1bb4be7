import { useRef } from 'react';

export type CommitKey = 'Enter' | 'Tab' | null;

export interface CellEditorProps {
  label: string;
  initial: string;
  /** Typing started the edit: the caret goes after the typed character instead of selecting all. */
  typed: boolean;
  onCommit(text: string, key: CommitKey, shift: boolean): void;
  onCancel(): void;
}

/**
 * The input that replaces a cell's text while it is edited: Enter and Tab commit (and
 * move), Escape cancels, leaving the cell commits where it is.
 */
export function CellEditor({ label, initial, typed, onCommit, onCancel }: CellEditorProps) {
  const done = useRef(false);
  const finish = (action: () => void) => {
    if (done.current) return;
    done.current = true;
    action();
  };
  return (
    <input
      className="rg-editor"
      aria-label={label}
      defaultValue={initial}
      autoFocus
      autoComplete="off"
      spellCheck={false}
      onFocus={(e) => {
        const input = e.currentTarget;
        if (typed) input.setSelectionRange(input.value.length, input.value.length);
        else input.select();
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        const input = e.currentTarget;
        if (e.key === 'Enter' || e.key === 'Tab') {
          e.preventDefault();
          const key = e.key;
          finish(() => onCommit(input.value, key, e.shiftKey));
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(onCancel);
        }
      }}
      onBlur={(e) => {
        const text = e.currentTarget.value;
        finish(() => onCommit(text, null, false));
      }}
    />
  );
}
