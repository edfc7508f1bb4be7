/**
 * The WebAssembly row kernel: its bytes are the compiled alsKernel.wat (so the text is the
 * source of truth), and it solves every row as the TypeScript kernel does, singular rows included.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernel, kernelSource, TS_PATH } from '../../../src/cli/buildWasm';
import {
  alsHalfStep,
  cloneFactors,
  explicitProblem,
  factorsFromArrays,
  implicitFromObservations,
  implicitProblem,
  movieLensShaped,
  initFactors,
  ratingsFromDense,
  useWasmKernel,
  wasmKernelActive,
  type AlsOptions,
  type Side,
} from '../../../src/core';
import { expectVectorClose, smallProblemArb } from './helpers';

describe('the WebAssembly kernel', () => {
  it('is the compiled alsKernel.wat (run npm run build:wasm after editing it)', async () => {
    expect(readFileSync(TS_PATH, 'utf8')).toBe(kernelSource(await compileKernel()));
  });

  it('loads here (Node has WebAssembly with SIMD)', () => {
    expect(wasmKernelActive()).toBe(true);
  });

  it('solves each row as the TypeScript kernel does (even d, every variant, both modes, exact and CG, λ = 0 too)', () => {
    fc.assert(
      fc.property(
        smallProblemArb({ minLambda: 0 }),
        fc.boolean(),
        fc.constantFrom<Partial<AlsOptions>>({ variant: 'lecture' }, { variant: 'wr' }, { variant: 'biases' }),
        fc.constantFrom<Side>('users', 'items'),
        fc.boolean(),
        fc.constantFrom<Partial<AlsOptions>>({ solver: 'exact' }, { solver: 'cg', cgSteps: 1 }, { solver: 'cg', cgSteps: 3 }),
        ({ R, U, V, lambda }, implicit, v, side, zeroLambda, solver) => {
          const ratings = ratingsFromDense(R);
          const problem = implicit ? implicitProblem(implicitFromObservations(ratings, 3)) : explicitProblem(ratings);
          if (implicit && v.variant === 'biases') return;
          // λ = 0 only for the exact solve: CG on a singular system amplifies rounding differences.
          const exact = solver.solver === 'exact';
          const options = { ...v, ...solver, lambda: exact ? (zeroLambda ? 0 : lambda) : Math.max(lambda, 0.05) };
          const F = factorsFromArrays(U, V);
          const viaWasm = cloneFactors(F);
          const viaTs = cloneFactors(F);
          const a = alsHalfStep(problem, viaWasm, side, options);
          const before = useWasmKernel(false);
          const b = alsHalfStep(problem, viaTs, side, options);
          useWasmKernel(before);
          expect(a.singular.map((s) => s.index)).toEqual(b.singular.map((s) => s.index));
          expectVectorClose(viaWasm.U, viaTs.U, 1e-9, 'U');
          expectVectorClose(viaWasm.V, viaTs.V, 1e-9, 'V');
          if (viaTs.biases) expectVectorClose(viaWasm.biases!.user, viaTs.biases.user, 1e-9, 'b');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on ML-100k-shaped data (d = 10 and 32): the same half-steps as TypeScript', () => {
    const R = movieLensShaped();
    for (const [problem, d] of [
      [explicitProblem(R), 10],
      [implicitProblem(implicitFromObservations(R, 40)), 32],
    ] as const) {
      const F = initFactors(R.m, R.n, d, { seed: 1, scale: 0.1 });
      const G = cloneFactors(F);
      alsHalfStep(problem, F, 'users', 0.1);
      alsHalfStep(problem, F, 'items', 0.1);
      const before = useWasmKernel(false);
      alsHalfStep(problem, G, 'users', 0.1);
      alsHalfStep(problem, G, 'items', 0.1);
      useWasmKernel(before);
      expectVectorClose(F.V, G.V, 1e-9, `V, d = ${d}`);
    }
  });
});
