/**
 * KaTeX on demand: about 75 kB (gzip) of the lab's first load was the typesetter and its CSS,
 * which the first screen needs only for a few short labels (d, λ, σ₀, 𝓛, R ≈ UVᵀ). The lab
 * starts with those labels in plain Unicode (texFallback) and typesets them once the page has
 * settled: the first formula on screen asks for KaTeX when the browser is next idle (at most
 * a second later), so the script that makes the lab usable stays small and its start is not
 * blocked by typesetting. Lessons import KaTeX directly: their text is formulas.
 */
import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import { whenIdle } from './whenIdle';

type Katex = typeof import('katex').default;

let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;
const listeners = new Set<() => void>();

/** Starts loading KaTeX (and its stylesheet) if it has not started; resolves with it. */
export function loadKatex(): Promise<Katex> {
  loading ??= import('./katexBundle').then(async (m) => {
    await loadKatexFonts(FIRST_FACES, FONTS_LIMIT_MS);
    katex = m.default;
    listeners.forEach((listener) => listener());
    return katex;
  });
  return loading;
}

/**
 * KaTeX's main fonts are fetched before any formula is typeset (at most FONTS_LIMIT_MS): KaTeX declares
 * them `font-display: block`, so formulas put on the page first were laid out twice — invisible in
 * a fallback, then again in the font as each file arrived — with the page's layout redone each time.
 * These are the faces of the formulas on the lab's first screen (d, λ, σ₀ in Math italic; 𝓛 in
 * Caligraphic; digits and = in Main); a lesson step asks for those its own formulas use (useKatexFonts).
 */
const FIRST_FACES = ['1em KaTeX_Main', 'italic 1em KaTeX_Math', '1em KaTeX_Caligraphic'];
const FONTS_LIMIT_MS = 1500;

const fontsReady = new Set<string>();
const fontLoads = new Map<string, Promise<unknown>>();

/** Whether these KaTeX faces (as `document.fonts.load` takes them) are ready; true where fonts cannot be checked. */
export function katexFontsReady(fonts: readonly string[]): boolean {
  if (typeof document === 'undefined' || !document.fonts?.check) return true;
  return fonts.every((font) => {
    if (!fontsReady.has(font)) {
      try {
        if (document.fonts.check(font)) fontsReady.add(font);
      } catch {
        fontsReady.add(font);
      }
    }
    return fontsReady.has(font);
  });
}

/** Fetches these KaTeX faces (each once); resolves when all have come or failed, or after `limitMs`. */
export function loadKatexFonts(fonts: readonly string[], limitMs: number): Promise<void> {
  if (katexFontsReady(fonts) || !document.fonts?.load) return Promise.resolve();
  const all = fonts.map((font) => {
    let job = fontLoads.get(font);
    if (!job) {
      const done = () => fontsReady.add(font);
      job = document.fonts.load(font).then(done, done);
      fontLoads.set(font, job);
    }
    return job;
  });
  return new Promise<void>((resolve) => {
    const limit = setTimeout(resolve, limitMs);
    void Promise.all(all).then(() => {
      clearTimeout(limit);
      resolve();
    });
  });
}

/** KaTeX, or null while it is still loading. */
export function loadedKatex(): Katex | null {
  return katex;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Pages that hold KaTeX back until their first screen is usable (the lab: until its first model
 * is on screen, which needs the worker). While any hold is on, idle moments do not fetch KaTeX;
 * the last release asks again. A hold lapses by itself after HOLD_LIMIT_MS, so formulas never
 * wait on a page that never gets ready.
 */
let holds = 0;
let wantedDuringHold = false;
const HOLD_LIMIT_MS = 20_000;

function hold(): () => void {
  holds++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(lapse);
    holds--;
    if (holds === 0 && wantedDuringHold) {
      wantedDuringHold = false;
      loadWhenIdle();
    }
  };
  const lapse = setTimeout(release, HOLD_LIMIT_MS);
  return release;
}

/**
 * Keeps KaTeX from loading while `waiting` is true (the caller's first screen is not ready).
 * A layout effect, so the hold is in place before any formula below asks for KaTeX.
 */
export function useHoldKatex(waiting: boolean): void {
  useLayoutEffect(() => (waiting && !loading ? hold() : undefined), [waiting]);
}

/** Asks for KaTeX when the browser is idle (or after `timeout` ms at the latest). */
function loadWhenIdle(timeout = 1000): () => void {
  if (loading) return () => {};
  return whenIdle(() => {
    if (holds > 0) wantedDuringHold = true;
    else void loadKatex();
  }, timeout);
}

/** KaTeX in a component: null at first, then (one re-render, once loaded) KaTeX. */
export function useKatex(): Katex | null {
  const current = useSyncExternalStore(subscribe, loadedKatex, loadedKatex);
  useEffect(() => (current ? undefined : loadWhenIdle()), [current]);
  return current;
}
