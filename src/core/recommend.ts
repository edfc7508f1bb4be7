/**
 * What a recommender shows a user: the top-N items they have not rated, items similar to a
 * chosen one, and a new user folded in against the current V without retraining.
 * Explanations of a score live in explain.ts.
 */
import { cloneFactors, scoreItems, type Factors } from './factors';
import { prepareFactors } from './als';
import { implicitFromObservations } from './implicit';
import { explicitProblem, implicitProblem, patternOf, type Problem } from './problem';
import { ratingsFromTriples, type Triple } from './ratings';
import { traceSolve, type SingularInfo, type SolveTrace } from './trace';
import { resolveAls, type AlsSettings } from './variant';

/** One recommended (or similar) item. */
export interface RankedItem {
  item: number;
  id: string;
  /** The predicted score r̂_ij (recommendations) or the cosine similarity (similar items). */
  score: number;
}

/**
 * The k best entries of `scores` (highest first; ties by lower index), skipping indices where
 * `skip` is 1 and scores that are NaN. O(n·k) in the worst case, O(n) when k is small.
 */
export function topK(scores: ArrayLike<number>, k: number, skip: Uint8Array | null = null): number[] {
  const best: number[] = [];
  if (k <= 0) return best;
  for (let j = 0; j < scores.length; j++) {
    if (skip && skip[j]) continue;
    const s = scores[j]!;
    if (Number.isNaN(s)) continue;
    if (best.length === k && !(s > scores[best[k - 1]!]!)) continue;
    // Insert keeping the order (equal scores keep the earlier index first).
    if (best.length < k) best.push(j);
    let at = best.length - 1;
    while (at > 0 && scores[best[at - 1]!]! < s) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = j;
  }
  return best;
}

/**
 * The items user i already has, as a 0/1 mask over items: their known ratings Ωᵢ (explicit) or
 * their observed interactions p_ij = 1 (implicit). Recommendations and ranking metrics skip them.
 */
export function consumedMask(problem: Problem, user: number, out: Uint8Array = new Uint8Array(patternOf(problem).n)): Uint8Array {
  const R = patternOf(problem);
  out.fill(0);
  const p = problem.mode === 'implicit' ? problem.data.pUser : null;
  for (let q = R.userPtr[user]!; q < R.userPtr[user + 1]!; q++) if (!p || p[q]! > 0) out[R.userCol[q]!] = 1;
  return out;
}

function checkIndex(index: number, count: number, what: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`There is no ${what} number ${index + 1}.`);
}

/**
 * Top-N: the `top` items user i has not rated (implicit: not interacted with), by predicted score
 * r̂_ij = u_iᵀv_j (+ μ + bᵢ + cⱼ with biases), highest first.
 */
export function recommend(problem: Problem, F: Factors, user: number, top: number): RankedItem[] {
  const R = patternOf(problem);
  checkIndex(user, R.m, 'user');
  const scores = scoreItems(F, user);
  return topK(scores, top, consumedMask(problem, user)).map((j) => ({ item: j, id: R.itemIds[j]!, score: scores[j]! }));
}

/**
 * Top-N for any user vector u (a folded-in user, a what-if): scores vⱼᵀu (+ μ + b + cⱼ when the
 * factors carry biases), skipping the listed items.
 */
export function recommendFor(
  F: Factors,
  u: ArrayLike<number>,
  userBias: number,
  itemIds: readonly string[],
  exclude: Iterable<number>,
  top: number,
): RankedItem[] {
  const d = F.d;
  const b = F.biases;
  const scores = new Float64Array(F.n);
  for (let j = 0; j < F.n; j++) {
    let s = b ? b.mu + userBias + b.item[j]! : 0;
    for (let a = 0; a < d; a++) s += u[a]! * F.V[j * d + a]!;
    scores[j] = s;
  }
  const skip = new Uint8Array(F.n);
  for (const j of exclude) skip[j] = 1;
  return topK(scores, top, skip).map((j) => ({ item: j, id: itemIds[j]!, score: scores[j]! }));
}

/**
 * Items most similar to item j by the cosine of their factor vectors,
 * cos(vⱼ, v_l) = vⱼᵀv_l / (‖vⱼ‖‖v_l‖), j itself and zero vectors excluded.
 */
