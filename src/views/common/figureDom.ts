/**
 * Reads a figure off the screen into parts (figureExport.ts writes them): each SVG is cloned with
 * its computed styles inlined, each canvas becomes an image, and HTML (the rating grid, a legend)
 * becomes what it looks like — rectangles for its backgrounds and borders, a line of text for each
 * line of its text — at the place it has on screen. Several roots are stacked top to bottom.
 * The measuring is injected (FigureEnv), so tests can run it without a layout engine.
 */
import { inlineStyle, isTransparent, xmlEscape, type FigureContent, type FigurePart, type StyleLike } from './figureExport';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface FigureEnv {
  style(el: Element): StyleLike;
  rect(el: Element): Box;
  /** The lines a text node is drawn on: its words grouped by line, with their box. */
  textLines(node: Text): { text: string; box: Box }[];
  /** The share of an element's content shown (below 1 when CSS cuts it off with an ellipsis); 1 when unknown. */
  shown?(el: Element): number;
}

/** Gap between stacked roots (px). */
const STACK_GAP = 16;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'TEMPLATE', 'NOSCRIPT']);
const SVG_NS = 'http://www.w3.org/2000/svg';

const hidden = (s: StyleLike) =>
  s.getPropertyValue('display') === 'none' ||
  s.getPropertyValue('visibility') === 'hidden' ||
  s.getPropertyValue('opacity') === '0';

/** The browser's measurements (getComputedStyle, getBoundingClientRect, Range for text lines). */
export function browserEnv(): FigureEnv {
  return {
    style: (el) => getComputedStyle(el),
    rect: (el) => el.getBoundingClientRect(),
    shown(el) {
      const h = el as HTMLElement;
      const wide = h.scrollWidth > h.clientWidth + 1 ? h.clientWidth / h.scrollWidth : 1;
      const tall = h.scrollHeight > h.clientHeight + 1 ? h.clientHeight / h.scrollHeight : 1;
      return Math.min(wide, tall);
    },
    textLines(node) {
      const doc = node.ownerDocument;
      // Whitespace collapsed but kept at the ends: a space between two inline parts is in the measured box.
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      const range = doc.createRange();
      range.selectNodeContents(node);
      const rects = typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
      if (rects.length <= 1) {
        const box = rects[0] ?? node.parentElement?.getBoundingClientRect();
        return box && text.trim() ? [{ text, box }] : [];
      }
      // Wrapped text: measure word by word and start a new line where a word drops below the last.
      const lines: { text: string; box: Box }[] = [];
      const raw = node.textContent ?? '';
      const words = raw.matchAll(/\S+/g);
      for (const w of words) {
        range.setStart(node, w.index);
        range.setEnd(node, w.index + w[0].length);
        const r = range.getBoundingClientRect();
        const last = lines[lines.length - 1];
        if (last && Math.abs(r.top - last.box.top) < r.height / 2) {
          last.text += ` ${w[0]}`;
          last.box = { ...last.box, width: r.left + r.width - last.box.left };
        } else lines.push({ text: w[0], box: { left: r.left, top: r.top, width: r.width, height: r.height } });
      }
      return lines;
    },
  };
}

/** Copies computed styles from an SVG subtree onto its clone, dropping what is not displayed. */
function inlineTree(source: Element, clone: Element, env: FigureEnv, parent: StyleLike | null) {
  const style = env.style(source);
  clone.setAttribute('style', inlineStyle(style, parent));
  clone.removeAttribute('class');
  const from = Array.from(source.children);
  const to = Array.from(clone.children);
  from.forEach((child, k) => {
    const c = to[k]!;
    if (child.tagName.toLowerCase() === 'title') return;
    if (hidden(env.style(child))) c.remove();
    else inlineTree(child, c, env, style);
  });
}

/** One SVG element (with everything inside) as markup at (x, y). */
export function svgPart(svg: Element, x: number, y: number, box: Box, env: FigureEnv): string {
  const clone = svg.cloneNode(true) as Element;
  inlineTree(svg, clone, env, null);
  clone.setAttribute('x', fmt(x));
  clone.setAttribute('y', fmt(y));
  clone.setAttribute('width', fmt(box.width));
  clone.setAttribute('height', fmt(box.height));
  clone.setAttribute('overflow', 'visible');
  for (const a of ['role', 'aria-label', 'aria-hidden']) clone.removeAttribute(a);
  const out = new XMLSerializer().serializeToString(clone);
  return out;
}

