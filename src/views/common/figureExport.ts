/**
 * Figures for slides: the pure parts of "Save figure". A figure on screen is read into parts
 * (figureDom.ts) and written here as one self-contained SVG — every style the app sets with CSS
 * classes and variables copied onto the elements, fonts named with a fallback stack, a white
 * background, a title and the step / λ / d caption — which the PNG is then rendered from at
 * projector resolution (1920 px wide, whatever the screen's devicePixelRatio).
 */

import { PNG_WIDTH } from './figureSize';

/** Width of a saved PNG in pixels: a 1080p projector's (in figureSize.ts, which the Save figure button reads without loading this module). */
export { PNG_WIDTH };
/** Browsers refuse canvases beyond about this many pixels a side. */
export const PNG_MAX_SIDE = 16384;

/** The presentation properties copied from the computed style onto every element of a saved SVG. */
export const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'visibility',
  'paint-order',
  'shape-rendering',
] as const;
/** Of STYLE_PROPS, those an element does not inherit from its parent: written whenever not at their initial value. */
const NOT_INHERITED: Record<string, string> = { opacity: '1' };

/** The app's fonts are named first; a slide without them falls back to fonts every system has. */
export const SANS_STACK = ['Atkinson Hyperlegible', 'Verdana', 'Arial', 'Helvetica', 'sans-serif'];
export const MONO_STACK = ['Atkinson Hyperlegible Mono', 'DejaVu Sans Mono', 'Menlo', 'Consolas', 'monospace'];
const SERIF_STACK = ['Times New Roman', 'Times', 'serif'];
const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'system-ui', 'cursive', 'fantasy', 'ui-sans-serif', 'ui-monospace']);

/** A computed font-family with the fallbacks of its kind appended (monospaced, KaTeX's serif, or sans-serif). */
export function withFallbacks(fontFamily: string): string {
  const names = fontFamily
    .split(',')
    .map((f) => f.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean)
    // Generic families go last, after the named fallbacks (the stack ends with its own).
    .filter((f) => !GENERIC.has(f));
  const lower = names.join(' ').toLowerCase();
  const stack = lower.includes('mono') ? MONO_STACK : lower.includes('katex') ? SERIF_STACK : SANS_STACK;
  const all = [...names, ...stack.filter((f) => !names.includes(f))];
  return all.map((f) => (/^[A-Za-z_][\w-]*$/.test(f) ? f : `'${f}'`)).join(', ');
}

/** Escapes text for an XML attribute or element. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The computed style an element is drawn with (a CSSStyleDeclaration, or a stand-in in tests). */
export interface StyleLike {
  getPropertyValue(property: string): string;
}

/**
 * The inline style that reproduces an element's computed look without the app's CSS: each of
 * STYLE_PROPS that differs from its parent's (what it would inherit anyway), and opacity when
 * not 1. `parent` null (the outermost element) writes every property.
 */
export function inlineStyle(style: StyleLike, parent: StyleLike | null): string {
  const out: string[] = [];
  for (const p of STYLE_PROPS) {
    let v = style.getPropertyValue(p).trim();
    if (!v || (parent && parent.getPropertyValue(p).trim() === v)) continue;
    if (p === 'font-family') v = withFallbacks(v);
    out.push(`${p}:${v.replace(/"/g, "'")}`);
  }
  for (const [p, initial] of Object.entries(NOT_INHERITED)) {
    const v = style.getPropertyValue(p).trim();
    if (v && v !== initial) out.push(`${p}:${v}`);
  }
  return out.join(';');
}

/** Whether a computed colour paints nothing (transparent, or alpha 0). */
export function isTransparent(color: string): boolean {
  const c = color.trim();
  return !c || c === 'transparent' || /^rgba\(.*,\s*0(\.0+)?\s*\)$/.test(c) || /\/\s*0(\.0+)?\s*\)$/.test(c);
}

/** The pixel size of a saved PNG: `target` wide, the figure's aspect kept, never beyond what a canvas holds. */
export function pngSize(width: number, height: number, target = PNG_WIDTH): { width: number; height: number; scale: number } {
  if (!(width > 0) || !(height > 0)) throw new Error(`A figure of ${width} × ${height} px has nothing to draw.`);
  let scale = target / width;
  if (height * scale > PNG_MAX_SIDE) scale = PNG_MAX_SIDE / height;
  return { width: Math.round(width * scale), height: Math.max(1, Math.round(height * scale)), scale };
}

