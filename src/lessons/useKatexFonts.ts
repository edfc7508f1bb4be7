/**
 * Whether KaTeX's two main fonts (upright and math italic) are ready. KaTeX declares its fonts
 * `font-display: block`, so a formula drawn before they arrive is laid out in a fallback and then
 * redrawn wider or narrower, pushing the paragraphs below it (a layout shift of 0.05–0.10 on a
 * phone's first lesson load). A lesson step waits for them — at most `limitMs` — before it is
 * drawn; the fonts are bundled, so on a revisit or offline they are ready at once.
 */
import { useEffect, useState } from 'react';

const FONTS = ['1em KaTeX_Main', 'italic 1em KaTeX_Math'];
let loaded = false;
let loading: Promise<unknown> | null = null;

function fontsReady(): boolean {
  if (loaded) return true;
  if (typeof document === 'undefined' || !document.fonts?.check) return true;
  try {
    loaded = FONTS.every((font) => document.fonts.check(font));
  } catch {
    loaded = true;
  }
  return loaded;
}

export function useKatexFonts(limitMs = 2500): boolean {
  const [ready, setReady] = useState(fontsReady);
  useEffect(() => {
    if (ready) return;
    let live = true;
    const done = () => {
      loaded = true;
      if (live) setReady(true);
    };
    loading ??= Promise.all(FONTS.map((font) => document.fonts.load(font)));
    loading.then(done, done);
    const limit = setTimeout(done, limitMs);
    return () => {
      live = false;
      clearTimeout(limit);
    };
  }, [ready, limitMs]);
  return ready;
}
