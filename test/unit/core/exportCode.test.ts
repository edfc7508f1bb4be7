/**
 * Exported code, run for real:
 *
 * - numpy: the script runs on the lab's exported ratings and initial factors and reproduces the
 *   lab's objective after the same half-steps to 1e-6, for every variant in both modes;
 * - PySpark and implicit (which cannot be installed here): the scripts compile, and run against
 *   recording stand-ins of the libraries (test/unit/core/standins) that check every parameter;
 * - MF Lab's own command line: the exported command runs and ends at the lab's objective.
 *
 * numpy comes from Debian's python3-numpy. On CI (CI=true) a missing numpy fails these tests
 * with a message instead of skipping them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  alsHalfStep,
  alsStep,
  exportCode,
  exportFileName,
  explicitProblem,
  factorFile,
  factorsFromFile,
  heldOutRmse,
  implicitFromObservations,
  implicitProblem,
  initFactors,
  lossParts,
  modelScorer,
  prepareFactors,
  rankingMetrics,
  serializeRatings,
  splitRatings,
  syntheticRatings,
  type ExportSpec,
  type Factors,
  type Mode,
  type Problem,
  type Variant,
} from '../../../src/core';

const STANDINS = join(__dirname, 'standins');

/** A python3 that has numpy: $MF_LAB_PYTHON, python3 on the PATH, or Debian's /usr/bin/python3. */
function findPython(needNumpy: boolean): string | null {
  for (const cmd of [process.env.MF_LAB_PYTHON, 'python3', '/usr/bin/python3']) {
    if (!cmd) continue;
    const probe = spawnSync(cmd, ['-c', needNumpy ? 'import numpy' : 'pass'], { stdio: 'ignore' });
    if (probe.status === 0) return cmd;
  }
  return null;
}

const python = findPython(true);
const anyPython = python ?? findPython(false);
const ci = process.env.CI === 'true';
const missing = 'python3 with numpy is needed for the exported-code tests: apt-get install python3-numpy (Debian).';

/** Runs only with numpy; on CI its absence is a failure, elsewhere a skip. */
const withNumpy = python || ci ? it : it.skip;

function needPython(): string {
  if (!python) throw new Error(missing);
  return python;
}

const dir = mkdtempSync(join(tmpdir(), 'mf-lab-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const R0 = syntheticRatings({ users: 30, items: 20, ratings: 260, seed: 5 });
const { train, test } = splitRatings(R0, 0.2, 3);
writeFileSync(join(dir, 'ratings.tsv'), serializeRatings(train, '\t', false));
writeFileSync(join(dir, 'test.tsv'), serializeRatings(test, '\t', false));

function spec(mode: Mode, variant: Variant, extra: Partial<ExportSpec> = {}): ExportSpec {
  return {
    mode,
    variant,
    factors: 3,
    lambda: 0.7,
    alpha: 2,
    iterations: 2,
    seed: 2,
    initScale: 0.3,
    solver: 'exact',
    cgSteps: 3,
    ratingsFile: join(dir, 'ratings.tsv'),
    testFile: join(dir, 'test.tsv'),
    initFile: join(dir, 'init.json'),
    shape: { users: train.m, items: train.n, ratings: train.nnz },
    ...extra,
  };
}

function problemOf(mode: Mode): Problem {
  return mode === 'explicit' ? explicitProblem(train) : implicitProblem(implicitFromObservations(train, 2));
}

function startFactors(problem: Problem, variant: Variant): Factors {
  const F = initFactors(train.m, train.n, 3, { seed: 2, scale: 0.3 });
  prepareFactors(problem, F, variant);
  // Start the biases away from 0, so the file's biases are really used.
  if (F.biases) F.biases.user.forEach((_, i) => (F.biases!.user[i] = 0.1 * Math.sin(i)));
  return F;
}

describe('numpy export', () => {
  const cases: [Mode, Variant][] = [
    ['explicit', 'lecture'],
    ['explicit', 'wr'],
    ['explicit', 'biases'],
    ['implicit', 'lecture'],
    ['implicit', 'wr'],
  ];
  for (const [mode, variant] of cases) {
    withNumpy(`${mode}, ${variant}: the objective after each half-step equals the lab’s to 1e-6`, () => {
      const py = needPython();
      const problem = problemOf(mode);
      const F = startFactors(problem, variant);
      writeFileSync(join(dir, 'init.json'), JSON.stringify(factorFile(F, train)));
      const script = join(dir, `numpy-${mode}-${variant}.py`);
      writeFileSync(script, exportCode('numpy', spec(mode, variant)));
      const steps = 'uiuiu';
      const out = JSON.parse(execFileSync(py, [script, '--json', '--steps', steps], { encoding: 'utf8' })) as {
        history: { loss: number; value: number; metric: string }[];
      };
      expect(out.history).toHaveLength(steps.length);
      const options = { variant, lambda: 0.7 };
      [...steps].forEach((step, t) => {
        alsHalfStep(problem, F, step === 'u' ? 'users' : 'items', options);
        const lab = lossParts(problem, F, options).total;
        expect(
          Math.abs(out.history[t]!.loss - lab) / lab,
          `half-step ${t + 1}: numpy ${out.history[t]!.loss}, lab ${lab}`,
        ).toBeLessThan(1e-6);
      });
      // The held-out figure is the lab's too.
      const last = out.history.at(-1)!;
      if (mode === 'explicit') {
        expect(last.metric).toBe('rmse');
        expect(last.value).toBeCloseTo(heldOutRmse(problem, test, F), 8);
      } else {
        expect(last.metric).toBe('precision@10');
        expect(last.value).toBeCloseTo(rankingMetrics(problem, test, modelScorer(F), 10).precision, 10);
      }
    });
  }

  withNumpy('without --init it runs from its own seeded start and the loss falls', () => {
    const py = needPython();
    const script = join(dir, 'numpy-random.py');
    writeFileSync(script, exportCode('numpy', spec('explicit', 'lecture', { initFile: null, iterations: 4 })));
    const out = JSON.parse(execFileSync(py, [script, '--json'], { encoding: 'utf8' })) as { history: { loss: number }[] };
    expect(out.history).toHaveLength(8);
    expect(out.history.at(-1)!.loss).toBeLessThan(out.history[0]!.loss);
  });
});

/** Runs a script against the stand-ins and returns the recorded calls. */
function runWithStandins(script: string): { call: string; [key: string]: unknown }[] {
  const py = needPython();
  const record = join(dir, `record-${Math.random().toString(36).slice(2)}.json`);
  const run = spawnSync(py, [script], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: STANDINS, MF_LAB_RECORD: record, PYTHONDONTWRITEBYTECODE: '1' },
  });
  expect(run.status, `${script} failed:\n${run.stderr}`).toBe(0);
  return JSON.parse(readFileSync(record, 'utf8'));
}

