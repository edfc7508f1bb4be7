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
 * Plain objects and arrays are walked (mapTree: a new object where something inside was
 * replaced); other values are kept as they are. Pure.
 */
import { mapTree } from './mapTree';

export interface WithTransfer<T> {
  value: T;
  transfer: ArrayBuffer[];
}

export function transferCopies<T>(value: T, minBytes = 1 << 16): WithTransfer<T> {
  const transfer: ArrayBuffer[] = [];
  const copied = mapTree(value, (v) => {
    if (!ArrayBuffer.isView(v) || v instanceof DataView || v.byteLength < minBytes) return v;
    const copy = (v as unknown as { slice(): ArrayBufferView }).slice();
    transfer.push(copy.buffer as ArrayBuffer);
    return copy;
  });
  return { value: copied as T, transfer };
}
