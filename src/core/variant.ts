/**
 * Model variants beside the lecture's objective, and the per-row solver option.
 *
 * - `lecture` — the lecture's objective, one λ for every row:
 *     L = Σ_{(i,j)∈Ω} (r_ij − u_iᵀv_j)² + λ(Σ_i ‖u_i‖² + Σ_j ‖v_j‖²)
 *     u_i = (V_Ωᵢᵀ V_Ωᵢ + λI)⁻¹ V_Ωᵢᵀ r_Ωᵢ
 * - `wr` — ALS-WR ("weighted-λ regularisation", Zhou et al. 2008; Spark's convention): each row's
 *   λ is scaled by its number of ratings nᵢ = |Ωᵢ| (implicit: its observed interactions, p_ij = 1 —
 *   Spark counts ratings > 0 the same way), in both modes:
 *     L = Σ (r_ij − u_iᵀv_j)² + λ(Σ_i nᵢ‖u_i‖² + Σ_j nⱼ‖v_j‖²)
 *     u_i = (V_Ωᵢᵀ V_Ωᵢ + λnᵢI)⁻¹ V_Ωᵢᵀ r_Ωᵢ
 * - `biases` — a global mean μ (the mean training rating, fixed) plus a user bias bᵢ and an item
 *   bias cⱼ, r̂_ij = μ + bᵢ + cⱼ + u_iᵀv_j, with the biases regularised by the same λ as the factors:
 *     L = Σ (r_ij − μ − bᵢ − cⱼ − u_iᵀv_j)² + λ(‖U‖² + ‖V‖² + ‖b‖² + ‖c‖²)
 *   Solved jointly with the factors by the augmented-vector trick: with ṽⱼ = [1, vⱼ] and ũᵢ = [bᵢ, uᵢ],
 *     ũᵢ = (Ṽ_ΩᵢᵀṼ_Ωᵢ + λI)⁻¹ Ṽ_Ωᵢᵀ (r_Ωᵢ − μ − c_Ωᵢ)
 *   (and symmetrically [cⱼ, vⱼ] with ũᵢ = [1, uᵢ] and targets r − μ − bᵢ), a (d+1)×(d+1) system.
 *   Explicit mode only: the implicit loss runs over all m·n pairs, where a user bias shifts every
 *   score of that user equally (it never changes their ranking) and an item bias is a popularity
 *   term that the c0·VᵀV part of the loss already lets the factors learn; Hu, Koren & Volinsky,
 *   Spark and `implicit` have no biases there either.
 */
import { assertLambda, type Mode } from './problem';

export type Variant = 'lecture' | 'wr' | 'biases';

/**
 * How each row's normal equations are solved: `exact` (Cholesky of the closed form) or `cg`
 * (a few conjugate-gradient steps warm-started from the current row — Takács et al. 2011, the
 * default of the `implicit` library; approximate, but never raises the row's objective).
 */
export type RowSolver = 'exact' | 'cg';

export const VARIANTS: readonly Variant[] = ['lecture', 'wr', 'biases'];

/** CG steps per row when none are given: `implicit`'s default. */
export const DEFAULT_CG_STEPS = 3;

/** Everything a half-step needs to know about the model beyond the data. */
export interface AlsOptions {
  variant: Variant;
  /** λ (for `wr`: per rating, multiplied by each row's count). */
  lambda: number;
  solver: RowSolver;
  /** Conjugate-gradient steps per row when solver = 'cg'. */
  cgSteps: number;
}

/** A bare λ (the lecture's variant, exact solve) or options with at least λ. */
export type AlsSettings = number | (Partial<AlsOptions> & { lambda: number });

/** The full options from a bare λ or a partial object, checked. */
export function resolveAls(settings: AlsSettings): AlsOptions {
  const o: AlsOptions =
    typeof settings === 'number'
      ? { variant: 'lecture', lambda: settings, solver: 'exact', cgSteps: DEFAULT_CG_STEPS }
      : {
          variant: settings.variant ?? 'lecture',
          lambda: settings.lambda,
          solver: settings.solver ?? 'exact',
          cgSteps: settings.cgSteps ?? DEFAULT_CG_STEPS,
        };
  assertLambda(o.lambda);
  if (!VARIANTS.includes(o.variant)) throw new RangeError(`Unknown model variant "${o.variant}" (lecture, wr or biases).`);
  if (o.solver !== 'exact' && o.solver !== 'cg') throw new RangeError(`Unknown row solver "${o.solver}" (exact or cg).`);
  if (!Number.isInteger(o.cgSteps) || o.cgSteps < 1) {
    throw new RangeError(`The number of conjugate-gradient steps must be a whole number ≥ 1 (got ${o.cgSteps}).`);
  }
  return o;
}

