/**
 * The build typesets the lessons: every text a lesson page shows from its Markdown (paragraphs,
 * display and inline formulas, exercise prompts, options and explanations, step titles, speaker
 * notes) becomes HTML here, with the same KaTeX options and the same Markdown renderer as the
 * page (markdownCore). The page imports `virtual:lesson-html`: all the course's titles, and a
 * loader per lesson for the rest (one small chunk each). See src/lessons/lessonHtml.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import katex from 'katex';
import type { Plugin } from 'vite';
import { parseLesson, type Lesson } from '../lessons/parseLesson.ts';
import { inlineMarkdownToHtml, markdownToHtml } from '../lessons/markdownCore.ts';
import { htmlKey } from '../lessons/htmlKey.ts';
import { stepTexts } from '../lessons/stepTexts.ts';
import { katexOptions } from '../views/common/katexOptions.ts';

const INDEX = 'virtual:lesson-html';
const PREFIX = `${INDEX}/`;

const tex = (math: string, block: boolean) => katex.renderToString(math, katexOptions(block));

/** Every text of a lesson that the page typesets, by its key. */
export function lessonTable(lesson: Lesson): Record<string, string> {
  const table: Record<string, string> = {};
  const add = (text: string, inline: boolean) => {
    if (!text) return;
    const key = htmlKey(text, inline);
    table[key] ??= inline ? inlineMarkdownToHtml(text, tex) : markdownToHtml(text, tex);
  };
  add(lesson.title, true);
  for (const step of lesson.steps) for (const [text, inline] of stepTexts(step)) add(text, inline);
  return table;
}

export function lessonHtmlPlugin(folder = 'lessons'): Plugin {
  let root = process.cwd();
  const read = (): { lessons: Lesson[]; files: string[] } => {
    const dir = path.join(root, folder);
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(dir, name));
    // The same path as lessons.ts's glob gives parseLesson, so the slugs agree.
    const lessons = files.map((file) => parseLesson(readFileSync(file, 'utf8'), `/${folder}/${path.basename(file)}`));
    return { lessons, files };
  };
  return {
    name: 'mf-lab-lesson-html',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === INDEX || id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${INDEX}`)) return undefined;
      const { lessons, files } = read();
      for (const file of files) this.addWatchFile(file);
      if (id === `\0${INDEX}`) {
        const titles: Record<string, string> = {};
        for (const lesson of lessons)
          for (const text of [lesson.title, ...lesson.steps.map((s) => s.title)])
            titles[htmlKey(text, true)] ??= inlineMarkdownToHtml(text, tex);
        const loaders = lessons.map((l) => `  ${JSON.stringify(l.slug)}: () => import(${JSON.stringify(PREFIX + l.slug)}),`);
        return `export const titles = ${JSON.stringify(titles)};\nexport const loaders = {\n${loaders.join('\n')}\n};\n`;
      }
      const slug = id.slice(`\0${PREFIX}`.length);
      const lesson = lessons.find((l) => l.slug === slug);
      if (!lesson) this.error(`No lesson “${slug}” in ${folder}/`);
      return `export default ${JSON.stringify(lessonTable(lesson))};\n`;
    },
  };
}
