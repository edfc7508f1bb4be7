/**
 * The dispatcher on its own: every request answered, data sets built with progress and
 * handed over as transferable buffers (ML-1M's shape: 6,040 × 3,706, a million ratings),
 * a build cancelled at its checkpoint, and a large model's UVᵀ sampled in the worker.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/worker/dispatcher';
import type { Envelope, Reply } from '../../../src/worker/protocol';
import { toProblemSpec } from '../../../src/state/labData';
import { DEFAULT_SETTINGS, lectureR } from '../../../src/state/presets';

function harness() {
  const replies: { reply: Reply; transfer: ArrayBuffer[] }[] = [];
  const dispatch = createDispatcher((reply, transfer) => replies.push({ reply, transfer }));
  let id = 0;
  const send = (request: Envelope['request']) => {
    dispatch({ id: ++id, generation: 1, request });
    return id;
  };
  const until = async (done: () => boolean, ms = 60_000) => {
    const start = Date.now();
    while (!done()) {
      if (Date.now() - start > ms) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { replies, send, until };
}

describe('building data sets in the worker', () => {
  it('builds ML-1M’s shape (a million ratings), reports progress, and transfers its buffers', async () => {
    const h = harness();
    const id = h.send({
      type: 'buildDataset',
      recipe: { kind: 'synthetic', users: 6040, items: 3706, ratings: 1_000_209, seed: 1 },
    });
    await h.until(() => h.replies.some((r) => r.reply.id === id && r.reply.type !== 'progress'));
    const progress = h.replies.filter((r) => r.reply.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const done = h.replies.find((r) => r.reply.type === 'dataset')!;
    if (done.reply.type !== 'dataset') throw new Error('expected a data set');
    const R = done.reply.dataset.ratings;
    expect([R.m, R.n, R.nnz]).toEqual([6040, 3706, 1_000_209]);
    expect(done.reply.key).toMatch(/^[0-9a-f]{64}$/);
    // Every typed array travels by transfer, each buffer once.
    const buffers = [R.userPtr, R.userCol, R.userVal, R.itemPtr, R.itemRow, R.itemVal, R.itemToUserPos].map((a) => a.buffer);
    for (const b of buffers) expect(done.transfer).toContain(b);
    expect(new Set(done.transfer).size).toBe(done.transfer.length);
  }, 60_000);

  it('a cancelled build answers with cancelled: true and no data set', async () => {
    const h = harness();
    const id = h.send({ type: 'buildDataset', recipe: { kind: 'preset', preset: 'ml100k' } });
    const cancel = h.send({ type: 'cancel', target: id });
    await h.until(() => h.replies.some((r) => r.reply.id === id && r.reply.type === 'error'));
    expect(h.replies.find((r) => r.reply.id === id && r.reply.type === 'error')!.reply).toMatchObject({ cancelled: true });
    expect(h.replies.some((r) => r.reply.type === 'dataset')).toBe(false);
    expect(h.replies.find((r) => r.reply.id === cancel)!.reply.type).toBe('ack');
  });

  it('refuses a recipe it cannot build, in words', async () => {
    const h = harness();
    const id = h.send({ type: 'buildDataset', recipe: { kind: 'synthetic', users: 2, items: 2, ratings: 5, seed: 1 } });
    await h.until(() => h.replies.some((r) => r.reply.id === id && r.reply.type === 'error'));
    expect(h.replies.at(-1)!.reply).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/Cannot generate 5 ratings for 2 × 2/),
    });
  });
});

describe('every request is answered', () => {
  it('load, step, pause (ack) and a large model’s sampled UVᵀ', async () => {
    const h = harness();
    h.send({ type: 'load', spec: toProblemSpec(lectureR()), settings: DEFAULT_SETTINGS, keepFactors: false });
    const pause = h.send({ type: 'pause' });
    expect(h.replies.find((r) => r.reply.id === pause)!.reply.type).toBe('ack');
    const first = h.replies[0]!.reply;
    expect(first.type === 'snapshot' && first.snapshots[0]!.product).toBeNull();
  });
});
