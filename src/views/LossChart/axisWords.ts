/**
 * What the loss chart's x-axis counts, in words that fit the run: ALS half-steps (two per
 * iteration), gradient steps, or both. Pure.
 */
import type { StepKind } from '../../worker/protocol';

export interface AxisWords {
  /** The axis title. */
  long: string;
  /** A few words for a small chart's title. */
  short: string;
}

export function xAxisWords(kinds: readonly StepKind[], solver: 'als' | 'gd'): AxisWords {
  const als = kinds.some((k) => k === 'users' || k === 'items' || k === 'row');
  const gd = kinds.includes('gd');
  if (als && gd) return { long: 'actions (ALS half-steps and gradient steps)', short: 'the run' };
  if (gd || (!als && solver === 'gd')) return { long: 'gradient steps', short: 'gradient steps' };
  return { long: 'ALS half-steps (2 per iteration)', short: 'half-steps' };
}
