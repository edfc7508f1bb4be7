/**
 * Lesson labs keep their state in Chromium: across step changes, a reload, and the lesson and
 * presenter views; "Reset this lab" brings back the lesson's set-up, "Open in the lab" carries the
 * exact state to the full lab; answers survive a reload; a returning student sees the state at
 * once (no opening animation); the solve lab starts from the lecture's toy U and Vᵀ, so the hand
 * solve of lesson 11 (41, 501.1) is on screen; arrow keys move between steps in the lesson view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, numberIn, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function goto(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** The lab's step counter (half-steps since its start). */
async function counter(page: Page): Promise<number> {
  await expect.poll(() => page.getByLabel('Step count').first().textContent()).toMatch(/\d/);
  return Number(((await page.getByLabel('Step count').first().textContent()) ?? '').replace(/\D/g, ''));
}

describe('a lesson lab keeps its state', () => {
  it('across step changes, a reload and presenter mode; Reset brings back the lesson’s set-up', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons/als-loop/2', { width: 1280, height: 900 });
    // The lesson opens the lab after 2 iterations: 4 half-steps.
    await expect.poll(() => counter(page)).toBe(4);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => counter(page)).toBe(8);
    const loss = await numberIn(page, 'Loss');
    // Away and back.
    await goto(page, '#/lessons/als-loop/3');
    await expect.poll(() => page.locator('.lesson-kicker').textContent()).toContain('step 3 of');
    await goto(page, '#/lessons/als-loop/2');
    await expect.poll(() => counter(page)).toBe(8);
    expect(await numberIn(page, 'Loss')).toBe(loss);
    // A reload.
    await page.waitForTimeout(600);
    await page.reload();
    await expect.poll(() => counter(page)).toBe(8);
    expect(await numberIn(page, 'Loss')).toBe(loss);
    // Presenter mode shows the same lab.
    await goto(page, '#/present/als-loop/2');
    await expect.poll(() => page.getByLabel('Presenter position').textContent()).toBe('step 2 / 7');
    await expect.poll(() => counter(page)).toBe(8);
    await page.locator('body').press('s');
    await expect.poll(() => counter(page), { timeout: 5000 }).toBe(10);
    await page.locator('body').press('Escape');
    await expect.poll(() => page.locator('.lesson-kicker').textContent()).toContain('step 2 of');
    await expect.poll(() => counter(page)).toBe(10);
    // Reset this lab: the lesson's set-up again, and it stays so after a reload.
    await page.getByRole('button', { name: 'Reset this lab' }).click();
    await expect.poll(() => counter(page)).toBe(4);
    await page.waitForTimeout(600);
    await page.reload();
    await expect.poll(() => counter(page)).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Open in the lab" carries the exact state to the full lab', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons/als-loop/2', { width: 1280, height: 900 });
    await expect.poll(() => counter(page)).toBe(4);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => counter(page)).toBe(6);
    const loss = await numberIn(page, 'Loss');
    const href = await page.getByRole('link', { name: 'Open in the lab' }).getAttribute('href');
    expect(href).toMatch(/^#v=1&preset=lecture-r&.*run=/);
    await page.getByRole('link', { name: 'Open in the lab' }).click();
    await expect.poll(() => page.locator('.lesson-kicker').count()).toBe(0);
    await expect.poll(() => numberIn(page, 'Loss'), { timeout: 15_000 }).toBe(loss);
    await expect.poll(() => counter(page)).toBe(6);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a returning student the lab’s state at once: no opening animation', async () => {
    // This lab opens after 10 iterations; it has no run controls, only R and the factors.
    const { page, context, errors } = await openApp(browser, '/#/lessons/factorization-idea/5', { width: 1280, height: 900 });
    // Values drawn in the first frames the lab is on screen are the final ones (a tween would move them for ~1 s).
    const firstCell = page.locator('svg[aria-label^="U, the users"] [data-cell="0,0"]');
    await firstCell.waitFor();
    const first = await firstCell.getAttribute('data-value');
    expect(Number(first)).not.toBe(0);
    await page.waitForTimeout(900);
    expect(await firstCell.getAttribute('data-value')).toBe(first);
    // Coming back to the step: the same.
    await goto(page, '#/lessons/factorization-idea/6');
    await expect.poll(() => page.locator('.lesson-kicker').textContent()).toContain('step 6 of');
    await goto(page, '#/lessons/factorization-idea/5');
    await expect.poll(() => firstCell.getAttribute('data-value')).toBe(first);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the answers to exercises across a reload', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons/toy-example/2', { width: 1280, height: 900 });
    await page.getByLabel('Your answer').fill('8/5');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.locator('.exercise-feedback').textContent()).toBe('Right.');
    await page.reload();
    await expect.poll(() => page.getByLabel('Your answer').inputValue()).toBe('8/5');
    expect(await page.locator('.exercise-feedback').textContent()).toBe('Right.');
    // The lesson's Reset forgets them.
    await page.getByRole('button', { name: 'Reset this lesson' }).click();
    await expect.poll(() => page.getByLabel('Your answer').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the solve lab of lesson 11', () => {
  it('starts from the toy U and Vᵀ: stage 4 shows 501.1 and stage 5 the 41 of the hand solve', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons/als-closed-form/8', { width: 1280, height: 900 });
    const explorer = page.locator('.solve-explorer');
    await explorer.getByRole('button', { name: /^Stage 4\b/ }).click();
    await expect.poll(() => explorer.locator('.se-body').textContent()).toContain('501.1');
    await explorer.getByRole('button', { name: /^Stage 5\b/ }).click();
    await expect.poll(() => explorer.locator('.se-body').textContent()).toContain('41');
    // Typed factors: a wrong shape is refused with a reason, the text is kept.
    await page.getByText('Start from your own U and Vᵀ').click();
    await page.getByLabel('U (4 × d)').fill('1 2\n3 4');
    await page.getByRole('button', { name: 'Start from these' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'U needs one row per user' }).count()).toBe(1);
    expect(await page.getByLabel('U (4 × d)').inputValue()).toBe('1 2\n3 4');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('keys in the lesson view', () => {
  it('→ / PageDown and ← / PageUp move between steps, but not while typing', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons/toy-example/2', { width: 1280, height: 900 });
    const kicker = page.locator('.lesson-kicker');
    await expect.poll(() => kicker.textContent()).toContain('step 2 of');
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => kicker.textContent()).toContain('step 3 of');
    await page.locator('body').press('PageUp');
    await expect.poll(() => kicker.textContent()).toContain('step 2 of');
    await page.getByLabel('Your answer').press('ArrowRight');
    await page.getByLabel('Your answer').press('PageDown');
    await page.waitForTimeout(300);
    expect(await kicker.textContent()).toContain('step 2 of');
    expect(errors).toEqual([]);
    await context.close();
  });
});
