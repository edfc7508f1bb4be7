import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the lecture’s toy example tab', () => {
  it('shows the slide’s UVᵀ, follows an edit of U, and refuses a non-number', async () => {
    const { page, errors, context } = await openApp(browser, '/', { width: 1280, height: 720 });
    await page.getByRole('tab', { name: 'Toy example' }).click();

    // "E.g. the 3rd user predicted rating of the 4th item is r̂₃,₄ = 1.6."
    const prediction = page.getByLabel('Prediction for u3, i4', { exact: true });
    await expect.poll(() => prediction.textContent()).toBe('1.6');
    const grid = page.getByRole('grid', { name: 'UVᵀ, the predictions' });
    expect(await grid.locator('[data-cell="2,3"]').textContent()).toContain('1.6');
    expect(await grid.locator('.toy-predicted').count()).toBe(11);
    await expect.poll(() => page.getByRole('region', { name: 'The chosen prediction' }).textContent()).toContain('0.2');

    // u₃ = (0.5, 0.4): r̂₃,₄ = 0.5·10 + 0.4·(−1) = 4.6.
    const u31 = page.getByLabel('U row 3, column 1', { exact: true });
    await u31.fill('0.5');
    await expect.poll(() => prediction.textContent()).toBe('4.6');
    expect(await grid.locator('[data-cell="2,3"]').textContent()).toContain('4.6');

    // Not a number: refused, with a message, and the old value stays.
    await u31.fill('abc');
    await u31.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not a number' }).count()).toBe(1);
    expect(await u31.inputValue()).toBe('0.5');
    expect(await prediction.textContent()).toBe('4.6');

    // Clicking another cell explains it: r̂₁,₂ = 0.3·10 + 0.7·(−1) = 2.3.
    await grid.locator('[data-cell="0,1"] button').click();
    await expect.poll(() => page.getByLabel('Prediction for u1, i2', { exact: true }).textContent()).toBe('2.3');

    await page.getByRole('button', { name: 'Back to the lecture’s numbers' }).click();
    expect(await u31.inputValue()).toBe('0.2');
    expect(errors).toEqual([]);
    await context.close();
  });
});
