/**
 * Lesson Markdown as HTML in the page: what the build typeset ahead of time (lessonHtml), else
 * typeset here — by marked and KaTeX, both fetched only when a text needs them (the build typesets
 * every text of every lesson, so a lesson page does not; their formulas show in plain Unicode
 * until KaTeX arrives). Until marked has arrived such a text shows as plain text.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { htmlKey } from './htmlKey';
import { prerendered } from './lessonHtml';
import { escapeHtml, texToHtml } from '../views/common/Tex';
import { loadedKatex, useKatex } from '../views/common/katexLoader';

type Katex = ReturnType<typeof loadedKatex>;
type Core = typeof import('./markdownCore');

let core: Core | null = null;
let coreLoading: Promise<Core> | null = null;
const listeners = new Set<() => void>();

function loadCore(): Promise<Core> {
  coreLoading ??= import('./markdownCore').then((module) => {
    core = module;
    listeners.forEach((listener) => listener());
    return module;
  });
  return coreLoading;
}

function typeset(text: string, inline: boolean, katex: Katex, markdown: Core | null): string {
  const ahead = prerendered(htmlKey(text, inline));
  if (ahead !== undefined) return ahead;
  if (!markdown) return inline ? escapeHtml(text) : `<p>${escapeHtml(text)}</p>`;
  const tex = (math: string, block: boolean) => texToHtml(math, block, katex);
  return inline ? markdown.inlineMarkdownToHtml(text, tex) : markdown.markdownToHtml(text, tex);
}

/** A title as inline HTML now (typeset by the build; otherwise as well as the page can yet), for lists of them. */
export function renderInline(text: string): string {
  return typeset(text, true, loadedKatex(), core);
}

/** Lesson Markdown in a component: typeset by the build, or here (drawn again as marked and KaTeX arrive). */
export function useMarkdownHtml(text: string, inline = false): string {
  const ahead = prerendered(htmlKey(text, inline)) !== undefined;
  const katex = useKatex();
  const markdown = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => core,
    () => core,
  );
  useEffect(() => {
    if (!ahead && !markdown) void loadCore();
  }, [ahead, markdown]);
  return useMemo(() => typeset(text, inline, ahead ? null : katex, markdown), [text, inline, ahead, katex, markdown]);
}