export function similarItems(F: Factors, item: number, top: number, itemIds: readonly string[]): RankedItem[] {
  checkIndex(item, F.n, 'item');
  const d = F.d;
  const norms = new Float64Array(F.n);
  for (let l = 0; l < F.n; l++) {
    let s = 0;
    for (let a = 0; a < d; a++) s += F.V[l * d + a]! ** 2;
    norms[l] = Math.sqrt(s);
  }
  const scores = new Float64Array(F.n).fill(Number.NaN);
  const nj = norms[item]!;
  if (nj > 0) {
    for (let l = 0; l < F.n; l++) {
      if (l === item || norms[l] === 0) continue;
      let s = 0;
      for (let a = 0; a < d; a++) s += F.V[item * d + a]! * F.V[l * d + a]!;
      scores[l] = s / (nj * norms[l]!);
    }
  }
  return topK(scores, top).map((l) => ({ item: l, id: itemIds[l]!, score: scores[l]! }));
}

/** One rating (explicit) or observation (implicit, a count or 1) of a new user, by item index. */
export interface FoldInEntry {
  item: number;
  value: number;
}

export interface FoldIn {
  /** The new user's factor row, or null when the system is singular. */
  u: number[] | null;
  /** The biases variant's bᵢ for the new user (null otherwise or when singular). */
  bias: number | null;
  /**
   * The solve with the user's own numbers (the solve explorer can show it): a one-user problem
   * against the current V, so `trace.index` is 0.
   */
  trace: SolveTrace;
  /** Why there is no unique solution (fewer ratings than d and λ = 0: the cold-start lesson), or null. */
  singular: SingularInfo | null;
  /** The one-user problem and factors the trace belongs to (for explanations of the new user's scores). */
  problem: Problem;
  factors: Factors;
}

/**
 * Folds a new user in against the current V without retraining: exactly one users half-step
 * for a row holding their ratings,
 *
 *   u = (V_Ωᵀ V_Ω + λI)⁻¹ V_Ωᵀ r_Ω   (ALS-WR: λ|Ω|; biases: [b, u] with targets r − μ − cⱼ;
 *                                      implicit: (VᵀCV + λI)⁻¹ VᵀCp with c = 1 + α·r),
 *
 * always solved exactly (a new user has no previous row to warm-start conjugate gradient from).
 * With fewer ratings than d and λ = 0 the system is singular, and `singular` says why.
 */
export function foldInUser(problem: Problem, F: Factors, entries: readonly FoldInEntry[], settings: AlsSettings): FoldIn {
  const options = { ...resolveAls(settings), solver: 'exact' as const };
  const R = patternOf(problem);
  const triples: Triple[] = entries.map((e) => {
    checkIndex(e.item, R.n, 'item');
    return { user: 0, item: e.item, value: e.value };
  });
  const row = ratingsFromTriples(1, R.n, triples, ['new user'], R.itemIds);
  let one: Problem;
  if (problem.mode === 'explicit') one = explicitProblem(row);
  else if (problem.data.source.kind === 'alpha') one = implicitProblem(implicitFromObservations(row, problem.data.source.alpha));
  else {
    throw new RangeError(
      'A new user can be folded in when confidences come from c = 1 + α·r; with P and C given entry by entry there is no rule for the new row’s confidences.',
    );
  }
  // The model's biases (with μ from the training data), then the new user's row starting at 0.
  const model = cloneFactors(F);
  prepareFactors(problem, model, options.variant);
  const G: Factors = { m: 1, n: F.n, d: F.d, U: new Float64Array(F.d), V: model.V };
  if (model.biases) G.biases = { mu: model.biases.mu, user: new Float64Array(1), item: model.biases.item };
  const trace = traceSolve(one, G, 'users', 0, options);
  const solution = trace.solution;
  const hasBias = options.variant === 'biases';
  if (solution) {
    G.U.set(hasBias ? solution.slice(1) : solution);
    if (G.biases) G.biases.user[0] = solution[0]!;
  }
  return {
    u: solution ? (hasBias ? solution.slice(1) : solution) : null,
    bias: solution && hasBias ? solution[0]! : null,
    trace,
    singular: trace.singular,
    problem: one,
    factors: G,
  };
}
