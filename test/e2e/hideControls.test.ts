/**
 * hide=controls: a link (or the QR code dialog's checkbox) that shows a projected demo with only
 * what it needs — the run buttons, the matrices, the loss and the tabs — and one button that
 * brings everything back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './browser';
import { halfSteps, matrices } from './labPage';
import { seriousViolations } from './axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('hide=controls', () => {
  it('a link shows only the demo: Step works, the settings and data tools are gone until “Show all controls”', async () => {
    const { page, errors, context } = await openApp(browser, '/#v=1&preset=lecture-r&lambda=0.5&hide=controls', {
      width: 1280,
      height: 720,
    });
    const m = matrices(page);
    await expect.poll(() => m.UVT.count()).toBe(1);
    const show = page.getByRole('button', { name: 'Show all controls' });
    await expect.poll(() => show.count()).toBe(1);
    for (const gone of [
      page.getByLabel('Solver', { exact: true }),
      page.getByLabel('Model', { exact: true }),
      page.getByRole('button', { name: /^Data:/ }),
      page.getByRole('button', { name: /^Export/ }),
      page.getByRole('button', { name: 'Undo' }),
    ])
      expect(await gone.count()).toBe(0);
    // The QR code stays: the room opens the same demo.
    expect(await page.getByRole('button', { name: 'QR code' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => halfSteps(page)).toBe(2);
    expect(page.url()).toContain('hide=controls');
    expect(await seriousViolations(page)).toEqual([]);

    await show.click();
    await expect.poll(() => page.getByLabel('Solver', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Data:/ }).count()).toBe(1);
    await expect.poll(() => page.url()).not.toContain('hide=controls');
    // The run and λ came through the link unchanged.
    expect(await halfSteps(page)).toBe(2);
    expect(await page.locator('.lab-model input').nth(1).inputValue()).toBe('0.5');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the QR code dialog can make the link hide the controls', async () => {
    const { page, errors, context } = await openApp(browser, '/#/lab');
    await expect.poll(() => matrices(page).UVT.count()).toBe(1);
    await page.getByRole('button', { name: 'QR code' }).click();
    const dialog = page.getByRole('dialog');
    const link = dialog.getByRole('link');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute('href')).not.toContain('hide=controls');
    await dialog.getByRole('checkbox', { name: /Hide the controls/ }).check();
    await expect.poll(() => link.getAttribute('href')).toContain('hide=controls');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
