/**
 * npm run bench:ui — the page's responsiveness on ML-100k-shaped data, in headless
 * Chromium: long main-thread tasks (> 50 ms) while the preset loads and while ALS plays
 * at full speed (the target: none while playing). `npm run bench:ui` builds first.
 */
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const url = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => {
  const w = window as unknown as { __long: number[]; __frames: number[] };
  w.__long = [];
  w.__frames = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({
    type: 'longtask',
    buffered: true,
  });
});
await page.goto(`${url}#v=1&preset=ml100k`);

const phase = async (label: string, run: () => Promise<void>) => {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __frames: number[] };
    w.__long = [];
    w.__frames = [];
  });
  const t0 = Date.now();
  await run();
  const seconds = (Date.now() - t0) / 1000;
  const { long, frames } = await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __frames: number[] };
    return { long: w.__long, frames: w.__frames };
  });
  void frames;
  console.log(
    `${label.padEnd(38)} ${seconds.toFixed(1)} s: ${long.length} long tasks (> 50 ms)${long.length ? `, longest ${Math.max(...long).toFixed(0)} ms` : ''}`,
  );
  return long.length ? Math.max(...long) : 0;
};

await phase('open the ML-100k preset (943 × 1,682)', async () => {
  await page.getByLabel('Step count').first().waitFor();
  await page.waitForFunction(
    () => /step 0/.test(document.querySelector('[aria-label="Step count"]')?.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
});
await page.getByLabel('Speed').selectOption({ label: 'Fastest' });
const playing = await phase('play ALS at full speed for 6 s', async () => {
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(6000);
  await page.getByRole('button', { name: 'Pause' }).click();
});
const steps = await page.getByLabel('Step count').first().textContent();
console.log(`reached ${steps} (half-steps) while playing`);
await browser.close();
await server.close();
if (playing > 50) process.exitCode = 1;
