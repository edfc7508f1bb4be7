/**
 * Sizes and the visible window of the rating grid, as plain numbers: the component
 * positions every cell absolutely from these, so only the cells in view are in the DOM
 * (ML-100k is 943 × 1,682 = 1.6 M cells; a screen shows a few hundred).
 */

/** The root font size the app sets (styles.css): rem → px for layout arithmetic. */
export const REM = 18;

export interface GridLayout {
  rows: number;
  cols: number;
  cellW: number;
  cellH: number;
  /** Width of the row-header column (user names). */
  rowHeaderW: number;
  /** Height of the column-header row (item names). */
  headerH: number;
  /** Item names written bottom-to-top when they are wider than a column. */
  verticalHeaders: boolean;
  /** Font size of the cells in px. */
  fontPx: number;
  /** Font size of the headers in px (null: from the cells' font, at least 18). */
  headFontPx?: number | null;
  /** Whether the grid counts as small (classroom size: every cell rendered, bigger font). */
  small: boolean;
  totalW: number;
  totalH: number;
}

/** Up to ~30 × 30 the grid stays simple and big. */
const SMALL_CELLS = 900;
const SMALL_SIDE = 30;

/** Width of a label in px, estimated from its length (bold Atkinson Hyperlegible averages ~0.6 em). */
export function labelWidth(label: string, fontPx: number): number {
  return Math.ceil(label.length * 0.62 * fontPx);
}

function longest(labels: readonly string[]): number {
  let best = 0;
  // Big grids: the longest name among the first and last few hundred is enough (names like m1682).
  const sample = labels.length > 600 ? [...labels.slice(0, 300), ...labels.slice(-300)] : labels;
  for (const l of sample) best = Math.max(best, l.length);
  return best;
}

/** Sizes decided by the page's layout (the lab's stage) instead of from the labels alone. */
export interface GridFit {
  cellW: number;
  cellH: number;
  headerH: number;
  rowHeaderW: number;
  fontPx: number;
  headFontPx?: number;
}

/**
 * The layout for these labels; `textChars` is the longest text a cell shows (0.85 has 4
 * characters), so that columns are wide enough for it in the monospaced font. With `fit`,
 * the sizes come from the page's layout (item names are written upwards when they do not
 * fit across a column).
 */
export function gridLayout(
  rowLabels: readonly string[],
  colLabels: readonly string[],
  textChars = 1,
  fit?: GridFit | null,
): GridLayout {
  const rows = rowLabels.length;
  const cols = colLabels.length;
  const small = rows * cols <= SMALL_CELLS && rows <= SMALL_SIDE && cols <= SMALL_SIDE;
  if (fit) {
    const colLabelW = labelWidth('x'.repeat(longest(colLabels)), 16) + 16;
    return {
      headFontPx: fit.headFontPx ?? null,
      rows,
      cols,
      cellW: fit.cellW,
      cellH: fit.cellH,
      rowHeaderW: fit.rowHeaderW,
      headerH: fit.headerH,
      verticalHeaders: colLabelW > fit.cellW * 1.35,
      fontPx: fit.fontPx,
      small,
      totalW: fit.rowHeaderW + cols * fit.cellW,
      totalH: fit.headerH + rows * fit.cellH,
    };
  }
  const fontPx = small ? 22 : 18;
  const headerFont = small ? 19 : 18;
  const pad = 24;
  let cellW = small ? Math.round(3.3 * REM) : Math.round(3 * REM);
  const cellH = Math.ceil((small ? 2.7 : 2.4) * REM);
  cellW = Math.max(cellW, Math.ceil(textChars * 0.62 * fontPx) + 12);
  const rowHeaderW = Math.min(10 * REM, Math.max(3.2 * REM, labelWidth('x'.repeat(longest(rowLabels)), headerFont) + pad));
  const colLabelW = labelWidth('x'.repeat(longest(colLabels)), headerFont) + pad;
  let verticalHeaders = false;
  let headerH = cellH;
  if (colLabelW > cellW) {
    if (colLabelW <= cellW * 1.35) cellW = colLabelW;
    else {
      verticalHeaders = true;
      headerH = Math.min(8 * REM, colLabelW);
    }
  }
  return {
    rows,
    cols,
    cellW,
    cellH,
    rowHeaderW: Math.round(rowHeaderW),
    headerH: Math.round(headerH),
    verticalHeaders,
    fontPx,
    small,
    totalW: Math.round(rowHeaderW) + cols * cellW,
    totalH: Math.round(headerH) + rows * cellH,
  };
}

/** The first and one-past-last index of the lines (rows or columns) in view, with a margin. */
export function visibleRange(
  scroll: number,
  viewport: number,
  header: number,
  size: number,
  count: number,
  overscan = 2,
): [number, number] {
  const start = Math.floor(Math.max(0, scroll) / size) - overscan;
  const end = Math.ceil((Math.max(0, scroll) + Math.max(0, viewport - header)) / size) + overscan;
  return [Math.max(0, start), Math.min(count, Math.max(0, end))];
}

/** The scroll offset that brings line k fully into view (or the current one if it is). */
export function scrollToShow(scroll: number, viewport: number, header: number, size: number, k: number): number {
  const start = k * size;
  const end = start + size;
  const visible = viewport - header;
  if (start < scroll) return start;
  if (end > scroll + visible) return Math.max(0, end - visible);
  return scroll;
}
