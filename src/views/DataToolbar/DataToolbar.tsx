/**
 * Where the data starts from: the lecture's R, the lecture's P and C, taste groups, random
 * data of a chosen size and density, an ML-100k-shaped set. Loading is undoable.
 */
import { useState } from 'react';
import { useLab } from '../../state/LabContext';
import { DEFAULT_RANDOM, PRESETS, type PresetId } from '../../state/presets';
import { parseRandomForm, toRandomForm, type RandomForm } from './randomOptions';
import './DataToolbar.css';

const FIELDS: { key: keyof RandomForm; label: string; suffix?: string }[] = [
  { key: 'users', label: 'Users' },
  { key: 'items', label: 'Items' },
  { key: 'density', label: 'Density', suffix: '%' },
  { key: 'seed', label: 'Seed' },
];

export function DataToolbar() {
  const { origin, pristine, loadPreset, undo, redo } = useLab((s) => ({
    origin: s.origin,
    pristine: s.pristine,
    loadPreset: s.loadPreset,
    undo: s.undo,
    redo: s.redo,
  }));
  const [randomOpen, setRandomOpen] = useState(false);
  const [form, setForm] = useState<RandomForm>(() => toRandomForm(origin?.random ?? DEFAULT_RANDOM));
  const [error, setError] = useState<string | null>(null);

  const load = (id: PresetId) => {
    if (id === 'random') {
      setRandomOpen((open) => !open);
      return;
    }
    setError(null);
    loadPreset(id);
  };
  const generate = () => {
    const parsed = parseRandomForm(form);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    loadPreset('random', parsed.options);
  };

  return (
    <div
      className="data-toolbar"
      role="toolbar"
      aria-label="Data presets"
      onKeyDown={(e) => {
        const k = e.key.toLowerCase();
        if (!(e.ctrlKey || e.metaKey) || (e.target as HTMLElement).closest('input')) return;
        if (k === 'z' || k === 'y') {
          e.preventDefault();
          if (k === 'y' || e.shiftKey) redo();
          else undo();
        }
      }}
    >
      <span className="dt-title">Data</span>
      {PRESETS.map((p) => {
        const current = origin?.preset === p.id;
        return (
          <button
            key={p.id}
            type="button"
            title={`${p.label}: ${p.description}`}
            aria-label={current && !pristine ? `${p.label}, edited` : p.label}
            aria-pressed={current}
            aria-expanded={p.id === 'random' ? randomOpen : undefined}
            className={current ? 'dt-current' : undefined}
            onClick={() => load(p.id)}
          >
            {p.label.replace(/ \(.*\)$/, '').replace(/ shape$/, '')}
            {current && !pristine && <span className="dt-edited"> (edited)</span>}
          </button>
        );
      })}
      {randomOpen && (
        <form
          className="dt-random"
          aria-label="Random data"
          onSubmit={(e) => {
            e.preventDefault();
            generate();
          }}
        >
          {FIELDS.map((f) => (
            <label key={f.key}>
              {f.label}
              <input
                inputMode="numeric"
                size={4}
                value={form[f.key]}
                aria-invalid={error?.startsWith(f.label) ? true : undefined}
                onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
              />
              {f.suffix}
            </label>
          ))}
          <button type="submit">Generate</button>
        </form>
      )}
      <p role="alert" className={error ? 'dt-error' : 'dt-error-empty'}>
        {error}
      </p>
    </div>
  );
}
