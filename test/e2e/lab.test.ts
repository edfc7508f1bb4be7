import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './browser';
import { matrices } from './labPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const stepCount = async (page: Page) =>
  Number(((await page.getByLabel('Step count').first().textContent()) ?? '').replace(/\D/g, ''));
const loss = async (page: Page) => Number(await page.getByLabel('Loss', { exact: true }).first().textContent());

describe('the lab', () => {
  it('plays and pauses: steps keep coming while playing and stop when paused', async () => {
    const { page, errors, context } = await openApp(browser);
    await expect.poll(() => stepCount(page)).toBe(0);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => stepCount(page)).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await stepCount(page);
    await page.waitForTimeout(800);
    expect(await stepCount(page)).toBe(paused);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs to convergence at the fastest speed and says so', async () => {
    const { page, errors, context } = await openApp(browser);
    await page.getByLabel('Speed').selectOption({ label: 'Fastest' });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Converged' }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keyboard: → steps, Shift+→ half-steps, Space plays and pauses, R resets, ? lists the shortcuts', async () => {
    const { page, errors, context } = await openApp(browser);
    await expect.poll(() => stepCount(page)).toBe(0);
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => stepCount(page)).toBe(2);
    await page.locator('body').press('Shift+ArrowRight');
    await expect.poll(() => stepCount(page)).toBe(3);
    await page.locator('body').press(' ');
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await page.locator('body').press(' ');
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    await page.locator('body').press('r');
    await expect.poll(() => stepCount(page)).toBe(0);
    await page.locator('body').press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('linked hover: pointing at a cell of UVᵀ explains r̂ = uᵢᵀvⱼ with its numbers', async () => {
    const { page, errors, context } = await openApp(browser);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepCount(page)).toBe(2);
    const product = matrices(page).UVT;
    await product.locator('[data-cell="2,3"]').hover();
    const explain = page.getByLabel('Prediction explained');
    await expect.poll(() => explain.textContent()).toContain('unknown: this is a prediction');
    const shown = Number(await product.locator('[data-cell="2,3"]').getAttribute('data-value'));
    expect(Number.isFinite(shown)).toBe(true);
    await product.locator('[data-cell="0,0"]').hover();
    await expect.poll(() => explain.textContent()).toContain('a known rating');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('λ changes take effect on the current run without losing it; a new d re-initialises and says why', async () => {
    const { page, errors, context } = await openApp(browser);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepCount(page)).toBe(2);
    const before = await loss(page);
    const lambda = page.getByLabel('λ, regularization', { exact: true });
    await lambda.fill('1');
    await lambda.press('Enter');
    await expect.poll(() => loss(page)).not.toBe(before);
    expect(await stepCount(page)).toBe(2);
    const d = page.getByLabel('d, latent factors', { exact: true });
    await d.fill('3');
    await d.press('Enter');
    await expect.poll(() => stepCount(page)).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'd changed from 2 to 3' }).count()).toBe(1);
    await d.fill('0');
    await d.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'at least 1' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gradient descent with a huge learning rate diverges and explains why', async () => {
    const { page, errors, context } = await openApp(browser);
    await page.getByLabel('Solver').selectOption('gd');
    const eta = page.getByLabel('η, learning rate', { exact: true });
    await eta.fill('5');
    await eta.press('Enter');
    for (let k = 0; k < 4; k++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'diverg' }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const text = (await page.getByRole('alert').filter({ hasText: 'diverg' }).first().textContent()) ?? '';
    expect(text).toContain('learning rate');
    expect(await page.locator('[data-value="NaN"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
