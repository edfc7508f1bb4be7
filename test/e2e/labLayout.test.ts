/**
 * The lab's one layout, from projector to phone: at 1280 × 720 and 1024 × 768 the run
 * controls, R, U, Vᵀ, UVᵀ and the loss are on the first screen together (for the lecture's R
 * and the taste groups) and a Step moves them together; no screen from 320 px up scrolls
 * sideways; a tap explains a cell and the explanation stays; playing at full speed never
 * grows the page; the step counter says what it counts, in the solver's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, launch, openApp } from './browser';
import { choosePreset, halfSteps, matrices, type PresetName } from './labPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether an element lies wholly inside the window, the page scrolled to its top. */
async function inFirstScreen(page: Page, locator: Locator): Promise<string | null> {
  const box = await locator.first().boundingBox();
  const size = page.viewportSize()!;
  if (!box) return 'not rendered';
  const fits = box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
  return fits ? null : `at ${Math.round(box.x)},${Math.round(box.y)} size ${Math.round(box.width)}×${Math.round(box.height)}`;
}

async function ready(page: Page, preset: PresetName) {
  if (preset !== "Lecture's R") {
    await choosePreset(page, preset);
    // Clicking a preset low in the (scrolling) menu lets the test tool scroll the page a few pixels: back to the top.
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await expect.poll(() => matrices(page).UVT.count()).toBe(1);
  await expect.poll(() => page.getByLabel('Step count').first().textContent()).toContain('half-step 0');
}

const pageWidth = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

describe('the first screen on a projector', () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    for (const preset of ["Lecture's R", 'Taste groups'] as const) {
      it(`${size.width} × ${size.height}, ${preset}: controls, R, U, Vᵀ, UVᵀ and the loss together; a Step moves them together`, async () => {
        const { page, errors, context } = await openApp(browser, '/#/lab', size);
        await ready(page, preset);
        const m = matrices(page);
        const parts: [string, Locator][] = [
          ['Step', page.getByRole('button', { name: 'Step', exact: true })],
          ['Play', page.getByRole('button', { name: 'Play' })],
          ['Solve U', page.getByRole('button', { name: /^Solve U/ })],
          ['R', m.R],
          ['U', m.U],
          ['Vᵀ', m.VT],
          ['UVᵀ', m.UVT],
          ['loss', m.loss],
          ['step count', page.getByLabel('Step count')],
        ];
        for (const [name, locator] of parts) expect(await inFirstScreen(page, locator), name).toBeNull();
        // R is whole: its grid does not scroll inside.
        expect(await m.R.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
        // Row 1 of R, of U and of UVᵀ line up.
        const rTop = (await m.R.locator('[role="gridcell"][data-r="0"][data-c="0"]').boundingBox())!.y;
        const uvtTop = (await m.UVT.locator('[data-cell="0,0"]').boundingBox())!.y;
        const uTop = (await m.U.locator('[data-cell="0,0"]').boundingBox())!.y;
        expect(Math.abs(rTop - uvtTop)).toBeLessThanOrEqual(3);
        expect(Math.abs(uTop - uvtTop)).toBeLessThanOrEqual(1);

        const before = await m.UVT.locator('[data-cell="0,1"]').getAttribute('data-value');
        const lossBefore = await m.loss.getAttribute('aria-label');
        await page.getByRole('button', { name: 'Step', exact: true }).click();
        await expect.poll(() => page.getByLabel('Step count').first().textContent()).toBe('half-step 2');
        await expect.poll(() => m.UVT.locator('[data-cell="0,1"]').getAttribute('data-value')).not.toBe(before);
        await expect.poll(() => m.loss.getAttribute('aria-label')).not.toBe(lossBefore);
        expect(await page.locator('.step-readout').first().textContent()).toBe('iteration 1 · half-step 2');
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  it('a laptop (1440 × 900, 1920 × 1080) shows the same, with room to spare', async () => {
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      const { page, errors, context } = await openApp(browser, '/#/lab', size);
      await ready(page, 'Taste groups');
      const m = matrices(page);
      for (const [name, locator] of Object.entries(m)) expect(await inFirstScreen(page, locator), name).toBeNull();
      // The tabs are on the first screen too: the explore panels are one click away.
      expect(await inFirstScreen(page, page.getByRole('tab', { name: 'Solve one row' }))).toBeNull();
      const width = await pageWidth(page);
      expect(width.scroll).toBeLessThanOrEqual(width.client);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('one layout from projector to phone', () => {
  it('never scrolls sideways at 320 px or on a phone (390 × 844), whatever the data or the open tab', async () => {
    for (const size of [
      { width: 320, height: 640 },
      { width: 390, height: 844 },
    ]) {
      const { page, errors, context } = await openApp(browser, '/#/lab', size);
      for (const preset of ["Lecture's R", 'Taste groups', "Lecture's P and C"] as const) {
        await ready(page, preset);
        await page.getByRole('button', { name: 'Step', exact: true }).click();
        for (const tab of [
          'Loss over the run',
          'Solve one row',
          'Objective',
          'Latent space',
          'Toy example',
          'Recommend',
          'Evaluate',
        ]) {
          await page.getByRole('tab', { name: tab }).click();
          await page.waitForTimeout(150);
          const width = await pageWidth(page);
          expect(width.scroll, `${size.width} px, ${preset}, ${tab}`).toBeLessThanOrEqual(width.client);
        }
        await page.getByRole('tab', { name: 'Loss over the run' }).click();
      }
      // Every control is a target of at least 24 × 24 px (WCAG 2.5.8), reachable on a phone.
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.lab button, .lab select, .lab input')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
          .map(({ el, r }) => `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent} ${r.width}×${r.height}`),
      );
      expect(small).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('a tap on a cell of UVᵀ explains r̂ᵢⱼ = uᵢᵀvⱼ, and the explanation stays until another tap or Escape', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl()}/#/lab`);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => halfSteps(page)).toBe(2);
    const uvt = matrices(page).UVT;
    const explain = page.getByLabel('Prediction explained');
    await uvt.locator('[data-cell="2,3"]').tap();
    await expect.poll(() => explain.textContent()).toContain('user u3, item i4');
    // The finger has lifted: the explanation is still there.
    await page.waitForTimeout(600);
    expect(await explain.textContent()).toContain('user u3, item i4');
    expect(await explain.textContent()).toContain('unknown: this is a prediction');
    // The shown product: the factors and r̂ on the page add up (or say they are rounded).
    await uvt.locator('[data-cell="0,0"]').tap();
    await expect.poll(() => explain.textContent()).toContain('user u1, item i1');
    expect(await explain.textContent()).toContain('a known rating');
    await page.keyboard.press('Escape');
    await expect.poll(() => explain.count()).toBe(0);
    // The same on R: a tap on a cell explains its prediction.
    await page.getByRole('grid', { name: 'Rating matrix R' }).locator('[role="gridcell"][data-r="1"][data-c="2"]').tap();
    await expect.poll(() => explain.textContent()).toContain('user u2, item i3');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('playing at the fastest speed never makes the page longer or wider than its content', async () => {
    const { page, errors, context } = await openApp(browser, '/#/lab', { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => halfSteps(page)).toBe(2);
    // The tabs' content (the last part, the variant comparison) loads once the lab is idle: measure with it.
    await page.getByRole('heading', { name: 'Compare variants' }).waitFor();
    const before = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.getByLabel('Speed').selectOption({ label: 'Fastest' });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => halfSteps(page)).toBeGreaterThan(60);
    await page
      .getByRole('button', { name: 'Pause' })
      .click()
      .catch(() => undefined);
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    const rows = await page.getByRole('table', { name: 'Loss history' }).locator('tbody tr').count();
    expect(rows).toBeGreaterThan(60);
    const after = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    // A status message may appear above the stage (converged): a few lines, not a table's worth.
    expect(after.height).toBeLessThanOrEqual(before + 80);
    expect(after.width).toBeLessThanOrEqual(after.client);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('what the counter counts', () => {
  it('ALS counts iterations and half-steps; gradient descent counts gradient steps, and every label says so', async () => {
    const { page, errors, context } = await openApp(browser);
    const readout = page.locator('.step-readout').first();
    await expect.poll(() => readout.textContent()).toBe('iteration 0 · half-step 0');
    await page.getByRole('button', { name: /^Solve U/ }).click();
    await expect.poll(() => readout.textContent()).toBe('iteration 1 · half-step 1');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => readout.textContent()).toBe('iteration 2 · half-step 3');
    expect(await page.locator('[data-chart="objective"] .axis-label').last().textContent()).toBe(
      'ALS half-steps (2 per iteration)',
    );

    await page.getByLabel('Solver').selectOption('gd');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => readout.textContent()).toBe('gradient step 0');
    for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => readout.textContent()).toBe('gradient step 3');
    expect(await page.getByRole('button', { name: /^Step U/ }).count()).toBe(1);
    expect(await page.locator('[data-chart="objective"] .axis-label').last().textContent()).toBe('gradient steps');
    const legend = (await page.getByRole('list', { name: 'Objective legend' }).textContent()) ?? '';
    expect(legend).toContain('gradient step');
    expect(legend).not.toContain('fix V, solve U');
    expect(await page.locator('.run-note').textContent()).not.toContain('ALS half-step');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('holding out', () => {
  it('says at once when a held-out cell leaves its item with no training rating, and why its error will be large', async () => {
    const { page, errors, context } = await openApp(browser);
    const grid = page.getByRole('grid', { name: 'Rating matrix R' });
    // i4 is rated by u1 alone in the lecture's R.
    await grid.locator('[role="gridcell"][data-r="0"][data-c="3"]').click();
    await page.keyboard.press('h');
    const notice = page.locator('.rg-notice');
    await expect.poll(() => notice.textContent()).toContain('i4 has no training rating left');
    expect(await notice.textContent()).toContain('held-out error is the whole rating');
    // Putting it back clears the warning.
    await page.keyboard.press('h');
    await expect.poll(() => notice.textContent()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });
});
