/**
 * The export round trip, as a student does it: step the lab, save R and the initial U and V
 * from the Export menu, copy the command line from its script, run it — and the command line
 * ends at the lab's objective after the same steps.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, numberIn, openApp } from './browser';

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'mf-lab-export-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Clicks an item of the Export menu and saves what it downloads into `dir`. */
async function openExport(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Export', exact: true });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
}

async function exportItem(page: Page, name: string): Promise<string> {
  await openExport(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name, exact: true }).click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('export from the lab, then the command line', () => {
  it('reaches the lab’s objective after the same three iterations, from the lab’s own start', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lab');
    const count = page.getByLabel('Step count').first();
    await expect.poll(() => count.textContent()).toMatch(/step 0/);
    for (let k = 1; k <= 3; k++) {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect.poll(() => count.textContent()).toMatch(new RegExp(`half-step ${2 * k}$`));
    }
    const labLoss = await numberIn(page, 'Loss');
    expect(labLoss).toBeGreaterThan(0);

    const ratings = await exportItem(page, 'Ratings R (training)');
    const init = await exportItem(page, 'Initial U and V as JSON');
    expect(ratings.endsWith('mf_lab_ratings.tsv')).toBe(true);
    expect(init.endsWith('mf_lab_init.json')).toBe(true);

    await openExport(page);
    await page.getByRole('button', { name: 'Command line script…' }).click();
    const script = (await page.getByLabel(/^The Command line script/).textContent()) ?? '';
    const command = script.split('\n').find((line) => line.startsWith('npm run als -- '));
    expect(command).toBeDefined();
    expect(command).toContain('--iterations 3');
    // The script names the files it expects beside it; run it where they were saved.
    const args = command!
      .replace('npm run als -- ', '')
      .replace(' "$@"', '')
      .split(' ')
      .map((word) => (word.startsWith('mf_lab_') ? join(dir, word) : word));
    const out = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/als.ts', ...args, '--json', '--threads', '1'], {
        encoding: 'utf8',
      }),
    ) as { history: { loss: number }[] };
    expect(out.history).toHaveLength(3);
    // The lab shows the objective to a few significant digits.
    const cli = out.history.at(-1)!.loss;
    expect(Math.abs(cli - labLoss) / labLoss).toBeLessThan(5e-4);
    expect(errors).toEqual([]);
    await context.close();
  });
});
