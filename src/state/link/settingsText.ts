/** The model settings in a link: d, λ, α, seed, σ₀, solver and η, each checked on the way in. */
import type { ModelSettings } from '../../worker/protocol';
import { LIMITS } from './dataText';
import { fail, num, parseNumber } from './linkText';

type NumericSetting = Exclude<keyof ModelSettings, 'solver' | 'variant' | 'rowSolver'>;

export const SETTING_KEYS: [key: string, field: NumericSetting][] = [
  ['d', 'factors'],
  ['lambda', 'lambda'],
  ['alpha', 'alpha'],
  ['seed', 'seed'],
  ['init', 'initScale'],
  ['eta', 'learningRate'],
  ['cg', 'cgSteps'],
];

function checkSetting(field: keyof ModelSettings, x: number): string | null {
  switch (field) {
    case 'factors':
      return Number.isInteger(x) && x >= 1 && x <= LIMITS.maxFactors
        ? null
        : `its number of factors d = ${x} is not a whole number from 1 to ${LIMITS.maxFactors}`;
    case 'lambda':
      return x >= 0 ? null : `its λ = ${x} is negative (λ must be at least 0)`;
    case 'alpha':
      return x >= 0 ? null : `its α = ${x} is negative (α must be at least 0)`;
    case 'seed':
      return Number.isInteger(x) && x >= 0 && x <= LIMITS.maxSeed
        ? null
        : `its seed ${x} is not a whole number from 0 to ${LIMITS.maxSeed}`;
    case 'initScale':
      return x >= 0 ? null : `its initial scale σ₀ = ${x} is negative`;
    case 'learningRate':
      return x > 0 ? null : `its learning rate η = ${x} is not above 0`;
    case 'cgSteps':
      return Number.isInteger(x) && x >= 1 && x <= 50
        ? null
        : `its ${x} conjugate-gradient steps per row are not a whole number from 1 to 50`;
    default:
      return null;
  }
}

export function encodeSettings(settings: Partial<ModelSettings>): string[] {
  const parts: string[] = [];
  for (const [key, field] of SETTING_KEYS) {
    if (field === 'learningRate' || field === 'cgSteps') continue;
    const value = settings[field];
    if (value !== undefined) parts.push(`${key}=${num(value)}`);
  }
  if (settings.solver !== undefined) parts.push(`solver=${settings.solver}`);
  if (settings.learningRate !== undefined) parts.push(`eta=${num(settings.learningRate)}`);
  // The defaults (the lecture's variant, the exact solve) are left out, so links that use them stay as they were.
  if (settings.variant !== undefined && settings.variant !== 'lecture') parts.push(`variant=${settings.variant}`);
  if (settings.rowSolver === 'cg') {
    parts.push('rows=cg');
    if (settings.cgSteps !== undefined) parts.push(`cg=${num(settings.cgSteps)}`);
  }
  return parts;
}

export function decodeSettings(fields: Map<string, string>): Partial<ModelSettings> {
  const settings: Partial<ModelSettings> = {};
  for (const [key, field] of SETTING_KEYS) {
    const text = fields.get(key);
    if (text === undefined) continue;
    const x = parseNumber(text);
    if (x === null)
      fail(
        field === 'learningRate'
          ? `its learning rate η = “${text.slice(0, 40)}” is not a number`
          : `its setting ${key} = “${text.slice(0, 40)}” is not a number`,
        key,
      );
    const problem = checkSetting(field, x);
    if (problem) fail(problem, key);
    settings[field] = x;
  }
  const solver = fields.get('solver');
  if (solver !== undefined) {
    if (solver !== 'als' && solver !== 'gd') fail(`its solver “${solver.slice(0, 40)}” is neither als nor gd`, 'solver');
    settings.solver = solver;
  }
  const variant = fields.get('variant');
  if (variant !== undefined) {
    if (variant !== 'lecture' && variant !== 'wr' && variant !== 'biases')
      fail(`its model variant “${variant.slice(0, 40)}” is none of lecture, wr and biases`, 'variant');
    settings.variant = variant;
  }
  const rows = fields.get('rows');
  if (rows !== undefined) {
    if (rows !== 'exact' && rows !== 'cg') fail(`its row solve “${rows.slice(0, 40)}” is neither exact nor cg`, 'rows');
    settings.rowSolver = rows;
  }
  return settings;
}
