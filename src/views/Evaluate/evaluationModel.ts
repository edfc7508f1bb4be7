/**
 * What the Evaluate tab says about an evaluation, as pure functions: the rows of its table and
 * chart, and one sentence of verdict — do the factors beat the obvious guesses yet?
 */
import { BASELINE_LABELS, type BaselineName } from '../../core';
import type { LabEvaluation } from '../../worker/protocol';

export interface BarRow {
  /** What predicts: "The factors", "global mean μ", "popularity". */
  label: string;
  value: number;
  /** The model's own bar (drawn in the model's colour). */
  model: boolean;
}

export interface MetricGroup {
  /** "RMSE", "precision@10". */
  metric: string;
  /** What "better" means for it. */
  better: 'lower' | 'higher';
  rows: BarRow[];
}

const BASELINES: BaselineName[] = ['globalMean', 'userMean', 'itemMean', 'biases'];

/** The table's groups: RMSE and MAE of the model and the four baselines, or the four ranking metrics beside popularity. */
export function metricGroups(e: LabEvaluation): MetricGroup[] {
  if (e.explicit) {
    const x = e.explicit;
    return (['rmse', 'mae'] as const).map((key) => ({
      metric: key.toUpperCase(),
      better: 'lower' as const,
      rows: [
        { label: 'The factors', value: x.model[key], model: true },
        ...BASELINES.map((b) => ({ label: BASELINE_LABELS[b], value: x.baselines[b][key], model: false })),
      ],
    }));
  }
  if (e.ranking) {
    const { model, popularity } = e.ranking;
    const names = { precision: 'precision', recall: 'recall', map: 'MAP', ndcg: 'NDCG' } as const;
    return (['precision', 'recall', 'map', 'ndcg'] as const).map((key) => ({
      metric: `${names[key]}@${model.k}`,
      better: 'higher' as const,
      rows: [
        { label: 'The factors', value: model[key], model: true },
        { label: 'Most popular items', value: popularity[key], model: false },
      ],
    }));
  }
  return [];
}

/** A metric value as the tab shows it: three decimals, or "–" when undefined (no relevant user). */
export function formatMetric(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : '–';
}

export interface Verdict {
  /** Whether the factors beat the best baseline. */
  wins: boolean;
  text: string;
}

export interface VerdictContext {
  /** The step of the run (0: the factors are still the random start). */
  step: number;
  /** Implicit: α now, and whether the data is 0/1. */
  alpha: number;
}

/**
 * One sentence: the factors against the strongest baseline (lowest RMSE; popularity's
 * precision@k), and what to try when they lose.
 */
export function verdict(e: LabEvaluation, ctx: VerdictContext): Verdict | null {
  if (e.explicit) {
    const m = e.explicit.model.rmse;
    let best: BaselineName = 'globalMean';
    for (const b of BASELINES) if (e.explicit.baselines[b].rmse < e.explicit.baselines[best].rmse) best = b;
    const b = e.explicit.baselines[best].rmse;
    if (!Number.isFinite(m) || !Number.isFinite(b)) return null;
    if (m < b) {
      const pct = ((b - m) / b) * 100;
      return {
        wins: true,
        text: `The factors beat the best baseline (${BASELINE_LABELS[best]}, RMSE ${formatMetric(b)}) by ${formatMetric(b - m)} RMSE, ${pct.toFixed(1)} % lower: UVᵀ has learned something about these tastes beyond averages.`,
      };
    }
    const hint =
      ctx.step === 0
        ? 'The factors are still the random start: take a few steps.'
        : 'Take more steps, or try a larger λ (the factors may be fitting the training ratings too closely) — the search below finds one.';
    return {
      wins: false,
      text: `Not yet: ${BASELINE_LABELS[best]} predicts the held-out ratings better (RMSE ${formatMetric(b)} against the factors’ ${formatMetric(m)}). ${hint}`,
    };
  }
  if (e.ranking) {
    const { model, popularity } = e.ranking;
    const k = model.k;
    const m = model.precision;
    const p = popularity.precision;
    if (!Number.isFinite(m) || !Number.isFinite(p)) return null;
    if (m > p) {
      const rel = p > 0 ? ` (${(m / p).toFixed(1)}× as many hits)` : '';
      return {
        wins: true,
        text: `The factors beat recommending what is popular by ${formatMetric(m - p)} precision@${k}: ${formatMetric(m)} against ${formatMetric(p)}${rel}.`,
      };
    }
    const alpha = e.binary && ctx.alpha > 10 ? ` On 0/1 data try α between 1 and 10 (it is ${ctx.alpha}).` : '';
    const hint =
      ctx.step === 0
        ? 'The factors are still the random start: take a few steps.'
        : 'Take more steps, or search d, λ and α below.';
    return {
      wins: false,
      text: `Not yet: recommending the most popular items does better (precision@${k} ${formatMetric(p)} against the factors’ ${formatMetric(m)}). ${hint}${alpha}`,
    };
  }
  return null;
}

/** The note on α for 0/1 implicit data, or null when it does not apply. */
export function alphaNote(e: LabEvaluation, alpha: number): string | null {
  if (!e.ranking || !e.binary) return null;
  return alpha > 10
    ? `These interactions are 0/1, and α = ${alpha}: on 0/1 data α between 1 and 10 usually ranks better than 40, the default for counts (where c = 1 + α·r must tell one play from hundreds).`
    : `These interactions are 0/1: α between 1 and 10 (it is ${alpha}) usually ranks better than 40, the default for counts.`;
}
