/**
 * The model beside the lecture's: the variant (the lecture's objective, ALS-WR, biases) with a
 * line saying what it changes and a button for its own sensible λ, and — for implicit feedback
 * under ALS — how each row's system is solved (exactly, or by K conjugate-gradient steps). What
 * cannot run is disabled with the reason next to it, never silently ignored.
 */
import { usePopover } from '../common/usePopover';
import { useEffect, useId, useState } from 'react';
import { VARIANT_DEFAULTS, type RowSolver, type Variant } from '../../core';
import { useLab } from '../../state/LabContext';
import { effectiveAls, variantNote } from '../../worker/modelOptions';

/** The opener's short name of the running model. */
const SHORT: Record<Variant, string> = { lecture: 'lecture', wr: 'ALS-WR', biases: 'biases' };

const VARIANT_LABELS: Record<Variant, string> = {
  lecture: 'The lecture’s objective',
  wr: 'ALS-WR: λ per rating',
  biases: 'Biases: μ + bᵢ + cⱼ',
};

/** One line each: what the variant changes. */
export const VARIANT_LINES: Record<Variant, string> = {
  lecture: 'One λ for every user and item: λ(Σ‖uᵢ‖² + Σ‖vⱼ‖²), as on the slides.',
  wr: 'Each row’s λ is multiplied by its number of ratings nᵢ (Spark’s convention), so heavy users and popular items are held back more.',
  biases:
    'r̂ᵢⱼ = μ + bᵢ + cⱼ + uᵢᵀvⱼ: the mean rating μ, a bias per user and per item (regularised by the same λ), and the factors fit what is left.',
};

/** Why biases are refused for implicit feedback, in one sentence. */
export const BIASES_IMPLICIT_REASON =
  'Biases are for explicit ratings only: with implicit feedback the loss covers every pair, so a user bias shifts all of that user’s scores equally (it never changes their ranking) and an item bias is a popularity term the factors already learn.';

export const CG_MAX_STEPS = 10;

const cleanId = (id: string) => id.replace(/[^a-zA-Z0-9_-]/g, '');

export function VariantSettings() {
  const settings = useLab((s) => s.settings);
  const mode = useLab((s) => s.data.mode);
  const setSettings = useLab((s) => s.setSettings);
  const id = cleanId(useId());
  const gd = settings.solver === 'gd';
  const implicit = mode === 'implicit';
  // What runs (a link may ask for biases on implicit data): the select shows that, the note says why.
  const running = effectiveAls(settings, mode);
  const note = variantNote(settings, mode);
  const variant = gd ? settings.variant : running.variant;
  const preset = VARIANT_DEFAULTS[variant];
  const lineId = `variant-line-${id}`;
  const { open, setOpen, root, opener, onKeyDown } = usePopover();
  const cg = implicit && !gd && settings.rowSolver === 'cg';
  return (
    // Escape bubbles up here from the fields inside; the wrapper takes no focus.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div ref={root} className="variant-options" onKeyDown={onKeyDown}>
      <button
        ref={opener}
        type="button"
        className="variant-opener"
        aria-expanded={open}
        aria-controls={`variant-panel-${id}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="variant-opener-name">Model:</span> {gd ? 'lecture' : SHORT[variant]}
        {cg ? ', CG' : ''} <span aria-hidden="true">▾</span>
      </button>
      <div id={`variant-panel-${id}`} className="variant-panel" role="group" aria-label="Model options" hidden={!open}>
        <div className="setting">
          <label htmlFor={`variant-${id}`}>Model</label>
          <select
            id={`variant-${id}`}
            value={variant}
            disabled={gd}
            aria-describedby={lineId}
            onChange={(e) => setSettings({ variant: e.target.value as Variant })}
          >
            <option value="lecture">{VARIANT_LABELS.lecture}</option>
            <option value="wr">{VARIANT_LABELS.wr}</option>
            <option value="biases" disabled={implicit}>
              {VARIANT_LABELS.biases}
              {implicit ? ' (explicit ratings only)' : ''}
            </option>
          </select>
        </div>
        {implicit && !gd && <RowSolveSetting id={id} solver={settings.rowSolver} steps={settings.cgSteps} />}
        <p className="variant-line" id={lineId}>
          {gd ? (
            'Gradient descent follows the lecture’s objective: the model variants are ALS’s closed forms. Switch the solver to ALS to choose one.'
          ) : (
            <>
              {VARIANT_LINES[variant]}{' '}
              {settings.lambda === preset.lambda ? (
                <span className="variant-default">λ = {preset.lambda} is this variant’s default.</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  aria-describedby={`variant-why-${id}`}
                  onClick={() => setSettings({ lambda: preset.lambda })}
                >
                  Use λ = {preset.lambda} (this variant’s default)
                </button>
              )}{' '}
              <span className="variant-why" id={`variant-why-${id}`}>
                {preset.reason}
              </span>
            </>
          )}
          {note && <strong className="variant-note"> {note}</strong>}
        </p>
        {implicit && !gd && <p className="variant-line variant-why">{BIASES_IMPLICIT_REASON}</p>}
        {cg && (
          <p className="variant-line">
            Conjugate gradient is the <code>implicit</code> library’s default row solve (Takács et al. 2011): K ={' '}
            {settings.cgSteps} step{settings.cgSteps === 1 ? '' : 's'} per row from its current value, each a product with the
            row’s matrix instead of a factorisation — approximate, but never raising the objective.
          </p>
        )}
      </div>
    </div>
  );
}

function RowSolveSetting({ id, solver, steps }: { id: string; solver: RowSolver; steps: number }) {
  const setSettings = useLab((s) => s.setSettings);
  const [text, setText] = useState(String(steps));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(steps)), [steps]);
  const commit = (t: string) => {
    const k = Number(t);
    if (!Number.isInteger(k) || k < 1 || k > CG_MAX_STEPS) {
      setError(`K must be a whole number from 1 to ${CG_MAX_STEPS}.`);
      return;
    }
    setError(null);
    if (k !== steps) setSettings({ cgSteps: k });
  };
  return (
    <>
      <div className="setting">
        <label htmlFor={`rows-${id}`}>Row solve</label>
        <select
          id={`rows-${id}`}
          value={solver}
          aria-describedby={`rows-hint-${id}`}
          onChange={(e) => setSettings({ rowSolver: e.target.value as RowSolver })}
        >
          <option value="exact">Exact (Cholesky)</option>
          <option value="cg">Conjugate gradient, K steps</option>
        </select>
        <span id={`rows-hint-${id}`} className="visually-hidden">
          Conjugate gradient is the default of the implicit library (Takács et al. 2011): K steps per row warm-started from the
          current row, approximate but never raising the objective.
        </span>
      </div>
      {solver === 'cg' && (
        <div className="setting">
          <label htmlFor={`cg-${id}`}>K</label>
          <input
            id={`cg-${id}`}
            type="number"
            inputMode="numeric"
            aria-label="K, conjugate-gradient steps per row"
            min={1}
            max={CG_MAX_STEPS}
            step={1}
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error ? `cg-error-${id}` : undefined}
            onChange={(e) => setText(e.target.value)}
            onBlur={(e) => commit(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
            }}
            onKeyUp={(e) => {
              if (e.key === 'ArrowUp' || e.key === 'ArrowDown') commit((e.target as HTMLInputElement).value);
            }}
            onPointerUp={(e) => commit((e.target as HTMLInputElement).value)}
          />
          {error && (
            <span id={`cg-error-${id}`} role="alert" className="setting-error">
              {error}
            </span>
          )}
        </div>
      )}
    </>
  );
}
