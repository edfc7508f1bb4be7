/**
 * Requests to the worker carry big typed arrays as transferred copies: the worker gets equal
 * arrays, the page keeps its own (usable after the message), small arrays and everything else
 * travel as before.
 */
import { describe, expect, it } from 'vitest';
import { transferCopies } from '../../../src/worker/transferCopies';

describe('transferCopies', () => {
  it('copies big typed arrays (deep inside plain objects and arrays) and lists their buffers to transfer', () => {
    const big = Float64Array.from({ length: 20_000 }, (_, k) => k / 3);
    const ids = Int32Array.from({ length: 20_000 }, (_, k) => k);
    const small = new Int32Array([1, 2, 3]);
    const request = { type: 'load', data: { ratings: { userVal: big, userCol: ids, userPtr: small }, names: ['a', 'b'] }, n: 4 };
    const { value, transfer } = transferCopies(request);
    expect(transfer).toHaveLength(2);
    expect(value.data.ratings.userVal).not.toBe(big);
    expect(value.data.ratings.userVal).toEqual(big);
    expect(value.data.ratings.userCol).toEqual(ids);
    expect(value.data.ratings.userPtr).toBe(small);
    expect(value.data.names).toBe(request.data.names);
    expect(value.n).toBe(4);
    // Transferring detaches the copies only: the page's arrays stay whole.
    structuredClone(value, { transfer });
    expect(value.data.ratings.userVal.length).toBe(0);
    expect(big.length).toBe(20_000);
    expect(big[3]).toBe(1);
  });

  it('returns the very same value when nothing in it is big', () => {
    const request = { type: 'step', options: { lambda: 0.1 }, cells: [new Float64Array(4)] };
    const { value, transfer } = transferCopies(request);
    expect(value).toBe(request);
    expect(transfer).toEqual([]);
  });
});
