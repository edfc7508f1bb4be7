/**
 * Ids numbered in order of first appearance. Small whole-number ids (most files' — MovieLens
 * users and movies) are looked up in a typed array without making a string per row; other
 * ids go through a map. A canonical number and its string never meet: "12" always takes the
 * number path, and the map only ever holds ids that are not canonical numbers.
 */
import type { FieldSplitter } from './delimited';

const CANONICAL = /^(0|[1-9]\d{0,7})$/;

export class IdInterner {
  readonly ids: string[] = [];
  /** Index + 1 of each small whole-number id (0: not seen). */
  private small = new Int32Array(1024);
  private readonly names = new Map<string, number>();

  /** Starts from known ids (a training file's, when reading its held-out file). */
  constructor(known: readonly string[] = []) {
    for (const id of known) this.add(id);
  }

  private smallSlot(v: number): number {
    if (v >= this.small.length) {
      let size = this.small.length;
      while (size <= v) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.small);
      this.small = grown;
    }
    return this.small[v]!;
  }

  /** The small whole number an id spells canonically, or -1. */
  private static canonical(id: string): number {
    return CANONICAL.test(id) && Number(id) < 1 << 24 ? Number(id) : -1;
  }

  private add(id: string): number {
    const index = this.ids.push(id) - 1;
    const v = IdInterner.canonical(id);
    if (v >= 0) {
      this.smallSlot(v);
      this.small[v] = index + 1;
    } else this.names.set(id, index);
    return index;
  }

  /** The index of field k's id; a new id gets the next index unless `frozen`, which returns -1 instead. */
  indexOf(splitter: FieldSplitter, k: number, frozen: boolean): number {
    let v = splitter.smallInteger(k);
    let id: string | null = null;
    if (v < 0) {
      // Quoted ("27") or otherwise not read as a number above, it may still spell one.
      id = splitter.field(k);
      v = IdInterner.canonical(id);
    }
    if (v >= 0) {
      const slot = this.smallSlot(v);
      if (slot > 0) return slot - 1;
      return frozen ? -1 : this.add(id ?? String(v));
    }
    const index = this.names.get(id!);
    if (index !== undefined) return index;
    return frozen ? -1 : this.add(id!);
  }
}
