// @vitest-environment jsdom
/**
 * The page's fonts on a first visit and after: fetched for the next visit once the page is up
 * (and remembered only when all of them came), used from the start once remembered, and a
 * refusal (offline, storage that throws) leaves the fallback faces and no error.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type WebFonts = typeof import('../../../src/fonts/webFonts');

async function fresh(): Promise<WebFonts> {
  vi.resetModules();
  return import('../../../src/fonts/webFonts');
}

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(new ArrayBuffer(8))),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('web fonts', () => {
  it('a first visit fetches the four Latin files for the next visit and remembers it', async () => {
    const fonts = await fresh();
    expect(fonts.fontsSeenBefore()).toBe(false);
    const asked: string[] = [];
    const ok = await fonts.prefetchWebFonts(async (url) => asked.push(url));
    expect(ok).toBe(true);
    expect(asked).toEqual(fonts.FIRST_FONT_FILES);
    expect(asked).toHaveLength(4);
    expect(asked.every((url) => /atkinson-hyperlegible.*latin-(400|700)-normal.*\.woff2/.test(url))).toBe(true);
    expect(localStorage.getItem(fonts.FONTS_SEEN_KEY)).toBe('1');
    expect(fonts.fontsSeenBefore()).toBe(true);
  });

  it('fetches once however often the page says it is up', async () => {
    const fonts = await fresh();
    const load = vi.fn(async () => undefined);
    await Promise.all([fonts.prefetchWebFonts(load), fonts.prefetchWebFonts(load), fonts.prefetchWebFonts(load)]);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('does not remember fonts that did not all come, and tries again later', async () => {
    const fonts = await fresh();
    let fail = true;
    const load = async (url: string) => {
      if (fail && url.includes('700')) throw new Error('offline');
    };
    expect(await fonts.prefetchWebFonts(load)).toBe(false);
    expect(fonts.fontsSeenBefore()).toBe(false);
    fail = false;
    expect(await fonts.prefetchWebFonts(load)).toBe(true);
    expect(fonts.fontsSeenBefore()).toBe(true);
  });

  it('storage that refuses is a first visit every time, without an error', async () => {
    const fonts = await fresh();
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    expect(fonts.fontsSeenBefore()).toBe(false);
    expect(await fonts.prefetchWebFonts(async () => undefined)).toBe(true);
    expect(() => fonts.startWebFonts()).not.toThrow();
  });

  it('uses the fonts at start only when this browser has fetched them before', async () => {
    let fonts = await fresh();
    fonts.startWebFonts();
    fonts.afterPageUp();
    // A first visit: afterPageUp fetches (here: jsdom's fetch is replaced), nothing is applied.
    expect(document.querySelectorAll(`link[${fonts.FONTS_LINK_ATTRIBUTE}]`)).toHaveLength(0);
    localStorage.setItem(fonts.FONTS_SEEN_KEY, '1');
    fonts = await fresh();
    // The inline loader of index.html added the stylesheet: the page does not add it again.
    const link = document.createElement('link');
    link.setAttribute(fonts.FONTS_LINK_ATTRIBUTE, '');
    document.head.appendChild(link);
    fonts.startWebFonts();
    expect(document.querySelectorAll('link')).toHaveLength(1);
    link.remove();
  });
});
