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

async function setSetting(page: Page, name: string, value: string) {
  const field = page.getByLabel(name, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

async function stageHeading(page: Page) {
  return (await page.locator('.se-stage-title').textContent()) ?? '';
}

describe('the closed-form solve explorer', () => {
  it('walks a user through all seven stages with typeset formulas and a mathjs check', async () => {
    const { page, errors, context } = await openApp(browser);
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByLabel('User to solve').selectOption({ label: 'u1' });
    await expect.poll(() => stageHeading(page)).toContain('1.');
    const next = page.getByRole('button', { name: 'Next stage →' });
    await next.click();
    await expect.poll(() => page.locator('.se-body').textContent()).toContain('i1, i4, i6');
    for (let k = 3; k <= 6; k++) {
      await next.click();
      await expect.poll(() => stageHeading(page)).toContain(`${k}.`);
    }
    const difference = page.getByLabel('Difference from mathjs');
    await expect.poll(async () => Number(await difference.textContent())).toBeLessThan(1e-9);
    await next.click();
    await expect.poll(() => stageHeading(page)).toContain('7.');
    const loss = Number(await page.getByLabel('Loss', { exact: true }).textContent());
    await page
      .locator('.se-body')
      .getByRole('button', { name: /^Write/ })
      .click();
    await expect.poll(() => page.locator('.se-body').textContent()).toContain('already equals its closed form');
    expect(Number(await page.getByLabel('Loss', { exact: true }).textContent())).toBeLessThanOrEqual(loss);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains a singular solve (λ = 0, fewer ratings than d) and λ > 0 fixes it', async () => {
    const { page, errors, context } = await openApp(browser);
    await setSetting(page, 'λ, regularization', '0');
    await setSetting(page, 'd, latent factors', '4');
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    await page.getByLabel('User to solve').selectOption({ label: 'u1' });
    const next = page.getByRole('button', { name: 'Next stage →' });
    for (let k = 2; k <= 6; k++) await next.click();
    const alert = page.locator('.se-singular');
    await expect.poll(() => alert.textContent()).toContain('No unique solution');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('only 3 known ratings');
    expect(text).toContain('d = 4');
    expect(text).not.toMatch(/NaN|Infinity/);
    await page.getByRole('button', { name: 'Set λ = 0.1 and solve again' }).click();
    await expect.poll(() => page.locator('.se-singular').count()).toBe(0);
    await expect.poll(async () => Number(await page.getByLabel('Difference from mathjs').textContent())).toBeLessThan(1e-9);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('solves an item with U fixed', async () => {
    const { page, errors, context } = await openApp(browser);
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    await page.getByLabel('Solve for users or items').selectOption('items');
    await page.getByLabel('Item to solve').selectOption({ label: 'i1' });
    await page.getByRole('button', { name: 'Next stage →' }).click();
    await expect.poll(() => page.locator('.se-body').textContent()).toContain('u1, u3');
    expect(errors).toEqual([]);
    await context.close();
  });
});
