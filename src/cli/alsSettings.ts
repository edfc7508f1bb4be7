/**
 * The options of `npm run als`: the usage text, the option table and their checking (kept apart
 * from als.ts so that tests can check them without running the command).
 */
import { parseArgs } from 'node:util';
import { EXPORT_TARGETS, resolveAls, VARIANTS, type AlsOptions, type ExportTarget, type Variant } from '../core';
import { parseMetricList, type MetricSpec } from './alsMetrics';

export const USAGE = `usage: npm run als -- --ratings FILE [--test FILE] [--mode explicit|implicit] [--variant lecture|wr|biases]
       [--factors d] [--lambda λ] [--alpha α] [--solver exact|cg] [--cg-steps K] [--iterations n]
       [--seed s] [--scale σ] [--init FILE] [--threads t] [--metrics LIST] [--relevant r]
       [--recommend USER] [--top N] [--titles FILE] [--export-code spark|implicit|numpy|cli] [--json]

  --ratings FILE    training ratings: "user item rating [timestamp]" rows, comma-, tab-, "::" or
                    space-separated, with or without a header (MovieLens u.data and ratings.csv load)
  --test FILE       held-out ratings in the same format; rows with unknown users or items are skipped
  --mode            explicit (the lecture's loss over known entries, default) or implicit
                    (weighted loss over all pairs, p = [r > 0], c = 1 + α·r)
  --variant         lecture (one λ for every row, default), wr (ALS-WR: λ times each row's count,
                    Spark's convention) or biases (μ + bᵢ + cⱼ + uᵢᵀvⱼ, explicit only)
  --factors d       number of latent factors (default 10)
  --lambda λ        regularisation (default 0.1)
  --alpha α         implicit confidence slope (default 40; it suits counts — for 0/1 data try 1–10)
  --solver          exact (Cholesky, default) or cg (conjugate gradient, as the implicit library)
  --cg-steps K      conjugate-gradient steps per row (default 3)
  --iterations n    full ALS iterations (default 10)
  --seed s          seed of the random initialisation (default 1)
  --scale σ         standard deviation of the initial entries (default 0.1)
  --init FILE       start from these factors (JSON as printed by --json, or exported by the lab)
  --threads t       threads to split each half-step over (default: all cores)
  --metrics LIST    held-out metrics after the last iteration, beside baselines: rmse, mae, p@k,
                    r@k, map@k, ndcg@k (e.g. p@10,ndcg@10); needs --test
  --relevant r      ranking metrics count held-out entries with value ≥ r as relevant (default: > 0)
  --recommend USER  print USER's top-N unrated items after training (with --titles, by title)
  --top N           how many to recommend (default 10)
  --titles FILE     item titles: "id,title" CSV, MovieLens movies.csv, movies.dat or u.item
  --export-code T   print a script that trains this model with spark, implicit, numpy or this
                    command line (cli), reading the same files, and exit
  --json            print one JSON object instead of progress lines`;

/** The command line was wrong: print the message and the usage. */
export class UsageError extends Error {}
/** A file could not be read or is malformed: print the message only. */
export class InputError extends Error {}

function numberOption(
  value: string | undefined,
  name: string,
  fallback: number,
  check: (x: number) => boolean,
  rule: string,
): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !check(x))
    throw new UsageError(`--${name} must be ${rule} (got "${value}").`);
  return x;
}

