/**
 * The exact row solve in WebAssembly (SIMD): the same normal equations and the same steps as the
 * TypeScript kernel in als.ts, two entries per SIMD lane pair and without bounds checks or a JIT
 * warm-up, about 2–3× faster (see `npm run bench`). Used for even system sizes when WebAssembly
 * is available (browsers, workers, Node); otherwise the TypeScript kernel runs. The kernel's
 * source is wasm/alsKernel.wat.
 */
import type { SideSystem } from './als';
import { ALS_KERNEL_BASE64 } from './wasm/alsKernel';

interface KernelMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface KernelExports {
  memory: KernelMemory;
  solve(
    D: number,
    rows: number,
    ptr: number,
    other: number,
    y: number,
    w: number,
    fixed: number,
    base: number,
    lam: number,
    lambda: number,
    target: number,
    work: number,
    kpmax: number,
    sing: number,
  ): number;
  cg(
    D: number,
    rows: number,
    ptr: number,
    other: number,
    y: number,
    w: number,
    fixed: number,
    base: number,
    lam: number,
    lambda: number,
    target: number,
    work: number,
    steps: number,
  ): void;
}

/** The few WebAssembly constructors the kernel needs (typed here: the core is built without DOM or Node types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let kernel: KernelExports | null | undefined;

/** Rows per call into the kernel (see solveRowsWasm). */
const WASM_CHUNK = 64;
let enabled = true;

