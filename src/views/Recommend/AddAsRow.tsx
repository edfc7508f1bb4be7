/**
 * "Add me to R as a new row": the new user's ratings become a real row of R through the
 * lab's undoable edit (Undo takes it back). The model keeps its factors; the new row of U
 * starts random and the next users half-step solves it with the same closed form.
 */
import { useId, useState } from 'react';
import type { LabData } from '../../state/labData';

export interface AddAsRowProps {
  data: LabData;
  /** How many ratings the new user has. */
  count: number;
  /** Adds the row; returns why it could not, or null. */
  onAdd(name: string): string | null;
}

export function AddAsRow({ data, count, onAdd }: AddAsRowProps) {
  const nameId = useId();
  const [name, setName] = useState('me');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const add = () => {
    const row = data.ratings.m + 1;
    const error = onAdd(name);
    setMessage(
      error
        ? { tone: 'error', text: error }
        : {
            tone: 'ok',
            text: `Added “${name.trim()}” as row ${row} of R (Undo takes it back). Its row of U starts random: the next users half-step solves it with this same closed form.`,
          },
    );
  };
  return (
    <div className="rc-add">
      <label htmlFor={nameId}>Your name in R</label>
      <input id={nameId} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      <button type="button" className="primary" onClick={add} disabled={count === 0}>
        Add me to R as a new row
      </button>
      <p className={message?.tone === 'error' ? 'rc-error' : 'rc-note'} role="status">
        {message?.text ?? (count === 0 ? 'Rate at least one item to join R.' : '')}
      </p>
    </div>
  );
}
