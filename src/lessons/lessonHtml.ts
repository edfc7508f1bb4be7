/**
 * The lessons' HTML as the build typeset it (src/cli/lessonHtmlPlugin.ts): every step title of
 * the course at once (the course page and the sidebar list them all), and a lesson's own text —
 * its paragraphs, formulas, exercises and notes — as a small chunk fetched when the lesson opens.
 * A lesson page then needs neither KaTeX (75 kB) nor marked before its text is on screen; they
 * come later, for the labs' formulas and anything the build did not see.
 */
import { useEffect, useState } from 'react';
import { loaders, titles } from 'virtual:lesson-html';

const table = new Map<string, string>(Object.entries(titles));
const loaded = new Set<string>();
const pending = new Map<string, Promise<void>>();

/** The HTML the build typeset for a text (see htmlKey), if it did. */
export function prerendered(key: string): string | undefined {
  return table.get(key);
}

/** Whether a lesson's typeset text is here (or there is none to wait for: an unknown lesson). */
export function lessonHtmlLoaded(slug: string): boolean {
  return loaded.has(slug) || !(slug in loaders);
}

/** Fetches a lesson's typeset text (once). A failure (offline, uncached) leaves the page to typeset it. */
export function loadLessonHtml(slug: string): Promise<void> {
  if (lessonHtmlLoaded(slug)) return Promise.resolve();
  let job = pending.get(slug);
  if (!job) {
    job = loaders[slug]!().then(
      (module) => {
        for (const [key, html] of Object.entries(module.default)) table.set(key, html);
        loaded.add(slug);
      },
      () => {
        pending.delete(slug);
      },
    );
    pending.set(slug, job);
  }
  return job;
}

/** Whether the lesson's typeset text is ready to be drawn (true at once when it was loaded before, or failed). */
export function useLessonHtml(slug: string): boolean {
  const [ready, setReady] = useState<string | null>(() => (lessonHtmlLoaded(slug) ? slug : null));
  useEffect(() => {
    if (lessonHtmlLoaded(slug)) {
      setReady(slug);
      return;
    }
    let live = true;
    void loadLessonHtml(slug).then(() => {
      if (live) setReady(slug);
    });
    return () => {
      live = false;
    };
  }, [slug]);
  return ready === slug || lessonHtmlLoaded(slug);
}
