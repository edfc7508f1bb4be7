/**
 * Model variants in the lab: choosing ALS-WR changes the objective panel and the solve
 * explorer's closed form (and mathjs still agrees), implicit data solved by conjugate gradient
 * shows its iterates converging on the exact solve, Compare variants draws three lines, and
 * axe finds nothing serious in any of these states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launch, openApp } from './browser';
import { choosePreset } from './labPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The TeX sources of the formulas inside a locator (KaTeX keeps them in its MathML annotation). */
async function texIn(page: Page, selector: string): Promise<string> {
  return (await page.locator(`${selector} annotation`).allTextContents()).join('\n');
}

/** Opens the Model options (a disclosure in the run bar). */
async function openModel(page: Page) {
  const opener = page.getByRole('button', { name: /^Model:/ });
  if ((await opener.getAttribute('aria-expanded')) !== 'true') await opener.click();
}

async function stepOnce(page: Page, count: string) {
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => page.getByLabel('Step count').first().textContent()).toContain(count);
}

describe('model variants', () => {
  it('ALS-WR: the objective panel and the solve explorer show λ·nᵢ, and mathjs agrees', async () => {
    const { page, errors, context } = await openApp(browser);
    await openModel(page);
    await page.getByLabel('Model', { exact: true }).selectOption({ label: 'ALS-WR: λ per rating' });
    await expect.poll(() => page.locator('.variant-line').textContent()).toContain('multiplied by its number of ratings');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: /^Model:/ }).textContent()).toContain('ALS-WR');
    await stepOnce(page, 'step 2');
    await page.getByRole('tab', { name: 'Objective' }).click();
    await expect.poll(() => texIn(page, '.obj-formula')).toContain('n_i\\|u_i\\|^2');
    await expect.poll(() => page.locator('.objective-panel').textContent()).toContain('ALS-WR');
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    await expect.poll(() => texIn(page, '.se-formula')).toContain('\\lambda n_{i} I');
    const next = page.getByRole('button', { name: 'Next stage →' });
    for (let k = 2; k <= 4; k++) await next.click();
    await expect.poll(() => page.locator('.se-body').textContent()).toContain('ALS-WR');
    await expect.poll(() => texIn(page, '.se-body')).toMatch(/\\lambda n_i = 0\.1 \\times \d+/);
    for (let k = 5; k <= 6; k++) await next.click();
    const difference = page.getByLabel('Difference from mathjs');
    await expect.poll(async () => Number(await difference.textContent())).toBeLessThan(1e-9);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('biases: UVᵀ shows μ + bᵢ + cⱼ + uᵢᵀvⱼ and the hover names μ', async () => {
    const { page, errors, context } = await openApp(browser);
    await openModel(page);
    await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Biases: μ + bᵢ + cⱼ' });
    await page.getByRole('button', { name: /^Use λ = 10/ }).click();
    await page.keyboard.press('Escape');
    await stepOnce(page, 'step 2');
    await expect.poll(() => page.getByLabel('Biases', { exact: true }).first().textContent()).toMatch(/μ = \d\.\d{3}/);
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    await expect.poll(() => texIn(page, '.se-formula')).toContain('\\tilde V');
    const next = page.getByRole('button', { name: 'Next stage →' });
    for (let k = 2; k <= 6; k++) await next.click();
    const difference = page.getByLabel('Difference from mathjs');
    await expect.poll(async () => Number(await difference.textContent())).toBeLessThan(1e-9);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('implicit feedback: biases disabled with the reason; CG’s iterates converge on the exact solve', async () => {
    const { page, errors, context } = await openApp(browser);
    await choosePreset(page, "Lecture's P and C");
    await openModel(page);
    const model = page.getByLabel('Model', { exact: true });
    await expect.poll(() => model.locator('option[value="biases"]').isDisabled()).toBe(true);
    await expect.poll(() => page.locator('.variant-panel').textContent()).toContain('Biases are for explicit ratings only');
    await page.getByLabel('Row solve', { exact: true }).selectOption({ label: 'Conjugate gradient, K steps' });
    await expect(page.getByLabel('K, conjugate-gradient steps per row').inputValue()).resolves.toBe('3');
    await expect.poll(() => page.getByRole('button', { name: /^Model:/ }).textContent()).toContain('CG');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await stepOnce(page, 'step 2');
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    await page.getByRole('button', { name: /^Stage 7/ }).click();
    const table = page.getByRole('table', { name: 'Conjugate-gradient iterates towards the exact solve' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    const distances = (await table.locator('tbody tr td:nth-child(3)').allTextContents()).map(Number);
    expect(distances[distances.length - 1]!).toBeLessThan(distances[0]!);
    expect(distances[distances.length - 1]!).toBeLessThan(1e-6);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Compare variants draws three lines with a legend and a table', async () => {
    const { page, errors, context } = await openApp(browser);
    await page.getByRole('button', { name: 'Compare variants' }).click();
    const chart = page.getByRole('img', { name: /^Compare variants:/ });
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.locator('[data-line]').count()).toBe(3);
    const legend = page.getByRole('list', { name: 'Compared models' });
    expect(await legend.getByRole('listitem').allTextContents()).toEqual([
      'The lecture’s objective, λ = 5',
      'ALS-WR (λ per rating), λ = 0.1',
      'Biases (μ + bᵢ + cⱼ), λ = 10',
    ]);
    // Nothing is held out in the lecture's R: the chart says why it shows the objective, and how to hold cells out.
    await expect.poll(() => page.locator('.compare-variants').textContent()).toContain('Nothing is held out');
    await page.getByText('The numbers as a table').click();
    expect(await page.locator('.cv-table thead th').count()).toBe(4);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
