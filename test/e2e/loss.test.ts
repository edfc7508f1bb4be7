import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, numberIn, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The rows of the chart's data table: step, action and objective of every entry. */
async function history(page: Page): Promise<{ step: number; action: string; objective: number }[]> {
  const table = page.getByRole('table', { name: 'Loss history' });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('th, td');
      return {
        step: Number(cells[0]!.textContent),
        action: cells[1]!.textContent ?? '',
        objective: Number(cells[2]!.getAttribute('data-value')),
      };
    }),
  );
}

async function stepTimes(page: Page, times: number) {
  for (let k = 1; k <= times; k++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => page.getByLabel('Step count').textContent()).toContain(`step ${2 * k}`);
  }
}

describe('the loss curve follows the run', () => {
  it('has one point per half-step, and the objective never rises under ALS', async () => {
    const { page, errors, context } = await openApp(browser);
    await stepTimes(page, 4);
    await expect.poll(async () => (await history(page)).length).toBe(9);
    const rows = await history(page);
    expect(rows.map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows.slice(1).map((r) => r.action)).toEqual(
      Array.from({ length: 8 }, (_, k) => (k % 2 ? 'fix U, solve V' : 'fix V, solve U')),
    );
    for (let t = 1; t < rows.length; t++) expect(rows[t]!.objective).toBeLessThanOrEqual(rows[t - 1]!.objective);
    expect(rows[8]!.objective).toBeLessThan(rows[0]!.objective);

    const chart = page.locator('svg[data-chart="objective"]');
    expect(await chart.locator('.point').count()).toBe(9);
    expect(await chart.locator('.point[data-kind="users"]').count()).toBe(4);
    expect(await chart.locator('.point[data-kind="items"]').count()).toBe(4);
    expect(await chart.locator('.rises').count()).toBe(0);
    await expect.poll(() => page.locator('.run-note').textContent()).toContain('Never rises under ALS');

    // The chart's readout agrees with the run controls' loss and with the table.
    expect(await numberIn(page, 'Objective')).toBeCloseTo(await numberIn(page, 'Loss'), 4);
    expect(await numberIn(page, 'Objective')).toBeCloseTo(rows[8]!.objective, 4);
    expect(await page.locator('.explore-loss .katex').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches the axis to a log scale and back', async () => {
    const { page, errors, context } = await openApp(browser);
    await stepTimes(page, 2);
    const chart = page.locator('svg[data-chart="objective"]');
    const box = page.getByRole('checkbox', { name: 'Log scale' });
    const path = () => chart.locator('.series-total').getAttribute('d');
    expect(await chart.getAttribute('data-scale')).toBe('linear');
    const linear = await path();
    await box.check();
    await expect.poll(() => chart.getAttribute('data-scale')).toBe('log');
    expect(await path()).not.toBe(linear);
    await box.uncheck();
    await expect.poll(() => chart.getAttribute('data-scale')).toBe('linear');
    expect(await path()).toBe(linear);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('scrubs back with the slider or a click on the chart, and goes back to live', async () => {
    const { page, errors, context } = await openApp(browser);
    await stepTimes(page, 3);
    const slider = page.getByRole('slider', { name: 'Timeline step' });
    await expect.poll(() => slider.getAttribute('max')).toBe('6');
    expect(await slider.inputValue()).toBe('6');
    const rows = await history(page);

    await slider.fill('2');
    await expect.poll(() => page.getByText(/^Viewing step 2 of 6/).count()).toBe(1);
    expect(
      await page.getByText('press Step or Play to continue from here (later steps are discarded)', { exact: false }).count(),
    ).toBe(1);
    await expect.poll(() => numberIn(page, 'Objective')).toBeCloseTo(rows[2]!.objective, 4);
    await expect.poll(() => page.locator('svg[data-chart="objective"] .cursor-marker').getAttribute('data-step')).toBe('2');

    // From the keyboard: one to the left.
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.inputValue()).toBe('1');
    await expect.poll(() => page.getByText(/^Viewing step 1 of 6/).count()).toBe(1);

    // A click on a point of the chart scrubs there.
    const point = page.locator('svg[data-chart="objective"] .point[data-step="4"]');
    await page.locator('svg[data-chart="objective"]').scrollIntoViewIfNeeded();
    const box = (await point.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => slider.inputValue()).toBe('4');
    await expect.poll(() => numberIn(page, 'Objective')).toBeCloseTo(rows[4]!.objective, 4);

    await page.getByRole('button', { name: 'Back to live' }).click();
    await expect.poll(() => slider.inputValue()).toBe('6');
    expect(await page.getByRole('button', { name: 'Back to live' }).count()).toBe(0);
    expect(await page.locator('svg[data-chart="objective"] .cursor-marker').count()).toBe(0);
    expect(await numberIn(page, 'Objective')).toBeCloseTo(rows[6]!.objective, 4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('continues from a scrubbed-back step, dropping the later ones', async () => {
    const { page, errors, context } = await openApp(browser);
    await stepTimes(page, 3);
    const slider = page.getByRole('slider', { name: 'Timeline step' });
    await expect.poll(() => slider.getAttribute('max')).toBe('6');
    await slider.fill('2');
    await expect.poll(() => page.getByText(/^Viewing step 2 of 6/).count()).toBe(1);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await history(page)).map((r) => r.step).join(',')).toBe('0,1,2,2,3,4');
    const rows = await history(page);
    for (let t = 1; t < rows.length; t++) expect(rows[t]!.objective).toBeLessThanOrEqual(rows[t - 1]!.objective * (1 + 1e-12));
    expect(await page.getByRole('button', { name: 'Back to live' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
