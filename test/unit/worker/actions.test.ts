/**
 * The one grammar of a run's actions: what the store records, the worker replays and a link
 * or the browser's saved copy writes. A run with row solves ("write uᵢ into U") must read
 * back as it was written — the bug that made such links and saved labs refuse to open.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRun, encodeRun, rowOutside, sameRun, type RunAction } from '../../../src/worker/actions';

const U = (index: number): RunAction => ({ kind: 'row', side: 'users', index });
const I = (index: number): RunAction => ({ kind: 'row', side: 'items', index });
const u: RunAction = { kind: 'als', side: 'users' };
const i: RunAction = { kind: 'als', side: 'items' };
const g: RunAction = { kind: 'gd', sides: 'both' };
const p: RunAction = { kind: 'gd', sides: 'users' };
const q: RunAction = { kind: 'gd', sides: 'items' };

function read(text: string): RunAction[] {
  const run = decodeRun(text);
  if (!run.ok) throw new Error(run.error);
  return run.actions;
}

/** Every action the app can record: ALS half-steps, gradient steps on both or one side, row solves. */
export const anyAction = (maxRow = 2000): fc.Arbitrary<RunAction> =>
  fc.oneof(fc.constantFrom(u, i, g, p, q), fc.nat(maxRow).map(U), fc.nat(maxRow).map(I));

describe('writing runs', () => {
  it('repeats compress; row solves are tokens like U0 and I12', () => {
    expect(encodeRun([])).toBe('');
    expect(encodeRun([u, i])).toBe('ui');
    expect(encodeRun([u, i, u, i])).toBe('ui*2');
    expect(encodeRun(Array.from({ length: 25 }, () => [u, i]).flat())).toBe('ui*25');
    expect(encodeRun([u, u, i, u, i, u, i])).toBe('u.ui*3');
    expect(encodeRun([...Array.from({ length: 100 }, () => g), p, q])).toBe('g*100.pq');
    expect(encodeRun([u, i, U(0)])).toBe('uiU0');
    expect(encodeRun([U(3), U(3), U(3), I(12)])).toBe('U3*3.I12');
  });

  it('reads what it writes, and the form older versions saved (“uiU0.”)', () => {
    expect(read('u.ui*3')).toEqual([u, u, i, u, i, u, i]);
    expect(read('uiU0.')).toEqual([u, i, U(0)]);
    expect(read('ui*3.U0.i')).toEqual([u, i, u, i, u, i, U(0), i]);
    expect(read('U12I3u')).toEqual([U(12), I(3), u]);
  });

  it('refuses what is not a run, in words', () => {
    expect(decodeRun('uix')).toEqual({
      ok: false,
      error: 'its run has an unknown action at “x” (the actions are u, i, g, p, q, U<k> and I<k>)',
    });
    expect(decodeRun('ui*')).toMatchObject({ ok: false, error: expect.stringContaining('not a group of actions like ui*3') });
    expect(decodeRun('*3')).toMatchObject({ ok: false });
    expect(decodeRun('U')).toMatchObject({ ok: false });
    expect(decodeRun('U1234567')).toMatchObject({ ok: false });
    expect(decodeRun('ui*9999999')).toEqual({ ok: false, error: 'its run has more than 100,000 actions' });
  });

  it('says when a row solve names a row the matrix does not have', () => {
    expect(rowOutside([u, U(3)], 4, 6)).toBeNull();
    expect(rowOutside([U(4)], 4, 6)).toBe('its run solves user 5, but there are 4 users');
    expect(rowOutside([I(0)], 4, 1)).toBeNull();
    expect(rowOutside([I(1)], 4, 1)).toBe('its run solves item 2, but there is 1 items');
  });

  it('decode(encode(run)) is the run, for every action the app records (property)', () => {
    const runs = fc.oneof(
      fc.array(anyAction(), { maxLength: 60 }),
      fc
        .array(fc.tuple(fc.array(anyAction(50), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 40 })), {
          maxLength: 6,
        })
        .map((groups) => groups.flatMap(([pattern, k]) => Array.from({ length: k }, () => pattern).flat())),
    );
    fc.assert(
      fc.property(runs, (run) => {
        const text = encodeRun(run);
        expect(read(text)).toEqual(run);
        expect(sameRun(read(text), run)).toBe(true);
        expect(text).toMatch(/^[uigpqUI0-9*.]*$/);
      }),
      { numRuns: 1000, seed: 12 },
    );
  });
});
