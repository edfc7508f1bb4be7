/**
 * Links and saved labs that always reopen, a worker that dies, data sets kept in the
 * browser, labels that are not markup: the lab's state layer end to end in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, numberIn, openApp } from './browser';

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
const statusText = (page: Page) => page.locator('.status-banner').first().textContent();

async function waitForModel(page: Page) {
  await expect.poll(() => numberIn(page, 'Loss'), { timeout: 30_000 }).toBeGreaterThan(0);
}

describe('a run with a row solve reopens (the link and the lab saved in the browser)', () => {
  it('after “write uᵢ into U”, the link opens in a fresh browser and a reload keeps it', async () => {
    const a = await openApp(browser);
    await waitForModel(a.page);
    await a.page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepText(a.page)).toBe('half-step 2');
    await a.page.getByRole('tab', { name: 'Solve one row' }).click();
    const next = a.page.getByRole('button', { name: 'Next stage →' });
    for (let k = 2; k <= 7; k++) await next.click();
    await a.page
      .locator('.se-body')
      .getByRole('button', { name: /^Write/ })
      .click();
    await expect.poll(() => stepText(a.page)).toBe('step 3');
    await expect.poll(() => hashOf(a.page)).toMatch(/run=uiU0(&|$)/);
    const loss = await lossText(a.page);

    const b = await openApp(browser, '/' + hashOf(a.page));
    await expect.poll(() => stepText(b.page), { timeout: 20_000 }).toBe('step 3');
    await expect.poll(() => lossText(b.page)).toBe(loss);
    expect(await b.page.getByText('could not be opened').count()).toBe(0);

    await a.page.reload();
    await expect.poll(() => stepText(a.page), { timeout: 20_000 }).toBe('step 3');
    await expect.poll(() => lossText(a.page)).toBe(loss);
    // Opening the app again without a link: the lab saved in the browser, row solve included.
    const again = await a.context.newPage();
    await again.goto(baseUrl() + '/');
    await expect.poll(() => stepText(again), { timeout: 20_000 }).toBe('step 3');
    await expect.poll(() => lossText(again)).toBe(loss);
    expect(await again.getByText('could not be restored').count()).toBe(0);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('a lab saved by an older version with “uiU0.” still opens', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('mf-lab:v1', 'v=1&preset=lecture-r&d=2&lambda=0.1&run=uiU0.');
        sessionStorage.setItem('seeded', '1');
      }
    });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    await expect.poll(() => stepText(page), { timeout: 20_000 }).toBe('step 3');
    expect(await page.getByText('could not be restored').count()).toBe(0);
    await context.close();
  });
});

describe('a worker that is terminated mid-run', () => {
  it('is restarted with R kept, the lab says so, and the run goes on', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Keep a handle on the page's workers, so the test can terminate them as a crash would.
    await context.addInitScript(() => {
      const Native = window.Worker;
      const all: Worker[] = [];
      (window as unknown as { __workers: Worker[] }).__workers = all;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          all.push(this);
        }
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(baseUrl() + '/');
    await waitForModel(page);
    const grid = page.getByRole('grid', { name: 'Rating matrix R' });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepText(page)).toBe('half-step 2');
    const loss = await lossText(page);
    const rBefore = await grid.textContent();
    await page.evaluate(() => (window as unknown as { __workers: Worker[] }).__workers.forEach((w) => w.terminate()));
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect
      .poll(() => statusText(page), { timeout: 30_000 })
      .toMatch(/model worker stopped .* and was restarted\. R is kept as it was, and the run continues from step 2\./);
    expect(await stepText(page)).toBe('half-step 2');
    expect(await lossText(page)).toBe(loss);
    expect(await grid.textContent()).toBe(rBefore);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepText(page), { timeout: 20_000 }).toBe('half-step 4');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Seeds a kept data set into the page's IndexedDB (the layout idb-keyval uses), before the app starts. */
