/**
 * npm run bench — speed of the numeric core on ML-100k-shaped data (943 users, 1,682 items,
 * 100,000 ratings, generated in-process and deterministically):
 *
 * 1. ms per full ALS iteration, explicit d = 10 and implicit d = 32, on one thread (WebAssembly
 *    kernel and TypeScript kernel) and split over all cores;
 * 2. `npm run als` as a user runs it: the average of its first 10 iterations, warm-up included;
 * 3. conjugate gradient (3 steps) against the exact solve, implicit d = 32: time and precision@10.
 *
 * The machine is shared: the load average is printed beside the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alsStep,
  cloneFactors,
  explicitProblem,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  lossParts,
  modelScorer,
  movieLensShaped,
  patternOf,
  rankingMetrics,
  ratingsFromTriples,
  ratingsToTriples,
  serializeRatings,
  splitRatings,
  syntheticRatings,
  useWasmKernel,
  type AlsSettings,
  type Problem,
} from '../core';
import { ParallelAls } from './parallelAls';

const WARMUP = 10;
const fmt = (x: number) => x.toFixed(1).padStart(6);

function summarise(times: number[]): { median: number; best: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, best: sorted[0]! };
}

/** ms per full iteration on this thread, after WARMUP iterations. */
function timeSingle(problem: Problem, d: number, settings: AlsSettings, iterations: number, wasm: boolean) {
  const previous = useWasmKernel(wasm);
  const R = patternOf(problem);
  const F = initFactors(R.m, R.n, d, { seed: 1, scale: 0.1 });
  const times: number[] = [];
  for (let t = 0; t < WARMUP + iterations; t++) {
    const t0 = performance.now();
    alsStep(problem, F, settings);
    if (t >= WARMUP) times.push(performance.now() - t0);
  }
  useWasmKernel(previous);
  return { ...summarise(times), F };
}

async function bench(
  label: string,
  problem: Problem,
  d: number,
  lambda: number,
  iterations: number,
  target: number,
): Promise<boolean> {
  const wasm = timeSingle(problem, d, lambda, iterations, true);
  const ts = timeSingle(problem, d, lambda, Math.ceil(iterations / 2), false);
  const R = patternOf(problem);
  const parallel = await ParallelAls.create(problem, initFactors(R.m, R.n, d, { seed: 1, scale: 0.1 }));
  const multi: number[] = [];
  for (let t = 0; t < WARMUP + iterations; t++) {
    const t0 = performance.now();
    await parallel.step(lambda);
    if (t >= WARMUP) multi.push(performance.now() - t0);
  }
  const lossSingle = lossParts(problem, wasm.F, lambda).total;
  const lossMulti = lossParts(problem, parallel.factors, lambda).total;
  await parallel.close();
  const p = summarise(multi);
  const ok = p.median <= target;
  console.log(label);
  console.log(`  1 thread, WebAssembly kernel  median ${fmt(wasm.median)} ms/iteration  best ${fmt(wasm.best)} ms`);
  console.log(`  1 thread, TypeScript kernel   median ${fmt(ts.median)} ms/iteration  best ${fmt(ts.best)} ms`);
  console.log(
    `  ${parallel.threads} threads                     median ${fmt(p.median)} ms/iteration  best ${fmt(p.best)} ms   target ≤ ${target} ms: ${ok ? 'OK' : 'MISSED'}`,
  );
  console.log(
    `  loss after ${WARMUP + iterations} iterations: ${lossSingle.toExponential(6)} (1 thread), ${lossMulti.toExponential(6)} (${parallel.threads} threads)`,
  );
  return ok;
}

