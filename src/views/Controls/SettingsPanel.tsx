/**
 * The model's settings with the lecture's symbols: d, λ, α (implicit), the seed and
 * initial scale, the solver and η (gradient descent). Invalid input is refused with a
 * message; the last good value stays.
 */
import { useEffect, useId, useState } from 'react';
import { useLab } from '../../state/LabContext';
import type { ModelSettings } from '../../worker/protocol';
import { Tex } from '../common/Tex';
import { VariantSettings } from './VariantSettings';

interface FieldSpec {
  key: keyof ModelSettings;
  tex: string;
  name: string;
  hint: string;
  min: number;
  max?: number;
  step: number;
  integer?: boolean;
  /** Strictly above min. */
  exclusive?: boolean;
}

const FIELDS: FieldSpec[] = [
  { key: 'factors', tex: 'd', name: 'd, latent factors', hint: 'columns of U and V', min: 1, max: 50, step: 1, integer: true },
  { key: 'lambda', tex: '\\lambda', name: 'λ, regularization', hint: 'weight of ‖U‖² + ‖V‖²', min: 0, step: 0.05 },
  { key: 'alpha', tex: '\\alpha', name: 'α, confidence slope', hint: 'c = 1 + α·r', min: 0, step: 1 },
  {
    key: 'seed',
    tex: '\\text{seed}',
    name: 'seed',
    hint: 'of the random start',
    min: 0,
    max: 2 ** 31 - 1,
    step: 1,
    integer: true,
  },
  { key: 'initScale', tex: '\\sigma_0', name: 'σ₀, initial scale', hint: 'U, V start ~ N(0, σ₀²)', min: 0, step: 0.1 },
  {
    key: 'learningRate',
    tex: '\\eta',
    name: 'η, learning rate',
    hint: 'gradient descent step size',
    min: 0,
    step: 0.005,
    exclusive: true,
  },
];

export function validateSetting(spec: FieldSpec, text: string): { value: number } | { error: string } {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return { error: `${spec.name.split(',')[0]} must be a number.` };
  if (spec.integer && !Number.isInteger(value)) return { error: `${spec.name.split(',')[0]} must be a whole number.` };
  if (spec.exclusive ? value <= spec.min : value < spec.min)
    return { error: `${spec.name.split(',')[0]} must be ${spec.exclusive ? 'above' : 'at least'} ${spec.min}.` };
  if (spec.max !== undefined && value > spec.max) return { error: `${spec.name.split(',')[0]} must be at most ${spec.max}.` };
  return { value };
}

function NumberField({ spec }: { spec: FieldSpec }) {
  const value = useLab((s) => s.settings[spec.key] as number);
  const setSettings = useLab((s) => s.setSettings);
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(value)), [value]);
  const commit = (t: string) => {
    const result = validateSetting(spec, t);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    setError(null);
    if (result.value !== value) setSettings({ [spec.key]: result.value } as Partial<ModelSettings>);
  };
  // Unique per lab: a lesson page can hold several.
  const id = `setting-${spec.key}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <div className="setting" title={spec.hint}>
      <label htmlFor={id}>
        <Tex math={spec.tex} /> <span className="setting-name">{spec.name.split(', ')[1] ?? spec.name}</span>
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        aria-label={spec.name}
        value={text}
        min={spec.min}
        max={spec.max}
        step={spec.step}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        // Typed text commits on Enter or leaving the field (typing "12" must not pass through d = 1);
        // arrow keys and the spinner's buttons commit at once.
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
        onKeyUp={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') commit((e.target as HTMLInputElement).value);
        }}
        onPointerUp={(e) => commit((e.target as HTMLInputElement).value)}
      />
      {error ? (
        <span id={`${id}-error`} role="alert" className="setting-error">
          {error}
        </span>
      ) : (
        <span id={`${id}-hint`} className="setting-hint visually-hidden">
          {spec.hint}
        </span>
      )}
    </div>
  );
}

export interface SettingsPanelProps {
  /** Which settings to show (default: all that apply to the mode and solver). */
  only?: (keyof ModelSettings)[];
}

export function SettingsPanel({ only }: SettingsPanelProps) {
  // α only shapes confidence computed as c = 1 + α·r, not the lecture's C given entry by entry.
  const usesAlpha = useLab((s) => s.data.mode === 'implicit' && s.data.confidence === null);
  const solver = useLab((s) => s.settings.solver);
  const setSettings = useLab((s) => s.setSettings);
  const solverId = `setting-solver-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const fields = FIELDS.filter(
    (f) => (!only || only.includes(f.key)) && (f.key !== 'alpha' || usesAlpha) && (f.key !== 'learningRate' || solver === 'gd'),
  );
  return (
    <div className="settings-panel" role="group" aria-label="Model settings">
      {fields.map((f) => (
        <NumberField key={f.key} spec={f} />
      ))}
      {(!only || only.includes('solver')) && (
        <div className="setting">
          <label htmlFor={solverId} title="ALS solves each row in closed form; gradient descent takes steps of size η">
            Solver
          </label>
          <select
            id={solverId}
            value={solver}
            onChange={(e) => setSettings({ solver: e.target.value as ModelSettings['solver'] })}
          >
            <option value="als">ALS</option>
            <option value="gd">Gradient descent</option>
          </select>
          <span className="setting-hint visually-hidden">
            {solver === 'als' ? 'alternating least squares' : 'full-batch steps of size η'}
          </span>
        </div>
      )}
      {(!only || only.includes('variant')) && <VariantSettings />}
    </div>
  );
}
