/**
 * The URL is the state: a copied link reproduces the demo in a fresh browser, a reload
 * keeps it, and a broken link says why and shows the lecture's example.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, numberIn, openApp } from './browser';
import { encodeLab } from '../../src/state/urlCodec';
import { DEFAULT_SETTINGS } from '../../src/state/presets';
import { decodeRun, type RunAction } from '../../src/worker/actions';

function runOf(text: string): RunAction[] {
  const run = decodeRun(text);
  if (!run.ok) throw new Error(run.error);
  return run.actions;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const stepText = async (page: Page) => ((await page.getByLabel('Step count').first().textContent()) ?? '').trim();
const lossText = async (page: Page) => ((await page.getByLabel('Loss', { exact: true }).first().textContent()) ?? '').trim();
const hashOf = (page: Page) => new URL(page.url()).hash;

/** The rating matrix, whether it is shown as a plain table or as an editable grid. */
const ratingMatrix = (page: Page) =>
  page
    .getByRole('grid', { name: 'Rating matrix R' })
    .or(page.getByRole('table', { name: 'Rating matrix R' }))
    .first();

async function waitForModel(page: Page) {
  await expect.poll(() => numberIn(page, 'Loss'), { timeout: 30_000 }).toBeGreaterThan(0);
}

async function stepTimes(page: Page, times: number) {
  for (let k = 1; k <= times; k++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepText(page)).toBe(`half-step ${2 * k}`);
  }
}

describe('the lab lives in the URL', () => {
  it('a copied link reproduces the state in a fresh browser context', async () => {
    const a = await openApp(browser);
    await waitForModel(a.page);
    await stepTimes(a.page, 3);
    await expect.poll(() => hashOf(a.page)).toContain('run=ui*3');
    const url = a.page.url();
    const loss = await lossText(a.page);
    expect(url).toContain('preset=lecture-r');

    const b = await openApp(browser, '/' + new URL(url).hash);
    await expect.poll(() => stepText(b.page)).toBe('half-step 6');
    await expect.poll(() => lossText(b.page)).toBe(loss);
    // The reproduced lab writes the same link back.
    await expect.poll(() => b.page.url()).toBe(url);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('a reload keeps the state, and so does opening the app again without a link', async () => {
    const { page, context, errors } = await openApp(browser);
    await waitForModel(page);
    await stepTimes(page, 2);
    await expect.poll(() => hashOf(page)).toContain('run=ui*2');
    const loss = await lossText(page);

    await page.reload();
    await expect.poll(() => stepText(page)).toBe('half-step 4');
    await expect.poll(() => lossText(page)).toBe(loss);

    const again = await context.newPage();
    await again.goto(new URL(page.url()).origin + '/');
    await expect.poll(() => stepText(again)).toBe('half-step 4');
    await expect.poll(() => lossText(again)).toBe(loss);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a broken link says why and shows the lecture’s R, without console errors', async () => {
    const fresh = await openApp(browser);
    await waitForModel(fresh.page);
    const lectureLoss = await lossText(fresh.page);
    await fresh.context.close();

    const { page, context, errors } = await openApp(browser, '/#lab=v1.garbage');
    const message = page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'This link could not be opened' });
    await expect.poll(() => message.count()).toBe(1);
    expect(await message.textContent()).toContain("Showing the lecture's example instead.");
    await expect.poll(() => ratingMatrix(page).textContent()).toContain('u1');
    expect(await ratingMatrix(page).textContent()).toContain('i6');
    await expect.poll(() => lossText(page)).toBe(lectureLoss);
    expect(await stepText(page)).toBe('half-step 0');
    // The message stays after the model's first snapshot, and the address bar now holds a working link.
    await expect.poll(() => hashOf(page)).toContain('preset=lecture-r');
    expect(await message.count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pasting another link into the same tab opens it', async () => {
    const { page, context, errors } = await openApp(browser);
    await waitForModel(page);
    await stepTimes(page, 1);
    await expect.poll(() => hashOf(page)).toContain('run=ui');
    const other = encodeLab({
      source: { kind: 'preset', preset: 'tastes' },
      settings: { factors: 3 },
      run: { actions: runOf('uiuiu') },
    });
    await page.evaluate((hash) => {
      location.hash = hash;
    }, other);
    await expect.poll(() => stepText(page), { timeout: 20_000 }).toBe('half-step 5');
    await expect.poll(() => ratingMatrix(page).textContent()).toContain('Ana');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link to the ML-100k-shaped preset stays short', async () => {
    const link = encodeLab({
      source: { kind: 'preset', preset: 'ml100k' },
      settings: { ...DEFAULT_SETTINGS, factors: 10, initScale: 0.1 },
      run: { actions: [] },
    });
    const { page, context, errors } = await openApp(browser, '/#' + link);
    await waitForModel(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepText(page), { timeout: 30_000 }).toBe('half-step 2');
    await expect.poll(() => hashOf(page), { timeout: 10_000 }).toContain('run=ui');
    expect(page.url().length).toBeLessThan(500);
    expect(hashOf(page)).toContain('preset=ml100k');
    expect(errors).toEqual([]);
    await context.close();
  });
});