const fmt = (v: number) => String(Math.round(v * 100) / 100);
const px = (s: StyleLike, p: string) => parseFloat(s.getPropertyValue(p)) || 0;

/** An HTML element's own look: its background and its borders. */
function boxMarkup(style: StyleLike, x: number, y: number, b: Box): string {
  let out = '';
  let bg = style.getPropertyValue('background-color');
  // A gradient (the evaluation's hatched baseline bars) is drawn in its first colour: a bar must not vanish.
  const image = style.getPropertyValue('background-image');
  if (isTransparent(bg) && image.includes('gradient')) bg = /rgba?\([^)]*\)/.exec(image)?.[0] ?? bg;
  if (!isTransparent(bg)) {
    const r = px(style, 'border-top-left-radius');
    out += `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(b.width)}" height="${fmt(b.height)}"${r ? ` rx="${fmt(r)}"` : ''} fill="${bg}"/>`;
  }
  const sides = [
    ['top', x, y, x + b.width, y],
    ['right', x + b.width, y, x + b.width, y + b.height],
    ['bottom', x, y + b.height, x + b.width, y + b.height],
    ['left', x, y, x, y + b.height],
  ] as const;
  for (const [side, x1, y1, x2, y2] of sides) {
    const w = px(style, `border-${side}-width`);
    const color = style.getPropertyValue(`border-${side}-color`);
    const kind = style.getPropertyValue(`border-${side}-style`);
    if (!w || kind === 'none' || kind === 'hidden' || isTransparent(color)) continue;
    // The border lies inside the box: its centre line is half its width in.
    const inX = side === 'left' ? w / 2 : side === 'right' ? -w / 2 : 0;
    const inY = side === 'top' ? w / 2 : side === 'bottom' ? -w / 2 : 0;
    const dash =
      kind === 'dashed'
        ? ` stroke-dasharray="${fmt(w * 3)} ${fmt(w * 2)}"`
        : kind === 'dotted'
          ? ` stroke-dasharray="${fmt(w)}"`
          : '';
    out += `<line x1="${fmt(x1 + inX)}" y1="${fmt(y1 + inY)}" x2="${fmt(x2 + inX)}" y2="${fmt(y2 + inY)}" stroke="${color}" stroke-width="${fmt(w)}"${dash}/>`;
  }
  return out;
}

/**
 * A line of HTML text where it is drawn, stretched to the width it has on screen (textLength), so
 * that a fallback font of another width neither overlaps its neighbours nor leaves a gap.
 */
function textMarkup(text: string, style: StyleLike, x: number, y: number, b: Box): string {
  const size = px(style, 'font-size') || 16;
  const color = style.getPropertyValue('color') || '#000';
  const weight = style.getPropertyValue('font-weight');
  const italic = style.getPropertyValue('font-style') === 'italic';
  const family = inlineStyle({ getPropertyValue: (p) => (p === 'font-family' ? style.getPropertyValue(p) : '') }, null);
  const baseline = y + b.height / 2 + size * 0.35;
  const fit = b.width > 0 ? ` textLength="${fmt(b.width)}" lengthAdjust="spacingAndGlyphs"` : '';
  return (
    `<text x="${fmt(x)}" y="${fmt(baseline)}"${fit} font-size="${fmt(size)}" fill="${color}"` +
    `${weight && weight !== '400' && weight !== 'normal' ? ` font-weight="${weight}"` : ''}${italic ? ' font-style="italic"' : ''}` +
    ` style="${family};white-space:pre">${xmlEscape(text)}</text>`
  );
}

/**
 * Text written vertically (the rating grid's long column titles): one rotated line, cut with "…" as
 * the screen cuts it, reading bottom to top when CSS turns it over (rotate(180deg)).
 */
