/**
 * The Open data dialog in the real app (built dist/, headless Chromium): a rating file and a
 * titles file picked, previewed, mapped and opened; a malformed file refused by its line with
 * the data on screen unchanged; files dropped anywhere on the lab; an opened data set kept
 * over a reload; a million-rating file built in the worker with a progress bar while the page
 * stays responsive; pasted ratings; and no serious axe violation on the dialog.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launch, openApp } from './browser';
import { halfSteps } from './labPage';
import { ML_1M_SHAPE, syntheticRatingsText } from '../../src/core/io/syntheticRatingsText';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------
// Files built here

const USERS = 30;
const ITEMS = 12;
const TITLES = ['Heat', 'Ronin', 'Alien', 'Big', 'Clue', 'Fargo', 'Rocky', 'Psycho', 'Jaws', 'Brazil', 'Gattaca', 'Vertigo'];

/** 30 users × 12 items, user u rated item m unless (u + m) % 4 = 0, ratings 1–5, with a header. */
function surveyText(): { text: string; ratings: number } {
  const lines = ['user,item,rating,timestamp'];
  for (let i = 0; i < USERS; i++)
    for (let j = 0; j < ITEMS; j++) {
      if ((i + j) % 4 === 0) continue;
      lines.push(`u${i + 1},m${j + 1},${1 + ((i * 7 + j * 3) % 5)},${1_600_000_000 + i * 1000 + j}`);
    }
  return { text: lines.join('\n') + '\n', ratings: lines.length - 1 };
}

const titlesText = () => ['item,title', ...TITLES.map((t, j) => `m${j + 1},${t}`)].join('\n') + '\n';

const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

// ---------------------------------------------------------------------------------------
// The page

const dataButton = (page: Page) => page.getByRole('button', { name: /^Data:/ });
const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Open data' });
const gridOf = (page: Page) => page.getByRole('grid', { name: 'Rating matrix R', exact: true });
const statusText = async (page: Page) => ((await page.locator('.status-banner').first().textContent()) ?? '').trim();
const dataName = async (page: Page) => ((await dataButton(page).textContent()) ?? '').replace('▾', '').trim();

/** Opens the dialog from the data menu's "Open data…". */
async function openDialog(page: Page): Promise<Locator> {
  await dataButton(page).click();
  await page.getByRole('button', { name: 'Open data…' }).click();
  const dialog = dialogOf(page);
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await expect.poll(() => dialog.getByLabel('Choose files…').count()).toBe(1);
  return dialog;
}

/** The preview's caption and its header cells, as text. */
async function preview(dialog: Locator) {
  const table = dialog.getByRole('table');
  return {
    caption: ((await table.locator('caption').textContent()) ?? '').trim(),
    headers: (await table.getByRole('columnheader').allTextContents()).map((t) => t.trim()),
  };
}

