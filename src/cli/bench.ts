/**
 * npm run bench — speed of the numeric core on ML-100k-shaped data (943 users,
 * 1,682 items, 100,000 ratings, generated in-process and deterministically).
 * Prints ms per full ALS iteration on one thread and split over all cores.
 */
import { availableParallelism } from 'node:os';
import {
  alsStep,
  cloneFactors,
  explicitProblem,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  lossParts,
  movieLensShaped,
  patternOf,
  type Problem,
} from '../core';
import { ParallelAls } from './parallelAls';

const WARMUP = 10;

function summarise(times: number[]): { median: number; best: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, best: sorted[0]! };
}

async function bench(
  label: string,
  problem: Problem,
  d: number,
  lambda: number,
  iterations: number,
  target: number,
): Promise<boolean> {
  const R = patternOf(problem);
  const start = initFactors(R.m, R.n, d, { seed: 1, scale: 0.1 });

  const F = cloneFactors(start);
  const single: number[] = [];
  for (let t = 0; t < WARMUP + iterations; t++) {
    const t0 = performance.now();
    alsStep(problem, F, lambda);
    if (t >= WARMUP) single.push(performance.now() - t0);
  }

  const parallel = await ParallelAls.create(problem, cloneFactors(start));
  const multi: number[] = [];
  for (let t = 0; t < WARMUP + iterations; t++) {
    const t0 = performance.now();
    await parallel.step(lambda);
    if (t >= WARMUP) multi.push(performance.now() - t0);
  }
  const lossSingle = lossParts(problem, F, lambda).total;
  const lossMulti = lossParts(problem, parallel.factors, lambda).total;
  await parallel.close();

  const s = summarise(single);
  const p = summarise(multi);
  const ok = p.median <= target;
  const fmt = (x: number) => x.toFixed(1).padStart(6);
  console.log(`${label}`);
  console.log(`  1 thread   median ${fmt(s.median)} ms/iteration  best ${fmt(s.best)} ms`);
  console.log(
    `  ${parallel.threads} threads  median ${fmt(p.median)} ms/iteration  best ${fmt(p.best)} ms   target ≤ ${target} ms: ${ok ? 'OK' : 'MISSED'}`,
  );
  console.log(
    `  loss after ${WARMUP + iterations} iterations: ${lossSingle.toExponential(6)} (1 thread), ${lossMulti.toExponential(6)} (${parallel.threads} threads)`,
  );
  return ok;
}

const t0 = performance.now();
const R = movieLensShaped();
console.log(
  `data: ${R.m} users × ${R.n} items, ${R.nnz} ratings, generated in ${(performance.now() - t0).toFixed(0)} ms; ${availableParallelism()} cores`,
);
const results = [
  await bench('explicit ALS, d = 10, λ = 0.1', explicitProblem(R), 10, 0.1, 30, 15),
  await bench('implicit ALS, d = 32, λ = 0.1, α = 40', implicitProblem(implicitFromObservations(R, 40)), 32, 0.1, 10, 150),
];
const mem = process.memoryUsage();
console.log(`memory: heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB`);
if (results.some((ok) => !ok)) process.exitCode = 1;
