/**
 * A value with large typed arrays, cut into parts that IndexedDB can store one at a time.
 * Storing a data set of a million ratings in one put() structured-clones ~36 MB of arrays in
 * one main-thread task (110 ms measured on ML-1M's shape); cut into parts of at most
 * `maxElements` elements, each put is a task of its own (a few ms), with the page free between.
 *
 *   splitForStorage(value, max)   { head, parts }: the value with every large typed array
 *                                 replaced by a marker, and the pieces in order (each copied
 *                                 out by its read(), when it is stored)
 *   joinFromStorage(head, parts)  the value again (arrays reassembled into their own type)
 *
 * Pure: no storage here (keptDatasets.ts does the puts and gets). A value stored whole (by an
 * older version) has no markers and comes back as it is.
 */

type TypedArray = Int32Array | Float64Array | Float32Array | Uint32Array | Uint8Array | Int8Array | Int16Array | Uint16Array;

const CONSTRUCTORS = {
  Int32Array,
  Float64Array,
  Float32Array,
  Uint32Array,
  Uint8Array,
  Int8Array,
  Int16Array,
  Uint16Array,
} as const;
type TypeName = keyof typeof CONSTRUCTORS;

/** Where a large array was: its type, length and the parts (indices into `parts`) that hold it. */
export interface PartsMarker {
  __storedInParts: true;
  type: TypeName;
  length: number;
  first: number;
  count: number;
}

/** One part: a run of a large array, copied out only when it is stored (one copy per task, not all at once). */
export interface StoragePart {
  length: number;
  read(): TypedArray;
}

export interface SplitValue {
  head: unknown;
  parts: StoragePart[];
}

function typeNameOf(value: unknown): TypeName | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  const name = (value as TypedArray).constructor.name as TypeName;
  return name in CONSTRUCTORS ? name : null;
}

function isMarker(value: unknown): value is PartsMarker {
  return typeof value === 'object' && value !== null && (value as PartsMarker).__storedInParts === true;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function splitForStorage(value: unknown, maxElements: number): SplitValue {
  if (!(maxElements >= 1)) throw new Error('maxElements must be at least 1');
  const parts: StoragePart[] = [];
  const walk = (v: unknown): unknown => {
    const type = typeNameOf(v);
    if (type) {
      const array = v as TypedArray;
      if (array.length <= maxElements) return array;
      const first = parts.length;
      for (let start = 0; start < array.length; start += maxElements) {
        const end = Math.min(array.length, start + maxElements);
        parts.push({ length: end - start, read: () => array.slice(start, end) as TypedArray });
      }
      const marker: PartsMarker = { __storedInParts: true, type, length: array.length, first, count: parts.length - first };
      return marker;
    }
    if (Array.isArray(v)) return v.some((x) => typeNameOf(x) || isPlain(x) || Array.isArray(x)) ? v.map(walk) : v;
    if (isPlain(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return { head: walk(value), parts };
}

export function joinFromStorage(head: unknown, parts: readonly ArrayLike<number>[]): unknown {
  const walk = (v: unknown): unknown => {
    if (isMarker(v)) {
      const array = new CONSTRUCTORS[v.type](v.length);
      let at = 0;
      for (let p = v.first; p < v.first + v.count; p++) {
        const part = parts[p];
        if (!part) throw new Error(`a stored part is missing (${p - v.first + 1} of ${v.count})`);
        array.set(part, at);
        at += part.length;
      }
      if (at !== v.length) throw new Error(`the stored parts hold ${at} values, not ${v.length}`);
      return array;
    }
    if (Array.isArray(v)) return v.some((x) => isMarker(x) || isPlain(x) || Array.isArray(x)) ? v.map(walk) : v;
    if (isPlain(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(head);
}

/** How many parts a stored head refers to (to read or delete them). */
export function partCount(head: unknown): number {
  let count = 0;
  const walk = (v: unknown): void => {
    if (isMarker(v)) count = Math.max(count, v.first + v.count);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (isPlain(v)) Object.values(v).forEach(walk);
  };
  walk(head);
  return count;
}
