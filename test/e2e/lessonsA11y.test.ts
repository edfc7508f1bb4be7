/**
 * Accessibility of the course in Chromium: axe-core over every lesson step, in the lesson view
 * and in presenter mode (no serious or critical WCAG 2.2 A/AA violation), and reflow: no step
 * scrolls the page sideways at 320 px or on a 390 × 844 phone (wide formulas scroll inside
 * themselves).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseLesson, type Lesson } from '../../src/lessons/parseLesson';
import { launch, openApp } from './browser';
import { seriousViolations } from './axe';

const LESSONS: Lesson[] = readdirSync('lessons')
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => parseLesson(readFileSync(`lessons/${f}`, 'utf8'), f));
const STEPS = LESSONS.flatMap((l) => l.steps.map((_, s) => ({ slug: l.slug, step: s + 1, of: l.steps.length })));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a step (lesson view or presenter) and waits until its labs have opened and the fonts are in. */
async function open(page: Page, page_: 'lessons' | 'present', slug: string, step: number, of: number) {
  await page.evaluate((h) => (location.hash = h), `#/${page_}/${slug}/${step}`);
  if (page_ === 'lessons')
    await expect.poll(() => page.locator('.lesson-kicker').textContent()).toContain(`step ${step} of ${of}`);
  else await expect.poll(() => page.getByLabel('Presenter position').textContent()).toBe(`step ${step} / ${of}`);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.evaluate(() => document.fonts.ready);
}

describe('axe on every lesson step', () => {
  for (const view of ['lessons', 'present'] as const) {
    it(
      `${view === 'lessons' ? 'the lesson view' : 'presenter mode'}: no serious or critical violation on any step`,
      { timeout: 400_000 },
      async () => {
        const { page, context, errors } = await openApp(
          browser,
          '/#/lessons',
          view === 'lessons' ? { width: 1280, height: 800 } : { width: 1280, height: 720 },
        );
        const found: string[] = [];
        for (const { slug, step, of } of STEPS) {
          await open(page, view, slug, step, of);
          for (const v of await seriousViolations(page)) found.push(`${slug} step ${step}: ${v}`);
        }
        expect(found).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      },
    );
  }
});

describe('reflow: no sideways page scroll on a phone', () => {
  for (const viewport of [
    { width: 320, height: 640 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width} × ${viewport.height}, on every lesson step`, { timeout: 300_000 }, async () => {
      const { page, context, errors } = await openApp(browser, '/#/lessons', viewport);
      const wide: string[] = [];
      for (const { slug, step, of } of STEPS) {
        await open(page, 'lessons', slug, step, of);
        // Views measure their width and redraw once; give them a frame.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        if (width > viewport.width) {
          const culprit = await page.evaluate((w) => {
            let worst = '';
            let right = w;
            for (const el of document.querySelectorAll<HTMLElement>('main *')) {
              const r = el.getBoundingClientRect();
              if (r.right > right + 0.5 && r.width > 0) {
                right = r.right;
                worst = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
              }
            }
            return worst;
          }, viewport.width);
          wide.push(`${slug} step ${step}: ${width} px wide (${culprit})`);
        }
      }
      expect(wide).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
