/**
 * Finding an item by its title: a search box and the first matches as a list of buttons
 * (thousands of films on MovieLens: no list shows them all). Typing filters; Enter picks the
 * first match; each match is one Tab stop away, with its own name.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { matchItems } from './recommendData';

export interface ItemSearchProps {
  label: string;
  labels: readonly string[];
  /** Items not to offer (already rated). */
  exclude?: ReadonlySet<number>;
  /** The action on a match: its button's text and accessible name. */
  action(title: string): { text: ReactNode; name: string };
  onPick(item: number): void;
  limit?: number;
}

export function ItemSearch({ label, labels, exclude, action, onPick, limit = 8 }: ItemSearchProps) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const listId = useId();
  const lower = useMemo(() => labels.map((t) => t.toLowerCase()), [labels]);
  const matches = useMemo(() => matchItems(lower, query, limit, exclude), [lower, query, limit, exclude]);
  return (
    <div className="rc-search">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        value={query}
        autoComplete="off"
        aria-controls={listId}
        aria-describedby={`${listId}-count`}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0] !== undefined) {
            e.preventDefault();
            onPick(matches[0]);
          }
        }}
      />
      <p id={`${listId}-count`} className="rc-hint" aria-live="polite">
        {query.trim() === ''
          ? `The first ${matches.length} of ${labels.length} items; type to filter.`
          : matches.length === 0
            ? `No item matches “${query.trim()}”.`
            : `${matches.length}${matches.length === limit ? '+' : ''} matching; Enter picks the first.`}
      </p>
      <ul id={listId} className="rc-matches" aria-label={`Items matching “${query.trim()}”`}>
        {matches.map((j) => {
          const a = action(labels[j]!);
          return (
            <li key={j}>
              <span className="rc-match-title">{labels[j]}</span>
              <button type="button" aria-label={a.name} onClick={() => onPick(j)}>
                {a.text}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
