/**
 * The random generator's inputs as typed in the toolbar, checked before a preset is built:
 * whole numbers of users and items, a density in percent, a whole seed.
 */
import type { RandomOptions } from '../../state/presets';
import { formatCount } from '../../core/formatCount';

export interface RandomForm {
  users: string;
  items: string;
  /** Percent of known cells. */
  density: string;
  seed: string;
}

const MAX_SIDE = 2000;

function whole(text: string, name: string, min: number, max: number): number | string {
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(v)) return `${name} must be a whole number`;
  if (v < min || v > max) return `${name} must be between ${min} and ${formatCount(max)}`;
  return v;
}

/** The options, or the first thing wrong with the form. */
export function parseRandomForm(form: RandomForm): { options: RandomOptions } | { error: string } {
  const users = whole(form.users, 'Users', 1, MAX_SIDE);
  if (typeof users === 'string') return { error: users };
  const items = whole(form.items, 'Items', 1, MAX_SIDE);
  if (typeof items === 'string') return { error: items };
  const pct = Number(form.density.trim().replace(/%$/, ''));
  if (form.density.trim() === '' || !Number.isFinite(pct)) return { error: 'Density must be a number (percent of known cells)' };
  if (pct <= 0 || pct > 100) return { error: 'Density must be above 0% and at most 100%' };
  const seed = whole(form.seed, 'Seed', 0, 2 ** 31 - 1);
  if (typeof seed === 'string') return { error: seed };
  return { options: { users, items, density: pct / 100, seed } };
}

export function toRandomForm(options: RandomOptions): RandomForm {
  return {
    users: String(options.users),
    items: String(options.items),
    density: String(Math.round(options.density * 1000) / 10),
    seed: String(options.seed),
  };
}
