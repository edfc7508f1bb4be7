/**
 * The ALS options a lab actually runs with, from its settings and its data's mode. The
 * settings may name a combination the model does not define there (a link made for explicit
 * data opened on implicit data, a mode switch with biases chosen): the run then uses the
 * nearest one that is defined, and says why. One place, so the worker, the objective panel
 * and the settings agree on what the model is.
 */
import type { AlsOptions, Mode, Variant } from '../core';
import { alsOptionsOf, type ModelSettings } from './protocol';

/**
 * The options a half-step, a trace and the objective use:
 * - gradient descent follows the lecture's objective (the variants are ALS's closed forms);
 * - biases are explicit-only (core assertVariantFits says why): implicit runs use the lecture's variant;
 * - conjugate gradient is offered for implicit feedback, where each row's system is d×d over all n items;
 *   explicit rows are solved exactly.
 */
export function effectiveAls(settings: ModelSettings, mode: Mode): AlsOptions {
  const o = alsOptionsOf(settings);
  if (settings.solver === 'gd') return { ...o, variant: 'lecture', solver: 'exact' };
  const variant: Variant = mode === 'implicit' && o.variant === 'biases' ? 'lecture' : o.variant;
  return { ...o, variant, solver: mode === 'implicit' ? o.solver : 'exact' };
}

/** Why the settings' variant is not the one running (null when it is). */
export function variantNote(settings: ModelSettings, mode: Mode): string | null {
  if (settings.variant === 'lecture') return null;
  if (settings.solver === 'gd') return 'Gradient descent follows the lecture’s objective: the model variants are ALS’s.';
  if (settings.variant === 'biases' && mode === 'implicit')
    return 'The biases variant is for explicit ratings only (in implicit mode a user bias shifts all of that user’s scores equally and never changes their ranking), so this run uses the lecture’s objective.';
  return null;
}
