/**
 * Lesson Markdown to HTML, given how to typeset a formula: math is typeset first (kept out of
 * Markdown's way by placeholders), then marked renders the rest. Pure: the build typesets every
 * lesson with it ahead of time (src/cli/lessonHtmlPlugin.ts) and the page uses it for what the
 * build did not see. Lesson files are our own content.
 */
import { Marked } from 'marked';

/** Typesets one formula as HTML (display math when `block`). */
export type TypesetTex = (math: string, block: boolean) => string;

const marked = new Marked({ gfm: true, breaks: false });

export function markdownToHtml(text: string, tex: TypesetTex): string {
  const math: string[] = [];
  const keep = (html: string) => `\u0000${math.push(html) - 1}\u0000`;
  const withMath = text
    .replace(/\$\$([\s\S]+?)\$\$/g, (_, body: string) => keep(`<div class="lesson-math">${tex(body.trim(), true)}</div>`))
    .replace(/(^|[^\\$])\$([^$\n]+?)\$/g, (_, pre: string, body: string) => pre + keep(tex(body.trim(), false)))
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

/** Inline Markdown (no surrounding <p>), for option labels and titles. */
export function inlineMarkdownToHtml(text: string, tex: TypesetTex): string {
  const html = markdownToHtml(text, tex).trim();
  return html.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
