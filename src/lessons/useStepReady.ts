/**
 * Whether a lesson step can be drawn: its text as the build typeset it (lessonHtml) and the KaTeX
 * fonts its formulas use (katexFontsIn, useKatexFonts) are here — or have been waited for long
 * enough. Drawn before, its formulas would be laid out twice and move the text around them.
 */
import { useMemo } from 'react';
import { htmlKey } from './htmlKey';
import { katexFontsIn } from './katexFonts';
import { prerendered, useLessonHtml } from './lessonHtml';
import type { Lesson } from './parseLesson';
import { stepTexts } from './stepTexts';
import { useKatexFonts } from './useKatexFonts';

export function useStepReady(slug: string, lesson: Lesson | undefined, step: number): boolean {
  const text = useLessonHtml(slug);
  const needed = useMemo(() => {
    const s = lesson?.steps[step - 1];
    if (!s || !text) return [];
    return katexFontsIn(
      stepTexts(s, false)
        .map(([t, inline]) => prerendered(htmlKey(t, inline)) ?? '')
        .join(''),
    );
  }, [lesson, step, text]);
  const fonts = useKatexFonts(needed);
  return text && fonts;
}
