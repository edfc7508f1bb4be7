/**
 * What the counter and the labels count, in the solver's words: ALS iterations and
 * half-steps ("iteration 2 · half-step 4"), gradient steps, or both; the convergence message
 * under gradient descent does not speak of ALS.
 */
import { describe, expect, it } from 'vitest';
import type { StepKind } from '../../../src/worker/protocol';
import { countSteps, iterationOf, stepText, stepWords } from '../../../src/views/Controls/stepWords';
import { xAxisWords } from '../../../src/views/LossChart/axisWords';
import { statusText } from '../../../src/views/common/statusText';

const run = (...kinds: StepKind[]) => kinds.map((kind, step) => ({ kind, step }));

describe('the step counter', () => {
  it('ALS: a Step is one iteration, two half-steps', () => {
    const t = run('init', 'users', 'items', 'users', 'items');
    expect(stepText(stepWords(countSteps(t, 4, 'als'), 'als'))).toBe('iteration 2 · half-step 4');
    expect(stepText(stepWords(countSteps(t, 3, 'als'), 'als'))).toBe('iteration 2 · half-step 3');
    expect(stepText(stepWords(countSteps(t, 0, 'als'), 'als'))).toBe('iteration 0 · half-step 0');
    expect([0, 1, 2, 3, 4].map(iterationOf)).toEqual([0, 1, 1, 2, 2]);
  });

  it('gradient descent counts gradient steps', () => {
    const t = run('init', 'gd', 'gd', 'gd');
    expect(stepText(stepWords(countSteps(t, 3, 'gd'), 'gd'))).toBe('gradient step 3');
    expect(stepText(stepWords(countSteps(run('init'), 0, 'gd'), 'gd'))).toBe('gradient step 0');
  });

  it('a mixed run says how many of each; edits in between count nothing', () => {
    const t = run('init', 'users', 'items', 'update', 'gd', 'row');
    // The update entry repeats step 2; the gd and the row solve are steps 3 and 4 in the worker's count.
    const entries = t.map((e, k) => ({ ...e, step: [0, 1, 2, 2, 3, 4][k]! }));
    expect(stepText(stepWords(countSteps(entries, 5, 'als'), 'als'))).toBe('step 4 (2 half-steps, 1 gradient step, 1 row solve)');
  });

  it('a timeline whose start was dropped counts the missing steps as the solver’s', () => {
    const entries = [
      { kind: 'users' as StepKind, step: 501 },
      { kind: 'items' as StepKind, step: 502 },
    ];
    expect(countSteps(entries, 1, 'als')).toMatchObject({ total: 502, halfSteps: 502 });
  });
});

describe('labels that fit the solver', () => {
  it('the loss chart’s x-axis', () => {
    expect(xAxisWords(['init', 'users', 'items'], 'als').long).toBe('ALS half-steps (2 per iteration)');
    expect(xAxisWords(['init', 'gd'], 'gd').long).toBe('gradient steps');
    expect(xAxisWords(['init'], 'gd').long).toBe('gradient steps');
    expect(xAxisWords(['init', 'users', 'gd'], 'gd').long).toBe('actions (ALS half-steps and gradient steps)');
  });

  it('the convergence message', () => {
    const text =
      'Converged: a full step changed the loss by less than one part in a billion, so ALS has reached a fixed point. Reset to start again from the seed.';
    expect(statusText(text, 'als')).toBe(text);
    expect(statusText(text, 'gd')).not.toContain('ALS');
    expect(statusText(text, 'gd')).toContain('gradient descent has settled');
  });
});
