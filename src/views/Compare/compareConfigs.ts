/**
 * Which models "Compare variants" fits, and what it plots: pure, so that the choices (the
 * variants of each mode, each at its own default λ or at the lab's) are tested on their own.
 */
import { VARIANT_DEFAULTS, type CurveConfig, type Mode, type VariantCurve } from '../../core';
import type { ModelSettings } from '../../worker/protocol';

export type LambdaChoice = 'own' | 'lab';

/** A line of the comparison: the core's config and how the legend names it. */
export interface ComparedModel {
  config: CurveConfig;
  /** The legend's words, λ included. */
  name: string;
}

const num = (x: number) => String(Number(x.toPrecision(6)));

/**
 * Explicit: the lecture's objective, ALS-WR and biases. Implicit: the lecture's objective and
 * ALS-WR solved exactly, and the lecture's objective by K conjugate-gradient steps (biases are
 * explicit-only). λ is each variant's own default, or the lab's λ for all.
 */
export function comparedModels(mode: Mode, settings: ModelSettings, lambda: LambdaChoice): ComparedModel[] {
  const d = settings.factors;
  const lam = (variant: 'lecture' | 'wr' | 'biases') => (lambda === 'own' ? VARIANT_DEFAULTS[variant].lambda : settings.lambda);
  const model = (label: string, name: string, als: CurveConfig['als']): ComparedModel => ({
    config: { label, als, factors: d },
    name: `${name}, λ = ${num(als === undefined || typeof als === 'number' ? Number(als) : als.lambda)}`,
  });
  if (mode === 'explicit')
    return [
      model('lecture', 'The lecture’s objective', { variant: 'lecture', lambda: lam('lecture') }),
      model('wr', 'ALS-WR (λ per rating)', { variant: 'wr', lambda: lam('wr') }),
      model('biases', 'Biases (μ + bᵢ + cⱼ)', { variant: 'biases', lambda: lam('biases') }),
    ];
  const K = settings.cgSteps;
  return [
    model('lecture', 'The lecture’s objective, exact', { variant: 'lecture', lambda: lam('lecture'), solver: 'exact' }),
    model('wr', 'ALS-WR, exact', { variant: 'wr', lambda: lam('wr'), solver: 'exact' }),
    model('cg', `The lecture’s objective, CG ${K} step${K === 1 ? '' : 's'}`, {
      variant: 'lecture',
      lambda: lam('lecture'),
      solver: 'cg',
      cgSteps: K,
    }),
  ];
}

/** What the chart plots: held-out RMSE when there is one and the data is explicit, else each model's objective. */
export function comparedMetric(mode: Mode, heldOut: number): 'heldOut' | 'loss' {
  return mode === 'explicit' && heldOut > 0 ? 'heldOut' : 'loss';
}

/** The plotted values of a curve. */
export function valuesOf(curve: VariantCurve, metric: 'heldOut' | 'loss'): number[] {
  return metric === 'heldOut' ? curve.heldOut : curve.loss;
}
