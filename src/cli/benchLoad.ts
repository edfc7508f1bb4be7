/**
 * npm run bench:load — the first load as a phone meets it, in headless Chromium: the page is
 * a 412 × 823 screen and the CPU is slowed 4× (Lighthouse's mobile setting). For the lab and a
 * lesson step it reports
 * - the JavaScript fetched until the page is ready, as gzip bytes (what a server sends),
 *   split into the entry and what loads on demand — the target is ≤ 200 kB for `#/lab`;
 * - the cumulative layout shift until the page settles (target ≤ 0.05);
 * - first contentful paint, and the total blocking time (the parts of main-thread tasks
 *   beyond 50 ms) from the start until the page settles.
 * `npm run bench:load` builds first.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const url = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });

interface LoadFigures {
  scripts: { name: string; gzip: number; afterReady: boolean }[];
  /** When the page became ready (ms from navigation). */
  readyAt: number;
  cls: number;
  fcp: number;
  tbt: number;
  long: number[];
  shifted: string[];
}

/** When the page counts as ready: the first moment an element matching `selector` shows text matching `pattern`. */
interface Readiness {
  selector: string;
  pattern: string;
}

/**
 * Records layout shifts, paints and long tasks from the very start of the page, and the moment
 * the page became ready (a mutation observer, so the time is the page's own, not when a poll
 * from outside noticed it: scripts asked for after it count as after ready).
 */
function observe(ready: Readiness) {
  const w = window as unknown as {
    __load: { cls: number; fcp: number; long: { start: number; duration: number }[]; shifted: string[]; readyAt: number };
  };
  w.__load = { cls: 0, fcp: 0, long: [], shifted: [], readyAt: Infinity };
  // No named inner functions: tsx wraps them in a helper that the page does not have.
  const test = new RegExp(ready.pattern);
  new MutationObserver((_, watcher) => {
    if (w.__load.readyAt !== Infinity) return;
    for (const el of document.querySelectorAll(ready.selector))
      if (test.test(el.textContent ?? '')) {
        w.__load.readyAt = performance.now();
        watcher.disconnect();
        return;
      }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) {
      // No one types or clicks during the bench; Chromium marks shifts that follow the
      // viewport emulation as after input, and Lighthouse counts them, so count them all.
      w.__load.cls += e.value;
      const sources = (e as unknown as { sources?: { node?: Node }[] }).sources ?? [];
      for (const source of sources) {
        const node = source.node as Element | undefined;
        const name = node
          ? `${node.nodeName.toLowerCase()}${node instanceof Element && node.className ? `.${String(node.className).split(' ').join('.')}` : ''}`
          : '?';
        w.__load.shifted.push(`${name} (${e.value.toFixed(3)})`);
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__load.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__load.long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function measure(route: string, readiness: Readiness, isReady: (page: Page) => Promise<void>): Promise<LoadFigures> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Lighthouse's mobile network: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up.
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  const bodies: Promise<{ name: string; gzip: number }>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && !/\.m?js(\?|$)/.test(response.url())) return;
    const name = new URL(response.url()).pathname.replace(/^.*\//, '');
    bodies.push(response.body().then((body) => ({ name, gzip: gzipSync(body).length })));
  });
  await page.addInitScript(observe, readiness);
  await page.goto(`${url}${route}`);
  await isReady(page);
  // Settle: fonts, lazy chunks and the first frames after the page is ready.
  await page.waitForTimeout(2500);
  const seen = await page.evaluate(
    () =>
      (
        window as unknown as {
          __load: {
            cls: number;
            fcp: number;
            long: { start: number; duration: number }[];
            shifted: string[];
            readyAt: number;
          };
        }
      ).__load,
  );
  // When each script was asked for, by the page's clock.
  const asked = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.m?js(\?|$)/.test(e.name))
      .map((e) => ({ name: e.name, start: e.startTime })),
  );
  const startOf = (name: string) => asked.find((e) => new URL(e.name).pathname.endsWith(`/${name}`))?.start ?? 0;
  const scripts = (await Promise.all(bodies)).map((s) => ({ ...s, afterReady: startOf(s.name) >= seen.readyAt }));
  for (const worker of asked.filter((e) => /worker/i.test(e.name))) {
    const name = new URL(worker.name).pathname.replace(/^.*\//, '');
    if (scripts.some((s) => s.name === name)) continue;
    const response = await fetch(worker.name);
    scripts.push({
      name,
      gzip: gzipSync(new Uint8Array(await response.arrayBuffer())).length,
      afterReady: worker.start >= seen.readyAt,
    });
  }
  await context.close();
  const tbt = seen.long.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
  return {
    scripts,
    readyAt: seen.readyAt,
    cls: seen.cls,
    fcp: seen.fcp,
    tbt,
    long: seen.long.map((task) => task.duration),
    shifted: seen.shifted,
  };
}

function report(label: string, figures: LoadFigures) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const sum = (scripts: LoadFigures['scripts']) => scripts.reduce((total, s) => total + s.gzip, 0);
  const before = sum(figures.scripts.filter((s) => !s.afterReady));
  const after = sum(figures.scripts.filter((s) => s.afterReady));
  console.log(`\n${label}`);
  for (const s of [...figures.scripts].sort((a, b) => b.gzip - a.gzip))
    console.log(`  ${s.name.padEnd(40)} ${kb(s.gzip).padStart(10)}${s.afterReady ? '  (after ready)' : ''}`);
  console.log(`  JavaScript until ready (gzip)            ${kb(before).padStart(10)}`);
  console.log(`  JavaScript after ready (gzip)            ${kb(after).padStart(10)}`);
  console.log(`  long tasks (4× slower CPU)               ${figures.long.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`  cumulative layout shift                  ${figures.cls.toFixed(3).padStart(10)}`);
  if (figures.shifted.length) console.log(`    moved: ${[...new Set(figures.shifted)].slice(0, 12).join(', ')}`);
  console.log(`  first contentful paint (4× slower CPU)   ${`${figures.fcp.toFixed(0)} ms`.padStart(10)}`);
  console.log(`  ready (4× slower CPU)                    ${`${figures.readyAt.toFixed(0)} ms`.padStart(10)}`);
  console.log(`  total blocking time (4× slower CPU)      ${`${figures.tbt.toFixed(0)} ms`.padStart(10)}`);
}

try {
  report(
    'first load of #/lab (the lecture’s R)',
    await measure('#/lab', { selector: '[aria-label="Step count"]', pattern: 'step 0' }, async (page) => {
      await page.getByLabel('Step count').first().waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => /step 0/.test(document.querySelector('[aria-label="Step count"]')?.textContent ?? ''));
    }),
  );
  report(
    'first load of a lesson step (#/lessons/als-closed-form/1)',
    await measure('#/lessons/als-closed-form/1', { selector: '.katex', pattern: '.' }, async (page) => {
      await page.locator('.katex').first().waitFor({ timeout: 60_000 });
    }),
  );
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
