/**
 * The command line's new options, run as a user runs them (`npm run als -- …` is `tsx src/cli/als.ts …`):
 * variants, held-out metrics with baselines, recommendations with titles, exported code, and
 * clear refusals of wrong options. Plus the small titles reader and the metric list parser.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMetricList } from '../../../src/cli/alsMetrics';
import { readSettings, UsageError } from '../../../src/cli/alsSettings';
import { decodeTitles, parseTitles } from '../../../src/cli/titles';
import { serializeRatings, splitRatings, syntheticRatings } from '../../../src/core';

const dir = mkdtempSync(join(tmpdir(), 'mf-lab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const R = syntheticRatings({ users: 40, items: 30, ratings: 500, seed: 3 });
const { train, test } = splitRatings(R, 0.2, 2);
const ratings = join(dir, 'train.tsv');
const held = join(dir, 'test.tsv');
writeFileSync(ratings, serializeRatings(train, '\t', false));
writeFileSync(held, serializeRatings(test, '\t', false));

function als(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/als.ts', ...args], { encoding: 'utf8' });
}

describe('titles files', () => {
  it('read id,title CSV with quotes, MovieLens movies.csv, movies.dat and u.item', () => {
    expect(parseTitles('1,Alien\n2,"Crying Game, The (1992)"\n3,"Say ""Hi"""\n')).toEqual(
      new Map([
        ['1', 'Alien'],
        ['2', 'Crying Game, The (1992)'],
        ['3', 'Say "Hi"'],
      ]),
    );
    expect(parseTitles('movieId,title,genres\n1,Toy Story (1995),Animation|Comedy\n').get('1')).toBe('Toy Story (1995)');
    expect(parseTitles('1::Toy Story (1995)::Animation\n2::Jumanji (1995)::Adventure\n').get('2')).toBe('Jumanji (1995)');
    expect(parseTitles('1|Toy Story (1995)|01-Jan-1995||http://x|0|0\n').get('1')).toBe('Toy Story (1995)');
  });

  it('decode Latin-1 files (u.item) and name the line of a row without a title', () => {
    expect(parseTitles(decodeTitles(Uint8Array.from([0x31, 0x7c, 0x43, 0x61, 0x66, 0xe9, 0x7c]))).get('1')).toBe('Café');
    expect(() => parseTitles('1,Alien\n2\n')).toThrow(/line 2/);
  });
});

describe('--metrics', () => {
  it('reads rmse, mae and p@k, r@k, map@k, ndcg@k, and names a wrong entry', () => {
    expect(parseMetricList('p@10, ndcg@5,rmse').map((m) => [m.name, m.k])).toEqual([
      ['precision', 10],
      ['ndcg', 5],
      ['rmse', null],
    ]);
    expect(() => parseMetricList('p@0')).toThrow(/"p@0" is not a metric/);
    expect(() => parseMetricList('auc')).toThrow(/"auc"/);
  });
});

describe('npm run als', () => {
  it('ALS-WR with held-out RMSE, MAE and precision@5 beside their baselines, and recommendations by title', () => {
    const titles = join(dir, 'titles.csv');
    writeFileSync(titles, `id,title\n${train.itemIds.map((id, j) => `${id},"Film ${j}, The"`).join('\n')}\n`);
    const run = als(
      '--ratings',
      ratings,
      '--test',
      held,
      '--variant',
      'wr',
      '--factors',
      '4',
      '--iterations',
      '3',
      '--metrics',
      'rmse,mae,p@5',
      '--recommend',
      train.userIds[0]!,
      '--top',
      '3',
      '--titles',
      titles,
      '--json',
    );
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.variant).toBe('wr');
    expect(out.metrics.map((m: { label: string }) => m.label)).toEqual(['rmse', 'mae', 'p@5']);
    expect(Object.keys(out.metrics[0].baselines)).toEqual([
      'global mean μ',
      'each user’s mean rating',
      'each item’s mean rating',
      'μ + user bias + item bias',
    ]);
    expect(Object.keys(out.metrics[2].baselines)).toEqual(['popularity']);
    expect(out.recommendations.items).toHaveLength(3);
    expect(out.recommendations.items[0].title).toMatch(/^Film \d+, The$/);
  });

  it('the biases variant in text mode: the held-out RMSE beside the baselines', () => {
    const run = als(
      '--ratings',
      ratings,
      '--test',
      held,
      '--variant',
      'biases',
      '--lambda',
      '5',
      '--factors',
      '3',
      '--iterations',
      '2',
      '--metrics',
      'rmse',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/explicit ALS \(biases\)/);
    expect(run.stdout).toMatch(/held-out metrics/);
    expect(run.stdout).toMatch(/rmse\s+\d\.\d{4}\s+\| global mean μ/);
  });

  it('--export-code prints a script for the same files and settings', () => {
    const run = als('--ratings', ratings, '--variant', 'wr', '--lambda', '0.05', '--factors', '6', '--export-code', 'numpy');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('VARIANT = "wr"');
    expect(run.stdout).toContain('LAMBDA = 0.05');
    expect(run.stdout).toContain(`RATINGS = ${JSON.stringify(ratings)}`);
  });

  it('refuses wrong options, saying why', () => {
    for (const [args, message] of [
      [['--variant', 'svd'], /--variant must be lecture, wr, biases/],
      [['--mode', 'implicit', '--variant', 'biases'], /explicit ratings only/],
      [['--metrics', 'p@10'], /needs held-out ratings/],
      [['--metrics', 'p@0', '--test', held], /"p@0" is not a metric/],
      [['--solver', 'newton'], /--solver must be exact, cg/],
      [['--cg-steps', '0'], /--cg-steps must be a whole number ≥ 1/],
      [['--export-code', 'r'], /--export-code must be spark, implicit, numpy, cli/],
    ] as const) {
      expect(() => readSettings(['--ratings', ratings, ...args]), args.join(' ')).toThrow(UsageError);
      expect(() => readSettings(['--ratings', ratings, ...args]), args.join(' ')).toThrow(message);
    }
    expect(readSettings(['--ratings', ratings, '--variant', 'wr', '--solver', 'cg']).als).toEqual({
      variant: 'wr',
      lambda: 0.1,
      solver: 'cg',
      cgSteps: 3,
    });
  });

  it('prints the usage with exit code 2 for a wrong option, and exit code 1 for an unknown user', () => {
    const wrong = als('--ratings', ratings, '--variant', 'svd');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--variant must be lecture, wr, biases/);
    expect(wrong.stderr).toMatch(/usage: npm run als/);
    const missing = als('--ratings', ratings, '--recommend', 'nobody');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no user "nobody"/);
  });
});
