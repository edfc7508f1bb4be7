/**
 * From factors to recommendations, in the browser: on the lecture's R, after ALS, a user's
 * top-N with both exact explanations (their parts, read off the page, add up to the score the
 * list shows), a new user whose list changes as they rate, and that user added as a row of R.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launch, openApp } from './browser';
import { choosePreset, matrices } from './labPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const num = (text: string | null) => Number((text ?? '').replace(/−/g, '-').replace(/[^0-9.eE+-]/g, ''));

/** The item titles of a list, top first. */
async function items(table: Locator): Promise<string[]> {
  return table.locator('tbody tr th').evaluateAll((ths) => ths.map((th) => th.textContent ?? ''));
}

/** The shown parts of a decomposition and the sum line's number. */
async function parts(page: Page, name: string): Promise<{ values: number[]; sum: number }> {
  const table = page.getByRole('table', { name });
  const values = (await table.locator('td.rc-part').allTextContents()).map(num);
  const group = page.getByRole('group', { name: name.replace('The score by', 'By') });
  const sum = num(await group.locator('.rc-sum-value').first().textContent());
  return { values, sum };
}

describe('the Recommend tab', () => {
  it('recommends, explains exactly, folds a new user in and adds them to R', async () => {
    const { page, errors, context } = await openApp(browser, '/', { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => page.getByLabel('Step count').textContent()).toContain('step 2');
    await page.getByRole('tab', { name: 'Recommend' }).click();
    await page.getByLabel('User', { exact: true }).selectOption({ label: 'u3' });
    const top = page.getByRole('table', { name: /^Top 10 for u3/ });
    // u3 has not rated i4 and i5 in the lecture's R.
    await expect.poll(async () => (await items(top)).sort()).toEqual(['i4', 'i5']);
    await page.getByLabel('How many').selectOption('5');
    await expect.poll(() => page.getByRole('table', { name: /^Top 5 for u3/ }).count()).toBe(1);

    const list = page.getByRole('table', { name: /^Top 5 for u3/ });
    // A step ends with the items half-step: u3's stored u is not the closed form against the new V, and the tab says so.
    await expect.poll(() => page.locator('.rc-mismatch').count()).toBe(1);
    await page.getByRole('button', { name: 'Solve this user’s row now' }).click();
    await expect.poll(() => page.locator('.rc-mismatch').count()).toBe(0);
    await expect.poll(() => page.getByLabel('Step count').textContent()).toContain('3');
    const firstTitle = (await items(list))[0]!;
    const shown = num(await list.locator('tbody tr').first().locator('td.rc-score').textContent());
    await list.getByRole('button', { name: `Why ${firstTitle}?` }).click();
    await expect.poll(() => list.getByRole('button', { name: `Why ${firstTitle}?` }).getAttribute('aria-pressed')).toBe('true');

    for (const name of ['The score by latent factor', 'The score by the user’s own ratings']) {
      const { values, sum } = await parts(page, name);
      expect(values.length).toBeGreaterThan(0);
      // Each part is shown to 3 decimals: their sum is the score within the rounding.
      const total = values.reduce((s, v) => s + v, 0);
      expect(Math.abs(total - shown)).toBeLessThanOrEqual(0.0005 * (values.length + 1));
      expect(sum).toBeCloseTo(shown, 3);
    }
    await expect.poll(() => page.getByText(/^Recommended because u3 rated/).count()).toBe(1);
    expect(await page.locator('.rc-mismatch').count()).toBe(0);

    // Similar items: the cosine of vⱼ, between −1 and 1.
    const search = page.getByLabel('Find an item', { exact: true });
    await search.fill('i2');
    await search.press('Enter');
    const similar = page.getByRole('table', { name: /Most similar to i2/ });
    const cosines = (await similar.locator('td.rc-num').allTextContents()).filter((_, k) => k % 2 === 1).map(num);
    expect(cosines).toHaveLength(5);
    for (const c of cosines) expect(Math.abs(c)).toBeLessThanOrEqual(1);

    // A new user: rate i1 5, then i6 1; the list changes as they rate.
    await page.getByLabel(/^Your rating \(/).fill('5');
    await page.getByRole('button', { name: 'Rate 5: i1' }).click();
    const mine = page.getByRole('table', { name: /^Your top 5/ });
    await expect.poll(async () => (await items(mine)).length).toBe(5);
    const before = await mine.locator('tbody').textContent();
    await page.getByLabel(/^Your rating \(/).fill('1');
    await page.getByRole('button', { name: 'Rate 1: i6' }).click();
    await expect.poll(async () => (await items(mine)).length).toBe(4);
    expect(await mine.locator('tbody').textContent()).not.toBe(before);
    await expect.poll(() => page.getByRole('group', { name: 'Your u, solved' }).count()).toBe(1);

    const violations = await seriousViolations(page, '.explore-recommend');
    expect(violations).toEqual([]);

    // Add me to R: R grows by a row named "me", with my two ratings.
    const { R } = matrices(page);
    await expect.poll(() => R.getByRole('row').count()).toBe(5);
    await page.getByRole('button', { name: 'Add me to R as a new row' }).click();
    await expect.poll(() => R.getByRole('row').count()).toBe(6);
    await expect.poll(() => R.getByRole('row').last().textContent()).toContain('me');
    await expect.poll(() => page.getByText(/Added “me” as row 5 of R/).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const size of [
    { width: 390, height: 844 },
    { width: 320, height: 640 },
  ]) {
    it(`${size.width} px: says the factors are random before any step; never scrolls sideways, whatever the data`, async () => {
      const { page, errors, context } = await openApp(browser, '/', size);
      await page.getByRole('tab', { name: 'Recommend' }).click();
      await expect.poll(() => page.getByRole('note').filter({ hasText: 'random start' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('table', { name: /^Top 10 for u1/ }).count()).toBe(1);
      for (const preset of ["Lecture's R", 'Taste groups', "Lecture's P and C"] as const) {
        if (preset !== "Lecture's R") await choosePreset(page, preset);
        await expect.poll(() => page.getByLabel('Step count').first().textContent()).toContain('half-step 0');
        await page.getByRole('button', { name: 'Step', exact: true }).click();
        await expect.poll(() => page.getByLabel('Step count').first().textContent()).toContain('half-step 2');
        await page.getByRole('tab', { name: 'Recommend' }).click();
        await expect.poll(() => page.getByRole('table', { name: /^Top 10 for / }).count()).toBe(1);
        const width = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(width.scroll, `${size.width} px, ${preset}`).toBeLessThanOrEqual(width.client);
        if (size.width === 390)
          expect(await seriousViolations(page, '.explore-recommend'), `${size.width} px, ${preset}`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
