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

import { mapTree } from '../worker/mapTree';

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

export function splitForStorage(value: unknown, maxElements: number): SplitValue {
  if (!(maxElements >= 1)) throw new Error('maxElements must be at least 1');
  const parts: StoragePart[] = [];
  const head = mapTree(value, (v) => {
    const type = typeNameOf(v);
    if (!type || (v as TypedArray).length <= maxElements) return v;
    const array = v as TypedArray;
    const first = parts.length;
    for (let start = 0; start < array.length; start += maxElements) {
      const end = Math.min(array.length, start + maxElements);
      parts.push({ length: end - start, read: () => array.slice(start, end) as TypedArray });
    }
    const marker: PartsMarker = { __storedInParts: true, type, length: array.length, first, count: parts.length - first };
    return marker;
  });
  return { head, parts };
}

export function joinFromStorage(head: unknown, parts: readonly ArrayLike<number>[]): unknown {
  return mapTree(head, (v) => {
    if (!isMarker(v)) return v;
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
  });
}

/** How many parts a stored head refers to (to read or delete them). */
export function partCount(head: unknown): number {
  let count = 0;
  mapTree(head, (v) => {
    if (isMarker(v)) count = Math.max(count, v.first + v.count);
    return v;
  });
  return count;
}
