/**
 * npm run als -- --ratings FILE [--test FILE] [--mode explicit|implicit] [--factors d]
 *   [--lambda λ] [--alpha α] [--iterations n] [--seed s] [--scale σ] [--threads t] [--json]
 *
 * Runs the same core as the app on a rating file (MovieLens u.data, ratings.csv, …).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  alignRows,
  explicitProblem,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  metrics,
  parseRatingsText,
  ratingsFromRows,
  RatingsParseError,
  toRows,
  type Problem,
  type Ratings,
} from '../core';
import { ParallelAls } from './parallelAls';

const USAGE = `usage: npm run als -- --ratings FILE [--test FILE] [--mode explicit|implicit] [--factors d]
       [--lambda λ] [--alpha α] [--iterations n] [--seed s] [--scale σ] [--threads t] [--json]

  --ratings FILE    training ratings: "user item rating [timestamp]" rows, comma-, tab-, "::" or
                    space-separated, with or without a header (MovieLens u.data and ratings.csv load)
  --test FILE       held-out ratings in the same format; rows with unknown users or items are skipped
  --mode            explicit (the lecture's loss over known entries, default) or implicit
                    (weighted loss over all pairs, p = [r > 0], c = 1 + α·r)
  --factors d       number of latent factors (default 10)
  --lambda λ        regularisation (default 0.1)
  --alpha α         implicit confidence slope (default 40)
  --iterations n    full ALS iterations (default 10)
  --seed s          seed of the random initialisation (default 1)
  --scale σ         standard deviation of the initial entries (default 0.1)
  --threads t       threads to split each half-step over (default: all cores)
  --json            print one JSON object instead of progress lines`;

/** The command line was wrong: print the message and the usage. */
class UsageError extends Error {}
/** A file could not be read or is malformed: print the message only. */
class InputError extends Error {}

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

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`Cannot read the ${what} file "${path}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

function loadRows(path: string, what: string) {
  try {
    return parseRatingsText(readText(path, what)).rows;
  } catch (error) {
    if (error instanceof RatingsParseError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ratings: { type: 'string' },
      test: { type: 'string' },
      mode: { type: 'string', default: 'explicit' },
      factors: { type: 'string' },
      lambda: { type: 'string' },
      alpha: { type: 'string' },
      iterations: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.ratings) throw new UsageError('--ratings FILE is required.');
  if (values.mode !== 'explicit' && values.mode !== 'implicit')
    throw new UsageError(`--mode must be explicit or implicit (got "${values.mode}").`);
  const whole = (x: number) => Number.isInteger(x);
  const d = numberOption(values.factors, 'factors', 10, (x) => whole(x) && x >= 1, 'a whole number ≥ 1');
  const lambda = numberOption(values.lambda, 'lambda', 0.1, (x) => x >= 0, 'a number ≥ 0');
  const alpha = numberOption(values.alpha, 'alpha', 40, (x) => x >= 0, 'a number ≥ 0');
  const iterations = numberOption(values.iterations, 'iterations', 10, (x) => whole(x) && x >= 0, 'a whole number ≥ 0');
  const seed = numberOption(values.seed, 'seed', 1, whole, 'a whole number');
  const scale = numberOption(values.scale, 'scale', 0.1, (x) => x >= 0, 'a number ≥ 0');
  const threads = numberOption(values.threads, 'threads', 0, (x) => whole(x) && x >= 0, 'a whole number ≥ 1');

  const train: Ratings = ratingsFromRows(loadRows(values.ratings, 'ratings'));
  let test: Ratings | null = null;
  let skipped = 0;
  if (values.test) ({ test, skipped } = alignRows(train, loadRows(values.test, 'test')));

  const problem: Problem =
    values.mode === 'explicit' ? explicitProblem(train) : implicitProblem(implicitFromObservations(train, alpha));
  const als = await ParallelAls.create(problem, initFactors(train.m, train.n, d, { seed, scale }), threads || undefined);
  const F = als.factors;
  const log = (line: string) => {
    if (!values.json) console.log(line);
  };
  log(
    `${values.mode} ALS: ${train.m} users × ${train.n} items, ${train.nnz} ratings` +
      (test ? `; ${test.nnz} held-out ratings${skipped ? ` (${skipped} skipped: user or item not in training data)` : ''}` : '') +
      `; d = ${d}, λ = ${lambda}${values.mode === 'implicit' ? `, α = ${alpha}` : ''}, ${als.threads} thread${als.threads === 1 ? '' : 's'}`,
  );
  const history: { iteration: number; loss: number; trainRmse: number; testRmse: number | null }[] = [];
  const warned = new Set<string>();
  let seconds = 0;
  for (let it = 1; it <= iterations; it++) {
    const t0 = performance.now();
    const halves = await als.step(lambda);
    seconds += (performance.now() - t0) / 1000;
    for (const row of halves.flatMap((h) => h.singular)) {
      const key = `${row.side}:${row.index}`;
      if (!warned.has(key)) {
        warned.add(key);
        console.error(`warning: ${row.reason} Its vector was left unchanged.`);
      }
    }
    const m = metrics(problem, F, lambda, test);
    history.push({ iteration: it, loss: m.total, trainRmse: m.trainRmse, testRmse: m.testRmse });
    log(
      `iteration ${String(it).padStart(3)}  loss ${m.total.toExponential(6)}  (data ${m.data.toExponential(4)} + reg ${m.regularization.toExponential(4)})` +
        `  train RMSE ${m.trainRmse.toFixed(4)}` +
        (m.testRmse !== null ? `  test RMSE ${m.testRmse.toFixed(4)}` : '') +
        `  ${(performance.now() - t0).toFixed(1)} ms`,
    );
  }
  await als.close();
  if (values.json) {
    const out = {
      users: train.m,
      items: train.n,
      ratings: train.nnz,
      mode: values.mode,
      factors: d,
      lambda,
      ...(values.mode === 'implicit' ? { alpha } : {}),
      testRatings: test ? test.nnz : null,
      skippedTestRows: skipped,
      userIds: train.userIds,
      itemIds: train.itemIds,
      history,
      secondsPerIteration: iterations > 0 ? seconds / iterations : 0,
      U: toRows(F.U, F.m, d),
      V: toRows(F.V, F.n, d),
    };
    process.stdout.write(JSON.stringify(out) + '\n');
  }
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
