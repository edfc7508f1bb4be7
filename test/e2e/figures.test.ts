/**
 * Saving figures for slides in Chromium: the loss chart and a heatmap (UVᵀ drawn in SVG for the
 * lecture's R, on a canvas for the MovieTweetings core) saved as SVG and PNG through the "Save
 * figure" menus. The SVG parses and carries its title, caption and shapes; the PNG is 1920 px wide
 * (its header says so) and has something drawn on it; the open menu passes axe.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launch, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function save(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** What the page's own XML parser finds in a saved SVG. */
async function parseSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      tag: root.tagName,
      width: Number(root.getAttribute('width')),
      viewBox: root.getAttribute('viewBox'),
      title: root.querySelector('title')?.textContent ?? '',
      texts: Array.from(root.querySelectorAll('text'), (t) => t.textContent ?? ''),
      paths: root.querySelectorAll('path').length,
      rects: root.querySelectorAll('rect').length,
      images: Array.from(root.querySelectorAll('image'), (i) => (i.getAttribute('href') ?? '').slice(0, 22)),
      // Nothing may depend on the app's stylesheet: no class names left.
      classes: root.querySelectorAll('[class]').length,
    };
  }, text);
}

/** The PNG's size from its header (IHDR: width at byte 16, height at 20, big-endian). */
function pngHeader(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The share of the PNG's pixels that are not white (drawn in the page). */
async function inkShare(page: Page, bytes: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let k = 0; k < px.length; k += 4) if (px[k]! < 235 || px[k + 1]! < 235 || px[k + 2]! < 235) ink++;
    return ink / (px.length / 4);
  }, bytes.toString('base64'));
}

async function stepOnce(page: Page, count: string) {
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => page.getByLabel('Step count').first().textContent()).toContain(count);
}

describe('Save figure', () => {
  it('saves the loss chart and UVᵀ as SVG and PNG, and the open menu passes axe', async () => {
    const { page, errors, context } = await openApp(browser, '/#/lab', { width: 1280, height: 720 });
    await stepOnce(page, 'half-step 2');
    await stepOnce(page, 'half-step 4');

    // The stage's menu: R, U, Vᵀ, UVᵀ and the product, each as SVG or PNG; Escape gives the focus back.
    const opener = page.getByRole('button', { name: /^Save figure: the ratings R, U, Vᵀ, UVᵀ/ });
    await opener.click();
    await expect.poll(() => opener.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousViolations(page, '.stage-save-figure')).toEqual([]);

    const uvtSvg = await save(page, 'Save UVᵀ as SVG');
    expect(uvtSvg.file).toBe('mf-lab-uvt-step4.svg');
    const uvt = await parseSvg(page, uvtSvg.bytes.toString('utf8'));
    expect(uvt.error).toBeNull();
    expect(uvt.tag).toBe('svg');
    expect(uvt.title).toBe('UVᵀ, the predicted ratings (4 × 6)');
    expect(uvt.texts).toContain('step 4 · λ = 0.1 · d = 2');
    // 24 cells, each a coloured rect, with their numbers; the white background.
    expect(uvt.rects).toBeGreaterThanOrEqual(25);
    expect(uvt.classes).toBe(0);
    expect(uvtSvg.bytes.toString('utf8')).toMatch(/<rect[^>]*style="[^"]*fill:rgb\(/);

    const uvtPng = await save(page, 'Save UVᵀ as PNG');
    expect(uvtPng.file).toBe('mf-lab-uvt-step4.png');
    expect(pngHeader(uvtPng.bytes).width).toBe(1920);
    expect(await inkShare(page, uvtPng.bytes)).toBeGreaterThan(0.2);

    await page.keyboard.press('Escape');
    await expect.poll(() => opener.getAttribute('aria-expanded')).toBe('false');
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

    // The loss chart, in its tab's toolbar.
    const loss = page.getByRole('button', { name: 'Save figure: the loss chart' });
    await loss.click();
    expect(await seriousViolations(page, '.loss-toolbar')).toEqual([]);
    const lossSvg = await save(page, 'Save the loss chart as SVG');
    expect(lossSvg.file).toBe('mf-lab-loss-step4.svg');
    const chart = await parseSvg(page, lossSvg.bytes.toString('utf8'));
    expect(chart.error).toBeNull();
    expect(chart.title).toBe('The objective after each half-step');
    expect(chart.viewBox).toMatch(/^0 0 \d+ \d+$/);
    expect(chart.paths).toBeGreaterThanOrEqual(3);
    expect(chart.texts).toContain('objective');
    const lossPng = await save(page, 'Save the loss chart as PNG');
    const size = pngHeader(lossPng.bytes);
    expect(size.width).toBe(1920);
    const [w, h] = chart.viewBox!.split(' ').slice(2).map(Number) as [number, number];
    expect(Math.abs(size.height - Math.round((h * 1920) / w))).toBeLessThanOrEqual(1);
    expect(await inkShare(page, lossPng.bytes)).toBeGreaterThan(0.02);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved mf-lab-loss-step4.png' }).count()).toBe(1);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves a canvas-painted UVᵀ: an image in the SVG, drawn into a 1920 px PNG', async () => {
    const { page, errors, context } = await openApp(browser, '/#/lab', { width: 1280, height: 720 });
    await page.getByRole('button', { name: /^Data:/ }).click();
    await page.getByRole('button', { name: /^MovieTweetings dense core/ }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /^Data:/ }).textContent(), { timeout: 30_000 })
      .toContain('dense core');
    await stepOnce(page, 'half-step 2');
    await expect.poll(() => page.locator('.fp-uvt canvas').count()).toBe(1);

    await page.getByRole('button', { name: /^Save figure: the ratings R/ }).click();
    const svg = await save(page, 'Save UVᵀ as SVG');
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.title).toBe('UVᵀ, the predicted ratings (196 × 99)');
    expect(parsed.images).toEqual(['data:image/png;base64,']);
    const png = await save(page, 'Save UVᵀ as PNG');
    expect(pngHeader(png.bytes).width).toBe(1920);
    // The heatmap fills most of the picture.
    expect(await inkShare(page, png.bytes)).toBeGreaterThan(0.5);
    expect(errors).toEqual([]);
    await context.close();
  });
});
