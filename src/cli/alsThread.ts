/** A worker thread of {@link ParallelAls}: solves the row ranges it is sent, in shared memory. */
import { parentPort, workerData } from 'node:worker_threads';
import { solveRowRange, wasmKernelActive, type AlsSettings, type Factors, type Problem, type Side } from '../core';

const { problem, factors } = workerData as { problem: Problem; factors: Factors };

// Compile the WebAssembly kernel before saying ready, so the first half-step does not pay for it.
wasmKernelActive();
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (job: { side: Side; settings: AlsSettings; from: number; to: number }) => {
  try {
    parentPort!.postMessage({ ok: true, result: solveRowRange(problem, factors, job.side, job.settings, job.from, job.to) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
