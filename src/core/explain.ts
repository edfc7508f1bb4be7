/**
 * Why a score is what it is, exactly: by latent factor, and by the user's own ratings.
 */
import { assembleRow, buildSideSystem, createWorkspace, prepareFactors } from './als';
import { cloneFactors, predict, type Factors } from './factors';
import { choleskyInPlace, choleskySolveInPlace } from './linalg';
import { patternOf, type Problem } from './problem';
import { assertVariantFits, resolveAls, type AlsSettings, type Variant } from './variant';

/** r̂_ij by factor: uᵢₖvⱼₖ for each k, plus μ, bᵢ and cⱼ for the biases variant. */
export interface FactorExplanation {
  user: number;
  item: number;
  /** The model's score r̂_ij (= Σ products + μ + bᵢ + cⱼ). */
  score: number;
  /** One term per latent factor k: uᵢₖ, vⱼₖ and their product (which pushes the score up or down). */
  terms: { factor: number; user: number; item: number; product: number }[];
  /** μ, bᵢ and cⱼ when the model has biases, else null. */
  bias: { mu: number; user: number; item: number } | null;
}

/** r̂_ij = Σₖ uᵢₖvⱼₖ (+ μ + bᵢ + cⱼ): the score split by latent factor. The parts sum to predict(F, i, j). */
export function explainByFactors(F: Factors, user: number, item: number): FactorExplanation {
  const d = F.d;
  const terms = Array.from({ length: d }, (_, k) => {
    const u = F.U[user * d + k]!;
    const v = F.V[item * d + k]!;
    return { factor: k, user: u, item: v, product: u * v };
  });
  const b = F.biases;
  return {
    user,
    item,
    score: predict(F, user, item),
    terms,
    bias: b ? { mu: b.mu, user: b.user[user]!, item: b.item[item]! } : null,
  };
}

/** One of the user's own ratings (or interactions) and its share of the score. */
export interface RatingContribution {
  /** The rated item l ∈ Ωᵢ. */
  item: number;
  id: string;
  /** r_il as given (implicit: the raw observation). */
  rating: number;
  /** What enters the right-hand side: r_il; r_il − μ − c_l (biases); c_il·p_il (implicit). */
  value: number;
  /** ṽⱼᵀA⁻¹ṽ_l: how much a unit of this value moves r̂_ij. */
  weight: number;
  /** value · weight. */
  contribution: number;
}

export interface RatingsExplanation {
  user: number;
  item: number;
  mode: Problem['mode'];
  variant: Variant;
  /** The part of the score that is not due to the ratings: μ + cⱼ for biases, else 0. */
  baseline: number;
  /** One per rating (implicit: per interaction with p = 1), largest |contribution| first. */
  parts: RatingContribution[];
  /** baseline + Σ contributions: the score of the closed-form uᵢ against the current V. */
  closedFormScore: number;
  /** The model's current r̂_ij. */
  storedScore: number;
  /** Whether the stored uᵢ is the closed form against the current V (the two scores agree). */
  matchesStored: boolean;
  /** When they do not agree: why, in words. */
  note: string | null;
  /** When the user's system is singular (λ = 0, too few ratings): why; `parts` is then empty. */
  singular: string | null;
}

/**
 * r̂_ij by the user's own ratings. The closed form uᵢ = A⁻¹ Σ_l y_l ṽ_l is linear in the values
 * y_l, so
 *
 *   r̂_ij = baseline + Σ_{l∈Ωᵢ} y_l · ṽⱼᵀA⁻¹ṽ_l   exactly,
 *
 * with, by variant and mode (each its own A and targets):
 *   lecture:  A = V_ΩᵢᵀV_Ωᵢ + λI,   y_l = r_il,                ṽ = v, baseline 0
 *   ALS-WR:   A = V_ΩᵢᵀV_Ωᵢ + λnᵢI, y_l = r_il,                ṽ = v, baseline 0
 *   biases:   A = Ṽ_ΩᵢᵀṼ_Ωᵢ + λI,   y_l = r_il − μ − c_l,     ṽ = [1, v], baseline μ + cⱼ
 *   implicit: A = VᵀCⁱV + λI (λnᵢ), y_l = c_il·p_il (only p = 1 pairs count), baseline 0.
 *
 * The parts sum to the score of the closed-form uᵢ against the current V. When the model's
 * stored uᵢ is something else (after an items half-step V has moved; with the CG solver uᵢ is
 * approximate), `matchesStored` is false and `note` says so, with both scores.
 */
