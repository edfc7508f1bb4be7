/**
 * The texts of a lesson step that are typeset from Markdown, in order: its title, paragraphs,
 * exercises (prompt, options, explanation) and speaker notes. The build typesets exactly these
 * (src/cli/lessonHtmlPlugin.ts); the page asks for the fonts their formulas use (katexFontsIn).
 */
import type { LessonStep } from './parseLesson';

/** [text, inline] pairs; empty texts left out. */
export function stepTexts(step: LessonStep, withNotes = true): [string, boolean][] {
  const texts: [string, boolean][] = [[step.title, true]];
  if (withNotes) texts.push([step.notes, false]);
  for (const block of step.blocks) {
    if (block.kind === 'markdown') texts.push([block.text, false]);
    else if (block.kind === 'exercise') {
      texts.push([block.prompt, false], [block.explanation, false]);
      for (const option of block.options) texts.push([option.text, true]);
    }
  }
  return texts.filter(([text]) => text);
}
