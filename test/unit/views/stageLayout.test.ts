/**
 * The lab's one layout as numbers: a projector fits the lecture's R and the taste groups
 * with R's rows and UVᵀ's rows aligned and R's cells still targets (≥ 24 px); the layout is
 * never wider than the screen; a phone stacks at thumb sizes; big data scrolls inside.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LABEL_H,
  MIN_TARGET,
  SIDE_BY_SIDE,
  STAGE_GAP,
  VT_LABELS_W,
  alignedRows,
  stageLayout,
  type StageInput,
} from '../../../src/views/Stage/stageLayout';

const labels = (prefix: string, k: number) => Array.from({ length: k }, (_, t) => `${prefix}${t + 1}`);
const TASTE_ITEMS = [
  'Heat',
  'Ronin',
  'Speed',
  'Alien',
  'Rambo',
  'Airplane!',
  'Big',
  'Clue',
  'Fargo',
  'Elf',
  'Amadeus',
  'Rocky',
  'Gandhi',
  'Psycho',
  'Network',
  'Vertigo',
];
const TASTE_USERS = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eva', 'Finn', 'Gia', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lea'];

const lecture = (width: number, height: number | number[] | null): StageInput => ({
  m: 4,
  n: 6,
  d: 2,
  rowLabels: labels('u', 4),
  colLabels: labels('i', 6),
  textChars: 1,
  width,
  height,
});
const tastes = (width: number, height: number | number[] | null): StageInput => ({
  m: 12,
  n: 16,
  d: 3,
  rowLabels: TASTE_USERS,
  colLabels: TASTE_ITEMS,
  textChars: 1,
  width,
  height,
});

/** Total width the side-by-side layout uses: R's column, the gap, U's labels, U, UVᵀ and Vᵀ's labels. */
function usedWidth(input: StageInput) {
  const l = stageLayout(input);
  return l.gridWidth + STAGE_GAP + l.product.gutterW + (input.d + input.n) * l.product.cellW + VT_LABELS_W;
}

describe('the stage on a projector', () => {
  it('gives the lecture’s 4×6 big cells, rows aligned, R’s header as tall as Vᵀ', () => {
    const l = stageLayout(lecture(1230, 380));
    expect(l.arrangement).toBe('side');
    expect(l.aligned).toBe(true);
    expect(l.grid.cellH).toBe(l.product.cellH);
    expect(l.grid.cellH).toBeGreaterThanOrEqual(50);
    // Vᵀ's two rows and its labels fill R's column header exactly (to the pixel the rounding leaves).
    expect(l.grid.headerH - LABEL_H - 2 * l.product.vtCellH).toBeGreaterThanOrEqual(0);
    expect(l.grid.headerH - LABEL_H - 2 * l.product.vtCellH).toBeLessThan(2);
    expect(l.grid.headerH + 4 * l.grid.cellH).toBeLessThanOrEqual(380);
    expect(l.product.numbers).toBe(true);
  });

  it('fits the taste groups (12×16, d = 3) in 1280 × 720 with targets of 24 px or more', () => {
    const l = stageLayout(tastes(1230, [340, 405]));
    expect(l.aligned).toBe(true);
    expect(l.grid.cellH).toBeGreaterThanOrEqual(MIN_TARGET);
    expect(l.grid.cellW).toBeGreaterThanOrEqual(MIN_TARGET);
    expect(l.grid.headerH + 12 * l.grid.cellH).toBeLessThanOrEqual(405);
    expect(usedWidth(tastes(1230, [340, 405]))).toBeLessThanOrEqual(1230);
  });

  it('at 1024 × 768 narrows the product’s columns, not R’s targets', () => {
    const l = stageLayout(tastes(970, [420, 480]));
    expect(l.aligned).toBe(true);
    expect(l.grid.cellW).toBeGreaterThanOrEqual(MIN_TARGET);
    expect(l.product.cellW).toBeLessThan(l.grid.cellW + 1);
    expect(usedWidth(tastes(970, [420, 480]))).toBeLessThanOrEqual(970);
  });

  it('takes the first height that holds the data: the tabs stay in view when they can', () => {
    const roomy = stageLayout(tastes(1230, [700, 780]));
    const tight = stageLayout(tastes(1230, [300, 405]));
    expect(roomy.grid.headerH + 12 * roomy.grid.cellH).toBeLessThanOrEqual(700);
    expect(tight.grid.headerH + 12 * tight.grid.cellH).toBeGreaterThan(300);
    expect(tight.grid.headerH + 12 * tight.grid.cellH).toBeLessThanOrEqual(405);
  });

  it('lets ML-100k scroll inside R and paints the product small, never wider than the stage', () => {
    const big: StageInput = {
      ...lecture(1230, 400),
      m: 943,
      n: 1682,
      d: 10,
      rowLabels: labels('u', 943),
      colLabels: labels('m', 1682),
    };
    const l = stageLayout(big);
    expect(l.aligned).toBe(false);
    expect(l.grid.maxHeight).toBeGreaterThan(0);
    expect(l.gridWidth + STAGE_GAP).toBeLessThan(1230);
  });
});

describe('the stage on a phone', () => {
  it('stacks R above the product at thumb sizes, scrolling inside', () => {
    const l = stageLayout(tastes(360, null));
    expect(l.arrangement).toBe('stacked');
    expect(l.grid.cellH).toBeGreaterThanOrEqual(44);
    expect(l.grid.cellW).toBeGreaterThanOrEqual(44);
    expect(l.grid.maxHeight).not.toBeNull();
    expect(l.product.cellW).toBeGreaterThanOrEqual(MIN_TARGET);
  });
});

describe('whatever the data and the screen', () => {
  it('side by side never asks for more width than the stage has (when the rows align), and R’s cells are targets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: SIDE_BY_SIDE, max: 2400 }),
        fc.integer({ min: 200, max: 1400 }),
        (m, n, d, width, height) => {
          const input: StageInput = {
            m,
            n,
            d,
            rowLabels: labels('u', m),
            colLabels: labels('i', n),
            textChars: 1,
            width,
            height,
          };
          const l = stageLayout(input);
          expect(l.grid.cellW).toBeGreaterThanOrEqual(MIN_TARGET);
          expect(l.grid.cellH).toBeGreaterThanOrEqual(MIN_TARGET);
          if (l.aligned) {
            expect(usedWidth(input)).toBeLessThanOrEqual(width);
            expect(l.grid.headerH + m * l.grid.cellH + 2).toBeLessThanOrEqual(height);
            expect(l.grid.cellH).toBe(l.product.cellH);
          }
        },
      ),
    );
  });

  it('alignedRows: the tallest rows that fit, or none below a target', () => {
    expect(alignedRows(1000, 4, 2, 32)!.h).toBe(58);
    expect(alignedRows(100, 12, 3, 90)).toBeNull();
    const r = alignedRows(400, 12, 3, 90)!;
    expect(r.block + 12 * r.h + 2).toBeLessThanOrEqual(400);
    // One pixel taller rows would not fit (Vᵀ's rows grow with them: three quarters of a row each).
    const taller = r.h + 1;
    const block = Math.max(90, LABEL_H + 3 * Math.max(16, Math.min(taller, Math.round(taller * 0.75))));
    expect(block + 12 * taller + 2).toBeGreaterThan(400);
  });
});
