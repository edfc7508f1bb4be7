/**
 * Big typed arrays sent to the worker go as transferred copies. postMessage structured-clones
 * what it is not told to transfer, and for a million ratings that serialization was a
 * 140–155 ms main-thread task per message (the 24 MB file for the build, the data set again
 * for the model). A copy (`slice`, a memcpy) is an order of magnitude cheaper, and the copy's
 * buffer can be transferred; the page keeps its own arrays untouched.
 *
 *   transferCopies(value, minBytes)  { value, transfer }: the value with every typed array of at
 *                                    least minBytes replaced by a copy, and those copies' buffers
 *
 * Plain objects and arrays are walked (a new object where something inside was replaced); other
 * values are kept as they are. Pure.
 */
export interface WithTransfer<T> {
  value: T;
  transfer: ArrayBuffer[];
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function transferCopies<T>(value: T, minBytes = 1 << 16): WithTransfer<T> {
  const transfer: ArrayBuffer[] = [];
  const walk = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      if (v.byteLength < minBytes) return v;
      const copy = (v as unknown as { slice(): ArrayBufferView }).slice();
      transfer.push(copy.buffer as ArrayBuffer);
      return copy;
    }
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x) => {
        const y = typeof x === 'object' && x !== null ? walk(x) : x;
        if (y !== x) changed = true;
        return y;
      });
      return changed ? out : v;
    }
    if (isPlain(v)) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const y = typeof x === 'object' && x !== null ? walk(x) : x;
        if (y !== x) changed = true;
        out[k] = y;
      }
      return changed ? out : v;
    }
    return v;
  };
  return { value: walk(value) as T, transfer };
}