/** `npm run als` on a rating file: the average of its first 10 iterations (warm-up included), over a few runs. */
function benchCli(file: string, runs: number, target: number): boolean {
  const cli = fileURLToPath(new URL('./als.ts', import.meta.url));
  const averages: number[] = [];
  for (let r = 0; r < runs; r++) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', cli, '--ratings', file, '--iterations', '10', '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (run.status !== 0) throw new Error(`npm run als failed: ${run.stderr}`);
    const out = JSON.parse(run.stdout) as { history: { ms: number }[] };
    averages.push(out.history.reduce((s, h) => s + h.ms, 0) / out.history.length);
    if (r === 0) console.log(`  run 1, ms per iteration: ${out.history.map((h) => h.ms.toFixed(1)).join(' ')}`);
  }
  const median = summarise(averages).median;
  const ok = median <= target;
  console.log(
    `  average of the first 10 iterations (warm-up included): ${averages.map((a) => a.toFixed(1)).join(', ')} ms over ${runs} runs; median ${median.toFixed(1)} ms   target ≤ ${target} ms: ${ok ? 'OK' : 'MISSED'}`,
  );
  return ok;
}

/** CG (3 steps) against the exact solve, one thread, implicit d = 32 on 0/1 data whose choices follow taste. */
function benchCg(): boolean {
  const R = syntheticRatings({ users: 943, items: 1682, ratings: 100_000, seed: 100, rank: 5, tasteChoice: 3 });
  const ones = ratingsFromTriples(
    R.m,
    R.n,
    ratingsToTriples(R).map((t) => ({ ...t, value: 1 })),
    R.userIds,
    R.itemIds,
  );
  const { train, test } = splitRatings(ones, 0.2, 1);
  const problem = implicitProblem(implicitFromObservations(train, 3));
  const start = initFactors(R.m, R.n, 32, { seed: 1, scale: 0.1 });
  const run = (settings: AlsSettings) => {
    const F = cloneFactors(start);
    const times: number[] = [];
    for (let t = 0; t < 15; t++) {
      const t0 = performance.now();
      alsStep(problem, F, settings);
      if (t >= 3) times.push(performance.now() - t0);
    }
    return { ms: summarise(times).median, precision: rankingMetrics(problem, test, modelScorer(F), 10).precision };
  };
  const exact = run(0.1);
  const cg = run({ lambda: 0.1, solver: 'cg', cgSteps: 3 });
  const speedup = exact.ms / cg.ms;
  const gap = Math.abs(exact.precision - cg.precision);
  console.log(`  exact  median ${fmt(exact.ms)} ms/iteration   precision@10 after 15 iterations ${exact.precision.toFixed(4)}`);
  console.log(`  CG (3) median ${fmt(cg.ms)} ms/iteration   precision@10 after 15 iterations ${cg.precision.toFixed(4)}`);
  const ok = speedup >= 3 && gap <= 0.005;
  console.log(
    `  CG is ${speedup.toFixed(2)}× faster (target ≥ 3×), precision@10 differs by ${gap.toFixed(4)} (target ≤ 0.005): ${ok ? 'OK' : 'MISSED'}`,
  );
  return ok;
}

const t0 = performance.now();
const R = movieLensShaped();
console.log(
  `data: ${R.m} users × ${R.n} items, ${R.nnz} ratings, generated in ${(performance.now() - t0).toFixed(0)} ms; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)}`,
);
const results = [
  await bench('explicit ALS, d = 10, λ = 0.1', explicitProblem(R), 10, 0.1, 30, 15),
  await bench('implicit ALS, d = 32, λ = 0.1, α = 40', implicitProblem(implicitFromObservations(R, 40)), 32, 0.1, 10, 150),
];
const dir = mkdtempSync(join(tmpdir(), 'mf-lab-bench-'));
try {
  const file = join(dir, 'ratings.tsv');
  writeFileSync(file, serializeRatings(R, '\t', false));
  console.log('npm run als, explicit, d = 10, all cores (the figure a user sees)');
  results.push(benchCli(file, 3, 10));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('conjugate gradient vs exact, implicit d = 32, λ = 0.1, α = 3, 0/1 data whose choices follow taste, 1 thread');
results.push(benchCg());
const mem = process.memoryUsage();
console.log(
  `memory: heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB; load average now ${loadavg()[0]!.toFixed(1)}`,
);
if (results.some((ok) => !ok)) process.exitCode = 1;
