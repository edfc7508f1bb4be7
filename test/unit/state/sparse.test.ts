/**
 * The sparse lab against a dense model of it: random sequences of every edit the grid
 * offers (set a cell, hold out, add and remove users and items, rename, change C), applied
 * to both, must agree cell by cell — and the CSR/CSC arrays must be what the core itself
 * builds from the same cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingsFromDense, type Ratings } from '../../../src/core';
import {
  addItem,
  addUser,
  removeItem,
  removeUser,
  renameLabel,
  setCell,
  setConfidence,
  toggleHeldOut,
  type EditResult,
} from '../../../src/state/edits';
import {
  cellAt,
  denseCells,
  denseConfidence,
  forEachInColumn,
  forEachInRow,
  heldOutPairs,
  isHeldOut,
  knownCount,
  labDataFromDense,
  type Cell,
  type LabData,
} from '../../../src/state/labData';
import { lecturePC, lectureR } from '../../../src/state/presets';

interface Dense {
  userIds: string[];
  itemIds: string[];
  cells: Cell[][];
  C: number[][] | null;
  held: Set<string>;
}

const denseOf = (data: LabData): Dense => ({
  userIds: [...data.userIds],
  itemIds: [...data.itemIds],
  cells: denseCells(data),
  C: denseConfidence(data),
  held: new Set(heldOutPairs(data).map(([i, j]) => `${i},${j}`)),
});

type Op =
  | { op: 'set'; i: number; j: number; v: Cell }
  | { op: 'conf'; i: number; j: number; v: number }
  | { op: 'hold'; i: number; j: number }
  | { op: 'addUser' }
  | { op: 'addItem' }
  | { op: 'removeUser'; k: number }
  | { op: 'removeItem'; k: number }
  | { op: 'rename'; k: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), i: fc.nat(7), j: fc.nat(8), v: fc.constantFrom<Cell>(null, 0, 1, 1, 2, 3, 5) }),
  fc.record({ op: fc.constant('conf' as const), i: fc.nat(7), j: fc.nat(8), v: fc.constantFrom(0, 0.5, 1, 3) }),
  fc.record({ op: fc.constant('hold' as const), i: fc.nat(7), j: fc.nat(8) }),
  fc.constant({ op: 'addUser' as const }),
  fc.constant({ op: 'addItem' as const }),
  fc.record({ op: fc.constant('removeUser' as const), k: fc.nat(7) }),
  fc.record({ op: fc.constant('removeItem' as const), k: fc.nat(8) }),
  fc.record({ op: fc.constant('rename' as const), k: fc.nat(7) }),
);

/** The same edit on the dense model (only when the sparse edit succeeded). */
function applyDense(d: Dense, op: Op, next: LabData): Dense {
  const copy: Dense = { ...d, cells: d.cells.map((r) => [...r]), C: d.C?.map((r) => [...r]) ?? null, held: new Set(d.held) };
  const drop = (keys: Set<string>, f: (i: number, j: number) => [number, number] | null) =>
    new Set(
      [...keys].flatMap((k) => {
        const [i, j] = k.split(',').map(Number) as [number, number];
        const to = f(i, j);
        return to ? [`${to[0]},${to[1]}`] : [];
      }),
    );
  switch (op.op) {
    case 'set':
      copy.cells[op.i]![op.j] = op.v;
      if (op.v === null) copy.held.delete(`${op.i},${op.j}`);
      return copy;
    case 'conf':
      copy.C![op.i]![op.j] = op.v;
      return copy;
    case 'hold': {
      const key = `${op.i},${op.j}`;
      if (copy.held.has(key)) copy.held.delete(key);
      else copy.held.add(key);
      return copy;
    }
    case 'addUser': {
      copy.userIds.push(next.userIds.at(-1)!);
      copy.cells.push(new Array<Cell>(copy.itemIds.length).fill(null));
      copy.C?.push(denseConfidence(next)!.at(-1)!);
      return copy;
    }
    case 'addItem': {
      copy.itemIds.push(next.itemIds.at(-1)!);
      const lastColumn = denseConfidence(next)?.map((row) => row.at(-1)!);
      copy.cells.forEach((row) => row.push(null));
      copy.C?.forEach((row, i) => row.push(lastColumn![i]!));
      return copy;
    }
    case 'removeUser':
      copy.userIds.splice(op.k, 1);
      copy.cells.splice(op.k, 1);
      copy.C?.splice(op.k, 1);
      copy.held = drop(copy.held, (i, j) => (i === op.k ? null : [i > op.k ? i - 1 : i, j]));
      return copy;
    case 'removeItem':
      copy.itemIds.splice(op.k, 1);
      copy.cells.forEach((row) => row.splice(op.k, 1));
      copy.C?.forEach((row) => row.splice(op.k, 1));
      copy.held = drop(copy.held, (i, j) => (j === op.k ? null : [i, j > op.k ? j - 1 : j]));
      return copy;
    case 'rename':
      copy.userIds[op.k] = `renamed${op.k}-${copy.userIds.length}`;
      return copy;
  }
}

