/**
 * Where the data starts from: the lecture's R, real ratings from MovieTweetings (the
 * projector-sized cut, its cores, the whole snapshot), the lecture's P and C, taste groups,
 * random data of a chosen size and density, a synthetic ML-100k-shaped set. One compact button names the
 * current data ("Data: Taste groups, edited"); it opens the list of presets (a disclosure:
 * Escape or a click elsewhere closes it, and the focus returns to the button). Loading is
 * undoable.
 */
import { lazy, Suspense, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useLab } from '../../state/LabContext';
import { DEFAULT_RANDOM, PRESETS, type PresetId } from '../../state/presets';
import { OpenDataDialog } from '../OpenData/OpenDataButton';
import { parseRandomForm, toRandomForm, type RandomForm } from './randomOptions';
import { HoldOutButton } from '../HoldOut/HoldOutButton';
import './DataToolbar.css';

// The cut dialog (and the worker queries behind it) loads when first opened.
const CutDialog = lazy(() => import('../Density/CutDialog').then((m) => ({ default: m.CutDialog })));

const FIELDS: { key: keyof RandomForm; label: string; suffix?: string }[] = [
  { key: 'users', label: 'Users' },
  { key: 'items', label: 'Items' },
  { key: 'density', label: 'Density', suffix: '%' },
  { key: 'seed', label: 'Seed' },
];

/** "Taste groups (12×16)" → "Taste groups": the short name on the button ("(synthetic)" stays: it says what it is). */
const shortName = (label: string) => label.replace(/ \((?!synthetic\)).*\)$/, '');

export function DataToolbar() {
  const { origin, pristine, loadPreset, undo, redo } = useLab((s) => ({
    origin: s.origin,
    pristine: s.pristine,
    loadPreset: s.loadPreset,
    undo: s.undo,
    redo: s.redo,
  }));
  const [open, setOpen] = useState(false);
  const [randomOpen, setRandomOpen] = useState(false);
  const [ownOpen, setOwnOpen] = useState(false);
  const [cutOpen, setCutOpen] = useState(false);
  const [form, setForm] = useState<RandomForm>(() => toRandomForm(origin?.random ?? DEFAULT_RANDOM));
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const current = PRESETS.find((p) => p.id === origin?.preset);
  const name = current ? shortName(current.label) : (origin?.dataset?.name ?? 'Custom');

  const close = (refocus: boolean) => {
    setOpen(false);
    setRandomOpen(false);
    if (refocus) opener.current?.focus();
  };
  // The open menu fits the window below its button and scrolls inside (a projector's 768 px): the page does not move.
  const [menuHeight, setMenuHeight] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (!open || !opener.current) return;
    const fit = () => {
      const below = window.innerHeight - opener.current!.getBoundingClientRect().bottom - 16;
      setMenuHeight(Math.max(240, Math.round(below)));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [open]);
  // A click outside the open list closes it (without taking the focus back: the click put it somewhere).
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const load = (id: PresetId) => {
    if (id === 'random') {
      setRandomOpen((o) => !o);
      return;
    }
    setError(null);
    loadPreset(id);
    close(true);
  };
  const generate = () => {
    const parsed = parseRandomForm(form);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    loadPreset('random', parsed.options);
    close(true);
  };

  return (
    <>
      {/* Escape (and undo keys) bubble up here from the buttons and fields inside; the wrapper takes no focus. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        ref={root}
        className="data-toolbar"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.preventDefault();
            e.stopPropagation();
            close(true);
            return;
          }
          const k = e.key.toLowerCase();
          if (!(e.ctrlKey || e.metaKey) || (e.target as HTMLElement).closest('input')) return;
          if (k === 'z' || k === 'y') {
            e.preventDefault();
            if (k === 'y' || e.shiftKey) redo();
            else undo();
          }
        }}
      >
        <button
          ref={opener}
          type="button"
          className="dt-opener"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => (open ? close(false) : setOpen(true))}
        >
          <span className="dt-title">Data:</span> {name}
          {!pristine && current && <span className="dt-edited"> (edited)</span>} <span aria-hidden="true">▾</span>
        </button>
        <div
          id={listId}
          className="dt-menu"
          role="group"
          aria-label="Data presets"
          hidden={!open}
          style={{ maxHeight: menuHeight }}
        >
          <ul className="dt-list">
            {PRESETS.map((p) => {
              const on = origin?.preset === p.id;
              return (
                <li key={p.id} className={'movieTweetings' in p && p.id !== 'movietweetings' ? 'dt-sub' : undefined}>
                  <button
                    type="button"
                    aria-pressed={on}
                    aria-expanded={p.id === 'random' ? randomOpen : undefined}
                    aria-describedby={`${listId}-${p.id}`}
                    className={on ? 'dt-current' : undefined}
                    onClick={() => load(p.id)}
                  >
                    {p.label}
                    {on && !pristine && <span className="dt-edited">, edited</span>}
                  </button>
                  <span id={`${listId}-${p.id}`} className="dt-desc">
                    {p.description}
                  </span>
                </li>
              );
            })}
          </ul>
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
          <div className="dt-own">
            <button
              type="button"
              aria-haspopup="dialog"
              aria-describedby={`${listId}-own`}
              onClick={() => {
                close(false);
                setOwnOpen(true);
              }}
            >
              Open data…
            </button>
            <span id={`${listId}-own`} className="dt-desc">
              Your own rating file, a MovieLens archive as downloaded, or pasted text — or drop files anywhere on the lab. Nothing
              leaves your browser.
            </span>
          </div>
          <p role="alert" className={error ? 'dt-error' : 'dt-error-empty'}>
            {error}
          </p>
          <p className="dt-split">
            <HoldOutButton label="Hold out ratings…" /> split this data into training and held-out ratings, to evaluate on.
          </p>
          <p className="dt-split">
            <button
              type="button"
              aria-haspopup="dialog"
              onClick={() => {
                close(false);
                setCutOpen(true);
              }}
            >
              Cut a dense core…
            </button>{' '}
            keep the most active users and most rated items (or a minimum of ratings each), to step through in the grid.
          </p>
        </div>
      </div>
      {cutOpen && (
        <Suspense fallback={null}>
          <CutDialog
            open
            onClose={() => {
              setCutOpen(false);
              opener.current?.focus();
            }}
          />
        </Suspense>
      )}
      <OpenDataDialog
        open={ownOpen}
        onOpen={() => {
          close(false);
          setOwnOpen(true);
        }}
        onClose={() => {
          setOwnOpen(false);
          opener.current?.focus();
        }}
      />
    </>
  );
}
