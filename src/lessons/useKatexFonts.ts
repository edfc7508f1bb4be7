/**
 * Whether the KaTeX fonts a lesson step uses are ready (at least its two main ones, upright and
 * math italic). KaTeX declares its fonts `font-display: block`, so a formula drawn before they
 * arrive is laid out in a fallback and then redrawn wider or narrower, pushing the paragraphs
 * below it (a layout shift of 0.05–0.10 on a phone's first lesson load). A lesson step waits for
 * them — at most `limitMs` — before it is drawn; the fonts are bundled, so on a revisit or
 * offline they are ready at once. Which fonts a step needs: katexFontsIn.
 */
import { useEffect, useState } from 'react';

const MAIN = ['1em KaTeX_Main', 'italic 1em KaTeX_Math'];
const ready = new Set<string>();
const loading = new Map<string, Promise<unknown>>();

function allReady(fonts: readonly string[]): boolean {
  if (typeof document === 'undefined' || !document.fonts?.check) return true;
  return fonts.every((font) => {
    if (ready.has(font)) return true;
    try {
      if (document.fonts.check(font)) ready.add(font);
    } catch {
      ready.add(font);
    }
    return ready.has(font);
  });
}

function load(font: string): Promise<unknown> {
  let job = loading.get(font);
  if (!job) {
    job = document.fonts.load(font).then(
      () => ready.add(font),
      () => ready.add(font),
    );
    loading.set(font, job);
  }
  return job;
}

export function useKatexFonts(extra: readonly string[] = [], limitMs = 2500): boolean {
  const key = [...new Set([...MAIN, ...extra])].sort().join('|');
  const [done, setDone] = useState<string | null>(() => (allReady(key.split('|')) ? key : null));
  useEffect(() => {
    const fonts = key.split('|');
    if (allReady(fonts)) {
      setDone(key);
      return;
    }
    let live = true;
    const finish = () => {
      if (live) setDone(key);
    };
    Promise.all(fonts.map(load)).then(finish, finish);
    const limit = setTimeout(finish, limitMs);
    return () => {
      live = false;
      clearTimeout(limit);
    };
  }, [key, limitMs]);
  return done === key || allReady(key.split('|'));
}
