/**
 * Big R in the real app (built dist/, headless Chromium): the ML-100k-shaped preset opens as
 * its density view; hovering reads a block out, dragging and the keys zoom with a breadcrumb;
 * a zoomed region and a top 20 users × 12 items core are offered in the cut dialog with their
 * sizes; the core opens in the editable grid, ALS steps on it, and Undo brings the 943 × 1,682
 * back. Axe finds no serious or critical violation on the density view and the dialog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launch, openApp } from './browser';
import { choosePreset, halfSteps } from './labPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const mapOf = (page: Page) => page.getByRole('application', { name: /^Density of R/ });
const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Zoomed region' });
const current = (page: Page) => crumbs(page).locator('[aria-current="location"]').textContent();

describe('the density view of big R', () => {
  it('zooms, cuts a top 20 × 12 core into the grid, steps ALS on it, and Undo brings R back', async () => {
    const { page, errors, context } = await openApp(browser, '/#/lab', { width: 1280, height: 720 });
    await choosePreset(page, 'MovieLens-100k');
    const map = mapOf(page);
    await expect
      .poll(() => map.getAttribute('aria-label'), { timeout: 30_000 })
      .toMatch(/^Density of R: users #1–#943 × items #1–#1,682/);
    expect(
      await page.getByRole('group', { name: 'Show R as' }).getByRole('button', { name: 'Density' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.getByRole('grid', { name: 'Rating matrix R' }).count()).toBe(0);
    expect(await current(page)).toBe('All of R: 943 users × 1,682 items');
    const readout = page.locator('.dv-readout');
    await expect.poll(() => readout.textContent()).toMatch(/cells known/);
    expect(await seriousViolations(page, '.lab-stage')).toEqual([]);

    // Hover: the block under the pointer, by rank and by name.
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect
      .poll(() => readout.textContent())
      .toMatch(/^Users #\d+–#\d+ \(u\d+ … u\d+\) × items #\d+–#\d+ \(m\d+ … m\d+\): \d+ of \d+ cells known/);

    // Drag a rectangle over the top-left corner: the breadcrumb names the region.
    await page.mouse.move(box.x + 2, box.y + 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.15, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => current(page)).toMatch(/^users #\d+–#\d+ × items #\d+–#\d+$/);
    const dragged = (await current(page))!;
    await expect.poll(() => map.getAttribute('aria-label')).toContain(dragged);

    // Keys: + zooms in again, − goes back up the breadcrumb.
    await map.focus();
    await page.keyboard.press('+');
    await expect.poll(() => crumbs(page).getByRole('listitem').count()).toBe(3);
    await page.keyboard.press('-');
    await expect.poll(() => current(page)).toBe(dragged);

    // The zoomed region is one of the dialog's choices, with its size.
    await page.getByRole('button', { name: 'Open this region in the grid…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cut a dense core into the grid' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('radio', { name: `This region of the density view: ${dragged}` }).isChecked()).toBe(true);
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/^The cut: \d+ users × \d+ items, [\d,]+ known ratings/);
    expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);

    // The top 20 users × 12 items instead.
    await dialog.getByRole('radio', { name: 'The most active users × the most rated items' }).check();
    await dialog.getByLabel('The number of users').fill('20');
    await dialog.getByLabel('The number of items').fill('12');
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^The cut: 20 users × 12 items, \d+ known ratings/);
    await dialog.getByRole('button', { name: 'Open in the grid' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const grid = page.getByRole('grid', { name: 'Rating matrix R' });
    await expect.poll(() => grid.getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe('21');
    expect(await grid.getAttribute('aria-colcount')).toBe('13');
    // The focus went from the dialog to the grid (the button that opened the dialog is gone with the density view).
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="grid"]'))).toBe(true);
    expect(await page.getByRole('group', { name: 'Show R as' }).count()).toBe(0);
    await expect.poll(() => page.getByText(/^Cut the top 20 users × 12 items: 20 users × 12 items/).count()).toBe(1);

    // ALS steps on the cut.
    await expect.poll(() => halfSteps(page)).toBe(0);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => halfSteps(page), { timeout: 20_000 }).toBe(2);

    // Undo: the big data is back, as its density.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect
      .poll(() => mapOf(page).getAttribute('aria-label'), { timeout: 20_000 })
      .toMatch(/^Density of R: users #1–#943 × items #1–#1,682/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
