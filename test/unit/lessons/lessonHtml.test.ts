/**
 * The lessons typeset by the build: every text a lesson page draws from its Markdown has its
 * HTML in the lesson's table (so the page needs neither KaTeX nor marked to show it), that HTML
 * is what the page itself would have produced, and no formula of the course fails to typeset.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { loaders, titles } from 'virtual:lesson-html';
import { LESSONS } from '../../../src/lessons/lessons';
import { lessonTable } from '../../../src/cli/lessonHtmlPlugin';
import { htmlKey } from '../../../src/lessons/htmlKey';
import { inlineMarkdownToHtml, markdownToHtml } from '../../../src/lessons/markdownCore';
import { texToHtml } from '../../../src/views/common/Tex';

const tex = (math: string, block: boolean) => texToHtml(math, block, katex);

describe('lessons typeset by the build', () => {
  it('has a chunk for every lesson and every title of the course', () => {
    expect(Object.keys(loaders).sort()).toEqual(LESSONS.map((l) => l.slug).sort());
    for (const lesson of LESSONS)
      for (const title of [lesson.title, ...lesson.steps.map((s) => s.title)])
        expect(titles[htmlKey(title, true)], title).toBe(inlineMarkdownToHtml(title, tex));
  });

  it('typesets every text a lesson page shows, as the page would', async () => {
    let texts = 0;
    for (const lesson of LESSONS) {
      const table = (await loaders[lesson.slug]!()).default;
      expect(table).toEqual(lessonTable(lesson));
      for (const step of lesson.steps)
        for (const block of step.blocks) {
          const wanted: [string, boolean][] =
            block.kind === 'markdown'
              ? [[block.text, false]]
              : block.kind === 'exercise'
                ? [[block.prompt, false], ...block.options.map((o): [string, boolean] => [o.text, true]), ...(block.explanation ? [[block.explanation, false] as [string, boolean]] : [])]
                : [];
          for (const [text, inline] of wanted) {
            texts++;
            const html = table[htmlKey(text, inline)];
            expect(html, `${lesson.slug}: ${text.slice(0, 60)}`).toBe(inline ? inlineMarkdownToHtml(text, tex) : markdownToHtml(text, tex));
          }
        }
    }
    expect(texts).toBeGreaterThan(100);
  });

  it('no formula of the course fails to typeset', async () => {
    for (const lesson of LESSONS) {
      const table = (await loaders[lesson.slug]!()).default;
      for (const [key, html] of Object.entries(table)) expect(html, `${lesson.slug}: ${key.slice(0, 80)}`).not.toContain('katex-error');
    }
  });
});
