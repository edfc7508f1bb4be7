/**
 * The course: every file in lessons/, parsed at build time by Vite's glob import and
 * ordered by the number in its name. Adding a lesson is adding a file.
 */
import { parseLesson, type Lesson } from './parseLesson';

const files = import.meta.glob('/lessons/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const LESSONS: Lesson[] = Object.entries(files)
  .map(([path, source]) => parseLesson(source, path))
  .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));

export function lessonBySlug(slug: string): Lesson | undefined {
  return LESSONS.find((l) => l.slug === slug);
}
