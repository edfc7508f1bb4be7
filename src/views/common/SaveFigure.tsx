/**
 * "Save figure ▾": a small button in a panel's header row whose menu saves the panel's figures
 * as SVG or PNG (1920 px wide) for slides, each with a title and the step / λ / d caption. One
 * control can offer several figures (R, U, Vᵀ, UVᵀ and the product share the stage's).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { usePopover } from './usePopover';
import { registerFigures } from './figureRegistry';
import type { FigureFormat, FigureSpec } from './saveFigure';
import { useLabStore } from '../../state/LabContext';
import { PNG_WIDTH } from './figureSize';
import './SaveFigure.css';

export interface SaveFigureProps {
  figures: FigureSpec[];
  /** List them in the header's Export menu too (default true). */
  register?: boolean;
  className?: string;
  /** An icon alone, its words shown on hover and focus (where a toolbar has no room). */
  compact?: boolean;
}

const FORMATS: FigureFormat[] = ['svg', 'png'];

/** Saves a figure and reports the outcome in words (the file saved, or what went wrong and why). */
export function useFigureSaver() {
  const store = useLabStore();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const save = async (spec: FigureSpec, format: FigureFormat) => {
    try {
      // The figure writers load on the first save: they are not part of the lab's first load.
      const [{ saveFigure }, { figureCaptionOf }] = await Promise.all([import('./saveFigure'), import('./figureCaptionOf')]);
      const name = await saveFigure(spec, format, figureCaptionOf(store.getState()));
      setMessage({ text: `Saved ${name}`, error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  };
  return { save, message, setMessage };
}

export function SaveFigure({ figures, register = true, className, compact = false }: SaveFigureProps) {
  const { open, setOpen, root, opener, panel, onKeyDown } = usePopover('right');
  const { save, message, setMessage } = useFigureSaver();
  const id = useId();
  const single = figures.length === 1 ? figures[0]! : null;
  const names = single ? single.name : figures.map((f) => f.name).join(', ');

  // The figures are listed in the header's Export menu while this control is on screen.
  const ownRef = useRef(figures);
  ownRef.current = figures;
  const keys = figures.map((f) => f.key).join('|');
  useEffect(() => {
    if (!register) return;
    return registerFigures(
      id,
      ownRef.current.map((f) => ({ ...f, roots: () => ownRef.current.find((g) => g.key === f.key)?.roots() ?? [] })),
    );
  }, [register, id, keys]);

  return (
    // Escape bubbles up here from the menu's buttons; the wrapper takes no focus.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={root}
      className={`save-figure${compact ? ' save-figure-compact' : ''} ${className ?? ''}`}
      onKeyDown={onKeyDown}
      data-figure-skip=""
    >
      <button
        ref={opener}
        type="button"
        className="save-figure-opener"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Save figure: ${names}`}
        onClick={() => {
          setMessage(null);
          setOpen((o) => !o);
        }}
      >
        <span aria-hidden="true" className="save-figure-icon">
          ⤓
        </span>
        <span className="save-figure-text" aria-hidden={compact || undefined}>
          Save figure
        </span>
      </button>
      <div ref={panel} id={id} className="save-figure-menu" role="group" aria-label={`Save ${names}`} hidden={!open}>
        <ul>
          {figures.map((f) => (
            <li key={f.key}>
              <span className="save-figure-name">{single ? 'For slides:' : f.name}</span>
              {FORMATS.map((format) => (
                <button
                  key={format}
                  type="button"
                  aria-label={`Save ${f.name} as ${format.toUpperCase()}`}
                  onClick={() => void save(f, format)}
                >
                  {format.toUpperCase()}
                </button>
              ))}
            </li>
          ))}
        </ul>
        <p className="save-figure-hint">
          SVG scales to any size; PNG is {PNG_WIDTH} px wide. Both have a title and the step, λ and d.
        </p>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'save-figure-error' : 'save-figure-done'}>
            {message.text}
          </p>
        )}
      </div>
    </div>
  );
}