/** The lab with the lecture's R on screen and a model computed. */
async function openLab() {
  const app = await openApp(browser, '/#/lab');
  await expect.poll(() => gridOf(app.page).getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe('5');
  await expect.poll(() => dataName(app.page)).toBe("Data: Lecture's R");
  return app;
}

/** Picks survey.csv and titles.csv in the dialog, checks their preview, and opens them. */
async function openSurvey(page: Page): Promise<void> {
  const { text } = surveyText();
  const dialog = await openDialog(page);
  await dialog.getByLabel('Choose files…').setInputFiles([file('survey.csv', text), file('titles.csv', titlesText())]);
  await expect.poll(async () => (await preview(dialog)).caption).toMatch(/^First rows of survey\.csv \(about \d+ rows\)$/);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(false);
  await expect.poll(() => dataName(page), { timeout: 20_000 }).toBe('Data: survey.csv');
}

describe('the Open data dialog', () => {
  it('opens a picked rating file with a titles file: preview, mapping, scale, then R, titles and a step', async () => {
    const { page, context, errors } = await openLab();
    const { text, ratings } = surveyText();
    const dialog = await openDialog(page);
    await dialog.getByLabel('Choose files…').setInputFiles([file('survey.csv', text), file('titles.csv', titlesText())]);

    // Both files, each with the role its name suggests.
    const files = dialog.getByRole('list', { name: 'Files to open' });
    await expect.poll(() => files.getByRole('listitem').count()).toBe(2);
    expect(await dialog.getByLabel('What survey.csv is').inputValue()).toBe('ratings');
    expect(await dialog.getByLabel('What titles.csv is').inputValue()).toBe('titles');

    // The first rows, and the columns as detected from the header.
    await expect.poll(async () => (await preview(dialog)).caption).toMatch(/^First rows of survey\.csv/);
    expect((await preview(dialog)).headers).toEqual([
      'line',
      '1: user = user',
      '2: item = item',
      '3: rating = rating',
      '4: timestamp = time',
    ]);
    const firstRow = dialog.getByRole('table').getByRole('row').nth(1);
    expect((await firstRow.getByRole('rowheader').textContent())?.trim()).toBe('2');
    expect(await firstRow.getByRole('cell').allTextContents()).toEqual(['u1', 'm2', '4', '1600000001']);
    expect(await dialog.getByRole('table').getByRole('row').count()).toBe(9);
    const mapping = dialog.getByRole('group', { name: 'Which column is which' });
    expect(await mapping.getByLabel('User column').inputValue()).toBe('0');
    expect(await mapping.getByLabel('Item column').inputValue()).toBe('1');
    expect(await mapping.getByLabel('Rating column').inputValue()).toBe('2');
    expect(await mapping.getByLabel('Time column').inputValue()).toBe('3');
    expect(await dialog.getByRole('radio', { name: 'ratings (explicit)' }).isChecked()).toBe(true);
    const scale = dialog.getByLabel('Rating scale');
    expect(await scale.inputValue()).toBe('detected');
    expect(((await scale.locator('option:checked').textContent()) ?? '').trim()).toBe('Detected: 1–5');

    // A changed mapping takes effect in the preview: no time column.
    await mapping.getByLabel('Time column').selectOption('none');
    await expect.poll(async () => (await preview(dialog)).headers[4]).toBe('4: timestamp');
    expect((await preview(dialog)).headers.slice(1, 4)).toEqual(['1: user = user', '2: item = item', '3: rating = rating']);
    expect(await mapping.getByLabel('Time column').inputValue()).toBe('none');

    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(false);

    // The data menu names the file; R is 30 × 12 with the titles over its columns.
    await expect.poll(() => dataName(page), { timeout: 20_000 }).toBe('Data: survey.csv');
    await expect
      .poll(() => statusText(page))
      .toContain(`Opened “survey.csv”: ${USERS} users × ${ITEMS} items, ${ratings} ratings (1–5), ${ITEMS} titles.`);
    const grid = gridOf(page);
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(USERS + 1));
    expect(await grid.getAttribute('aria-colcount')).toBe(String(ITEMS + 1));
    const headers = (await grid.getByRole('columnheader').allTextContents()).map((t) => t.trim());
    expect(headers).toEqual(expect.arrayContaining(['Heat', 'Vertigo']));
    expect(headers).not.toContain('m1');
    const users = await grid.getByRole('rowheader').allTextContents();
    expect(users[0]).toBe('u1');
    expect(users).toEqual(expect.arrayContaining(['u2', 'u10', 'u19']));

    // ALS steps on it.
    await expect.poll(() => halfSteps(page), { timeout: 20_000 }).toBe(0);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => halfSteps(page), { timeout: 20_000 }).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a file with a rating that is not a number, naming line 7, and keeps the lecture’s R', async () => {
    const { page, context, errors } = await openLab();
    const lines = ['user,item,rating', 'a,x,1', 'a,y,2', 'b,x,3', 'b,z,4', 'c,y,5', 'c,z,five', 'd,x,2', 'd,z,1'];
    const dialog = await openDialog(page);
    await dialog.getByLabel('Choose files…').setInputFiles([file('broken.csv', lines.join('\n') + '\n')]);
    // The preview already marks the line.
    await expect.poll(async () => (await preview(dialog)).caption).toMatch(/^First rows of broken\.csv/);
    const bad = dialog.getByRole('table').getByRole('row').filter({ hasText: 'Line 7:' });
    expect(((await bad.textContent()) ?? '').trim()).toBe('7Line 7: the rating "five" is not a number.');

    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(/^Not opened: .*line 7\b/i);
    expect(await alert.textContent()).toContain('five');
    expect(await alert.textContent()).toMatch(/The data on screen is unchanged\.$/);
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await dataName(page)).toBe("Data: Lecture's R");
    const grid = gridOf(page);
    expect(await grid.getAttribute('aria-rowcount')).toBe('5');
    expect(await grid.getAttribute('aria-colcount')).toBe('7');
    expect(await grid.getByRole('rowheader').allTextContents()).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(await statusText(page)).toMatch(/line 7\b.*The data on screen is unchanged\./i);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens with the preview of a file dropped anywhere on the lab', async () => {
    const { page, context, errors } = await openLab();
    expect(await dialogOf(page).isVisible()).toBe(false);
    const text = ['user\titem\trating', 'ann\tdune\t4', 'ann\theat\t2', 'bob\tdune\t5', 'cy\theat\t1'].join('\n') + '\n';
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.tsv', { type: 'text/tab-separated-values' }));
      return dt;
    }, text);
    const target = page.locator('.lab').first();
    for (const type of ['dragenter', 'dragover', 'drop'])
      await target.dispatchEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true });

    const dialog = dialogOf(page);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(async () => (await preview(dialog)).caption).toMatch(/^First rows of dropped\.tsv/);
    expect((await preview(dialog)).headers).toEqual(['line', '1: user = user', '2: item = item', '3: rating = rating']);
    expect(await dialog.getByRole('table').getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'ann',
      'dune',
      '4',
    ]);
    expect(await dialog.getByLabel('What dropped.tsv is').inputValue()).toBe('ratings');
    // Nothing is opened until asked.
    expect(await dataName(page)).toBe("Data: Lecture's R");
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps an opened data set over a reload: its size, labels and titles', async () => {
    const { page, context, errors } = await openLab();
    await openSurvey(page);
    const grid = gridOf(page);
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(USERS + 1));
    await page.reload();
    await expect.poll(() => dataName(page), { timeout: 20_000 }).not.toBe("Data: Lecture's R");
    await expect.poll(() => grid.getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe(String(USERS + 1));
    expect(await grid.getAttribute('aria-colcount')).toBe(String(ITEMS + 1));
    expect((await grid.getByRole('columnheader').allTextContents()).map((t) => t.trim())).toEqual(
      expect.arrayContaining(['Heat', 'Vertigo']),
    );
    expect(await grid.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining(['u1', 'u10', 'u2']));
    expect(await page.getByText('could not be restored').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  // A small data set travels inline in the saved lab and its link, with its name (named=…, key=…).
  it('keeps an opened data set’s name over a reload', async () => {
    const { page, context, errors } = await openLab();
    await openSurvey(page);
    await expect.poll(() => gridOf(page).getAttribute('aria-rowcount')).toBe(String(USERS + 1));
    await page.reload();
    await expect.poll(() => gridOf(page).getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe(String(USERS + 1));
    await expect.poll(() => dataName(page), { timeout: 20_000 }).toBe('Data: survey.csv');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens pasted ratings, with the user and item columns swapped', async () => {
    const { page, context, errors } = await openLab();
    const dialog = await openDialog(page);
    await dialog.getByText('Paste ratings instead').click();
    const use = dialog.getByRole('button', { name: 'Use the pasted text' });
    expect(await use.isDisabled()).toBe(true);
    // 3 users (a, b, c) × 2 items (x, y).
    await dialog.getByLabel('Ratings as text, one per line').fill('a,x,1\na,y,5\nb,x,3\nc,y,2\nc,x,4\n');
    await use.click();
    await expect.poll(async () => (await preview(dialog)).caption).toMatch(/^First rows of pasted ratings\.txt/);
    expect((await preview(dialog)).headers).toEqual(['line', 'column 1 = user', 'column 2 = item', 'column 3 = rating']);

    // Swap: items become the rows. The half-way state (both column 2) is refused and Open waits.
    const mapping = dialog.getByRole('group', { name: 'Which column is which' });
    await mapping.getByLabel('User column').selectOption('1');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('One column cannot be two things');
    expect(await dialog.getByRole('button', { name: 'Open', exact: true }).isDisabled()).toBe(true);
    await mapping.getByLabel('Item column').selectOption('0');
    await expect.poll(() => dialog.getByRole('alert').filter({ hasText: 'One column' }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Open', exact: true }).isDisabled()).toBe(false);
    await expect
      .poll(async () => (await preview(dialog)).headers)
      .toEqual(['line', 'column 1 = item', 'column 2 = user', 'column 3 = rating']);

    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => dataName(page), { timeout: 20_000 }).toBe('Data: pasted ratings.txt');
    const grid = gridOf(page);
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('3');
    expect(await grid.getAttribute('aria-colcount')).toBe('4');
    expect(await grid.getByRole('rowheader').allTextContents()).toEqual(['x', 'y']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no serious or critical axe violation with a preview shown', async () => {
    const { page, context, errors } = await openLab();
    const dialog = await openDialog(page);
    await dialog
      .getByLabel('Choose files…')
      .setInputFiles([file('survey.csv', surveyText().text), file('titles.csv', titlesText())]);
    await expect.poll(async () => (await preview(dialog)).caption).toMatch(/^First rows of survey\.csv/);
    await dialog.getByText('Paste ratings instead').click();
    expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a million ratings', () => {
  let dir = '';
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds in the worker with a progress bar, the page answering, and opens as the density of 6,040 users', async () => {
    const text = syntheticRatingsText({ ...ML_1M_SHAPE, seed: 3 });
    const lines = text.split('\n').filter((l) => l !== '');
    expect(lines.length).toBe(1_000_209);
    const items = new Set(lines.map((l) => l.split('::')[1])).size;
    dir = mkdtempSync(join(tmpdir(), 'mf-open-data-'));
    const path = join(dir, 'ratings.dat');
    writeFileSync(path, text);

    const { page, context, errors } = await openLab();
    const dialog = await openDialog(page);
    await dialog.getByLabel('Choose files…').setInputFiles(path);
    await expect
      .poll(async () => (await preview(dialog)).caption, { timeout: 30_000 })
      .toMatch(/^First rows of ratings\.dat \(about [\d,]+ rows\)$/);
    expect((await preview(dialog)).headers).toEqual([
      'line',
      'column 1 = user',
      'column 2 = item',
      'column 3 = rating',
      'column 4 = time',
    ]);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();

    // The build's progress, in the dialog and beside the data menu.
    const progress = page.getByRole('progressbar', { name: /^Opening “ratings\.dat”: / });
    await expect.poll(() => progress.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // The dialog may close while the build goes on; the bar beside the data menu stays, with Cancel.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    const bar = page.getByRole('group', { name: 'Opening “ratings.dat”' });
    expect(await bar.getByRole('progressbar').count()).toBe(1);
    expect(await bar.getByRole('button', { name: 'Cancel' }).count()).toBe(1);
    // The page answers during the build: script runs, and the data menu opens.
    expect(await page.evaluate(() => 1)).toBe(1);
    await dataButton(page).click();
    await expect.poll(() => dataButton(page).getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('group', { name: 'Data presets' }).isVisible()).toBe(true);
    expect(await bar.count()).toBe(1);
    expect(await dataName(page)).toBe("Data: Lecture's R");
    await page.keyboard.press('Escape');

    // Done: the density of R, 6,040 users.
    const map = page.getByRole('application', { name: /^Density of R/ });
    await expect
      .poll(() => map.getAttribute('aria-label'), { timeout: 150_000, interval: 500 })
      .toMatch(new RegExp(`^Density of R: users #1–#6,040 × items #1–#${items.toLocaleString('en-US')}\\b`));
    expect(await bar.count()).toBe(0);
    expect(await dataName(page)).toBe('Data: ratings.dat');
    expect(await statusText(page)).toContain(
      `Opened “ratings.dat”: 6,040 users × ${items.toLocaleString('en-US')} items, 1,000,209 ratings (1–5).`,
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
