/**
 * Lesson Markdown to HTML: math is typeset by KaTeX first (kept out of Markdown's way by
 * placeholders), then marked renders the rest. Lesson files are our own content.
 */
import { Marked } from 'marked';
import katex from 'katex';
// Lesson text is typeset here, at once: its stylesheet comes with it (the lab loads both later, see katexLoader).
import 'katex/dist/katex.min.css';
import { texToHtml } from '../views/common/Tex';

const marked = new Marked({ gfm: true, breaks: false });

export function renderMarkdown(text: string): string {
  const math: string[] = [];
  const keep = (html: string) => `\u0000${math.push(html) - 1}\u0000`;
  const withMath = text
    .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => keep(`<div class="lesson-math">${texToHtml(tex.trim(), true, katex)}</div>`))
    .replace(/(^|[^\\$])\$([^$\n]+?)\$/g, (_, pre: string, tex: string) => pre + keep(texToHtml(tex.trim(), false, katex)))
    .replace(/\\\$/g, '$');
  const html = marked.parse(withMath, { async: false }) as string;
  // NUL brackets the placeholders: it cannot occur in lesson text, so marked leaves them alone.
  // A table scrolls in its own box on a narrow screen, never the page.
  return (
    html
      // eslint-disable-next-line no-control-regex
      .replace(/\u0000(\d+)\u0000/g, (_, k: string) => math[Number(k)]!)
      .replace(/<table>/g, '<div class="scroll-x"><table>')
      .replace(/<\/table>/g, '</table></div>')
  );
}

/** Inline Markdown (no surrounding <p>), for option labels. */
export function renderInline(text: string): string {
  const html = renderMarkdown(text).trim();
  return html.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
