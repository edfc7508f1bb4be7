/** The sparsity of R, with the Netflix Prize's numbers as the default: entries, known share, what UVᵀ fills in. */
import { useState } from 'react';
import { formatCount } from '../../core/formatCount';

function parse(text: string): number | null {
  const v = Number(text.replace(/[\s,_]/g, ''));
  return Number.isFinite(v) && v > 0 ? v : null;
}

export function Netflix() {
  const [users, setUsers] = useState('500000');
  const [items, setItems] = useState('17000');
  const [known, setKnown] = useState('100000000');
  const m = parse(users);
  const n = parse(items);
  const k = parse(known);
  const entries = m !== null && n !== null ? m * n : null;
  const error = m === null || n === null || k === null ? 'Every number must be positive.' : entries !== null && k > entries ? 'There cannot be more known ratings than entries.' : null;
  const density = !error && entries ? k! / entries : null;
  const dots = density !== null ? Math.max(1, Math.round(density * 2500)) : 0;
  return (
    <div className="widget netflix">
      <div className="netflix-inputs">
        <label>
          users m <input aria-label="users m" value={users} onChange={(e) => setUsers(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          items n <input aria-label="items n" value={items} onChange={(e) => setItems(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          known ratings |Ω| <input aria-label="known ratings" value={known} onChange={(e) => setKnown(e.target.value)} inputMode="numeric" />
        </label>
      </div>
      {error ? (
        <p role="alert">{error}</p>
      ) : (
        <div className="netflix-out">
          <p>
            m·n = <strong aria-label="Entries">{formatCount(entries!)}</strong> entries; known:{' '}
            <strong aria-label="Density">{(density! * 100).toFixed(2)}%</strong>; unknown: {((1 - density!) * 100).toFixed(2)}%. UVᵀ has every one of the{' '}
            {formatCount(entries!)} entries — and needs only (m + n)·d numbers.
          </p>
          <svg width={200} height={200} role="img" aria-label={`${dots} of 2,500 cells filled: the share of R that is known`} className="netflix-grid">
            <rect width={200} height={200} fill="#f1f5f9" stroke="#94a3b8" />
            {Array.from({ length: Math.min(dots, 2500) }, (_, t) => {
              const q = (t * 1597) % 2500;
              return <rect key={t} x={(q % 50) * 4} y={Math.floor(q / 50) * 4} width={4} height={4} fill="#1d4ed8" />;
            })}
          </svg>
          <p className="muted">Each small square stands for {entries ? formatCount(Math.round(entries / 2500)) : '—'} entries of R; blue ones are known.</p>
        </div>
      )}
    </div>
  );
}
