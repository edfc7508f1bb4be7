/**
 * The lab's one layout, computed once for every screen from the space it is given: how R
 * and its factorization R ≈ UVᵀ share the width, and how tall their rows may be so that
 * the run controls, R, U, Vᵀ, UVᵀ and the loss fit one projector screen. Pure numbers: the
 * grid and the heatmaps are positioned from what this returns.
 *
 * Wide screens put R beside the product with their rows aligned (row i of R, of U and of
 * UVᵀ on one line, R's column header as tall as Vᵀ); narrow ones stack them at natural
 * sizes, each scrolling inside itself when it is wider than the screen.
 */
import { labelWidth, REM, type GridFit } from '../RatingGrid/gridLayout';

/** From this stage width on, R and the product sit side by side. */
export const SIDE_BY_SIDE = 860;
/** Smallest row height and column width of R: its cells are targets (WCAG 2.5.8: 24 px). */
export const MIN_TARGET = 24;
/** Largest cells: the lecture's 4×6 on a projector. */
const MAX_CELL_W = 84;
const MAX_CELL_H = 58;
/** Height of a heatmap's column-label row, and of the factor labels f1…fd. */
export const LABEL_H = 26;
/** Gap between R and the product. */
export const STAGE_GAP = 20;
/** Vᵀ's factor labels, written after its last column. */
export const VT_LABELS_W = 34;
/** The font of R's headers and of the heatmaps' labels (px). */
const HEADER_FONT = 16;
/** The product's columns may be this narrow when R needs the room (px). */
const MIN_PRODUCT_CELL = 16;
/** Cell text needs this much room to be drawn as a number in a heatmap. */
const NUMBERS_MIN_W = 38;
const NUMBERS_MIN_H = 22;

export interface StageInput {
  /** Users, items, latent factors. */
  m: number;
  n: number;
  d: number;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  /** Characters of R's longest cell text ("4.5" is 3). */
  textChars: number;
  /** The stage's content width (px). */
  width: number;
  /**
   * Height available to the matrices (px), or null when the page may simply grow (phones).
   * Several heights are tried in turn (what is below the matrices kept in view, then less of it).
   */
  height: number | readonly number[] | null;
}

export interface StageGridFit extends GridFit {
  /** R scrolls inside beyond this height (px), or null. */
  maxHeight: number | null;
}

export interface ProductFit {
  /** Width of a column of U, Vᵀ and UVᵀ. */
  cellW: number;
  /** Height of a row of U and UVᵀ. */
  cellH: number;
  /** Height of a row of Vᵀ (a factor). */
  vtCellH: number;
  /** Width of U's row labels (the users). */
  gutterW: number;
  /** Whether cells are large enough to carry their numbers. */
  numbers: boolean;
  /** The product's frame (px): beyond it, it scrolls inside itself. */
  width: number;
  /** Height the product may take (px), when the page is fitted to the screen. */
  height: number | null;
}

