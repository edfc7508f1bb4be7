import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, numberIn, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the app opens on the lecture’s example and steps ALS in a worker', () => {
  it('shows the lecture’s 4×6 R with its ? cells', async () => {
    const { page, errors, context } = await openApp(browser);
    const grid = page.getByRole('grid', { name: 'Rating matrix R' });
    await expect.poll(() => grid.getByRole('row').count()).toBe(5);
    const firstRow = grid.getByRole('row').nth(1);
    await expect.poll(() => firstRow.textContent()).toContain('u1');
    expect(await grid.getByText('?', { exact: true }).count()).toBe(11);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Step runs ALS and the loss goes down', async () => {
    const { page, errors, context } = await openApp(browser);
    await expect.poll(() => numberIn(page, 'Loss')).toBeGreaterThan(0);
    const before = await numberIn(page, 'Loss');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => page.getByLabel('Step count').textContent()).toContain('step 2');
    const after = await numberIn(page, 'Loss');
    expect(after).toBeLessThan(before);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => page.getByLabel('Step count').textContent()).toContain('step 4');
    expect(await numberIn(page, 'Loss')).toBeLessThanOrEqual(after);
    expect(errors).toEqual([]);
    await context.close();
  });
});
