/**
 * The search form as pure functions: default grids for a variant, value lists read from what
 * a person typed (with a message that names the wrong value), and the search options built
 * from the form and the lab's settings.
 */
import type { Mode, SearchCell, SearchOptions, Variant } from '../../core';
import type { ModelSettings } from '../../worker/protocol';

export interface SearchForm {
  factors: string;
  lambdas: string;
  alphas: string;
  validation: 'holdout' | 'kfold';
  /** Validation share, in %. */
  share: string;
  folds: string;
  iterations: string;
}

/** At most this many fits (cells × folds) per search: a grid beyond it would keep a class waiting. */
export const MAX_FITS = 120;

/** Good starting λ differ by variant (on MovieLens 100k, d = 10: about 5 lecture, 0.1 ALS-WR, 10 biases). */
const LAMBDAS: Record<Variant, string> = {
  lecture: '0.1, 1, 5, 10',
  wr: '0.01, 0.05, 0.1, 0.5',
  biases: '1, 5, 10, 20',
};

/** A grid around the lab's d, with λ values that suit the variant, α from 0/1 data's range to counts'. */
export function defaultSearchForm(settings: Pick<ModelSettings, 'factors' | 'variant'>): SearchForm {
  const d = settings.factors;
  const ds = [...new Set([Math.max(1, Math.round(d / 2)), d, d * 2])].sort((a, b) => a - b);
  return {
    factors: ds.join(', '),
    lambdas: LAMBDAS[settings.variant] ?? LAMBDAS.lecture,
    alphas: '1, 10, 40',
    validation: 'holdout',
    share: '20',
    folds: '3',
    iterations: '10',
  };
}

/** Numbers from a list typed with commas or spaces; an error names the value that is not allowed. */
export function parseValues(
  text: string,
  name: string,
  ok: (x: number) => boolean,
  rule: string,
): { values: number[] } | { error: string } {
  const parts = text
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (parts.length === 0) return { error: `Give at least one value of ${name}.` };
  const values: number[] = [];
  for (const part of parts) {
    const x = Number(part);
    if (!Number.isFinite(x) || !ok(x)) return { error: `${name} = ${part} is not allowed: ${name} must be ${rule}.` };
    if (!values.includes(x)) values.push(x);
  }
  if (values.length > 8) return { error: `At most 8 values of ${name}, please (the grid grows fast).` };
  return { values: values.sort((a, b) => a - b) };
}

/** The search's options from the form and the lab's settings, or what is wrong with the form. */
export function searchOptionsOf(
  form: SearchForm,
  settings: ModelSettings,
  mode: Mode,
  usesAlpha: boolean,
  k: number,
): { options: SearchOptions } | { error: string } {
  const factors = parseValues(
    form.factors,
    'd',
    (x) => Number.isInteger(x) && x >= 1 && x <= 100,
    'a whole number from 1 to 100',
  );
  if ('error' in factors) return factors;
  const lambdas = parseValues(form.lambdas, 'λ', (x) => x >= 0, 'a number ≥ 0');
  if ('error' in lambdas) return lambdas;
  let alphas: number[] | undefined;
  if (mode === 'implicit') {
    const parsed = usesAlpha ? parseValues(form.alphas, 'α', (x) => x >= 0, 'a number ≥ 0') : { values: [settings.alpha] };
    if ('error' in parsed) return parsed;
    alphas = parsed.values;
  }
  const iterations = Number(form.iterations);
  if (!(Number.isInteger(iterations) && iterations >= 1 && iterations <= 100))
    return { error: 'The iterations per fit must be a whole number from 1 to 100.' };
  let validation: SearchOptions['validation'];
  if (form.validation === 'kfold') {
    const folds = Number(form.folds);
    if (!(Number.isInteger(folds) && folds >= 2 && folds <= 10))
      return { error: 'k-fold needs a whole number of folds from 2 to 10.' };
    validation = { kind: 'kfold', folds };
  } else {
    const share = Number(form.share);
    if (!(share >= 1 && share <= 90)) return { error: 'The validation share must be between 1 and 90 %.' };
    validation = { kind: 'holdout', fraction: share / 100 };
  }
  const fits =
    factors.values.length * lambdas.values.length * (alphas?.length ?? 1) * (validation.kind === 'kfold' ? validation.folds : 1);
  if (fits > MAX_FITS) return { error: `That grid is ${fits} fits; at most ${MAX_FITS}, please (fewer values, or fewer folds).` };
  return {
    options: {
      mode,
      variant: settings.variant,
      solver: settings.rowSolver,
      cgSteps: settings.cgSteps,
      factors: factors.values,
      lambdas: lambdas.values,
      ...(alphas ? { alphas } : {}),
      validation,
      seed: settings.seed,
      initScale: settings.initScale,
      iterations,
      k,
    },
  };
}

/** The cell of the grid at (d, λ, α), once it has finished. */
export function cellAt(cells: readonly SearchCell[], d: number, lambda: number, alpha: number | null): SearchCell | null {
  return cells.find((c) => c.factors === d && c.lambda === lambda && c.alpha === alpha) ?? null;
}

/** The settings "Use the best" applies. */
export function settingsOfCell(cell: SearchCell): Partial<ModelSettings> {
  return { factors: cell.factors, lambda: cell.lambda, ...(cell.alpha !== null ? { alpha: cell.alpha } : {}) };
}

/** The best cell in words: "d = 5, λ = 1 (held-out RMSE 0.912)". */
export function describeCell(cell: SearchCell, metric: string): string {
  const alpha = cell.alpha !== null ? `, α = ${cell.alpha}` : '';
  return `d = ${cell.factors}, λ = ${cell.lambda}${alpha} (validation ${metric} ${cell.value.toFixed(3)})`;
}