export const OPTIONS = {
  ratings: { type: 'string' },
  test: { type: 'string' },
  mode: { type: 'string', default: 'explicit' },
  variant: { type: 'string', default: 'lecture' },
  factors: { type: 'string' },
  lambda: { type: 'string' },
  alpha: { type: 'string' },
  solver: { type: 'string', default: 'exact' },
  'cg-steps': { type: 'string' },
  iterations: { type: 'string' },
  seed: { type: 'string' },
  scale: { type: 'string' },
  init: { type: 'string' },
  threads: { type: 'string' },
  metrics: { type: 'string' },
  relevant: { type: 'string' },
  recommend: { type: 'string' },
  top: { type: 'string' },
  titles: { type: 'string' },
  'export-code': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

export interface Settings {
  ratings: string;
  test: string | null;
  mode: 'explicit' | 'implicit';
  als: AlsOptions;
  /** d, or null when not given (10, or the factor file's own d with --init). */
  factors: number | null;
  alpha: number;
  iterations: number;
  seed: number;
  scale: number;
  init: string | null;
  threads: number;
  metrics: MetricSpec[];
  relevant: number | null;
  recommend: string | null;
  top: number;
  titles: string | null;
  exportCode: ExportTarget | null;
  json: boolean;
}

function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be ${allowed.join(', ')} (got "${value}").`);
  return value as T;
}

/** Checks every option and returns the settings, or throws a UsageError that names the option. */
export function parseSettings(values: Values): Settings {
  if (!values.ratings) throw new UsageError('--ratings FILE is required.');
  const mode = oneOf(values.mode!, 'mode', ['explicit', 'implicit'] as const);
  const variant = oneOf<Variant>(values.variant!, 'variant', VARIANTS);
  const solver = oneOf(values.solver!, 'solver', ['exact', 'cg'] as const);
  if (variant === 'biases' && mode === 'implicit') {
    throw new UsageError('--variant biases is for explicit ratings only: in implicit mode a user bias never changes a ranking.');
  }
  const whole = (x: number) => Number.isInteger(x);
  const lambda = numberOption(values.lambda, 'lambda', 0.1, (x) => x >= 0, 'a number ≥ 0');
  const cgSteps = numberOption(values['cg-steps'], 'cg-steps', 3, (x) => whole(x) && x >= 1, 'a whole number ≥ 1');
  let metricList: MetricSpec[] = [];
  try {
    metricList = values.metrics ? parseMetricList(values.metrics) : [];
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (metricList.length > 0 && !values.test) throw new UsageError('--metrics needs held-out ratings: add --test FILE.');
  const exportTarget = values['export-code'] ? oneOf(values['export-code'], 'export-code', EXPORT_TARGETS) : null;
  return {
    ratings: values.ratings,
    test: values.test ?? null,
    mode,
    als: resolveAls({ variant, lambda, solver, cgSteps }),
    factors:
      values.factors === undefined
        ? null
        : numberOption(values.factors, 'factors', 10, (x) => whole(x) && x >= 1, 'a whole number ≥ 1'),
    alpha: numberOption(values.alpha, 'alpha', 40, (x) => x >= 0, 'a number ≥ 0'),
    iterations: numberOption(values.iterations, 'iterations', 10, (x) => whole(x) && x >= 0, 'a whole number ≥ 0'),
    seed: numberOption(values.seed, 'seed', 1, whole, 'a whole number'),
    scale: numberOption(values.scale, 'scale', 0.1, (x) => x >= 0, 'a number ≥ 0'),
    init: values.init ?? null,
    threads: numberOption(values.threads, 'threads', 0, (x) => whole(x) && x >= 0, 'a whole number ≥ 1'),
    metrics: metricList,
    relevant: values.relevant === undefined ? null : numberOption(values.relevant, 'relevant', 0, Number.isFinite, 'a number'),
    recommend: values.recommend ?? null,
    top: numberOption(values.top, 'top', 10, (x) => whole(x) && x >= 1, 'a whole number ≥ 1'),
    titles: values.titles ?? null,
    exportCode: exportTarget,
    json: values.json!,
  };
}

/** Parses and checks a command line (throws UsageError, or parseArgs's own TypeError for unknown options). */
export function readSettings(argv: string[]): Settings & { help: boolean } {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  if (values.help) return { help: true } as Settings & { help: boolean };
  return { ...parseSettings(values), help: false };
}