/** A file name for a saved figure: `mf-lab-loss-step12.svg`. */
export function figureFileName(key: string, step: number | null, ext: 'svg' | 'png'): string {
  const slug =
    key
      .normalize('NFKD')
      .replace(/ᵀ/g, 't')
      .replace(/[^a-zA-Z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'figure';
  return `mf-lab-${slug}${step === null ? '' : `-step${step}`}.${ext}`;
}

export interface CaptionInput {
  step: number | null;
  lambda: number;
  factors: number;
  /** α, for implicit feedback. */
  alpha?: number | null;
  /** The model, e.g. "ALS-WR" (left out when empty). */
  model?: string;
}

/** The caption under a saved figure's title: "step 12 · λ = 0.1 · d = 2". */
export function figureCaption({ step, lambda, factors, alpha, model }: CaptionInput): string {
  return [
    step === null ? 'before the first step' : `step ${step}`,
    `λ = ${lambda}`,
    `d = ${factors}`,
    ...(alpha !== null && alpha !== undefined ? [`α = ${alpha}`] : []),
    ...(model ? [model] : []),
  ].join(' · ');
}

/** A part of a figure already written as SVG markup at its place (a chart, a cell's box, a line of text). */
export interface MarkupPart {
  kind: 'markup';
  markup: string;
}
/** A canvas-painted part (a big heatmap): embedded as an image in the SVG, drawn directly into the PNG. */
export interface RasterPart {
  kind: 'raster';
  x: number;
  y: number;
  width: number;
  height: number;
  /** The canvas as a PNG data URL (for the SVG). */
  href: () => string;
  /** The canvas itself (for the PNG); absent in tests. */
  source?: CanvasImageSource;
}
export type FigurePart = MarkupPart | RasterPart;

/** A figure read from the screen: its parts in their drawing order, in a box of this size (px). */
export interface FigureContent {
  width: number;
  height: number;
  parts: FigurePart[];
}

export interface ComposeOptions {
  title: string;
  caption: string;
  /** Canvas parts as <image> (the SVG file) or left out (the PNG draws them itself, under the rest). */
  rasters?: 'embed' | 'omit';
  /** A white background (left out for the PNG, whose canvas is white already under the rasters). */
  background?: boolean;
  /** The drawn size (the PNG's pixels); the viewBox stays in the figure's own units. */
  outWidth?: number;
  outHeight?: number;
}

const PAD = 24;
const TITLE_PX = 26;
const CAPTION_PX = 17;
/** Room above the content for the title and the caption. */
export const HEADER_H = PAD + TITLE_PX + 10 + CAPTION_PX + 16;

/** The size of the whole saved figure around content of this size: padding, the title and caption above. */
export function figureSize(content: { width: number; height: number }, title: string, caption: string) {
  // A rough width for the header's text (bold 0.68 em, regular 0.55 em per character, as in the wider fallback
  // fonts), so that a long title on a small chart is not cut.
  const text = Math.max(title.length * TITLE_PX * 0.68, caption.length * CAPTION_PX * 0.55);
  const width = Math.ceil(Math.max(content.width, text) + 2 * PAD);
  const height = Math.ceil(HEADER_H + content.height + PAD);
  return { width, height };
}

/** Writes a figure as one self-contained SVG document. */
export function composeFigure(content: FigureContent, options: ComposeOptions): string {
  const { title, caption, rasters = 'embed', background = true } = options;
  const { width, height } = figureSize(content, title, caption);
  const outW = options.outWidth ?? width;
  const outH = options.outHeight ?? height;
  const body = content.parts
    .map((p) => {
      if (p.kind === 'markup') return p.markup;
      if (rasters === 'omit') return '';
      return `<image x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" preserveAspectRatio="none" style="image-rendering:pixelated" href="${p.href()}"/>`;
    })
    .join('');
  const font = withFallbacks(SANS_STACK.join(','));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"`,
    ` width="${outW}" height="${outH}" viewBox="0 0 ${width} ${height}" style="font-family:${font}">`,
    `<title>${xmlEscape(title)}</title>`,
    `<desc>${xmlEscape(`${title}. ${caption}. Saved from MF Lab.`)}</desc>`,
    background ? `<rect width="${width}" height="${height}" fill="#ffffff"/>` : '',
    `<text x="${PAD}" y="${PAD + TITLE_PX * 0.8}" font-size="${TITLE_PX}" font-weight="700" fill="#14213d">${xmlEscape(title)}</text>`,
    `<text x="${PAD}" y="${PAD + TITLE_PX + 10 + CAPTION_PX * 0.8}" font-size="${CAPTION_PX}" fill="#3d4a5c">${xmlEscape(caption)}</text>`,
    `<defs><clipPath id="mf-figure-clip"><rect width="${content.width}" height="${content.height}"/></clipPath></defs>`,
    `<g transform="translate(${PAD},${HEADER_H})" clip-path="url(#mf-figure-clip)">${body}</g>`,
    `</svg>`,
  ].join('');
}

/** Where the canvas parts go in the PNG (its pixels), drawn there before the SVG on top. */
export function rasterPlacements(content: FigureContent, scale: number) {
  return content.parts
    .filter((p): p is RasterPart => p.kind === 'raster')
    .map((p) => ({
      part: p,
      x: (PAD + p.x) * scale,
      y: (HEADER_H + p.y) * scale,
      width: p.width * scale,
      height: p.height * scale,
    }));
}
