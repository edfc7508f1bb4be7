/**
 * Offline after the first visit: the service worker precaches the app shell and every chunk
 * (lessons, the worker, mathjs, the survey), so with the network cut the app reloads, runs a
 * lesson's lab in its worker, loads lazily-split code, and the mathjs check still runs.
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

/** Waits until a service worker is active (its precache complete) and controls the page. */
async function serviceWorkerInControl(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated')
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    if (!navigator.serviceWorker.controller)
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    return registration.active?.state ?? 'none';
  });
}

async function stepCount(page: Page, scope = page.locator('body')): Promise<number> {
  return Number(((await scope.getByLabel('Step count').first().textContent()) ?? '').replace(/\D/g, ''));
}

describe('MF Lab offline', () => {
  it('after a first visit, reloads and runs a lesson with the network cut', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons');
    expect(await serviceWorkerInControl(page)).toBe('activated');
    const precached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
      return urls.map((u) => new URL(u).pathname);
    });
    // The worker, mathjs and the survey are split from the main chunk: all precached.
    expect(precached.some((p) => /\/assets\/labWorker-.*\.js$/.test(p))).toBe(true);
    expect(precached.some((p) => /\/assets\/SurveyPage-.*\.js$/.test(p))).toBe(true);
    expect(precached.some((p) => /\.woff2$/.test(p))).toBe(true);
    expect(precached.some((p) => p.endsWith('/index.html'))).toBe(true);
    expect(precached.some((p) => p.endsWith('.map'))).toBe(false);

    await context.setOffline(true);
    // Proof the network is cut: a request no cache answers fails (its console line is expected).
    const seen = errors.length;
    expect(
      await page.evaluate(() =>
        fetch('/favicon.svg?network-check', { cache: 'no-store' }).then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    errors.splice(seen);
    await page.goto(page.url().replace(/#.*$/, '') + '#/lessons/als-loop/2');
    await page.reload();
    await expect.poll(() => page.locator('.lesson-kicker').textContent()).toContain('step 2');
    const lab = page.locator('.lesson-lab').first();
    await expect.poll(() => lab.getByLabel('Step count').first().textContent()).toMatch(/step \d+/);
    const before = await stepCount(page, lab);
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepCount(page, lab)).toBeGreaterThan(before);
    expect(await page.locator('.katex-error').count()).toBe(0);
    // The fonts came from the cache too.
    expect(await page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"'))).toBe(true);

    // Lazily loaded code: the class survey page.
    await page.evaluate(() => (location.hash = '#/survey'));
    await expect.poll(() => page.getByRole('button', { name: /Create the survey/ }).count()).toBe(1);

    // mathjs (its own chunk) in the lab's solve explorer.
    await page.evaluate(() => (location.hash = '#/lab'));
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByLabel('User to solve').selectOption({ label: 'u1' });
    const next = page.getByRole('button', { name: 'Next stage →' });
    for (let k = 2; k <= 7; k++) if (await next.isEnabled()) await next.click();
    await expect.poll(async () => Number(await page.getByLabel('Difference from mathjs').textContent())).toBeLessThan(1e-9);

    expect(errors).toEqual([]);
    await context.close();
  });
});
