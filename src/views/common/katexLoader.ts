/**
 * KaTeX on demand: about 70 kB of the lab's first load is the typesetter and its CSS, which
 * the first screen needs only for a few short labels (d, λ, σ₀, 𝓛, R ≈ UVᵀ). The lab starts
 * at once with those labels in plain Unicode (texFallback) and typesets them when KaTeX has
 * arrived — a fraction of a second later, fetched in parallel from the first moment.
 */
import { useSyncExternalStore } from 'react';

type Katex = typeof import('katex').default;

let katex: Katex | null = null;
const listeners = new Set<() => void>();

/** Resolves with KaTeX (and its stylesheet) once loaded; the import starts when this module loads. */
export const katexReady: Promise<Katex> = import('./katexBundle').then((m) => {
  katex = m.default;
  listeners.forEach((listener) => listener());
  return katex;
});

/** KaTeX, or null while it is still loading. */
export function loadedKatex(): Katex | null {
  return katex;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** KaTeX in a component: null at first, then (one re-render) KaTeX. */
export function useKatex(): Katex | null {
  return useSyncExternalStore(subscribe, loadedKatex, loadedKatex);
}
