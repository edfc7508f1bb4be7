/**
 * The KaTeX fonts a lesson step waits for, read off the typeset HTML: the ones its formulas use,
 * none for text without formulas, and every face a course formula needs is one KaTeX declares.
 */
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { katexFontsIn } from '../../../src/lessons/katexFonts';
import { LESSONS } from '../../../src/lessons/lessons';
import { lessonTable } from '../../../src/cli/lessonHtmlPlugin';
import { katexOptions } from '../../../src/views/common/katexOptions';

const tex = (math: string, block = false) => katex.renderToString(math, katexOptions(block));

describe('katexFontsIn', () => {
  it('asks for nothing when there is no formula', () => {
    expect(katexFontsIn('<p>The rating matrix R has unknown entries.</p>')).toEqual([]);
  });

  it('asks for the faces a formula uses', () => {
    expect(katexFontsIn(tex('x'))).toEqual(expect.arrayContaining(['1em KaTeX_Main', 'italic 1em KaTeX_Math']));
    expect(katexFontsIn(tex('\\mathcal{L}'))).toContain('1em KaTeX_Caligraphic');
    expect(katexFontsIn(tex('\\mathbb{R}^{m\\times d}'))).toContain('1em KaTeX_AMS');
    const display = katexFontsIn(tex('\\sum_{j} \\left( \\frac{a}{b} \\right)', true));
    expect(display).toContain('1em KaTeX_Size2');
    expect(katexFontsIn(tex('\\mathbf{u}_i'))).toContain('bold 1em KaTeX_Main');
  });

  it('names only faces KaTeX declares, for every text of the course', () => {
    const css = readFileSync('node_modules/katex/dist/katex.min.css', 'utf8');
    const declared = new Set([...css.matchAll(/@font-face\{[^}]*?font-family:(KaTeX_[A-Za-z0-9]+)/g)].map((m) => m[1]));
    const seen = new Set<string>();
    for (const lesson of LESSONS) for (const html of Object.values(lessonTable(lesson))) katexFontsIn(html).forEach((f) => seen.add(f));
    expect(seen.size).toBeGreaterThan(3);
    for (const font of seen) expect(declared.has(font.split(' ').pop()!), font).toBe(true);
  });
});
