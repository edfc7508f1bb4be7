/**
 * The worker's density and cut questions: answered on R as loaded, held-out cells included
 * (they are known cells of R), orders by the model's factors once it has them, and cuts that
 * agree with the core's topCut and denseCore.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseCore, ratingsFromTriples, topCut } from '../../../src/core';
import { createDispatcher } from '../../../src/worker/dispatcher';
import { cutOf, knownIn, mergeRows } from '../../../src/worker/densityQueries';
import type { Envelope, Reply } from '../../../src/worker/protocol';
import { labDataFromDense, toProblemSpec } from '../../../src/state/labData';
import { DEFAULT_SETTINGS } from '../../../src/state/presets';

function harness() {
  const replies: Reply[] = [];
  const dispatch = createDispatcher((reply) => replies.push(reply));
  let id = 0;
  const send = (request: Envelope['request']) => {
    dispatch({ id: ++id, generation: 1, request });
    return replies.filter((r) => r.id === id);
  };
  return { send };
}

// 3 users × 4 items; u2 × i3 (the 9) is held out.
const data = labDataFromDense({
  mode: 'explicit',
  userIds: ['a', 'b', 'c'],
  itemIds: ['w', 'x', 'y', 'z'],
  cells: [
    [1, null, null, 2],
    [null, null, null, null],
    [3, 4, 5, 9],
  ],
  scale: { min: 0, max: 10 },
  heldOut: [[2, 3]],
});

describe('the density view in the worker', () => {
  it('bins R as loaded, held-out cells included, most active first', () => {
    const h = harness();
    h.send({ type: 'load', spec: toProblemSpec(data), settings: DEFAULT_SETTINGS, keepFactors: false });
    const [reply] = h.send({
      type: 'density',
      query: { rows: { kind: 'activity' }, cols: { kind: 'activity' }, region: null, maxRows: 10, maxCols: 10 },
    });
    if (reply?.type !== 'density') throw new Error(`expected density, got ${JSON.stringify(reply)}`);
    expect([...reply.rowOrder]).toEqual([2, 0, 1]);
    // i0 and i3 have 2 ratings each (i3's second is the held-out 9), then i1, i2.
    expect([...reply.colOrder]).toEqual([0, 3, 1, 2]);
    expect([...reply.bins.count]).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect([...reply.bins.sum]).toEqual([3, 9, 4, 5, 1, 2, 0, 0, 0, 0, 0, 0]);
    expect(reply.region).toEqual({ r0: 0, r1: 3, c0: 0, c1: 4 });
  });

  it('orders by a latent factor of the model, and says why it cannot before data is loaded', () => {
    const h = harness();
    const [none] = h.send({
      type: 'density',
      query: { rows: { kind: 'factor', k: 0 }, cols: { kind: 'original' }, region: null, maxRows: 4, maxCols: 4 },
    });
    expect(none).toMatchObject({ type: 'error', message: 'No data is loaded yet.' });
    const [snap] = h.send({ type: 'load', spec: toProblemSpec(data), settings: DEFAULT_SETTINGS, keepFactors: false });
    if (snap?.type !== 'snapshot') throw new Error('expected a snapshot');
    const s = snap.snapshots[0]!;
    const [reply] = h.send({
      type: 'density',
      query: { rows: { kind: 'factor', k: 1 }, cols: { kind: 'factor', k: 1 }, region: null, maxRows: 4, maxCols: 4 },
    });
    if (reply?.type !== 'density') throw new Error('expected density');
    const u = (i: number) => s.U![i * s.d + 1]!;
    for (let k = 1; k < 3; k++) expect(u(reply.rowOrder[k - 1]!)).toBeGreaterThanOrEqual(u(reply.rowOrder[k]!));
    const [bad] = h.send({
      type: 'density',
      query: { rows: { kind: 'factor', k: 99 }, cols: { kind: 'original' }, region: null, maxRows: 4, maxCols: 4 },
    });
    expect(bad).toMatchObject({ type: 'error', message: expect.stringMatching(/Factor 100 does not exist/) });
  });

  it('chooses cuts: top users × items and minimum counts, with the known cells between them', () => {
    const h = harness();
    h.send({ type: 'load', spec: toProblemSpec(data), settings: DEFAULT_SETTINGS, keepFactors: false });
    const [top] = h.send({ type: 'cut', spec: { kind: 'top', users: 1, items: 2 } });
    expect(top).toMatchObject({ type: 'cut', known: 2 });
    if (top?.type !== 'cut') throw new Error('expected a cut');
    expect([...top.users, -1, ...top.items]).toEqual([2, -1, 0, 3]);
    const [min] = h.send({ type: 'cut', spec: { kind: 'min', perUser: 2, perItem: 2 } });
    if (min?.type !== 'cut') throw new Error('expected a cut');
    expect([...min.users, -1, ...min.items]).toEqual([0, 2, -1, 0, 3]);
    expect(min.known).toBe(4);
    const [bad] = h.send({ type: 'cut', spec: { kind: 'min', perUser: 1.5, perItem: 2 } });
    expect(bad).toMatchObject({ type: 'error', message: 'A cut needs whole numbers ≥ 0.' });
  });
});

describe('merging training and held-out rows', () => {
  it('gives back every entry once, columns sorted, for any split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ i: fc.nat(5), j: fc.nat(6), v: fc.integer({ min: 1, max: 5 }), held: fc.boolean() }), {
          maxLength: 40,
        }),
        (cells) => {
          const seen = new Map(cells.map((c) => [`${c.i},${c.j}`, c]));
          const all = [...seen.values()];
          const build = (list: typeof all) => {
            const R = ratingsFromTriples(
              6,
              7,
              list.map((c) => ({ user: c.i, item: c.j, value: c.v })),
            );
            return { ptr: R.userPtr, col: R.userCol, val: R.userVal };
          };
          const merged = mergeRows(6, build(all.filter((c) => !c.held)), build(all.filter((c) => c.held)));
          const whole = build(all);
          expect([...merged.ptr]).toEqual([...whole.ptr]);
          expect([...merged.col]).toEqual([...whole.col]);
          expect([...merged.val]).toEqual([...whole.val]);
        },
      ),
    );
  });

  it('cutOf agrees with the core and counts the known cells between users and items', () => {
    const R = ratingsFromTriples(3, 3, [
      { user: 0, item: 0, value: 1 },
      { user: 1, item: 0, value: 2 },
      { user: 1, item: 1, value: 3 },
      { user: 2, item: 2, value: 4 },
    ]);
    const top = cutOf(R, { kind: 'top', users: 2, items: 1 });
    expect({ users: [...top.users], items: [...top.items] }).toEqual({
      users: [...topCut(R, 2, 1).users],
      items: [...topCut(R, 2, 1).items],
    });
    expect(top.known).toBe(2);
    expect(cutOf(R, { kind: 'min', perUser: 1, perItem: 1 }).users).toEqual(denseCore(R, 1, 1).users);
    expect(knownIn(R, { users: Int32Array.of(2), items: Int32Array.of(0, 1) })).toBe(0);
  });
});
