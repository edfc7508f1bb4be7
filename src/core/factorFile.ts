/**
 * U and V (and the biases) as a JSON file keyed by ids: what the command line prints with
 * --json and reads with --init, and what the exported numpy script starts from, so a run in
 * the lab, on the command line and in numpy can begin from the very same factors.
 */
import type { Factors } from './factors';
import type { Ratings } from './ratings';

export interface FactorFile {
  factors: number;
  /** Row r of U belongs to userIds[r]; row r of V to itemIds[r]. */
  userIds: string[];
  itemIds: string[];
  U: number[][];
  V: number[][];
  /** The biases variant's μ, bᵢ (by userIds) and cⱼ (by itemIds), when the model has them. */
  biases?: { mu: number; user: number[]; item: number[] };
}

function rows(X: Float64Array, count: number, d: number): number[][] {
  return Array.from({ length: count }, (_, r) => Array.from(X.subarray(r * d, r * d + d)));
}

/** The factors as a {@link FactorFile}, labelled with R's ids. */
export function factorFile(F: Factors, R: Pick<Ratings, 'userIds' | 'itemIds'>): FactorFile {
  if (R.userIds.length !== F.m || R.itemIds.length !== F.n) {
    throw new RangeError(
      `U and V are for ${F.m} users × ${F.n} items, but there are ${R.userIds.length} × ${R.itemIds.length} ids.`,
    );
  }
  const out: FactorFile = {
    factors: F.d,
    userIds: [...R.userIds],
    itemIds: [...R.itemIds],
    U: rows(F.U, F.m, F.d),
    V: rows(F.V, F.n, F.d),
  };
  if (F.biases) out.biases = { mu: F.biases.mu, user: Array.from(F.biases.user), item: Array.from(F.biases.item) };
  return out;
}

function isNumberRow(row: unknown, d: number): row is number[] {
  return Array.isArray(row) && row.length === d && row.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/**
 * Factors for R from a factor file, matched by id (the file may list its users and items in
 * another order). Every user and item of R must be in the file; a wrong shape or a missing id
 * is refused with a message that names it.
 */
export function factorsFromFile(file: unknown, R: Pick<Ratings, 'userIds' | 'itemIds'>): Factors {
  const f = file as Partial<FactorFile> | null;
  if (
    !f ||
    typeof f !== 'object' ||
    !Array.isArray(f.U) ||
    !Array.isArray(f.V) ||
    !Array.isArray(f.userIds) ||
    !Array.isArray(f.itemIds)
  ) {
    throw new RangeError(
      'A factor file is a JSON object with "userIds", "itemIds", "U" and "V" (as printed by npm run als -- --json).',
    );
  }
  const d = (f.U[0] as unknown[] | undefined)?.length ?? (f.V[0] as unknown[] | undefined)?.length ?? 0;
  if (!Number.isInteger(d) || d < 1) throw new RangeError('The factor file has no factor rows.');
  if (f.U.length !== f.userIds.length || f.V.length !== f.itemIds.length) {
    throw new RangeError(
      `The factor file has ${f.U.length} rows of U for ${f.userIds.length} user ids and ${f.V.length} rows of V for ${f.itemIds.length} item ids.`,
    );
  }
  const pick = (ids: readonly string[], fileIds: unknown[], X: unknown[], what: string): Float64Array => {
    const at = new Map(fileIds.map((id, r) => [String(id), r]));
    const out = new Float64Array(ids.length * d);
    ids.forEach((id, r) => {
      const q = at.get(id);
      if (q === undefined) throw new RangeError(`The factor file has no row for ${what} "${id}".`);
      const row = X[q];
      if (!isNumberRow(row, d)) throw new RangeError(`The factor file's row for ${what} "${id}" is not ${d} finite numbers.`);
      out.set(row, r * d);
    });
    return out;
  };
  const F: Factors = {
    m: R.userIds.length,
    n: R.itemIds.length,
    d,
    U: pick(R.userIds, f.userIds, f.U, 'user'),
    V: pick(R.itemIds, f.itemIds, f.V, 'item'),
  };
  const b = f.biases;
  if (b) {
    if (typeof b.mu !== 'number' || !isNumberRow(b.user, f.userIds.length) || !isNumberRow(b.item, f.itemIds.length)) {
      throw new RangeError(
        'The factor file\'s "biases" must hold "mu", one "user" bias per user id and one "item" bias per item id.',
      );
    }
    const userAt = new Map(f.userIds.map((id, r) => [String(id), r]));
    const itemAt = new Map(f.itemIds.map((id, r) => [String(id), r]));
    F.biases = {
      mu: b.mu,
      user: Float64Array.from(R.userIds, (id) => b.user[userAt.get(id)!]!),
      item: Float64Array.from(R.itemIds, (id) => b.item[itemAt.get(id)!]!),
    };
  }
  return F;
}