async function seedDataset(page: Page, key: string) {
  await page.evaluate(async (key) => {
    const put = (db: string, store: string, value: unknown) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onupgradeneeded = () => open.result.createObjectStore(store);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          tx.objectStore(store).put(value, key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    // A 30 × 8 data set with titles: user i rated item j when (i + j) % 3 ≠ 0.
    const m = 30;
    const n = 8;
    const userPtr = new Int32Array(m + 1);
    const cols: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        if ((i + j) % 3 === 0) continue;
        cols.push(j);
        vals.push(1 + ((i * j) % 5));
      }
      userPtr[i + 1] = cols.length;
    }
    const itemPtr = new Int32Array(n + 1);
    for (const j of cols) itemPtr[j + 1]!++;
    for (let j = 0; j < n; j++) itemPtr[j + 1]! += itemPtr[j]!;
    const fill = itemPtr.slice(0, n);
    const itemRow = new Int32Array(cols.length);
    const itemVal = new Float64Array(cols.length);
    const itemToUserPos = new Int32Array(cols.length);
    for (let i = 0; i < m; i++)
      for (let p = userPtr[i]!; p < userPtr[i + 1]!; p++) {
        const q = fill[cols[p]!]!++;
        itemRow[q] = i;
        itemVal[q] = vals[p]!;
        itemToUserPos[q] = p;
      }
    const ratings = {
      m,
      n,
      nnz: cols.length,
      userIds: Array.from({ length: m }, (_, i) => `fan${i + 1}`),
      itemIds: Array.from({ length: n }, (_, j) => `tt${j + 1}`),
      userPtr,
      userCol: Int32Array.from(cols),
      userVal: Float64Array.from(vals),
      itemPtr,
      itemRow,
      itemVal,
      itemToUserPos,
    };
    const dataset = {
      name: 'survey.csv',
      kind: 'explicit',
      ratings,
      scale: { min: 1, max: 5, step: 1 },
      itemTitles: ['Heat', 'Ronin', 'Alien', 'Big', 'Clue', 'Fargo', 'Rocky', 'Psycho'],
      itemGenres: null,
      timestamps: null,
      test: null,
      source: { kind: 'file', fileName: 'survey.csv', bytes: 999, sha256: key },
    };
    await put('mf-lab-datasets', 'datasets', dataset);
    await put('mf-lab-dataset-index', 'index', {
      key,
      name: 'survey.csv',
      kind: 'explicit',
      users: m,
      items: n,
      ratings: cols.length,
      bytes: 4000,
      keptAt: Date.now(),
      source: dataset.source,
    });
  }, key);
}

describe('data sets kept in the browser', () => {
  const key = 'c0ffee'.repeat(10) + 'abcd';
  const link = `#v=1&dataset=survey.csv&key=${key}&shape=30x8&d=2&run=ui*2`;

  it('a link naming a kept data set opens it with its run, and a reload brings both back', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons');
    await seedDataset(page, key);
    await page.goto(baseUrl() + '/' + link);
    await expect.poll(() => stepText(page), { timeout: 20_000 }).toBe('half-step 4');
    const grid = page.getByRole('grid', { name: 'Rating matrix R' }).or(page.getByRole('table', { name: 'Rating matrix R' }));
    await expect.poll(() => grid.first().textContent()).toContain('fan1');
    const loss = await lossText(page);
    await page.reload();
    await expect.poll(() => stepText(page), { timeout: 20_000 }).toBe('half-step 4');
    await expect.poll(() => lossText(page)).toBe(loss);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link whose data set this browser does not have says which file to open, and shows no other data silently', async () => {
    const { page, context, errors } = await openApp(browser, '/' + link);
    await expect
      .poll(() => statusText(page), { timeout: 20_000 })
      .toContain(
        'It uses the data set “survey.csv”, which this browser does not have: open the file “survey.csv” (Open data) to see it.',
      );
    expect(await statusText(page)).toContain("Showing the lecture's example instead.");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('labels are text, never markup', () => {
  it('HTML and KaTeX payloads in a link show literally and run nothing', async () => {
    const users = ['<img src=x onerror="window.__pwned=1">', '\\href{javascript:window.__pwned=2}{x}', 'u3', 'u4'];
    const items = ['<b>bold</b>', '$\\href{javascript:alert(1)}{y}$', 'i3', 'i4', 'i5', 'i6'];
    const esc = (s: string) =>
      Array.from(s, (ch) =>
        /[A-Za-z0-9_-]/.test(ch)
          ? ch
          : encodeURIComponent(ch).replace(/[!'()*.~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()),
      ).join('');
    const hash =
      '#v=1&mode=explicit&users=' +
      users.map(esc).join(',') +
      '&items=' +
      items.map(esc).join(',') +
      '&R=1,?,?,2,?,1;?,2,3,?,2,1;1,5,5,?,?,5;?,?,2,?,?,3&scale=1..5';
    const { page, context, errors } = await openApp(browser, '/' + hash);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await waitForModel(page);
    const grid = page.getByRole('grid', { name: 'Rating matrix R' });
    await expect.poll(() => grid.textContent()).toContain('<b>bold</b>');
    expect(await grid.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('.lab img[src="x"], .lab b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.getByText('could not be opened').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
