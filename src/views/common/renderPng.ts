/**
 * A figure as a PNG at projector resolution: a canvas exactly PNG_WIDTH pixels wide (the screen's
 * devicePixelRatio plays no part), white, the canvas-painted heatmaps drawn straight into it cell
 * for cell (no smoothing), then the figure's SVG drawn on top at that size.
 */
import { composeFigure, pngSize, rasterPlacements, type ComposeOptions, type FigureContent } from './figureExport';

export async function renderPng(content: FigureContent, options: Pick<ComposeOptions, 'title' | 'caption'>): Promise<Blob> {
  const full = composeFigure(content, options);
  const size = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(full)!;
  const { width, height, scale } = pngSize(Number(size[1]), Number(size[2]));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gave no canvas to draw the PNG on');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = false;
  for (const r of rasterPlacements(content, scale)) {
    if (r.part.source) ctx.drawImage(r.part.source, r.x, r.y, r.width, r.height);
  }
  const svg = composeFigure(content, { ...options, rasters: 'omit', background: false, outWidth: width, outHeight: height });
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}