function verticalText(el: Element, node: Text, lines: { box: Box }[], style: StyleLike, origin: Box, dy: number, env: FigureEnv) {
  // The text's own box, kept within its element's (a cut title's text runs on beyond it, unseen).
  const own = env.rect(el);
  const left = Math.max(own.left, Math.min(...lines.map((l) => l.box.left)));
  const top = Math.max(own.top, Math.min(...lines.map((l) => l.box.top)));
  const right = Math.min(own.left + own.width, Math.max(...lines.map((l) => l.box.left + l.box.width)));
  const bottom = Math.min(own.top + own.height, Math.max(...lines.map((l) => l.box.top + l.box.height)));
  let text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  const shown = env.shown?.(el) ?? 1;
  if (shown < 1) text = `${text.slice(0, Math.max(1, Math.floor(text.length * shown) - 1))}…`;
  const turned = /matrix\(-1/.test(style.getPropertyValue('transform'));
  const size = px(style, 'font-size') || 16;
  const cx = (left + right) / 2 - origin.left;
  const cy = (top + bottom) / 2 - origin.top + dy;
  const family = inlineStyle({ getPropertyValue: (p) => (p === 'font-family' ? style.getPropertyValue(p) : '') }, null);
  const weight = style.getPropertyValue('font-weight');
  return (
    `<text transform="translate(${fmt(cx)},${fmt(cy)}) rotate(${turned ? -90 : 90})" y="${fmt(size * 0.35)}" text-anchor="middle"` +
    ` textLength="${fmt(bottom - top)}" lengthAdjust="spacingAndGlyphs" font-size="${fmt(size)}" fill="${style.getPropertyValue('color') || '#000'}"` +
    `${weight && weight !== '400' && weight !== 'normal' ? ` font-weight="${weight}"` : ''} style="${family}">${xmlEscape(text)}</text>`
  );
}

const visible = (b: Box) => b.width > 1 && b.height > 1;

/** Walks one root, appending its parts with positions relative to (originX, originY) on screen, shifted by dy. */
function walk(el: Element, origin: Box, dy: number, env: FigureEnv, parts: FigurePart[]) {
  if (el.hasAttribute('data-figure-skip') || SKIP_TAGS.has(el.tagName.toUpperCase())) return;
  const style = env.style(el);
  if (style.getPropertyValue('display') === 'none') return;
  const b = env.rect(el);
  const x = b.left - origin.left;
  const y = b.top - origin.top + dy;
  const tag = el.tagName.toLowerCase();
  if (el.namespaceURI === SVG_NS || tag === 'svg') {
    if (tag === 'svg' && visible(b) && !hidden(style)) parts.push({ kind: 'markup', markup: svgPart(el, x, y, b, env) });
    return;
  }
  if (tag === 'canvas') {
    const canvas = el as HTMLCanvasElement;
    if (visible(b) && !hidden(style))
      parts.push({
        kind: 'raster',
        x,
        y,
        width: b.width,
        height: b.height,
        href: () => canvas.toDataURL('image/png'),
        source: canvas,
      });
    return;
  }
  // Screen-reader-only text (a 1 px clipped box) is not part of the picture.
  if (!visible(b) && style.getPropertyValue('position') === 'absolute') return;
  const shown = style.getPropertyValue('visibility') !== 'hidden' && style.getPropertyValue('opacity') !== '0';
  if (shown && visible(b)) {
    const markup = boxMarkup(style, x, y, b);
    if (markup) parts.push({ kind: 'markup', markup });
  }
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) {
      if (!shown || !(child.textContent ?? '').trim()) continue;
      const lines = env.textLines(child as Text);
      if (style.getPropertyValue('writing-mode').startsWith('vertical') && lines.length > 0) {
        parts.push({ kind: 'markup', markup: verticalText(el, child as Text, lines, style, origin, dy, env) });
        continue;
      }
      for (const line of lines) {
        if (!visible(line.box)) continue;
        const lx = line.box.left - origin.left;
        const ly = line.box.top - origin.top + dy;
        parts.push({ kind: 'markup', markup: textMarkup(line.text, style, lx, ly, line.box) });
      }
    } else if (child.nodeType === 1) walk(child as Element, origin, dy, env, parts);
  }
}

/** Reads figures off the screen: each root's parts at their places, the roots stacked top to bottom. */
export function collectFigure(roots: Element[], env: FigureEnv = browserEnv()): FigureContent {
  const parts: FigurePart[] = [];
  let height = 0;
  let width = 0;
  roots.forEach((root, k) => {
    const box = env.rect(root);
    const dy = k === 0 ? 0 : height + STACK_GAP;
    walk(root, box, dy, env, parts);
    height = dy + box.height;
    width = Math.max(width, box.width);
  });
  return { width: Math.ceil(width), height: Math.ceil(height), parts };
}
