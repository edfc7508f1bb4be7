/**
 * npm run report [-- --movielens DIR] — the model variants and implicit ALS against baselines,
 * on held-out data (issue "From factors to recommendations", Targets):
 *
 * 1. explicit: held-out RMSE of the lecture's objective (over a λ grid), ALS-WR and the biases
 *    variant at their own defaults, beside the mean and bias baselines;
 * 2. the lecture's objective against an independent numpy implementation (the exported script,
 *    from its own random starts), when python3 with numpy is available;
 * 3. implicit ALS on 0/1 data (α from 1 to 40) against the popularity baseline, precision@10.
 *
 * On MovieLens-100k-shaped synthetic data by default; with --movielens DIR (a folder holding
 * MovieLens 100k's u1.base and u1.test, never committed) on the real u1 split as well.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  alignRows,
  alsStep,
  explicitEvaluation,
  explicitProblem,
  exportCode,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  movieLensShaped,
  parseRatingsText,
  prepareFactors,
  rankingEvaluation,
  ratingsFromRows,
  ratingsFromTriples,
  ratingsToTriples,
  serializeRatings,
  splitRatings,
  syntheticRatings,
  VARIANT_DEFAULTS,
  type AlsSettings,
  type Ratings,
  type Variant,
} from '../core';

const ITERATIONS = 15;
const D = 10;

interface Split {
  name: string;
  train: Ratings;
  test: Ratings;
  note?: string;
}

function fit(train: Ratings, settings: AlsSettings & { variant?: Variant }, seed = 1, iterations = ITERATIONS) {
  const problem = explicitProblem(train);
  const F = initFactors(train.m, train.n, D, { seed, scale: 0.1 });
  prepareFactors(problem, F, settings === null || typeof settings === 'number' ? 'lecture' : (settings.variant ?? 'lecture'));
  for (let t = 0; t < iterations; t++) alsStep(problem, F, settings);
  return F;
}

function heldOut(split: Split, settings: AlsSettings & { variant?: Variant }, seed = 1): number {
  return explicitEvaluation(split.train, split.test, fit(split.train, settings, seed)).model.rmse;
}

function explicitReport(split: Split): void {
  console.log(`\n== ${split.name}: explicit, d = ${D}, ${ITERATIONS} iterations, held-out RMSE (${split.test.nnz} ratings)`);
  const base = explicitEvaluation(split.train, split.test, fit(split.train, 1, 1, 0)).baselines;
  console.log(
    `  baselines: global mean ${base.globalMean.rmse.toFixed(4)}, user means ${base.userMean.rmse.toFixed(4)}, item means ${base.itemMean.rmse.toFixed(4)}, μ + biases ${base.biases.rmse.toFixed(4)}`,
  );
  const lectureGrid = [0.1, 1, 2, 5, 10, 20];
  const lecture = lectureGrid.map((lambda) => ({ lambda, rmse: heldOut(split, { lambda }) }));
  console.log(`  lecture:  ${lecture.map((c) => `λ ${c.lambda} → ${c.rmse.toFixed(4)}`).join(', ')}`);
  const best = lecture.reduce((a, b) => (b.rmse < a.rmse ? b : a));
  for (const variant of ['wr', 'biases'] as const) {
    const lambda = VARIANT_DEFAULTS[variant].lambda;
    const grid = [lambda / 3, lambda, lambda * 3];
    const cells = grid.map((l) => ({ lambda: l, rmse: heldOut(split, { variant, lambda: l }) }));
    const atDefault = cells[1]!.rmse;
    console.log(
      `  ${variant.padEnd(8)}  at its default λ = ${lambda}: ${atDefault.toFixed(4)}  (λ ${fmt(grid[0]!)} → ${cells[0]!.rmse.toFixed(4)}, λ ${fmt(grid[2]!)} → ${cells[2]!.rmse.toFixed(4)})` +
        `  ${atDefault < best.rmse ? 'better' : 'NOT better'} than the lecture's best (${best.rmse.toFixed(4)} at λ = ${best.lambda})`,
    );
  }
}

function fmt(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

/** A python3 that has numpy, or null. */
function findPython(): string | null {
  for (const cmd of [process.env.MF_LAB_PYTHON, 'python3', '/usr/bin/python3']) {
    if (cmd && spawnSync(cmd, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0) return cmd;
  }
  return null;
}

function numpyReport(split: Split, lambda: number, seeds: number[]): void {
  console.log(`\n== ${split.name}: the lecture's objective at λ = ${lambda} against numpy, ${seeds.length} random starts each`);
  const lab = seeds.map((seed) => heldOut(split, { lambda }, seed));
  console.log(`  MF Lab: held-out RMSE ${Math.min(...lab).toFixed(4)}–${Math.max(...lab).toFixed(4)}`);
  const python = findPython();
  if (!python) {
    console.log('  numpy: skipped (python3 with numpy not found; apt-get install python3-numpy)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'mf-lab-report-'));
  try {
    writeFileSync(join(dir, 'train.tsv'), serializeRatings(split.train, '\t', false));
    writeFileSync(join(dir, 'test.tsv'), serializeRatings(split.test, '\t', false));
    const values = seeds.map((seed) => {
      const script = join(dir, `mf_lab_numpy_${seed}.py`);
      writeFileSync(
        script,
        exportCode('numpy', {
          mode: 'explicit',
          variant: 'lecture',
          factors: D,
          lambda,
          alpha: 0,
          iterations: ITERATIONS,
          seed,
          initScale: 0.1,
          solver: 'exact',
          cgSteps: 3,
          ratingsFile: join(dir, 'train.tsv'),
          testFile: join(dir, 'test.tsv'),
          initFile: null,
        }),
      );
      const run = spawnSync(python, [script, '--json', '--steps', 'ui'.repeat(ITERATIONS)], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (run.status !== 0) throw new Error(`numpy script failed: ${run.stderr}`);
      return (JSON.parse(run.stdout) as { history: { value: number }[] }).history.at(-1)!.value;
    });
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const inside = lab.every((x) => x >= lo - 0.005 && x <= hi + 0.005);
    console.log(
      `  numpy (its own random starts): held-out RMSE ${lo.toFixed(4)}–${hi.toFixed(4)}; MF Lab ${inside ? 'within' : 'OUTSIDE'} that range ± 0.005`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every known entry as an interaction of value 1 (0/1 implicit data). */
function binary(R: Ratings): Ratings {
  return ratingsFromTriples(
    R.m,
    R.n,
    ratingsToTriples(R).map((t) => ({ ...t, value: 1 })),
    R.userIds,
    R.itemIds,
  );
}

function implicitReport(split: Split): void {
  const train = binary(split.train);
  const test = binary(split.test);
  console.log(
    `\n== ${split.name}: implicit ALS on 0/1 data (every rating = an interaction), d = ${D}, λ = 0.1, ${ITERATIONS} iterations`,
  );
  if (split.note) console.log(`  (${split.note})`);
  let popularity = Number.NaN;
  for (const alpha of [1, 3, 10, 40]) {
    const problem = implicitProblem(implicitFromObservations(train, alpha));
    const F = initFactors(train.m, train.n, D, { seed: 1, scale: 0.1 });
    for (let t = 0; t < ITERATIONS; t++) alsStep(problem, F, 0.1);
    const e = rankingEvaluation(problem, test, F, 10);
    popularity = e.popularity.precision;
    console.log(
      `  α = ${String(alpha).padEnd(2)}  precision@10 ${e.model.precision.toFixed(4)}  (NDCG@10 ${e.model.ndcg.toFixed(4)})`,
    );
  }
  console.log(`  popularity baseline: precision@10 ${popularity.toFixed(4)}`);
}

function movieLensSplit(dir: string): Split {
  const read = (name: string) => parseRatingsText(readFileSync(join(dir, name), 'utf8')).rows;
  const train = ratingsFromRows(read('u1.base'));
  return { name: 'MovieLens 100k, u1 split', train, test: alignRows(train, read('u1.test')).test };
}

const { values } = parseArgs({ options: { movielens: { type: 'string' } } });
const R = movieLensShaped();
const synthetic = {
  name: 'ML-100k-shaped synthetic data, seeded 80/20 split',
  ...splitRatings(R, 0.2, 1),
  note: 'which items a user rates depends on popularity alone in this data: popularity is the best possible ranking of 0/1 data here',
};
const splits: Split[] = [synthetic, ...(values.movielens ? [movieLensSplit(values.movielens)] : [])];
const t0 = performance.now();
for (const split of splits) {
  explicitReport(split);
  numpyReport(split, 1, [1, 2, 3]);
  implicitReport(split);
}
// In the synthetic data above, which items a user rates depends on popularity alone, so for 0/1 data
// popularity is the best possible ranking. Data whose choices follow taste shows what implicit ALS adds.
implicitReport({
  name: 'ML-100k-shaped synthetic data whose choices follow taste (γ = 3), seeded 80/20 split',
  ...splitRatings(syntheticRatings({ users: 943, items: 1682, ratings: 100_000, seed: 100, rank: 5, tasteChoice: 3 }), 0.2, 1),
  note: 'each user rates items drawn by popularity and kept with probability 1/(1 + e^(−3·taste score))',
});
console.log(`\n(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
