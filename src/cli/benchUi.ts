/**
 * npm run bench:ui — the page's responsiveness in headless Chromium: long main-thread tasks
 * (> 50 ms) on the first load of the lab, while the ML-100k-shaped preset opens (chosen from
 * the toolbar, and from a link), while ALS plays at full speed on it, while its density view is
 * zoomed and hovered, and while a generated ML-1M-shaped file (1,000,209 ratings) opens through
 * Open data (the targets: none over 50 ms while playing, while the preset opens and while the
 * big file opens, and that file ready in ≤ 3 s). `npm run bench:ui` builds first.
 */
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { ML_1M_SHAPE, syntheticRatingsText } from '../core';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const url = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });

/** A fresh page that records long tasks from its very start. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  return page;
}

const results: { label: string; longest: number }[] = [];

async function phase(page: Page, label: string, run: () => Promise<void>, reset = true): Promise<number> {
  if (reset) await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
  const t0 = Date.now();
  await run();
  const seconds = (Date.now() - t0) / 1000;
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const longest = long.length ? Math.max(...long) : 0;
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(1)} s: ${long.length} long tasks (> 50 ms)${long.length ? `, longest ${longest.toFixed(0)} ms` : ''}`,
  );
  results.push({ label, longest });
  return longest;
}

/** The ML-100k-shaped model is on screen: R's density view has its 943 users and the loss is drawn. */
async function ml100kShown(page: Page) {
  await page.waitForFunction(
    () =>
      document.querySelector('[aria-roledescription="density map"][aria-label*="users #1–#943 "]') !== null &&
      /step 0/.test(document.querySelector('[aria-label="Step count"]')?.textContent ?? '') &&
      Number(document.querySelector('[aria-label="Loss"]')?.textContent?.replace(/[^0-9.e+-]/g, '') ?? 0) > 0,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  // Let the first frames that draw it finish.
  await page.waitForTimeout(1500);
}

// 1. The first load of the lab, on the lecture's R.
const first = await freshPage();
await phase(
  first,
  'first load of #/lab (the lecture’s R)',
  async () => {
    await first.goto(`${url}#/lab`);
    await first.getByLabel('Step count').first().waitFor();
    await first.waitForFunction(() => /step 0/.test(document.querySelector('[aria-label="Step count"]')?.textContent ?? ''));
    await first.waitForTimeout(1000);
  },
  false,
);

// 2. Choosing the ML-100k-shaped preset from the toolbar.
await phase(first, 'choose the ML-100k preset (943 × 1,682)', async () => {
  await first.getByRole('button', { name: /^Data:/ }).click();
  await first.getByRole('button', { name: /^MovieLens-100k/ }).click();
  await ml100kShown(first);
});

// 3. Playing ALS on it at full speed.
await first.getByLabel('Speed').selectOption({ label: 'Fastest' });
const playing = await phase(first, 'play ALS at full speed for 6 s', async () => {
  await first.getByRole('button', { name: 'Play' }).click();
  await first.waitForTimeout(6000);
  await first.getByRole('button', { name: 'Pause' }).click();
});
const steps = await first.getByLabel('Step count').first().textContent();
console.log(`reached ${steps} (half-steps) while playing`);

// 3b. Zooming the density view and hovering it (the bins come from the worker; the page paints them).
await phase(first, 'zoom and hover the density view of R', async () => {
  const map = first.locator('[aria-roledescription="density map"]');
  const box = (await map.boundingBox())!;
  await first.mouse.move(box.x + 4, box.y + 4);
  await first.mouse.down();
  await first.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4, { steps: 8 });
  await first.mouse.up();
  for (let k = 0; k < 20; k++) await first.mouse.move(box.x + box.width * (k / 20), box.y + box.height * (1 - k / 20));
  await map.focus();
  for (const key of ['+', '+', '-', '-', '-', '0']) await first.keyboard.press(key);
  await first.waitForTimeout(500);
});

// 4. Opening a link to the preset in a new tab (page load and the preset together).
const linked = await freshPage();
await phase(
  linked,
  'open a link to the ML-100k preset',
  async () => {
    await linked.goto(`${url}#v=1&preset=ml100k`);
    await ml100kShown(linked);
  },
  false,
);

// 5. Opening a generated ML-1M-shaped file (6,040 × 3,706, 1,000,209 ratings, 24 MB) through Open data:
// read, parsed and built in the worker, transferred, kept in IndexedDB, its first model on screen.
const text = syntheticRatingsText(ML_1M_SHAPE);
const big = await freshPage();
await big.goto(`${url}#/lab`);
await big.waitForFunction(() => /step 0/.test(document.querySelector('[aria-label="Step count"]')?.textContent ?? ''));
await big.getByRole('button', { name: /^Data:/ }).click();
await big.getByRole('button', { name: 'Open data…' }).click();
await big.locator('input[type="file"]').setInputFiles({ name: 'ratings.dat', mimeType: 'text/plain', buffer: Buffer.from(text) });
await big.getByRole('button', { name: 'Open', exact: true }).waitFor();
await big.waitForFunction(() => {
  const open = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Open');
  return open !== undefined && !(open as HTMLButtonElement).disabled;
});
const opened = await phase(big, 'open a 1M-rating file (ML-1M shape)', async () => {
  await big.getByRole('button', { name: 'Open', exact: true }).click();
  await big.waitForFunction(
    () =>
      document.querySelector('[aria-roledescription="density map"][aria-label*="users #1–#6,040 "]') !== null &&
      /step 0/.test(document.querySelector('[aria-label="Step count"]')?.textContent ?? ''),
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  // Keeping it in IndexedDB (in parts) happens after it is on screen: include it.
  await big.waitForTimeout(2000);
});

await browser.close();
await server.close();
const opening = results.find((r) => r.label.startsWith('choose'))!.longest;
if (playing > 50 || opening > 50 || opened > 50) process.exitCode = 1;
