/**
 * The lab for everyone (WCAG 2.2 AA): no serious or critical axe violation on any state of
 * the lab — every tab, every stage of the solve explorer, the dialogs, implicit feedback,
 * each preset, gradient descent, while playing; focus that returns where it should; the
 * numbers of U, Vᵀ and UVᵀ for screen readers; announcements on pause, not on every step;
 * a failing panel that leaves the rest of the lab working, and the blank screen that
 * switching presets under the solve explorer used to cause.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { baseUrl, launch, openApp } from './browser';
import { choosePreset, halfSteps, openFeedback } from './labPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const TABS = ['Loss over the run', 'Solve one row', 'Objective', 'Latent space', 'Toy example', 'Evaluate'];

async function stepOnce(page: Page) {
  const before = await halfSteps(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  // A step on 100,000 ratings can take a few seconds on a busy two-core machine.
  await expect.poll(() => halfSteps(page), { timeout: 20_000 }).toBeGreaterThan(before);
}

/** Axe over the page now; the state's name goes into the failure message. */
async function audit(page: Page, state: string, found: Record<string, string[]>) {
  await page.waitForTimeout(250);
  const serious = await seriousViolations(page);
  if (serious.length > 0) found[state] = serious;
}

describe('axe: no serious or critical violation in any state of the lab', () => {
  it('the lecture’s R: every tab, every solve stage, the dialogs and the open menus', async () => {
    const { page, errors, context } = await openApp(browser);
    const found: Record<string, string[]> = {};
    await stepOnce(page);
    for (const tab of TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await audit(page, `lecture R, ${tab}`, found);
    }
    // The solve explorer at every stage.
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    for (let k = 1; k <= 7; k++) {
      await page.getByRole('button', { name: new RegExp(`^Stage ${k} `) }).click();
      await audit(page, `solve explorer, stage ${k}`, found);
    }
    await page.getByRole('tab', { name: 'Objective' }).click();
    await page.getByRole('button', { name: /^data term/ }).focus();
    await audit(page, 'objective, data term focused', found);
    // Menus and dialogs.
    await page.getByRole('button', { name: /^Data:/ }).click();
    await audit(page, 'data list open', found);
    await page.keyboard.press('Escape');
    await openFeedback(page);
    await audit(page, 'feedback options open', found);
    await page.getByRole('button', { name: 'Convert to implicit…' }).click();
    await audit(page, 'threshold dialog', found);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Show shortcuts' }).click();
    await audit(page, 'shortcuts dialog', found);
    await page.keyboard.press('Escape');
    // A cell explained.
    await page.getByRole('grid', { name: 'Rating matrix R' }).locator('[data-r="2"][data-c="3"]').click();
    await audit(page, 'a cell explained', found);
    expect(found).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  for (const preset of ["Lecture's P and C", 'Taste groups', 'Random', 'MovieLens-100k'] as const) {
    it(`${preset}: every tab`, async () => {
      const { page, errors, context } = await openApp(browser);
      const found: Record<string, string[]> = {};
      await choosePreset(page, preset);
      if (preset === 'Random') await page.getByRole('button', { name: 'Generate' }).click();
      // The step count is 0 before the preset arrives too: wait for its 943 users in R (shown as its density).
      if (preset === 'MovieLens-100k')
        await expect
          .poll(() => page.getByRole('application', { name: /^Density of R: users #1–#943/ }).count(), { timeout: 30_000 })
          .toBe(1);
      await stepOnce(page);
      for (const tab of TABS) {
        await page.getByRole('tab', { name: tab }).click();
        await audit(page, `${preset}, ${tab}`, found);
      }
      if (preset === "Lecture's P and C") {
        // The implicit walk-through has eight stages, and compares the lecture's C with c = 1 + α·r.
        await page.getByRole('tab', { name: 'Solve one row' }).click();
        for (let k = 1; k <= 8; k++) {
          await page.getByRole('button', { name: new RegExp(`^Stage ${k} `) }).click();
          await audit(page, `implicit solve, stage ${k}`, found);
        }
        await page.getByRole('button', { name: 'Fit both and compare' }).click();
        await expect.poll(() => page.getByRole('img', { name: /^Predictions with/ }).count()).toBe(2);
        await audit(page, 'confidence comparison', found);
      }
      expect(found).toEqual({});
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);
  }

  it('gradient descent, a diverging run, playing, and a phone', async () => {
    const { page, errors, context } = await openApp(browser);
    const found: Record<string, string[]> = {};
    await page.getByLabel('Solver').selectOption('gd');
    await stepOnce(page);
    await audit(page, 'gradient descent', found);
    const eta = page.getByLabel('η, learning rate', { exact: true });
    await eta.fill('5');
    await eta.press('Enter');
    for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'diverg' }).count()).toBeGreaterThan(0);
    await audit(page, 'diverged', found);
    await page.getByLabel('Solver').selectOption('als');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => halfSteps(page)).toBe(0);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => halfSteps(page), { timeout: 15_000 }).toBeGreaterThan(8);
    await audit(page, 'playing', found);
    await page.getByRole('button', { name: 'Pause' }).click();
    await context.close();

    const phone = await openApp(browser, '/#/lab', { width: 390, height: 844 });
    await stepOnce(phone.page);
    for (const tab of TABS) {
      await phone.page.getByRole('tab', { name: tab }).click();
      await audit(phone.page, `phone, ${tab}`, found);
    }
    // On a phone the taste groups' R and UVᵀ are wider than the screen: they scroll inside, by keyboard too.
    await choosePreset(phone.page, 'Taste groups');
    await stepOnce(phone.page);
    await audit(phone.page, 'phone, taste groups', found);
    expect(await phone.page.getByRole('region', { name: /^U, Vᵀ and UVᵀ \(scrolls sideways\)/ }).count()).toBe(1);
    expect(found).toEqual({});
    expect([...errors, ...phone.errors]).toEqual([]);
    await phone.context.close();
  });
});

describe('names, focus and announcements', () => {
  it('names the solve stages and the objective’s terms by what they show', async () => {
    const { page, errors, context } = await openApp(browser);
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    // The panels load when first opened, and their formulas are typeset a moment later: wait for both.
    for (const name of ['Stage 1 Fix V', 'Stage 2 Select Ωⁱ', 'Stage 3 Gram matrix', 'Stage 6 Solve', 'Stage 7 Write uᵢ into U'])
      await expect.poll(() => page.getByRole('button', { name, exact: true }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Objective' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^data term/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /^regularisation/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives the focus back: the threshold dialog to its opener, the last solve stage to “Previous stage”, menus to their button', async () => {
    const { page, errors, context } = await openApp(browser);
    await openFeedback(page);
    await page.getByRole('button', { name: 'Convert to implicit…' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Feedback:');

    await page.getByRole('tab', { name: 'Solve one row' }).click();
    const next = page.getByRole('button', { name: 'Next stage →' });
    await next.focus();
    for (let k = 1; k < 7; k++) await page.keyboard.press('Enter');
    expect(await next.isDisabled()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Previous stage');

    await page.getByRole('button', { name: /^Data:/ }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Data:');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the focus ring at 3:1 or more against the page, the panels and the dark header', async () => {
    const { page, errors, context } = await openApp(browser);
    // The HTML shell paints the header first; the panels come with the first render.
    await page.locator('.lab-stage').waitFor();
    const ratios = await page.evaluate(() => {
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? [])
          .slice(0, 3)
          .map(Number)
          .map((u) => u / 255);
        const lin = (s: number) => (s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4));
        return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
      };
      const contrast = (a: string, b: string) => {
        const [x, y] = [lum(a), lum(b)];
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
      };
      const ring = getComputedStyle(document.documentElement).getPropertyValue('--focus').trim();
      const probe = document.createElement('div');
      document.body.append(probe);
      probe.style.color = ring;
      const ringRgb = getComputedStyle(probe).color;
      probe.remove();
      const bg = (sel: string) => getComputedStyle(document.querySelector(sel)!).backgroundColor;
      return {
        page: contrast(ringRgb, getComputedStyle(document.documentElement).backgroundColor),
        panel: contrast(ringRgb, bg('.lab-stage')),
        header: contrast(ringRgb, bg('.app-header')),
      };
    });
    for (const [where, ratio] of Object.entries(ratios)) expect(ratio, where).toBeGreaterThanOrEqual(3);
    // The ring is drawn on keyboard focus.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives screen readers the numbers of U, Vᵀ and UVᵀ as tables, and the loss on pause, not on every half-step', async () => {
    const { page, errors, context } = await openApp(browser);
    await stepOnce(page);
    // The values tween after a step: read them once they have arrived.
    await page.waitForTimeout(1200);
    const u = page.getByRole('table', { name: /^U, the users' factors/ });
    expect(await u.locator('tbody tr').count()).toBe(4);
    expect(await u.locator('tbody td').count()).toBe(8);
    const uvt = page.getByRole('table', { name: /^U V transposed/ });
    expect(await uvt.locator('tbody td').count()).toBe(24);
    const shown = Number(
      await page
        .getByRole('img', { name: /^U V transposed/ })
        .locator('[data-cell="1,2"]')
        .getAttribute('data-value'),
    );
    expect(Number((await uvt.locator('tbody tr').nth(1).locator('td').nth(2).textContent())!.replace('−', '-'))).toBeCloseTo(
      shown,
      3,
    );
    expect(
      await page
        .getByRole('table', { name: /^V transposed/ })
        .locator('tbody td')
        .count(),
    ).toBe(12);

    // The readouts are not live regions; a status says the loss when the run pauses.
    expect(await page.getByLabel('Loss', { exact: true }).getAttribute('aria-live')).toBe('off');
    expect(await page.getByLabel('Step count').getAttribute('aria-live')).toBe('off');
    const status = page.locator('.run-controls [role="status"]');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => halfSteps(page)).toBeGreaterThan(6);
    const whilePlaying = await status.textContent();
    await page.waitForTimeout(600);
    expect(await status.textContent()).toBe(whilePlaying);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Paused at iteration \d+ · half-step \d+: objective \d/);
    // L says it again on request.
    await page.locator('body').press('l');
    await expect.poll(() => status.textContent()).toMatch(/^iteration \d+ · half-step \d+: objective/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('faults stay in their panel', () => {
  it('no blank screen: P and C, the solve explorer at its last stage, then the taste groups', async () => {
    const { page, errors, context } = await openApp(browser);
    await choosePreset(page, "Lecture's P and C");
    await stepOnce(page);
    await page.getByRole('tab', { name: 'Solve one row' }).click();
    await page.getByRole('button', { name: /^Stage 8 / }).click();
    await expect.poll(() => page.locator('.se-stage-title').textContent()).toContain('8.');
    await choosePreset(page, 'Taste groups');
    await expect.poll(() => page.locator('.se-stage-title').textContent()).toContain('7.');
    expect(await page.getByRole('button', { name: 'Step', exact: true }).isVisible()).toBe(true);
    expect(await page.locator('.panel-error').count()).toBe(0);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a panel that fails says so and offers a reset, while the rest of the lab keeps working', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      (window as { __mfLabFail?: string }).__mfLabFail = 'The latent space';
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl()}/#/lab`);
    await page.getByRole('tab', { name: 'Latent space' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The latent space stopped working' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('was made to fail for a test');
    // The rest works: the run steps, the other tabs open.
    await stepOnce(page);
    await page.getByRole('tab', { name: 'Objective' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^data term/ }).count()).toBe(1);
    // Reset brings the panel back.
    await page.getByRole('tab', { name: 'Latent space' }).click();
    await page.getByRole('button', { name: 'Reset the latent space' }).click();
    await expect.poll(() => page.getByRole('img', { name: /^Latent space, d = 2/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
