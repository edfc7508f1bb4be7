/**
 * Headless Chromium for the end-to-end tests: Debian's /usr/bin/chromium driven by
 * playwright-core, with the flags this machine needs. Collects console errors so that
 * every test can assert there were none.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../src/cli/chromium';

export { CHROMIUM };

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/** Opens the app (at an optional path or hash) in a fresh context. */
export async function openApp(browser: Browser, path = '/', viewport = { width: 1280, height: 800 }): Promise<AppPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(baseUrl() + path);
  return { page, context, errors };
}

/** The number shown in an element, e.g. the loss readout. */
export async function numberIn(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).first().textContent();
  return Number((text ?? '').replace(/[^0-9eE.+-]/g, ''));
}
