/**
 * The first load as index.html's loader shapes it: the page is drawn before the entry module
 * runs; on a first visit the page stays in the fallback faces and fetches Atkinson Hyperlegible
 * for the next visit, which then uses it from the start; an address that opens a lesson asks for
 * the lesson's code, its text (typeset by the build) and KaTeX's stylesheet with the page instead
 * of one after another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether a loaded face of the family is in use by the document. */
function atkinsonLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Atkinson Hyperlegible' && face.status === 'loaded'),
  );
}

describe('the first load', () => {
  it('draws the page before the entry module runs, and a first visit fetches the fonts for the next one', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lab', { width: 412, height: 823 });
    await expect.poll(() => page.getByLabel('Step count').first().isVisible()).toBe(true);
    const order = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      entry: performance.getEntriesByName('mf-lab-entry')[0]?.startTime ?? null,
    }));
    expect(order.paint).not.toBeNull();
    expect(order.entry).not.toBeNull();
    expect(order.paint!).toBeLessThanOrEqual(order.entry!);

    // A first visit: the fallback faces, the fonts' stylesheet not in the page…
    expect(await page.locator('link[data-web-fonts]').count()).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Atkinson Fallback');
    // …and, once the page is up, the font files fetched and remembered — but not swapped in.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('mf-lab-fonts-seen')), { timeout: 20_000 }).toBe('1');
    expect(await atkinsonLoaded(page)).toBe(false);

    // The next visit uses them from the start (index.html's loader adds the stylesheet).
    await page.reload();
    expect(await page.locator('link[data-web-fonts]').count()).toBe(1);
    await expect.poll(() => atkinsonLoaded(page)).toBe(true);
    await expect.poll(() => page.getByLabel('Step count').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an address that opens a lesson asks for its code, its typeset text and KaTeX’s stylesheet with the page', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons/toy-example/1', { width: 412, height: 823 });
    const early = await page.evaluate(() => ({
      js: [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => l.href),
      css: [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].map((l) => l.href),
    }));
    expect(early.js.some((href) => /\/LessonsPage-[^/]+\.js$/.test(href))).toBe(true);
    // The lesson's own text, typeset by the build: KaTeX's script is not needed to draw it.
    expect(early.js.some((href) => /\/toy-example-[^/]+\.js$/.test(href))).toBe(true);
    expect(early.js.some((href) => /\/katex[^/]*\.js$/.test(href))).toBe(false);
    expect(early.css.some((href) => /\/katex-[^/]+\.css$/.test(href))).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('heading', { name: /toy example/i })
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(errors).toEqual([]);
    await context.close();

    // The lab's address does not fetch a lesson's code.
    const lab = await openApp(browser, '/#/lab', { width: 412, height: 823 });
    await expect.poll(() => lab.page.getByLabel('Step count').first().isVisible()).toBe(true);
    const labJs = await lab.page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(labJs.some((name) => /\/LessonsPage-[^/]+\.js$/.test(name))).toBe(false);
    await lab.context.close();
  });
});
