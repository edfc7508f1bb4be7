/** Paints a row-major matrix onto a canvas at one pixel per cell, from a 256-entry colour table. */
export function paintHeatmap(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  table: { lo: number; hi: number; rgba: Uint32Array },
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(cols, rows);
  const pixels = new Uint32Array(image.data.buffer);
  const span = table.hi - table.lo || 1;
  const missing = 0xffe6e6e6;
  for (let q = 0; q < rows * cols; q++) {
    const v = values[q]!;
    if (!Number.isFinite(v)) {
      pixels[q] = missing;
      continue;
    }
    const k = Math.max(0, Math.min(255, Math.round(((v - table.lo) / span) * 255)));
    pixels[q] = table.rgba[k]!;
  }
  ctx.putImageData(image, 0, 0);
}
