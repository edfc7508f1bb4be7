/**
 * The one grammar of a run's actions, shared by the store (which records them from the
 * timeline), the worker (which replays them) and the link and storage codec (which writes
 * them as text). Keeping one type and one codec here means a run one of them records is a
 * run the others accept.
 *
 * Text form: tokens
 *   u, i        an ALS half-step on the users (fix V, solve U) or on the items
 *   g, p, q     a gradient step on U and V together, on U only, on V only
 *   U<k>, I<k>  the closed-form solve of user or item k alone (0-based; the solve explorer's
 *               "write uᵢ into U")
 * grouped: a group is tokens optionally followed by `*count` (repeat the group), and groups
 * are joined by `.` — `ui*25` is 25 full ALS steps, `ui*3.U0.i` three steps, a row solve of
 * user 1, then a half-step on the items. Empty groups are ignored (so the `U0.` form older
 * versions stored still reads).
 */
import type { Side } from '../core';
import { formatCount } from '../core/formatCount';

export type RunAction =
  { kind: 'als'; side: Side } | { kind: 'gd'; sides: Side | 'both' } | { kind: 'row'; side: Side; index: number };

/** The longest run a link or a replay accepts. */
export const MAX_ACTIONS = 100_000;
/** The largest row index a row-solve token may name. */
export const MAX_ROW_INDEX = 999_999;

const GD_TOKEN: Record<Side | 'both', string> = { both: 'g', users: 'p', items: 'q' };

/** The token of one action. */
export function actionToken(action: RunAction): string {
  switch (action.kind) {
    case 'als':
      return action.side === 'users' ? 'u' : 'i';
    case 'gd':
      return GD_TOKEN[action.sides];
    case 'row':
      return `${action.side === 'users' ? 'U' : 'I'}${action.index}`;
  }
}

const TOKEN = /[uigpq]|[UI]\d{1,6}(?!\d)/y;

function actionOfToken(token: string): RunAction {
  switch (token[0]) {
    case 'u':
      return { kind: 'als', side: 'users' };
    case 'i':
      return { kind: 'als', side: 'items' };
    case 'g':
      return { kind: 'gd', sides: 'both' };
    case 'p':
      return { kind: 'gd', sides: 'users' };
    case 'q':
      return { kind: 'gd', sides: 'items' };
    default:
      return { kind: 'row', side: token[0] === 'U' ? 'users' : 'items', index: Number(token.slice(1)) };
  }
}

/** Splits a group's body into tokens, or says where it stops making sense. */
function tokensOf(body: string): string[] | { at: string } {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(body);
    if (!match) return { at: body.slice(at, at + 8) };
    out.push(match[0]);
  }
  return out;
}

/**
 * A run as text: repeated patterns of up to 4 tokens become `pattern*count`, other tokens
 * are written as they are; groups are joined by `.`.
 */
export function encodeRun(actions: readonly RunAction[]): string {
  const tokens = actions.map(actionToken);
  const groups: string[] = [];
  let literal = '';
  let k = 0;
  const same = (a: number, b: number, len: number) => {
    for (let t = 0; t < len; t++) if (tokens[a + t] !== tokens[b + t]) return false;
    return true;
  };
  while (k < tokens.length) {
    // The longest stretch from k that repeats a pattern of 1–4 tokens; shorter patterns win ties.
    let best = { p: 1, reps: 1 };
    for (let p = 1; p <= 4 && k + 2 * p <= tokens.length; p++) {
      let reps = 1;
      while (k + (reps + 1) * p <= tokens.length && same(k, k + reps * p, p)) reps++;
      if (reps >= 2 && p * reps > best.p * best.reps) best = { p, reps };
    }
    if (best.reps < 2 || best.p * best.reps < 3) {
      literal += tokens[k];
      k++;
      continue;
    }
    if (literal) groups.push(literal);
    literal = '';
    groups.push(`${tokens.slice(k, k + best.p).join('')}*${best.reps}`);
    k += best.p * best.reps;
  }
  if (literal) groups.push(literal);
  return groups.join('.');
}

export type DecodedRun = { ok: true; actions: RunAction[] } | { ok: false; error: string };

/**
 * Reads a run's text. Never throws; an error is a clause to finish "This link could not be
 * opened: …" ("its run has “x3”, which is not a group of actions like ui*3").
 */
export function decodeRun(text: string, limit = MAX_ACTIONS): DecodedRun {
  const actions: RunAction[] = [];
  for (const group of text.split('.')) {
    if (group === '') continue;
    const star = group.lastIndexOf('*');
    const body = star >= 0 ? group.slice(0, star) : group;
    const countText = star >= 0 ? group.slice(star + 1) : '1';
    if (!/^\d{1,7}$/.test(countText) || body === '')
      return { ok: false, error: `its run has “${group.slice(0, 24)}”, which is not a group of actions like ui*3` };
    const count = Number(countText);
    if (count < 1) return { ok: false, error: `its run repeats “${body.slice(0, 24)}” ${count} times` };
    const tokens = tokensOf(body);
    if (!Array.isArray(tokens))
      return {
        ok: false,
        error: `its run has an unknown action at “${tokens.at}” (the actions are u, i, g, p, q, U<k> and I<k>)`,
      };
    if (actions.length + tokens.length * count > limit)
      return { ok: false, error: `its run has more than ${formatCount(limit)} actions` };
    const parsed = tokens.map(actionOfToken);
    for (let c = 0; c < count; c++) for (const a of parsed) actions.push(a);
  }
  return { ok: true, actions };
}

/** Where a run names a row outside an m×n matrix (null when every row exists). */
export function rowOutside(actions: readonly RunAction[], m: number, n: number): string | null {
  for (const a of actions) {
    if (a.kind !== 'row') continue;
    const count = a.side === 'users' ? m : n;
    if (a.index >= count)
      return `its run solves ${a.side === 'users' ? 'user' : 'item'} ${a.index + 1}, but there ${count === 1 ? 'is 1' : `are ${count}`} ${a.side}`;
  }
  return null;
}

/** Whether two runs are the same actions. */
export function sameRun(a: readonly RunAction[], b: readonly RunAction[]): boolean {
  return a.length === b.length && a.every((x, k) => actionToken(x) === actionToken(b[k]!));
}
