/**
 * Matrices and vectors for KaTeX, with long ones clipped (⋮ / ⋯) so that an ML-sized V
 * still typesets; numbers to a fixed number of digits.
 */
import { texNumber } from './Tex';

export function texMatrixClipped(rows: readonly (readonly number[])[], digits = 2, maxRows = 8, maxCols = 8): string {
  if (rows.length === 0) return '\\begin{pmatrix}\\end{pmatrix}';
  const cols = rows[0]!.length;
  const rowIdx = clipIndices(rows.length, maxRows);
  const colIdx = clipIndices(cols, maxCols);
  const body = rowIdx
    .map((r) =>
      r === -1
        ? colIdx.map((c) => (c === -1 ? '\\ddots' : '\\vdots')).join(' & ')
        : colIdx.map((c) => (c === -1 ? '\\cdots' : texNumber(rows[r]![c]!, digits))).join(' & '),
    )
    .join(' \\\\ ');
  return `\\begin{pmatrix}${body}\\end{pmatrix}`;
}

/** A column vector. */
export function texColumn(values: readonly number[], digits = 2, maxRows = 8): string {
  return texMatrixClipped(
    values.map((v) => [v]),
    digits,
    maxRows,
    1,
  );
}

/** A diagonal matrix diag(values), clipped. */
export function texDiag(values: readonly number[], digits = 2, max = 8): string {
  const idx = clipIndices(values.length, max);
  const body = idx
    .map((r, a) =>
      idx
        .map((c, b) => {
          if (r === -1 || c === -1) return a === b ? '\\ddots' : '';
          return r === c ? texNumber(values[r]!, digits) : a === b ? '' : '0';
        })
        .join(' & '),
    )
    .join(' \\\\ ');
  return `\\begin{pmatrix}${body}\\end{pmatrix}`;
}

/** Indices to show: all when few, else the first max−2, a gap (−1) and the last. */
function clipIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, k) => k);
  return [...Array.from({ length: max - 2 }, (_, k) => k), -1, n - 1];
}