export interface StageLayout {
  arrangement: 'side' | 'stacked';
  /** Width of R's column (px; R scrolls inside it when wider). */
  gridWidth: number;
  /** Rows of R and of UVᵀ line up (side by side, when both fit without scrolling). */
  aligned: boolean;
  grid: StageGridFit;
  product: ProductFit;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

function longest(labels: readonly string[]): number {
  let best = 1;
  const sample = labels.length > 600 ? [...labels.slice(0, 300), ...labels.slice(-300)] : labels;
  for (const l of sample) best = Math.max(best, l.length);
  return best;
}

/** R's user-name column: wide enough for the longest name, within 3.2–10 rem. */
function rowHeaderWidth(rowLabels: readonly string[]): number {
  return Math.round(clamp(labelWidth('x'.repeat(longest(rowLabels)), HEADER_FONT) + 24, 3.2 * REM, 10 * REM));
}

/** U's user labels, a little narrower than R's (no padding for an editor). */
function gutterWidth(rowLabels: readonly string[]): number {
  return Math.round(clamp(labelWidth('x'.repeat(Math.min(10, longest(rowLabels))), 15) + 14, 34, 120));
}

/** Item names written upwards use a slightly smaller font (px), so that the header stays short. */
const VERTICAL_FONT = 15;

/** The height R's column header needs at a column width: one line when names fit, else written upwards. */
function headerNeed(colLabels: readonly string[], cellW: number): number {
  const chars = longest(colLabels);
  if (labelWidth('x'.repeat(chars), HEADER_FONT) + 16 <= cellW * 1.35) return LABEL_H + 6;
  // Bold Atkinson Hyperlegible averages about 0.56 em a character.
  return Math.min(8 * REM, Math.ceil(chars * 0.56 * VERTICAL_FONT) + 14);
}

/** R's font for a row height: 22 px for the lecture's 4×6 on a projector, never below 15. */
function gridFont(cellH: number): number {
  return Math.round(clamp(cellH * 0.46, 15, 22));
}

export function stageLayout(input: StageInput): StageLayout {
  const { m, n, d, rowLabels, colLabels, textChars, width } = input;
  const rowHeaderW = rowHeaderWidth(rowLabels);
  const gutterW = gutterWidth(rowLabels);
  const side = width >= SIDE_BY_SIDE;
  const textW = (font: number) => Math.ceil(textChars * 0.62 * font) + 8;

  if (!side) return stacked(input, rowHeaderW, gutterW, textW);

  // One column width for R and the product: rowHeaderW + n·c  +  gap  +  gutterW + (d + n)·c  =  width.
  const shared = Math.floor((width - rowHeaderW - gutterW - VT_LABELS_W - STAGE_GAP - 6) / (2 * n + d));
  const minR = Math.max(MIN_TARGET, textW(15));
  /** The product's column width when R takes gridW. */
  const productCell = (gridW: number) =>
    Math.min(MAX_CELL_W, Math.floor((width - gridW - STAGE_GAP - gutterW - VT_LABELS_W - 6) / (d + n)));
  let gridW: number;
  let cellR: number;
  let cellF: number;
  // The rows can line up when R fits at a target's width and the product still gets columns worth drawing.
  let fits = true;
  if (shared >= minR) {
    cellR = cellF = Math.min(MAX_CELL_W, shared);
    gridW = rowHeaderW + n * cellR + 2;
  } else if (productCell(rowHeaderW + n * minR + 2) >= MIN_PRODUCT_CELL) {
    // R at its smallest targets, the product's columns a little narrower (they are pictures, not targets).
    cellR = minR;
    gridW = rowHeaderW + n * cellR + 2;
    cellF = productCell(gridW);
  } else {
    // Too many items for one screen: R scrolls inside its part, the product shrinks its cells (or paints pixels).
    fits = false;
    gridW = Math.floor((width - STAGE_GAP) * 0.46);
    cellR = Math.max(minR, Math.min(MAX_CELL_W, Math.floor((gridW - rowHeaderW - 2) / n)));
    cellF = Math.max(4, productCell(gridW));
  }
  const productW = width - gridW - STAGE_GAP;

  const heights = input.height === null ? [] : typeof input.height === 'number' ? [input.height] : input.height;
  const rHeader = headerNeed(colLabels, cellR);
  // Rows as tall as fit (so R, U and UVᵀ line up), from the largest down to a target's size; the first height that
  // takes the data wins (the later ones give up what sits below the matrices).
  if (fits) {
    for (const H of heights) {
      const aligned = alignedRows(H, m, d, rHeader);
      if (!aligned) continue;
      const { h, block } = aligned;
      return {
        arrangement: 'side',
        gridWidth: gridW,
        aligned: true,
        grid: {
          cellW: cellR,
          cellH: h,
          headerH: block,
          rowHeaderW,
          fontPx: gridFont(h),
          headFontPx: rHeader > LABEL_H + 6 ? VERTICAL_FONT : HEADER_FONT,
          maxHeight: null,
        },
        product: {
          cellW: cellF,
          cellH: h,
          vtCellH: Math.floor((block - LABEL_H) / d),
          gutterW,
          numbers: cellF >= NUMBERS_MIN_W && h >= NUMBERS_MIN_H,
          width: productW,
          height: H,
        },
      };
    }
  }
  // Not aligned: R at target size, scrolling inside the available height; the product fits that height on its own
  // (rows no shorter than its labels).
  const H = heights.length ? heights[heights.length - 1]! : null;
  const cellH = H === null ? clamp(Math.round(cellR * 0.8), 40, MAX_CELL_H) : MIN_TARGET + 6;
  const fH =
    H === null
      ? clamp(Math.round(cellF * 0.75), 16, 44)
      : clamp(Math.floor((H - LABEL_H - d * Math.min(28, cellF)) / Math.max(1, m)), 16, 44);
  return {
    arrangement: 'side',
    gridWidth: gridW,
    aligned: false,
    grid: {
      cellW: cellR,
      cellH,
      headerH: rHeader,
      rowHeaderW,
      fontPx: gridFont(cellH),
      headFontPx: rHeader > LABEL_H + 6 ? VERTICAL_FONT : HEADER_FONT,
      maxHeight: H === null ? null : Math.max(8 * cellH, H),
    },
    product: {
      cellW: cellF,
      cellH: fH,
      vtCellH: clamp(Math.min(28, cellF), 16, 28),
      gutterW,
      numbers: cellF >= NUMBERS_MIN_W && fH >= NUMBERS_MIN_H,
      width: productW,
      height: H,
    },
  };
}

/** The tallest rows (and the header block above them) with which m rows fit in H, or null below a target's size. */
export function alignedRows(H: number, m: number, d: number, rHeader: number): { h: number; block: number } | null {
  for (let h = MAX_CELL_H; h >= MIN_TARGET; h--) {
    const vt = clamp(Math.round(h * 0.75), 16, h);
    const block = Math.max(rHeader, LABEL_H + d * vt);
    if (block + m * h + 2 <= H) return { h, block };
  }
  return null;
}

/** Phones and portrait tablets: R above the product, each at a size a thumb can use, scrolling inside itself. */
function stacked(input: StageInput, rowHeaderW: number, gutterW: number, textW: (font: number) => number): StageLayout {
  const { m, n, d, colLabels, width } = input;
  const cellR = clamp(Math.floor((width - rowHeaderW - 2) / n), Math.max(44, textW(18)), 64);
  const cellH = 44;
  // Wide enough for their numbers (a phone reads values, not just colours); wider data scrolls inside.
  const cellF = clamp(Math.floor((width - gutterW - VT_LABELS_W - 6) / (d + n)), NUMBERS_MIN_W, 56);
  const fH = clamp(Math.round(cellF * 0.8), 28, 44);
  return {
    arrangement: 'stacked',
    gridWidth: width,
    aligned: false,
    grid: {
      cellW: cellR,
      cellH,
      headerH: headerNeed(colLabels, cellR),
      rowHeaderW,
      fontPx: 18,
      headFontPx: headerNeed(colLabels, cellR) > LABEL_H + 6 ? VERTICAL_FONT : HEADER_FONT,
      maxHeight: Math.max(6, Math.min(m, 10)) * cellH + 80,
    },
    product: {
      cellW: cellF,
      cellH: fH,
      vtCellH: Math.min(fH, 36),
      gutterW,
      numbers: cellF >= NUMBERS_MIN_W && fH >= NUMBERS_MIN_H,
      width,
      height: null,
    },
  };
}
