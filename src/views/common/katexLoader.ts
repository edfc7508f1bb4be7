/**
 * KaTeX on demand: about 75 kB (gzip) of the lab's first load was the typesetter and its CSS,
 * which the first screen needs only for a few short labels (d, λ, σ₀, 𝓛, R ≈ UVᵀ). The lab
 * starts with those labels in plain Unicode (texFallback) and typesets them once the page has
 * settled: the first formula on screen asks for KaTeX when the browser is next idle (at most
 * a second later), so the script that makes the lab usable stays small and its start is not
 * blocked by typesetting. Lessons import KaTeX directly: their text is formulas.
 */
import { useEffect, useSyncExternalStore } from 'react';

type Katex = typeof import('katex').default;

let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;
const listeners = new Set<() => void>();

/** Starts loading KaTeX (and its stylesheet) if it has not started; resolves with it. */
export function loadKatex(): Promise<Katex> {
  loading ??= import('./katexBundle').then((m) => {
    katex = m.default;
    listeners.forEach((listener) => listener());
    return katex;
  });
  return loading;
}

/** KaTeX, or null while it is still loading. */
export function loadedKatex(): Katex | null {
  return katex;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks for KaTeX when the browser is idle (or after `timeout` ms at the latest). */
function loadWhenIdle(timeout = 1000): () => void {
  if (loading) return () => {};
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => void loadKatex(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => void loadKatex(), 200);
  return () => clearTimeout(id);
}

/** KaTeX in a component: null at first, then (one re-render, once loaded) KaTeX. */
export function useKatex(): Katex | null {
  const current = useSyncExternalStore(subscribe, loadedKatex, loadedKatex);
  useEffect(() => (current ? undefined : loadWhenIdle()), [current]);
  return current;
}
