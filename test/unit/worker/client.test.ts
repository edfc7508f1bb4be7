/**
 * The worker client: replies of an older generation are dropped, and a worker that reports
 * an error or stops answering is replaced, with what was pending rejected and the
 * subscribers told — the store then sends R and the run again (see the store's tests).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inlinePort, LabClient, type Port } from '../../../src/worker/client';
import type { Envelope, Reply } from '../../../src/worker/protocol';

/** A port the test answers by hand. */
function manualPort() {
  const sent: Envelope[] = [];
  const port: Port & { sent: Envelope[]; reply(r: Reply): void; terminated: boolean } = {
    sent,
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (envelope) => void sent.push(envelope),
    terminate() {
      port.terminated = true;
    },
    reply: (r) => port.onmessage?.({ data: r } as MessageEvent<Reply>),
  };
  return port;
}

const clients: LabClient[] = [];
afterEach(() => {
  clients.splice(0).forEach((c) => c.dispose());
  vi.useRealTimers();
});

function client(...args: ConstructorParameters<typeof LabClient>) {
  const c = new LabClient(...args);
  clients.push(c);
  return c;
}

describe('generations', () => {
  it('drops a broadcast reply of an older generation and delivers the current one', () => {
    const port = manualPort();
    const c = client(port);
    const seen: Reply[] = [];
    c.subscribe((r) => seen.push(r));
    const id = c.send({ type: 'step' });
    const old = c.generation;
    c.newGeneration();
    port.reply({ type: 'snapshot', id, generation: old, snapshots: [] });
    expect(seen).toEqual([]);
    port.reply({ type: 'snapshot', id, generation: c.generation, snapshots: [] });
    expect(seen).toHaveLength(1);
  });

  it('answers a request by its id whatever the generation (a trace asked before a reset still resolves)', async () => {
    const port = manualPort();
    const c = client(port);
    const pending = c.compareConfidence(10, 5);
    const { id, generation } = port.sent[0]!;
    c.newGeneration();
    port.reply({ type: 'comparison', id, generation, comparison: { lecture: null, paper: null } as never });
    await expect(pending).resolves.toEqual({ lecture: null, paper: null });
  });
});

describe('a worker that dies is replaced', () => {
  it('restarts on an error event, rejects what was pending and tells subscribers', async () => {
    const ports: ReturnType<typeof manualPort>[] = [];
    const c = client(() => {
      const p = manualPort();
      ports.push(p);
      return p;
    });
    const told: Reply[] = [];
    c.subscribe((r) => told.push(r));
    const pending = c.trace('users', 0);
    ports[0]!.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    await expect(pending).rejects.toThrow('The model worker was restarted: it reported an error (boom).');
    expect(told).toEqual([{ type: 'restarted', id: 0, generation: 0, reason: 'it reported an error (boom)' }]);
    expect(ports[0]!.terminated).toBe(true);
    c.send({ type: 'init' });
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent.map((e) => e.request.type)).toEqual(['init']);
    expect(c.restarts).toBe(1);
  });

  it('restarts a worker that stops answering, after its patience', () => {
    vi.useFakeTimers();
    const ports: ReturnType<typeof manualPort>[] = [];
    const c = client(
      () => {
        const p = manualPort();
        ports.push(p);
        return p;
      },
      { patienceMs: 1000 },
    );
    const told: Reply[] = [];
    c.subscribe((r) => told.push(r));
    c.send({ type: 'step' });
    vi.advanceTimersByTime(900);
    expect(told).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(told.map((r) => r.type)).toEqual(['restarted']);
    expect(told[0]).toMatchObject({ reason: 'it stopped answering for 1 s' });
  });

  it('does not restart a worker that answers, nor one that is only idle', () => {
    vi.useFakeTimers();
    const port = manualPort();
    const c = client(port, { patienceMs: 1000 });
    const told: Reply[] = [];
    c.subscribe((r) => told.push(r));
    const id = c.send({ type: 'step' });
    vi.advanceTimersByTime(800);
    port.reply({ type: 'snapshot', id, generation: 0, snapshots: [] });
    vi.advanceTimersByTime(10_000);
    expect(told.map((r) => r.type)).toEqual(['snapshot']);
    expect(c.restarts).toBe(0);
  });

  it('gives long requests (sweeps, builds) more patience, and progress keeps a build alive', async () => {
    vi.useFakeTimers();
    const port = manualPort();
    const c = client(port, { patienceMs: 1000, longPatienceMs: 5000 });
    const phases: string[] = [];
    const build = c.buildDataset({ kind: 'preset', preset: 'ml100k' }, (phase) => phases.push(phase));
    vi.advanceTimersByTime(4000);
    port.reply({ type: 'progress', id: build.id, generation: 0, phase: 'generating', done: 0, total: 1 });
    vi.advanceTimersByTime(4000);
    expect(c.restarts).toBe(0);
    expect(phases).toEqual(['generating']);
    vi.advanceTimersByTime(2000);
    expect(c.restarts).toBe(1);
    await expect(build.result).rejects.toThrow(/restarted/);
  });
});

describe('the inline port (no module workers)', () => {
  it('runs the dispatcher and answers every request, pause included', async () => {
    const c = client(inlinePort());
    const seen: Reply[] = [];
    c.subscribe((r) => seen.push(r));
    c.send({ type: 'pause' });
    await vi.waitFor(() => expect(seen.map((r) => r.type)).toEqual(['ack']));
  });
});
