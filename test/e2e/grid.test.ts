/**
 * The rating grid in the real app (built dist/, headless Chromium): editing R, refusing
 * what does not fit the scale, undo and redo, users and items, the keyboard, held-out
 * cells, presets, the threshold conversion, and ML-100k without freezing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, numberIn, openApp, type AppPage } from './browser';
import { choosePreset, openFeedback } from './labPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const gridOf = (page: Page) => page.getByRole('grid', { name: 'Rating matrix R', exact: true });

/** Cell (i, j) of a small grid, counted from 0 as in the lecture's u_{i+1}, i_{j+1}. */
const cell = (grid: Locator, i: number, j: number) =>
  grid
    .getByRole('row')
    .nth(i + 1)
    .getByRole('gridcell')
    .nth(j);

/** Row (1 = the header row) and column (1 = the user names) of the focused element, and its text. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const row = el?.closest('[role="row"]');
    return {
      inGrid: !!el?.closest('[role="grid"]'),
      role: el?.getAttribute('role') ?? null,
      row: Number(row?.getAttribute('aria-rowindex') ?? NaN),
      col: Number(el?.getAttribute('aria-colindex') ?? NaN),
      text: el?.textContent ?? '',
    };
  });
}

async function open(): Promise<AppPage & { grid: Locator }> {
  const app = await openApp(browser);
  const grid = gridOf(app.page);
  await expect.poll(() => grid.getByRole('gridcell').count()).toBe(24);
  await expect.poll(() => numberIn(app.page, 'Loss')).toBeGreaterThan(0);
  return { ...app, grid };
}

describe('the rating grid holds R', () => {
  it('is an ARIA grid with the lecture’s 4×6 R, its 11 ? cells and one tab stop', async () => {
    const { grid, errors, context } = await open();
    expect(await grid.getAttribute('aria-rowcount')).toBe('5');
    expect(await grid.getAttribute('aria-colcount')).toBe('7');
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining(['i1', 'i2', 'i3', 'i4', 'i5', 'i6']),
    );
    expect(await grid.getByRole('rowheader').allTextContents()).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(await grid.getByRole('gridcell', { name: '?', exact: true }).count()).toBe(11);
    expect(await grid.locator('[tabindex="0"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('typing 4 + Enter into the ? of u1 × i2 stores 4, moves down and changes the loss', async () => {
    const { page, grid, errors, context } = await open();
    const before = await numberIn(page, 'Loss');
    await cell(grid, 0, 1).click();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(grid, 0, 1).textContent()).toBe('4');
    await expect.poll(() => numberIn(page, 'Loss')).not.toBe(before);
    expect(await focused(page)).toMatchObject({ inGrid: true, row: 3, col: 3, text: '2' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a 7 with a message about the scale and keeps the old value', async () => {
    const { page, grid, errors, context } = await open();
    await cell(grid, 0, 0).click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'rating scale' });
    await expect.poll(() => alert.textContent()).toBe('"7" is outside the rating scale 1–5');
    expect(await cell(grid, 0, 0).textContent()).toBe('1');
    // Letters are refused too.
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not a number' }).count()).toBe(1);
    expect(await cell(grid, 0, 0).textContent()).toBe('1');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Escape cancels an edit, and ? / Delete make a rating unknown', async () => {
    const { page, grid, errors, context } = await open();
    await cell(grid, 2, 1).click();
    await page.keyboard.type('3');
    await page.keyboard.press('Escape');
    expect(await cell(grid, 2, 1).textContent()).toBe('5');
    await page.keyboard.press('Delete');
    await expect.poll(() => cell(grid, 2, 1).textContent()).toBe('?');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('?');
    await expect.poll(() => cell(grid, 2, 2).textContent()).toBe('?');
    expect(await grid.getByRole('gridcell', { name: '?', exact: true }).count()).toBe(13);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z, Ctrl+Y and the buttons', async () => {
    const { page, grid, errors, context } = await open();
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    expect(await undo.isDisabled()).toBe(true);
    await cell(grid, 0, 1).click();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(grid, 0, 1).textContent()).toBe('4');
    expect(await undo.isDisabled()).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(grid, 0, 1).textContent()).toBe('?');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => cell(grid, 0, 1).textContent()).toBe('4');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(grid, 0, 1).textContent()).toBe('?');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell(grid, 0, 1).textContent()).toBe('4');
    await undo.click();
    await expect.poll(() => cell(grid, 0, 1).textContent()).toBe('?');
    expect(await undo.isDisabled()).toBe(true);
    await redo.click();
    await expect.poll(() => cell(grid, 0, 1).textContent()).toBe('4');
    expect(await redo.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('adds a user u5 and removes user u3 (the focused cell’s row), undoably', async () => {
    const { page, grid, errors, context } = await open();
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => grid.getByRole('rowheader').allTextContents()).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(await grid.getAttribute('aria-rowcount')).toBe('6');
    await cell(grid, 2, 0).click();
    await page.getByRole('button', { name: 'Remove user u3' }).click();
    await expect.poll(() => grid.getByRole('rowheader').allTextContents()).toEqual(['u1', 'u2', 'u4', 'u5']);
    // u4's ratings moved up with their row.
    expect(await cell(grid, 2, 2).textContent()).toBe('2');
    await page.getByRole('button', { name: 'Add item' }).click();
    await expect.poll(() => grid.getByRole('columnheader', { name: 'i7' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => grid.getByRole('rowheader').allTextContents()).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renames a user from the row header and refuses a duplicate name', async () => {
    const { page, grid, errors, context } = await open();
    await grid.getByRole('rowheader', { name: 'u3' }).dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Cleo');
    await page.keyboard.press('Enter');
    await expect.poll(() => grid.getByRole('rowheader').allTextContents()).toEqual(['u1', 'u2', 'Cleo', 'u4']);
    await grid.getByRole('rowheader', { name: 'u4' }).click();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('u1');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'already' }).textContent())
      .toBe('"u1" is already the name of another user');
    expect(await grid.getByRole('rowheader').allTextContents()).toEqual(['u1', 'u2', 'Cleo', 'u4']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves with arrows, Home/End and PageDown, and is a single tab stop', async () => {
    const { page, grid, errors, context } = await open();
    await cell(grid, 0, 0).click();
    expect(await focused(page)).toMatchObject({ role: 'gridcell', row: 2, col: 2, text: '1' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', row: 4, col: 3, text: '5' });
    await page.keyboard.press('End');
    expect(await focused(page)).toMatchObject({ row: 4, col: 7, text: '5' });
    await page.keyboard.press('Home');
    expect(await focused(page)).toMatchObject({ row: 4, col: 2, text: '1' });
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toMatchObject({ role: 'rowheader', text: 'u3' });
    await page.keyboard.press('PageDown');
    expect(await focused(page)).toMatchObject({ role: 'rowheader', text: 'u4' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ role: 'columnheader', text: 'i1' });
    await page.keyboard.press('Tab');
    expect((await focused(page)).inGrid).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ inGrid: true, role: 'columnheader', text: 'i1' });
    // Selecting a user: Enter on a row header.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => grid.getByRole('rowheader', { name: 'u1' }).getAttribute('aria-selected')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('holds out a known cell with H and with the Hold out mode, and refuses a ?', async () => {
    const { page, grid, errors, context } = await open();
    const held = grid.getByRole('gridcell', { name: /held out/ });
    await cell(grid, 2, 1).click();
    await page.keyboard.press('h');
    await expect.poll(() => held.count()).toBe(1);
    expect(await held.first().textContent()).toMatch(/^5/);
    expect(await cell(grid, 2, 1).evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/repeating-linear-gradient/);
    expect(await cell(grid, 2, 0).evaluate((el) => getComputedStyle(el).backgroundImage)).toBe('none');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('h');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'held out' }).textContent())
      .toBe("u2's rating of i1 is ?: only a known value can be held out");
    await page.getByRole('button', { name: 'Hold out', exact: true }).click();
    await cell(grid, 0, 0).click();
    await expect.poll(() => held.count()).toBe(2);
    await cell(grid, 0, 0).click();
    await expect.poll(() => held.count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('converts R to implicit P by a threshold, side by side first, and undoes it', async () => {
    const { page, grid, errors, context } = await open();
    await openFeedback(page);
    await page.getByRole('button', { name: 'Convert to implicit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'From explicit to implicit feedback' });
    const before = dialog.getByRole('grid', { name: 'R before conversion' });
    const after = dialog.getByRole('grid', { name: 'P after conversion' });
    await expect.poll(() => after.getByRole('gridcell').count()).toBe(24);
    expect(await cell(before, 2, 1).textContent()).toBe('5');
    expect(await cell(after, 2, 1).textContent()).toBe('1');
    expect(await cell(after, 0, 3).textContent()).toBe('0');
    expect(await after.getByRole('gridcell', { name: '?', exact: true }).count()).toBe(11);
    // A lower threshold: 2 → the 2s of u1 and u2 become 1.
    await dialog.getByRole('textbox', { name: 'Threshold' }).fill('2');
    await expect.poll(() => cell(after, 0, 3).textContent()).toBe('1');
    await dialog.getByRole('textbox', { name: 'Threshold' }).fill('4');
    await dialog.getByRole('button', { name: 'Apply conversion' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => cell(grid, 2, 1).textContent()).toBe('1');
    expect(await cell(grid, 0, 0).textContent()).toBe('0');
    expect(await grid.getByRole('gridcell', { name: '?', exact: true }).count()).toBe(11);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(grid, 2, 1).textContent()).toBe('5');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows and edits the lecture’s P and C', async () => {
    const { page, grid, errors, context } = await open();
    await choosePreset(page, "Lecture's P and C");
    await expect.poll(() => cell(grid, 0, 1).textContent()).toBe('0');
    await page.getByRole('button', { name: /^C: / }).click();
    await expect.poll(() => cell(grid, 0, 0).textContent()).toBe('0.85');
    await cell(grid, 0, 0).click();
    await page.keyboard.type('0.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(grid, 0, 0).textContent()).toBe('0.5');
    await page.getByRole('button', { name: /^P: / }).click();
    await cell(grid, 0, 1).click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'P holds 0 or 1' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads the taste-groups preset (12 × 16)', async () => {
    const { page, grid, errors, context } = await open();
    await choosePreset(page, 'Taste groups');
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('13');
    expect(await grid.getAttribute('aria-colcount')).toBe('17');
    expect(await grid.getByRole('rowheader').first().textContent()).toBe('Ana');
    expect(await grid.getByRole('columnheader', { name: 'Airplane!' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  // How fast it opens is measured by npm run bench:ui, not here.
  it('renders ML-100k (943 × 1,682) with only the visible cells in the DOM', async () => {
    const { page, grid, errors, context } = await open();
    await choosePreset(page, 'MovieLens-100k');
    // Big R opens as its density: the cells are behind the switch.
    await expect
      .poll(() => page.getByRole('application', { name: /^Density of R: users #1–#943/ }).count(), { timeout: 30_000 })
      .toBe(1);
    await page.getByRole('group', { name: 'Show R as' }).getByRole('button', { name: 'Cells' }).click();
    await expect.poll(() => grid.getAttribute('aria-rowcount'), { timeout: 30_000 }).toBe('944');
    expect(await grid.getAttribute('aria-colcount')).toBe('1683');
    const count = await grid.getByRole('gridcell').count();
    expect(count).toBeGreaterThan(20);
    expect(count).toBeLessThan(5000);
    // The keyboard reaches the far corner, and the grid scrolls it into view.
    await grid.getByRole('gridcell').first().click();
    await page.keyboard.press('Control+End');
    await expect.poll(() => focused(page)).toMatchObject({ inGrid: true, row: 944, col: 1683 });
    await expect.poll(() => grid.getByRole('rowheader', { name: 'u943' }).isVisible()).toBe(true);
    expect(await grid.getByRole('columnheader', { name: 'm1682' }).isVisible()).toBe(true);
    expect(await grid.getByRole('gridcell').count()).toBeLessThan(5000);
    // Still responsive: an edit there goes through.
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('3');
    expect(errors).toEqual([]);
    await context.close();
  });
});
