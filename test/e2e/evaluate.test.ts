/**
 * Evaluating the lab's model end to end, on the ML-100k-shaped preset: hold out a fifth of each
 * user's ratings, step, and see the factors' held-out RMSE beside the baselines; run a 2×2
 * search and apply its best cell; export each script (its download names the lab's
 * hyperparameters) and the ratings; axe on the tab and the dialogs.
 */
import { readFile } from 'node:fs/promises';
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

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path!, 'utf8') };
}

describe('the Evaluate tab', () => {
  it('holds out ratings, evaluates against the baselines, searches d × λ, exports the scripts', async () => {
    const { page, errors, context } = await openApp(browser, '/#/lab', { width: 1280, height: 720 });
    await choosePreset(page, 'MovieLens-100k');
    await expect
      .poll(() => page.getByRole('button', { name: /^Data:/ }).textContent(), { timeout: 30_000 })
      .toContain('MovieLens');
    await page.getByRole('tab', { name: 'Evaluate' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Evaluate' });
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain('Nothing is held out');
    expect(await seriousViolations(page, '.explore')).toEqual([]);

    // Hold out 20 % of each user's ratings: the dialog explains why, and the split restarts the run.
    const opener = panel.getByRole('button', { name: 'Hold out ratings…' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Hold out ratings for evaluation' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
    await dialog.getByLabel('Share').fill('20');
    await dialog.getByRole('button', { name: 'Hold out', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // (The lab's message says what was held out; on data this large the link's warning may replace it.)
    await expect
      .poll(() => panel.textContent(), { timeout: 20_000 })
      .toMatch(/Step 0: 1\d,\d{3} held-out ratings \(20 % of each user’s at random, seed 1\)\./);
    // The focus is back on the button that opened the dialog (now "Hold out again…").
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Hold out again…');

    // Step: the factors beat the baselines on the held-out ratings.
    for (let k = 0; k < 3; k++) {
      const before = await halfSteps(page);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect.poll(() => halfSteps(page), { timeout: 20_000 }).toBe(before + 2);
    }
    const table = panel.getByRole('table', { name: /Held-out error/ });
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('Step 6:');
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(6);
    const rmse = async (name: RegExp) => Number(await table.getByRole('row', { name }).getByRole('cell').first().textContent());
    const model = await rmse(/^The factors/);
    const mean = await rmse(/global mean/);
    expect(model).toBeGreaterThan(0);
    expect(model).toBeLessThan(mean);
    expect(await panel.textContent()).toMatch(/The factors beat the best baseline \(.+, RMSE \d\.\d{3}\) by \d\.\d{3} RMSE/);
    expect(await panel.getByRole('img', { name: /^RMSE: The factors \d\.\d{3}, global mean μ/ }).count()).toBe(1);
    expect(await seriousViolations(page, '.explore')).toEqual([]);

    // A search too long to wait for: progress, then Cancel keeps the cells finished so far.
    await panel.getByLabel('d values').fill('10, 20');
    await panel.getByLabel('λ values').fill('1, 5, 10');
    await panel.getByLabel('Iterations per fit').fill('60');
    await panel.getByRole('button', { name: 'Run the search' }).click();
    await panel.getByRole('progressbar', { name: 'Search progress' }).waitFor({ timeout: 20_000 });
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toMatch(/Stopped after \d cells?\./);

    // A 2 × 2 search, then its best cell becomes the lab's settings.
    await panel.getByLabel('d values').fill('4, 8');
    await panel.getByLabel('λ values').fill('1, 5');
    await panel.getByLabel('Iterations per fit').fill('3');
    await panel.getByRole('button', { name: 'Run the search' }).click();
    const useBest = panel.getByRole('button', { name: /^Use the best: d = \d+, λ = \d+$/ });
    await useBest.waitFor({ timeout: 60_000 });
    const heatmap = panel.getByRole('table', { name: /^Validation RMSE/ });
    expect(await heatmap.getByRole('cell').count()).toBe(4);
    expect(await heatmap.getByText('(best)').count()).toBe(1);
    const [, d, lambda] = /d = (\d+), λ = (\d+)/.exec((await useBest.textContent()) ?? '')!;
    expect(await seriousViolations(page, '.explore')).toEqual([]);
    await useBest.click();
    await expect.poll(() => page.getByLabel('d, latent factors').inputValue()).toBe(d);
    await expect.poll(() => page.getByLabel('λ, regularization').inputValue()).toBe(lambda);

    // Export: the ratings file, then each script, whose download names the lab's hyperparameters.
    const exportButton = page.getByRole('button', { name: /^Export/ });
    await exportButton.click();
    expect(await seriousViolations(page, '.export-menu')).toEqual([]);
    const ratings = await download(page, () => page.getByRole('button', { name: 'Ratings R (training)' }).click());
    expect(ratings.name).toBe('mf_lab_ratings.tsv');
    expect(ratings.text.trim().split('\n').length).toBeGreaterThan(75_000);
    expect(ratings.text.split('\n')[0]).toMatch(/^[^\t]+\t[^\t]+\t\d$/);
    const expected: Record<string, RegExp> = {
      PySpark: new RegExp(`rank=${d},\\s+regParam=${lambda}\\.0,\\s+maxIter=7`),
      'implicit (Python)': new RegExp(`factors=${d},\\s+regularization=${lambda}\\.0,\\s+alpha=1\\.0,\\s+iterations=7`),
      numpy: new RegExp(`FACTORS = ${d} .*\\nLAMBDA = ${lambda}\\.0 .*\\nALPHA = .*\\nITERATIONS = 7`),
      'Command line': new RegExp(`--factors ${d} --lambda ${lambda} --iterations 7 .*--init mf_lab_init.json`),
    };
    const names: Record<string, string> = {
      PySpark: 'mf_lab_spark.py',
      'implicit (Python)': 'mf_lab_implicit.py',
      numpy: 'mf_lab_numpy.py',
      'Command line': 'mf_lab_cli.sh',
    };
    for (const [label, pattern] of Object.entries(expected)) {
      if ((await exportButton.getAttribute('aria-expanded')) !== 'true') await exportButton.click();
      await page.getByRole('button', { name: `${label} script…` }).click();
      const code = page.getByRole('dialog', { name: `${label} script` });
      await expect.poll(() => code.isVisible()).toBe(true);
      await code.getByLabel('Iterations').fill('7');
      const file = await download(page, () => code.getByRole('button', { name: /^Download mf_lab_/ }).click());
      expect(file.name).toBe(names[label]);
      expect(file.text).toMatch(pattern);
      if (label === 'PySpark') {
        expect(await code.textContent()).toContain('Spark scales λ by each row’s count: the lab’s ALS-WR matches');
        expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
      }
      await code.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => code.isVisible()).toBe(false);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Export/);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('on implicit data it ranks against recommending the most popular items, at a chosen k', async () => {
    const { page, errors, context } = await openApp(browser, '/#/lab', { width: 1280, height: 720 });
    await choosePreset(page, "Lecture's P and C");
    await page.getByRole('tab', { name: 'Evaluate' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Evaluate' });
    await expect.poll(() => panel.textContent()).toContain('Nothing is held out');
    // From the data menu this time: Escape closes the dialog alone, and the focus returns to its button.
    await page.getByRole('button', { name: /^Data:/ }).click();
    const inMenu = page.getByRole('group', { name: 'Data presets' }).getByRole('button', { name: 'Hold out ratings…' });
    await inMenu.click();
    const dialog = page.getByRole('dialog', { name: 'Hold out ratings for evaluation' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Hold out ratings…');
    expect(await inMenu.isVisible()).toBe(true);
    await inMenu.click();
    await dialog.getByLabel('Share').fill('40');
    await dialog.getByRole('button', { name: 'Hold out', exact: true }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    const table = panel.getByRole('table', { name: /^Ranking on held-out entries/ });
    await table.waitFor({ timeout: 20_000 });
    await panel.getByLabel('Cut-off k').selectOption('3');
    await expect.poll(() => table.getByRole('row', { name: /^precision@3/ }).count()).toBe(1);
    expect(await panel.textContent()).toMatch(
      /The factors beat recommending what is popular|Not yet: recommending the most popular items/,
    );
    expect(await seriousViolations(page, '.explore')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('splits real ratings by time: each MovieTweetings rater’s latest two are held out', async () => {
    const { page, errors, context } = await openApp(browser, '/#/lab', { width: 1280, height: 720 });
    await page.getByRole('button', { name: /^Data:/ }).click();
    await page.getByRole('button', { name: /^MovieTweetings dense core, k = 20/ }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Data:/ }).textContent(), { timeout: 30_000 }).toContain('k = 20');
    await page.getByRole('tab', { name: 'Evaluate' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Evaluate' });
    await panel.getByRole('button', { name: 'Hold out ratings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hold out ratings for evaluation' });
    const byTime = dialog.getByRole('radio', { name: /By time/ });
    expect(await byTime.isEnabled()).toBe(true);
    await byTime.check();
    await dialog.getByRole('spinbutton', { name: /^Latest/ }).fill('2');
    await dialog.getByRole('button', { name: 'Hold out', exact: true }).click();
    // 196 raters with at least 20 ratings each: 2 held out of each.
    await expect
      .poll(() => panel.textContent(), { timeout: 20_000 })
      .toContain('Step 0: 392 held-out ratings (each user’s latest 2).');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('Step 2: 392 held-out ratings');
    expect(
      await panel
        .getByRole('table', { name: /Held-out error/ })
        .getByRole('row')
        .count(),
    ).toBe(6);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
