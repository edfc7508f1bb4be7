/**
 * The lecture's "from explicit to implicit feedback": R on the left, the P it becomes on the
 * right (≥ threshold → 1, else 0, ? stays ?), before the student applies it. Applying is
 * one undoable edit.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLab } from '../../state/LabContext';
import { parseEntry, thresholdToImplicit } from '../../state/edits';
import type { LabData } from '../../state/labData';
import { cellViews } from './cellView';
import { MatrixGrid } from './MatrixGrid';

export interface Conversion {
  data: LabData;
  message: string;
}

export interface ThresholdPanelProps {
  /** Called once the dialog has closed: with the converted data when the student applied it. */
  onClose(applied?: Conversion): void;
}

export function ThresholdPanel({ onClose }: ThresholdPanelProps) {
  const { data, alpha } = useLab((s) => ({ data: s.data, alpha: s.settings.alpha }));
  const [text, setText] = useState(() =>
    String(data.scale.min <= 4 && 4 <= data.scale.max ? 4 : Math.ceil((data.scale.min + data.scale.max) / 2)),
  );
  const parsed = parseEntry(text);
  const threshold = 'value' in parsed && parsed.value !== null ? parsed.value : null;
  const result = useMemo(() => (threshold === null ? null : thresholdToImplicit(data, threshold)), [data, threshold]);
  const preview = result?.ok ? result.data : null;
  const error = threshold === null ? `"${text}" is not a threshold: type a number` : result && !result.ok ? result.error : null;
  const left = useMemo(() => cellViews(data, 'cells', alpha), [data, alpha]);
  const right = useMemo(() => (preview ? cellViews(preview, 'cells', alpha) : null), [preview, alpha]);
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useId();
  const closing = useRef<Conversion | undefined>(undefined);
  useEffect(() => {
    const d = dialog.current;
    if (!d || d.open) return;
    // Without showModal (old browsers, jsdom) the dialog still shows, just not modal.
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  }, []);
  /**
   * The dialog closes first (handing the focus back), and the data changes after, in
   * onClose: the dialog must still be in the page when its close event arrives.
   */
  const close = (applied?: Conversion) => {
    closing.current = applied;
    const d = dialog.current;
    if (d?.open && typeof d.close === 'function') d.close();
    else onClose(applied);
  };
  return (
    <dialog ref={dialog} className="rg-convert" aria-labelledby={title} onClose={() => onClose(closing.current)}>
      <h2 id={title}>From explicit to implicit feedback</h2>
      <div className="rg-convert-form">
        <label>
          Like = rating ≥{' '}
          <input
            aria-label="Threshold"
            autoFocus
            inputMode="decimal"
            size={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <span className="rg-rule">
          → p = 1, below → p = 0, <span className="rg-q">?</span> stays <span className="rg-q">?</span> (confidence 1 for a known
          pair, 0 for ?)
        </span>
      </div>
      {error && (
        <p role="alert" className="rg-notice rg-notice-error">
          {error}
        </p>
      )}
      <div className="rg-side-by-side">
        <figure>
          <figcaption>R — explicit ratings</figcaption>
          <MatrixGrid
            label="R before conversion"
            rowLabels={data.userIds}
            colLabels={data.itemIds}
            view={left}
            editable={false}
            maxHeight="50vh"
          />
        </figure>
        <div className="rg-arrow" aria-hidden="true">
          →
        </div>
        <figure>
          <figcaption>P — implicit (≥ {threshold ?? '…'} → 1)</figcaption>
          {preview && right ? (
            <MatrixGrid
              label="P after conversion"
              rowLabels={preview.userIds}
              colLabels={preview.itemIds}
              view={right}
              editable={false}
              maxHeight="50vh"
            />
          ) : (
            <p className="muted">—</p>
          )}
        </figure>
      </div>
      <div className="rg-convert-actions">
        <button
          type="button"
          className="rg-primary"
          disabled={!preview}
          onClick={() => {
            if (!preview) return;
            close({
              data: preview,
              message: `Converted R to implicit feedback (≥ ${threshold} → 1). Undo (Ctrl+Z) brings R back.`,
            });
          }}
        >
          Apply conversion
        </button>
        <button type="button" onClick={() => close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