function applySparse(data: LabData, op: Op): EditResult {
  switch (op.op) {
    case 'set':
      return setCell(data, op.i, op.j, op.v);
    case 'conf':
      return setConfidence(data, op.i, op.j, op.v);
    case 'hold':
      return toggleHeldOut(data, op.i, op.j);
    case 'addUser':
      return addUser(data);
    case 'addItem':
      return addItem(data);
    case 'removeUser':
      return removeUser(data, op.k);
    case 'removeItem':
      return removeItem(data, op.k);
    case 'rename':
      return renameLabel(data, 'users', op.k, `renamed${op.k}-${data.userIds.length}`);
  }
}

function sameArrays(a: Ratings, b: Ratings) {
  for (const key of ['userPtr', 'userCol', 'userVal', 'itemPtr', 'itemRow', 'itemVal', 'itemToUserPos'] as const)
    expect(Array.from(a[key]), key).toEqual(Array.from(b[key]));
  expect([a.m, a.n, a.nnz]).toEqual([b.m, b.n, b.nnz]);
}

function check(data: LabData, dense: Dense) {
  expect(denseCells(data)).toEqual(dense.cells);
  expect(denseConfidence(data)).toEqual(dense.C);
  expect(new Set(heldOutPairs(data).map(([i, j]) => `${i},${j}`))).toEqual(dense.held);
  expect(data.userIds).toEqual(dense.userIds);
  expect(data.ratings.userIds).toBe(data.userIds);
  expect(data.ratings.itemIds).toBe(data.itemIds);
  sameArrays(data.ratings, ratingsFromDense(dense.cells, dense.userIds, dense.itemIds));
  if (data.confidence) expect(data.confidence.entries.m).toBe(data.userIds.length);
  let known = 0;
  dense.cells.forEach((row, i) =>
    row.forEach((v, j) => {
      expect(cellAt(data, i, j)).toBe(v);
      expect(isHeldOut(data, i, j)).toBe(dense.held.has(`${i},${j}`));
      if (v !== null) known++;
    }),
  );
  expect(knownCount(data)).toBe(known);
  // Row and column iteration visit the same cells as the dense rows.
  dense.cells.forEach((row, i) => {
    const seen: [number, number][] = [];
    forEachInRow(data, i, (j, v) => seen.push([j, v]));
    expect(seen).toEqual(row.flatMap((v, j) => (v === null ? [] : [[j, v]])));
  });
  dense.itemIds.forEach((_, j) => {
    const seen: number[] = [];
    forEachInColumn(data, j, (i) => seen.push(i));
    expect(seen).toEqual(dense.cells.flatMap((row, i) => (row[j] === null ? [] : [i])));
  });
}

describe('the sparse lab agrees with a dense model under random edits', () => {
  for (const [name, start] of [
    ['the lecture’s R', lectureR],
    ['the lecture’s P and C', lecturePC],
  ] as const) {
    it(`${name}: 300 random edit sequences`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
          let data = start();
          let dense = denseOf(data);
          for (const op of ops) {
            const result = applySparse(data, op);
            if (!result.ok) continue;
            dense = applyDense(dense, op, result.data);
            data = result.data;
          }
          check(data, dense);
        }),
        { numRuns: 300, seed: 2026 },
      );
    });
  }

  it('labDataFromDense and denseCells are inverse on random matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.array(
            fc.array(fc.option(fc.double({ noNaN: true, min: -5, max: 5 }), { nil: null }), { minLength: n, maxLength: n }),
            {
              minLength: 1,
              maxLength: 6,
            },
          ),
        ),
        (cells) => {
          const data = labDataFromDense({
            mode: 'explicit',
            userIds: cells.map((_, i) => `u${i}`),
            itemIds: cells[0]!.map((_, j) => `i${j}`),
            cells,
            scale: { min: -5, max: 5 },
          });
          expect(denseCells(data)).toEqual(cells);
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });
});