/** Refuses combinations the lab does not define (biases in implicit mode; CG with biases). */
export function assertVariantFits(mode: Mode, options: AlsOptions): void {
  if (options.variant === 'biases' && mode === 'implicit') {
    throw new RangeError(
      'The biases variant is for explicit ratings only: in implicit mode the loss covers every pair, a user bias shifts all of that user’s scores equally (so it never changes their ranking), and an item bias is a popularity term the factors already learn. Use the lecture’s variant or ALS-WR.',
    );
  }
}

/** A variant's sensible starting λ on MovieLens-100k-shaped data (d = 10), with why. */
export interface VariantDefault {
  lambda: number;
  reason: string;
}

/**
 * Each variant's own default λ. The lecture's λ multiplies ‖u_i‖² once per row, ALS-WR's multiplies
 * it once per rating, so the same number means very different strengths.
 */
export const VARIANT_DEFAULTS: Readonly<Record<Variant, VariantDefault>> = {
  lecture: {
    lambda: 5,
    reason:
      'One λ for every row: heavy users and rare items are shrunk alike, so a λ of a few units works best (5 on MovieLens 100k).',
  },
  wr: {
    lambda: 0.1,
    reason:
      'λ is paid once per rating, so a user with 100 ratings is regularised with 100·λ: about 0.1 per rating works (Spark’s default regParam).',
  },
  biases: {
    lambda: 10,
    reason:
      'The biases absorb the mean rating of each user and item, so the factors only fit what is left; a strong unscaled λ near 10 keeps them from fitting noise.',
  },
};

/** The variant in words, with its objective and closed form, for a panel or a tooltip. */
export function describeVariant(variant: Variant, mode: Mode = 'explicit'): string {
  const data = mode === 'explicit' ? 'Σ_{(i,j)∈Ω} (r_ij − u_iᵀv_j)²' : 'Σ_{all i,j} c_ij (p_ij − u_iᵀv_j)²';
  switch (variant) {
    case 'lecture':
      return mode === 'explicit'
        ? `The lecture’s objective: ${data} + λ(Σ‖u_i‖² + Σ‖v_j‖²), the same λ for every row. Each half-step solves u_i = (V_Ωᵢᵀ V_Ωᵢ + λI)⁻¹ V_Ωᵢᵀ r_Ωᵢ.`
        : `The lecture’s objective: ${data} + λ(Σ‖u_i‖² + Σ‖v_j‖²), the same λ for every row. Each half-step solves u_i = (VᵀCⁱV + λI)⁻¹ VᵀCⁱ p_i.`;
    case 'wr':
      return mode === 'explicit'
        ? `ALS-WR (Spark’s convention): ${data} + λ(Σ nᵢ‖u_i‖² + Σ nⱼ‖v_j‖²), where nᵢ is the number of ratings of row i, so heavy users and popular items are regularised more. Each half-step solves u_i = (V_Ωᵢᵀ V_Ωᵢ + λnᵢI)⁻¹ V_Ωᵢᵀ r_Ωᵢ.`
        : `ALS-WR (Spark’s convention, which Spark also applies to implicit data): ${data} + λ(Σ nᵢ‖u_i‖² + Σ nⱼ‖v_j‖²), where nᵢ counts the row’s observed interactions (p = 1). Each half-step solves u_i = (VᵀCⁱV + λnᵢI)⁻¹ VᵀCⁱ p_i.`;
    case 'biases':
      return mode === 'explicit'
        ? `Biases: r̂_ij = μ + bᵢ + cⱼ + u_iᵀv_j with μ the mean training rating (fixed, not regularised) and user and item biases bᵢ, cⱼ regularised by the same λ as the factors: Σ (r_ij − μ − bᵢ − cⱼ − u_iᵀv_j)² + λ(‖U‖² + ‖V‖² + ‖b‖² + ‖c‖²). Each half-step solves [bᵢ, u_i] together: with ṽⱼ = [1, vⱼ], [bᵢ, u_i] = (Ṽ_ΩᵢᵀṼ_Ωᵢ + λI)⁻¹ Ṽ_Ωᵢᵀ (r_Ωᵢ − μ − c_Ωᵢ).`
        : 'Biases are not offered for implicit feedback: over all pairs, a user bias shifts every score of that user equally and never changes their ranking, and an item bias is a popularity term the factors already learn.';
  }
}
