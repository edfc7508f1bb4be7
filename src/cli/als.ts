/**
 * npm run als -- --ratings FILE [options]: the same core as the app on a rating file
 * (MovieLens u.data, ratings.csv, …). See USAGE below and the README.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  alignRows,
  exportCode,
  EXPORT_TARGETS,
  explicitProblem,
  factorsFromFile,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  metrics,
  parseRatingsText,
  prepareFactors,
  ratingsFromRows,
  RatingsParseError,
  resolveAls,
  toRows,
  VARIANTS,
  type AlsOptions,
  type ExportTarget,
  type Factors,
  type Problem,
  type Ratings,
  type Variant,
} from '../core';
import { finalMetrics, parseMetricList, printMetrics, type MetricSpec } from './alsMetrics';
import { printRecommendations, recommendationsFor } from './alsRecommend';
import { ParallelAls } from './parallelAls';
import { decodeTitles, parseTitles } from './titles';

const USAGE = `usage: npm run als -- --ratings FILE [--test FILE] [--mode explicit|implicit] [--variant lecture|wr|biases]
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

function readBytes(path: string, what: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError(`Cannot read the ${what} file "${path}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

function loadRows(path: string, what: string) {
  try {
    return parseRatingsText(new TextDecoder().decode(readBytes(path, what))).rows;
  } catch (error) {
    if (error instanceof RatingsParseError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

function loadJson(path: string, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(readBytes(path, what)));
  } catch (error) {
    if (error instanceof SyntaxError) throw new InputError(`${path}: not valid JSON (${error.message}).`);
    throw error;
  }
}

const OPTIONS = {
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

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

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

function loadTitles(path: string | null): Map<string, string> | null {
  if (!path) return null;
  try {
    return parseTitles(decodeTitles(readBytes(path, 'titles')));
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

function startingFactors(s: Settings, problem: Problem, train: Ratings): Factors {
  let F: Factors;
  if (s.init) {
    try {
      F = factorsFromFile(loadJson(s.init, 'initial factors'), train);
    } catch (error) {
      if (error instanceof RangeError) throw new InputError(`${s.init}: ${error.message}`);
      throw error;
    }
    if (s.factors !== null && F.d !== s.factors)
      throw new UsageError(`--factors ${s.factors} does not match the ${F.d} factors of ${s.init}.`);
  } else {
    F = initFactors(train.m, train.n, s.factors ?? 10, { seed: s.seed, scale: s.scale });
  }
  prepareFactors(problem, F, s.als.variant);
  return F;
}

function describeRun(s: Settings, train: Ratings, test: Ratings | null, skipped: number, d: number, threads: number): string {
  const held = test
    ? `; ${test.nnz} held-out ratings${skipped ? ` (${skipped} skipped: user or item not in training data)` : ''}`
    : '';
  const implicit = s.mode === 'implicit' ? `, α = ${s.alpha}` : '';
  const solver = s.als.solver === 'cg' ? `, CG ${s.als.cgSteps} steps` : '';
  return `${s.mode} ALS (${s.als.variant}): ${train.m} users × ${train.n} items, ${train.nnz} ratings${held}; d = ${d}, λ = ${s.als.lambda}${implicit}${solver}, ${threads} thread${threads === 1 ? '' : 's'}`;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const s = parseSettings(values);
  const titles = loadTitles(s.titles);
  const train: Ratings = ratingsFromRows(loadRows(s.ratings, 'ratings'));
  let test: Ratings | null = null;
  let skipped = 0;
  if (s.test) ({ test, skipped } = alignRows(train, loadRows(s.test, 'test')));
  if (s.exportCode) {
    const d = s.factors ?? (s.init ? startingFactors(s, explicitProblem(train), train).d : 10);
    process.stdout.write(exportScript(s, train, d));
    return;
  }
  if (s.recommend !== null && !train.userIds.includes(s.recommend)) {
    throw new InputError(`--recommend: there is no user "${s.recommend}" in ${s.ratings}.`);
  }
  const problem: Problem =
    s.mode === 'explicit' ? explicitProblem(train) : implicitProblem(implicitFromObservations(train, s.alpha));
  const start = startingFactors(s, problem, train);
  const als = await ParallelAls.create(problem, start, s.threads || undefined);
  const F = als.factors;
  const log = (line: string) => {
    if (!s.json) console.log(line);
  };
  log(describeRun(s, train, test, skipped, F.d, als.threads));
  const history = await runIterations(als, problem, test, s, log);
  await als.close();
  const final = s.metrics.length > 0 && test ? finalMetrics(problem, test, F, s.metrics, s.relevant) : null;
  const recs = s.recommend !== null ? recommendationsFor(problem, F, train, s.recommend, s.top, titles) : null;
  if (!s.json) {
    if (final) printMetrics(final);
    if (recs) printRecommendations(recs);
    return;
  }
  const out = {
    users: train.m,
    items: train.n,
    ratings: train.nnz,
    mode: s.mode,
    variant: s.als.variant,
    solver: s.als.solver,
    factors: F.d,
    lambda: s.als.lambda,
    ...(s.mode === 'implicit' ? { alpha: s.alpha } : {}),
    testRatings: test ? test.nnz : null,
    skippedTestRows: skipped,
    userIds: train.userIds,
    itemIds: train.itemIds,
    history: history.lines,
    secondsPerIteration: s.iterations > 0 ? history.seconds / s.iterations : 0,
    ...(final ? { metrics: final } : {}),
    ...(recs ? { recommendations: recs } : {}),
    U: toRows(F.U, F.m, F.d),
    V: toRows(F.V, F.n, F.d),
    ...(F.biases ? { biases: { mu: F.biases.mu, user: Array.from(F.biases.user), item: Array.from(F.biases.item) } } : {}),
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

interface History {
  lines: { iteration: number; loss: number; trainRmse: number; testRmse: number | null; ms: number }[];
  seconds: number;
}

/** The iterations: one progress line each (objective, its terms, RMSE, the step's time). */
async function runIterations(
  als: ParallelAls,
  problem: Problem,
  test: Ratings | null,
  s: Settings,
  log: (line: string) => void,
): Promise<History> {
  const F = als.factors;
  const history: History = { lines: [], seconds: 0 };
  const warned = new Set<string>();
  for (let it = 1; it <= s.iterations; it++) {
    const t0 = performance.now();
    const halves = await als.step(s.als);
    const ms = performance.now() - t0;
    history.seconds += ms / 1000;
    for (const row of halves.flatMap((h) => h.singular)) {
      const key = `${row.side}:${row.index}`;
      if (!warned.has(key)) {
        warned.add(key);
        console.error(`warning: ${row.reason} Its vector was left unchanged.`);
      }
    }
    const m = metrics(problem, F, s.als, test);
    history.lines.push({ iteration: it, loss: m.total, trainRmse: m.trainRmse, testRmse: m.testRmse, ms });
    log(
      `iteration ${String(it).padStart(3)}  loss ${m.total.toExponential(6)}  (data ${m.data.toExponential(4)} + reg ${m.regularization.toExponential(4)})` +
        `  train RMSE ${m.trainRmse.toFixed(4)}` +
        (m.testRmse !== null ? `  test RMSE ${m.testRmse.toFixed(4)}` : '') +
        `  ALS ${ms.toFixed(1)} ms`,
    );
  }
  return history;
}

function exportScript(s: Settings, train: Ratings, d: number): string {
  return exportCode(s.exportCode!, {
    mode: s.mode,
    variant: s.als.variant,
    factors: d,
    lambda: s.als.lambda,
    alpha: s.alpha,
    iterations: s.iterations,
    seed: s.seed,
    initScale: s.scale,
    solver: s.als.solver,
    cgSteps: s.als.cgSteps,
    ratingsFile: s.ratings,
    testFile: s.test,
    initFile: s.init,
    shape: { users: train.m, items: train.n, ratings: train.nnz },
    k: s.metrics.find((m) => m.k !== null)?.k ?? 10,
  });
}

// `npm run als -- … --json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    console.error(`als: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (error instanceof InputError || error instanceof RangeError) {
    console.error(`als: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  throw error;
});
