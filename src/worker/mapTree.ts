/**
 * A tree of plain objects and arrays rebuilt with `leaf` applied to each of its values (the
 * objects and arrays too, first: a leaf may replace one whole). Where `leaf` changed nothing
 * inside, the very same object or array is kept. Shared by the worker's transferred copies
 * (transferCopies.ts) and the parts kept data sets are stored in (state/storageParts.ts). Pure.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function mapTree(value: unknown, leaf: (value: unknown) => unknown): unknown {
  const walk = (v: unknown): unknown => {
    const replaced = leaf(v);
    if (replaced !== v) return replaced;
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x) => {
        const y = walk(x);
        if (y !== x) changed = true;
        return y;
      });
      return changed ? out : v;
    }
    if (isPlainObject(v)) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const y = walk(x);
        if (y !== x) changed = true;
        out[k] = y;
      }
      return changed ? out : v;
    }
    return v;
  };
  return walk(value);
}