export function explainByRatings(
  problem: Problem,
  F: Factors,
  user: number,
  item: number,
  settings: AlsSettings,
): RatingsExplanation {
  const options = resolveAls(settings);
  assertVariantFits(problem.mode, options);
  const R = patternOf(problem);
  if (!Number.isInteger(user) || user < 0 || user >= R.m) throw new RangeError(`There is no user number ${user + 1}.`);
  if (!Number.isInteger(item) || item < 0 || item >= R.n) throw new RangeError(`There is no item number ${item + 1}.`);
  let model = F;
  if (options.variant === 'biases' && !F.biases) {
    model = cloneFactors(F);
    prepareFactors(problem, model, 'biases');
  }
  const sys = buildSideSystem(problem, model, 'users', options);
  const D = sys.D;
  const start = sys.ptr[user]!;
  const k = sys.ptr[user + 1]! - start;
  const ws = createWorkspace(D, k);
  assembleRow(sys, ws, user);
  const storedScore = predict(model, user, item);
  const baseline = model.biases && options.variant === 'biases' ? model.biases.mu + model.biases.item[item]! : 0;
  const common = { user, item, mode: problem.mode, variant: options.variant, baseline, storedScore };
  if (choleskyInPlace(ws.A, D) >= 0) {
    return {
      ...common,
      parts: [],
      closedFormScore: Number.NaN,
      matchesStored: false,
      note: null,
      singular: `User ${R.userIds[user]} has no unique closed-form u (λ = 0 and too few ratings for ${D} unknowns), so the score cannot be split by ratings.`,
    };
  }
  // z = A⁻¹ṽⱼ once; then ṽⱼᵀA⁻¹ṽ_l = zᵀṽ_l for every l (A is symmetric).
  const z = Float64Array.from(sys.fixed.subarray(item * D, item * D + D));
  choleskySolveInPlace(ws.A, D, z);
  const parts: RatingContribution[] = [];
  const p = problem.mode === 'implicit' ? problem.data.pUser : null;
  let sum = baseline;
  for (let q = start; q < start + k; q++) {
    const value = sys.y[q]!;
    // p = 0 pairs add nothing to VᵀCⁱpᵢ: they shape A, not the score's parts.
    if (p && !(p[q]! > 0)) continue;
    const l = sys.other[q]!;
    let weight = 0;
    for (let a = 0; a < D; a++) weight += z[a]! * sys.fixed[l * D + a]!;
    const contribution = value * weight;
    sum += contribution;
    parts.push({ item: l, id: R.itemIds[l]!, rating: R.userVal[q]!, value, weight, contribution });
  }
  parts.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution) || x.item - y.item);
  const matchesStored = Math.abs(sum - storedScore) <= 1e-8 * Math.max(1, Math.abs(sum), Math.abs(storedScore));
  const note = matchesStored
    ? null
    : `The model's stored u for user ${R.userIds[user]} is not the closed form against the current V (V has moved since the last users half-step${options.solver === 'cg' ? ', or conjugate gradient solved it approximately' : ''}): it predicts ${storedScore.toPrecision(4)}, while these parts add up to ${sum.toPrecision(4)}, the score after a users half-step.`;
  return { ...common, parts, closedFormScore: sum, matchesStored, note, singular: null };
}