function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of clean) {
    value = (value << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

function loadKernel(): KernelExports | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  try {
    const module = new api.Module(decodeBase64(ALS_KERNEL_BASE64));
    return new api.Instance(module, {}).exports as KernelExports;
  } catch {
    // No SIMD or no WebAssembly: the TypeScript kernel solves every row.
    return null;
  }
}

/** Turns the WebAssembly kernel on or off (benchmarks and tests compare the two); returns the previous setting. */
export function useWasmKernel(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

/** Whether exact solves of even-sized systems run in WebAssembly. */
export function wasmKernelActive(): boolean {
  if (!enabled) return false;
  if (kernel === undefined) kernel = loadKernel();
  return kernel !== null;
}

/** Byte offsets of one call's arrays in the kernel's memory. */
interface Layout {
  fixed: number;
  base: number;
  lam: number;
  y: number;
  w: number;
  target: number;
  work: number;
  ptr: number;
  other: number;
  sing: number;
  end: number;
}

function layout(sys: SideSystem, count: number, entries: number, workBytes: number): Layout {
  const D = sys.D;
  let at = 16;
  const take = (bytes: number) => {
    const start = at;
    at = (at + bytes + 15) & ~15;
    return start;
  };
  const fixed = take(sys.otherRows * D * 8);
  const base = sys.base ? take(D * D * 8) : 0;
  const lam = sys.rowLambda ? take(count * 8) : 0;
  const y = take(entries * 8);
  const w = sys.weights ? take(entries * 8) : 0;
  const target = take(count * D * 8);
  const work = take(workBytes);
  const ptr = take((count + 1) * 4);
  const other = take(entries * 4);
  const sing = take(count * 4);
  return { fixed, base, lam, y, w, target, work, ptr, other, sing, end: at };
}

/** One call's rows copied into the kernel's memory. */
interface Prepared {
  k: KernelExports;
  L: Layout;
  count: number;
  /** The longest row's entry count, rounded up to even. */
  kpmax: number;
  rowAt: (q: number) => number;
  i32: Int32Array;
  f64: Float64Array;
}

/**
 * Copies the rows to solve (from..to-1, or list[from..to)) into the kernel's memory: the fixed
 * rows, base, per-row λ, each row's entries (indices, targets, weights) and current value.
 */
function prepare(
  sys: SideSystem,
  list: readonly number[] | null,
  from: number,
  to: number,
  work: (kpmax: number) => number,
): Prepared {
  const k = kernel!;
  const D = sys.D;
  const count = to - from;
  const rowAt = (q: number) => (list ? list[from + q]! : from + q);
  let entries = 0;
  let kpmax = 2;
  for (let q = 0; q < count; q++) {
    const r = rowAt(q);
    const len = sys.ptr[r + 1]! - sys.ptr[r]!;
    entries += len;
    kpmax = Math.max(kpmax, (len + 1) & ~1);
  }
  const L = layout(sys, count, entries, work(kpmax));
  const pages = Math.ceil(L.end / 65536) - k.memory.buffer.byteLength / 65536;
  if (pages > 0) k.memory.grow(pages);
  const f64 = new Float64Array(k.memory.buffer);
  const i32 = new Int32Array(k.memory.buffer);
  f64.set(sys.fixed.subarray(0, sys.otherRows * D), L.fixed / 8);
  if (sys.base) f64.set(sys.base, L.base / 8);
  let e = 0;
  i32[L.ptr / 4] = 0;
  for (let q = 0; q < count; q++) {
    const r = rowAt(q);
    const s = sys.ptr[r]!;
    const len = sys.ptr[r + 1]! - s;
    if (sys.rowLambda) f64[L.lam / 8 + q] = sys.rowLambda[r]!;
    f64.set(sys.target.subarray(r * D, r * D + D), L.target / 8 + q * D);
    i32.set(sys.other.subarray(s, s + len), L.other / 4 + e);
    f64.set(sys.y.subarray(s, s + len), L.y / 8 + e);
    if (sys.weights) f64.set(sys.weights.subarray(s, s + len), L.w / 8 + e);
    e += len;
    i32[L.ptr / 4 + q + 1] = e;
  }
  return { k, L, count, kpmax, rowAt, i32, f64 };
}

/** Copies the solved rows back into sys.target. */
function writeBack(sys: SideSystem, { L, count, rowAt, f64 }: Prepared): void {
  const D = sys.D;
  for (let q = 0; q < count; q++) sys.target.set(f64.subarray(L.target / 8 + q * D, L.target / 8 + q * D + D), rowAt(q) * D);
}

/**
 * Solves rows of a side system exactly in WebAssembly (D even): rows from..to-1, or list[from..to)
 * when a list is given. Solved rows are written into sys.target; singular rows keep their values
 * and are returned (their indices). Returns null when the kernel is not available.
 */
export function solveRowsWasm(sys: SideSystem, list: readonly number[] | null, from: number, to: number): number[] | null {
  if (sys.D % 2 !== 0 || !wasmKernelActive()) return null;
  const D = sys.D;
  const prepared = prepare(sys, list, from, to, (kpmax) => (2 * D * kpmax + kpmax + D * D + D) * 8);
  const { k, L, count, kpmax, rowAt, i32 } = prepared;
  // Rows go to the kernel in chunks: a WebAssembly function is re-compiled by the optimising tier
  // only between calls, so short calls let the first half-step switch to fast code early on.
  const singular: number[] = [];
  for (let q0 = 0; q0 < count; q0 += WASM_CHUNK) {
    const rows = Math.min(WASM_CHUNK, count - q0);
    const failed = k.solve(
      D,
      rows,
      L.ptr + 4 * q0,
      L.other,
      L.y,
      L.w,
      L.fixed,
      L.base,
      L.lam ? L.lam + 8 * q0 : 0,
      sys.lambda,
      L.target + 8 * D * q0,
      L.work,
      kpmax,
      L.sing,
    );
    for (let f = 0; f < failed; f++) singular.push(rowAt(q0 + i32[L.sing / 4 + f]!));
  }
  writeBack(sys, prepared);
  return singular;
}

/**
 * `steps` conjugate-gradient steps on each row (see als.ts's conjugateGradientRow), in
 * WebAssembly (D even), warm-started from and written back to sys.target. Returns false when the
 * kernel is not available.
 */
export function conjugateGradientRowsWasm(
  sys: SideSystem,
  list: readonly number[] | null,
  from: number,
  to: number,
  steps: number,
): boolean {
  if (sys.D % 2 !== 0 || !wasmKernelActive()) return false;
  const D = sys.D;
  const prepared = prepare(sys, list, from, to, () => 3 * D * 8);
  const { k, L, count } = prepared;
  for (let q0 = 0; q0 < count; q0 += WASM_CHUNK) {
    const rows = Math.min(WASM_CHUNK, count - q0);
    k.cg(
      D,
      rows,
      L.ptr + 4 * q0,
      L.other,
      L.y,
      L.w,
      L.fixed,
      L.base,
      L.lam ? L.lam + 8 * q0 : 0,
      sys.lambda,
      L.target + 8 * D * q0,
      L.work,
      steps,
    );
  }
  writeBack(sys, prepared);
  return true;
}
