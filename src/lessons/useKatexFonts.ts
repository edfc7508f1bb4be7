/**
 * Whether the KaTeX fonts a lesson step uses are ready (at least its two main ones, upright and
 * math italic). KaTeX declares its fonts `font-display: block`, so a formula drawn before they
 * arrive is laid out in a fallback and then redrawn wider or narrower, pushing the paragraphs
 * below it (a layout shift of 0.05–0.10 on a phone's first lesson load). A lesson step waits for
 * them — at most `limitMs` — before it is drawn; the fonts are bundled, so on a revisit or
 * offline they are ready at once. Which fonts a step needs: katexFontsIn.
 */
import { useEffect, useState } from 'react';
import { katexFontsReady, loadKatexFonts } from '../views/common/katexLoader';

const MAIN = ['1em KaTeX_Main', 'italic 1em KaTeX_Math'];

export function useKatexFonts(extra: readonly string[] = [], limitMs = 2500): boolean {
  const key = [...new Set([...MAIN, ...extra])].sort().join('|');
  const [done, setDone] = useState<string | null>(() => (katexFontsReady(key.split('|')) ? key : null));
  useEffect(() => {
    let live = true;
    void loadKatexFonts(key.split('|'), limitMs).then(() => {
      if (live) setDone(key);
    });
    return () => {
      live = false;
    };
  }, [key, limitMs]);
  return done === key || katexFontsReady(key.split('|'));
}
