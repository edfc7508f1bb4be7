/** Places in the course: a step's link, and the steps before and after it across lessons. */
import { LESSONS } from './lessons';
import { routeHash, type Route } from './route';

export interface Place {
  slug: string;
  step: number;
}

export function stepHref(slug: string, step: number, page: 'lesson' | 'present' | 'notes' = 'lesson'): string {
  return routeHash({ page, slug, step } as Route);
}

/** Previous and next places in the course, across lesson boundaries. */
export function neighbours(slug: string, step: number): { prev: Place | null; next: Place | null } {
  const k = LESSONS.findIndex((l) => l.slug === slug);
  const lesson = LESSONS[k];
  if (!lesson) return { prev: null, next: null };
  const prevLesson = LESSONS[k - 1];
  const nextLesson = LESSONS[k + 1];
  return {
    prev: step > 1 ? { slug, step: step - 1 } : prevLesson ? { slug: prevLesson.slug, step: prevLesson.steps.length } : null,
    next: step < lesson.steps.length ? { slug, step: step + 1 } : nextLesson ? { slug: nextLesson.slug, step: 1 } : null,
  };
}