function compiles(script: string): void {
  const py = anyPython;
  if (!py) throw new Error('python3 is needed to compile the exported scripts.');
  const run = spawnSync(py, ['-m', 'py_compile', script], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  expect(run.status, run.stderr).toBe(0);
}

describe('PySpark export', () => {
  withNumpy('explicit ALS-WR: compiles, and passes rank, regParam, maxIter, implicitPrefs, alpha and seed as set', () => {
    const script = join(dir, 'spark-wr.py');
    writeFileSync(script, exportCode('spark', spec('explicit', 'wr', { factors: 12, lambda: 0.1, iterations: 15, seed: 42 })));
    compiles(script);
    const calls = runWithStandins(script);
    const als = calls.find((c) => c.call === 'ALS')!;
    expect(als).toMatchObject({
      rank: 12,
      regParam: 0.1,
      maxIter: 15,
      implicitPrefs: false,
      alpha: 2,
      seed: 42,
      nonnegative: false,
    });
    expect(calls.filter((c) => c.call === 'read.csv').map((c) => c.path)).toEqual([
      join(dir, 'ratings.tsv'),
      join(dir, 'test.tsv'),
    ]);
    expect(calls.some((c) => c.call === 'ALS.fit')).toBe(true);
    expect(calls.filter((c) => c.call === 'RegressionEvaluator.evaluate').map((c) => c.metricName)).toEqual(['rmse', 'mae']);
    expect(readFileSync(script, 'utf8')).toMatch(/Spark’s own convention/);
  });

  withNumpy('implicit: implicitPrefs and α, and precision@k over items not seen in training', () => {
    const script = join(dir, 'spark-implicit.py');
    writeFileSync(script, exportCode('spark', spec('implicit', 'lecture', { alpha: 5, k: 5 })));
    compiles(script);
    const calls = runWithStandins(script);
    expect(calls.find((c) => c.call === 'ALS')).toMatchObject({ rank: 3, regParam: 0.7, implicitPrefs: true, alpha: 5, seed: 2 });
    expect(calls.find((c) => c.call === 'RankingEvaluator.evaluate')).toMatchObject({ metricName: 'precisionAtK', k: 5 });
    // K plus the largest training count (3 in the stand-in), so that training items can be dropped.
    expect(calls.find((c) => c.call === 'ALSModel.recommendForAllUsers')).toMatchObject({ numItems: 8 });
    const text = readFileSync(script, 'utf8');
    expect(text).toMatch(/c = 1 \+ α\|r\|/);
    expect(text).toMatch(/NOT the lab’s model/);
  });

  it('says what differs for the biases variant, and how to run locally and on a cluster', () => {
    const text = exportCode('spark', spec('explicit', 'biases'));
    expect(text).toMatch(/no bias terms/);
    expect(text).toMatch(/spark-submit --master "local\[\*\]"/);
    expect(text).toMatch(/--master yarn/);
  });
});

describe('implicit export', () => {
  withNumpy('passes factors, regularization, alpha = 1, iterations and use_cg=False, with c = 1 + α·r as the values', () => {
    // Named as exportFileName gives it: a script called implicit.py would shadow the library itself.
    const script = join(dir, exportFileName('implicit'));
    writeFileSync(script, exportCode('implicit', spec('implicit', 'lecture', { alpha: 3, factors: 8, iterations: 7 })));
    compiles(script);
    const calls = runWithStandins(script);
    expect(calls.find((c) => c.call === 'AlternatingLeastSquares')).toMatchObject({
      factors: 8,
      regularization: 0.7,
      alpha: 1,
      iterations: 7,
      use_cg: false,
      use_gpu: false,
      dtype: 'float64',
      random_state: 2,
    });
    const fit = calls.find((c) => c.call === 'fit')!;
    expect(fit.shape).toEqual([train.m, train.n]);
    // Every training rating r > 0 becomes the confidence 1 + α·r (α = 3).
    const expected = Array.from(train.userVal)
      .filter((r) => r > 0)
      .map((r) => 1 + 3 * r)
      .sort((a, b) => a - b);
    expect(fit.values).toEqual(expected);
    expect(calls.find((c) => c.call === 'recommend')).toMatchObject({ N: 10, filter_already_liked_items: true });
  });

  it('says ALS-WR is not what implicit fits, and that CG is its default', () => {
    const text = exportCode('implicit', spec('implicit', 'wr'));
    expect(text).toMatch(/does not scale regularization/);
    expect(text).toMatch(/use_cg=False below gives the exact solve/);
    expect(exportCode('implicit', spec('implicit', 'lecture', { solver: 'cg' }))).toMatch(/use_cg=True/);
    expect(exportCode('implicit', spec('explicit', 'lecture'))).toMatch(/a different model/);
  });
});

describe('MF Lab command-line export', () => {
  it('runs the same model from the same start and ends at the lab’s objective (explicit ALS-WR)', () => {
    const problem = problemOf('explicit');
    const F = startFactors(problem, 'wr');
    writeFileSync(join(dir, 'init.json'), JSON.stringify(factorFile(F, train)));
    const text = exportCode('cli', spec('explicit', 'wr', { iterations: 3 }));
    const command = text.split('\n').find((l) => l.startsWith('npm run als -- '))!;
    // Run the CLI itself with the exported arguments (the words are plain: no shell quoting needed).
    const args = command.replace('npm run als -- ', '').replace(' "$@"', '').split(' ');
    const out = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/als.ts', ...args, '--json', '--threads', '1'], {
        encoding: 'utf8',
      }),
    ) as { history: { loss: number }[] };
    for (let t = 0; t < 3; t++) alsStep(problem, F, { variant: 'wr', lambda: 0.7 });
    const lab = lossParts(problem, F, { variant: 'wr', lambda: 0.7 }).total;
    expect(Math.abs(out.history.at(-1)!.loss - lab) / lab).toBeLessThan(1e-9);
  });
});

describe('factor files', () => {
  it('round-trip U, V and the biases by id, in any order', () => {
    const problem = problemOf('explicit');
    const F = startFactors(problem, 'biases');
    const file = factorFile(F, train);
    const reversed = {
      ...file,
      userIds: [...file.userIds].reverse(),
      U: [...file.U].reverse(),
      biases: { ...file.biases!, user: [...file.biases!.user].reverse() },
    };
    const G = factorsFromFile(JSON.parse(JSON.stringify(reversed)), train);
    expect(Array.from(G.U)).toEqual(Array.from(F.U));
    expect(Array.from(G.biases!.user)).toEqual(Array.from(F.biases!.user));
    expect(() => factorsFromFile({ ...file, userIds: file.userIds.slice(1), U: file.U.slice(1) }, train)).toThrow(
      /no row for user/,
    );
    expect(() => factorsFromFile({ nope: 1 }, train)).toThrow(/"userIds", "itemIds", "U" and "V"/);
  });
});
