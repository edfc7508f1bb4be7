/**
 * When the page's own fonts (Atkinson Hyperlegible and its mono) are used.
 *
 * A browser that has loaded them before has them cached (HTTP cache, and the offline cache):
 * their stylesheet is added with the page — by the inline loader of index.html before the
 * first frame, or here in development — and Atkinson shows from the first frame.
 *
 * On a first visit the page is drawn, and stays, in the fallback faces of styles.css: a system
 * font given Atkinson's advance, ascent and descent. Once the page is up (the lab's first model on
 * screen, or an idle moment on other pages) the font files are fetched in the background, for
 * the next visit. Asked for with the page, the six files (about 75 kB) shared a phone's slow
 * network with the script and each arrival laid the whole page out again while it was being
 * built (Lighthouse mobile: ~0.6 s later largest paint, ~150 ms more blocking); swapped in later,
 * the small differences in width re-wrapped the lab's button rows (a layout shift of 0.19).
 * This is `font-display: optional`'s contract, kept across the whole visit.
 */
import regular from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2?url';
import bold from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2?url';
import mono from '@fontsource/atkinson-hyperlegible-mono/files/atkinson-hyperlegible-mono-latin-400-normal.woff2?url';
import monoBold from '@fontsource/atkinson-hyperlegible-mono/files/atkinson-hyperlegible-mono-latin-700-normal.woff2?url';

/** The localStorage key the inline loader of index.html reads too (vite.config.ts). */
export const FONTS_SEEN_KEY = 'mf-lab-fonts-seen';
/** The attribute on the fonts' stylesheet link when the inline loader added it. */
export const FONTS_LINK_ATTRIBUTE = 'data-web-fonts';

/** The Latin files every page uses; other subsets load when a page needs them. */
export const FIRST_FONT_FILES = [regular, bold, mono, monoBold];

/** Whether this browser has fetched the fonts before (so they are in its cache). */
export function fontsSeenBefore(): boolean {
  try {
    return localStorage.getItem(FONTS_SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

let applied = false;

/** Uses the fonts now: adds their stylesheet unless the inline loader already did. */
export function applyWebFonts(): void {
  if (applied || typeof document === 'undefined') return;
  applied = true;
  if (document.querySelector(`link[${FONTS_LINK_ATTRIBUTE}]`)) return;
  void import('./webFonts.css').catch(() => {
    applied = false;
  });
}

let fetching: Promise<boolean> | null = null;

/**
 * Fetches the font files for the next visit, without using them in this one; remembers that
 * they came. Resolves whether they did (offline and uncached, say, they did not: the fallback
 * faces stay, and the page works the same).
 */
export function prefetchWebFonts(load: (url: string) => Promise<unknown> = fetchOk): Promise<boolean> {
  fetching ??= Promise.all(FIRST_FONT_FILES.map((url) => load(url)))
    .then(() => {
      try {
        localStorage.setItem(FONTS_SEEN_KEY, '1');
      } catch {
        // Storage full or refused: the next visit starts in the fallback faces again, nothing more.
      }
      return true;
    })
    .catch(() => {
      fetching = null;
      return false;
    });
  return fetching;
}

async function fetchOk(url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  await response.arrayBuffer();
}

/** At start: the fonts at once when this browser has them, else nothing until the page is up. */
export function startWebFonts(): void {
  if (fontsSeenBefore()) applyWebFonts();
}

/** Once the page is up: on a first visit, fetch the fonts for the next one. */
export function afterPageUp(): void {
  if (!fontsSeenBefore()) void prefetchWebFonts();
}
