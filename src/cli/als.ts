/**
 * npm run als -- --ratings FILE [options]: the same core as the app on a rating file
 * (MovieLens u.data, ratings.csv, …). See USAGE below and the README.
 */
import { readFileSync } from 'node:fs';
import {
  alignRows,
  exportCode,
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
  toRows,
  type Factors,
  type Problem,
  type Ratings,
} from '../core';
import { finalMetrics, printMetrics } from './alsMetrics';
import { printRecommendations, recommendationsFor } from './alsRecommend';
import { InputError, readSettings, UsageError, USAGE, type Settings } from './alsSettings';
import { ParallelAls } from './parallelAls';
import { decodeTitles, parseTitles } from './titles';

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
  const s = readSettings(argv);
  if (s.help) {
    console.log(USAGE);
    return;
  }
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
