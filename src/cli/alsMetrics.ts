/**
 * The command line's --metrics: held-out rating error (rmse, mae) beside the mean and bias
 * baselines, and ranking quality (p@k, r@k, map@k, ndcg@k) beside the popularity baseline.
 */
import {
  BASELINE_LABELS,
  explicitEvaluation,
  patternOf,
  rankingEvaluation,
  type BaselineName,
  type Factors,
  type Problem,
  type Ratings,
} from '../core';

export type MetricName = 'rmse' | 'mae' | 'precision' | 'recall' | 'map' | 'ndcg';

export interface MetricSpec {
  name: MetricName;
  /** The cut-off of a ranking metric, or null for rmse and mae. */
  k: number | null;
  /** As written: "p@10". */
  label: string;
}

const RANKING: Record<string, MetricName> = { p: 'precision', r: 'recall', map: 'map', ndcg: 'ndcg' };

/** Reads "p@10,r@10,map@10,ndcg@10,rmse,mae"; a wrong entry is named in the error. */
export function parseMetricList(text: string): MetricSpec[] {
  return text.split(',').map((raw) => {
    const label = raw.trim().toLowerCase();
    if (label === 'rmse' || label === 'mae') return { name: label, k: null, label };
    const match = /^(p|r|map|ndcg)@(\d+)$/.exec(label);
    if (!match || Number(match[2]) < 1) {
      throw new RangeError(`--metrics: "${raw.trim()}" is not a metric (rmse, mae, p@k, r@k, map@k or ndcg@k, k ≥ 1).`);
    }
    return { name: RANKING[match[1]!]!, k: Number(match[2]), label };
  });
}

export interface MetricResult {
  label: string;
  model: number;
  /** Baseline name → value (mean and bias baselines for rmse/mae, popularity for ranking). */
  baselines: Record<string, number>;
  /** Users the ranking metric averaged over (null for rmse/mae). */
  users: number | null;
}

/** Every requested metric on the held-out entries, with its baselines. */
export function finalMetrics(
  problem: Problem,
  test: Ratings,
  F: Factors,
  specs: readonly MetricSpec[],
  relevantAtLeast: number | null,
): MetricResult[] {
  const explicit =
    specs.some((s) => s.k === null) && problem.mode === 'explicit' ? explicitEvaluation(patternOf(problem), test, F) : null;
  const rankings = new Map<number, ReturnType<typeof rankingEvaluation>>();
  const relevant = relevantAtLeast === null ? undefined : (v: number) => v >= relevantAtLeast;
  return specs.map((spec) => {
    if (spec.k === null) {
      if (!explicit) throw new RangeError(`--metrics: ${spec.label} is a rating error; it needs --mode explicit.`);
      const key = spec.name as 'rmse' | 'mae';
      const baselines: Record<string, number> = {};
      for (const [name, errors] of Object.entries(explicit.baselines))
        baselines[BASELINE_LABELS[name as BaselineName]] = errors[key];
      return { label: spec.label, model: explicit.model[key], baselines, users: null };
    }
    let r = rankings.get(spec.k);
    if (!r) rankings.set(spec.k, (r = rankingEvaluation(problem, test, F, spec.k, { relevant })));
    const name = spec.name as 'precision' | 'recall' | 'map' | 'ndcg';
    return { label: spec.label, model: r.model[name], baselines: { popularity: r.popularity[name] }, users: r.model.users };
  });
}

export function printMetrics(results: readonly MetricResult[]): void {
  console.log('held-out metrics (model | baselines):');
  for (const r of results) {
    const base = Object.entries(r.baselines)
      .map(([name, v]) => `${name} ${v.toFixed(4)}`)
      .join(', ');
    const users = r.users !== null ? `  (${r.users} users)` : '';
    console.log(`  ${r.label.padEnd(8)} ${r.model.toFixed(4)}  | ${base}${users}`);
  }
}
