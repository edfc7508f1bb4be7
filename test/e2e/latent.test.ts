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

/** The items of a ranking table, top first. */
async function ranking(page: Page, user: string): Promise<string[]> {
  const rows = page.getByRole('table', { name: `Ranking for ${user}` }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('th button')?.textContent ?? ''));
}

/** Every drawn point's position in the picture's coordinates. */
async function positions(page: Page): Promise<string> {
  return page
    .locator('.ls-plot svg [data-kind]')
    .evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-id')}:${e.getAttribute('data-x')},${e.getAttribute('data-y')}`).join(' '),
    );
}

describe('the latent space tab', () => {
  it('draws the lecture’s users and items, ranks items for a user, and moves as ALS steps', async () => {
    const { page, errors, context } = await openApp(browser, '/', { width: 1280, height: 720 });
    await page.getByRole('tab', { name: 'Latent space' }).click();
    const plot = page.getByRole('img', { name: /^Latent space, d = 2/ });
    await expect.poll(() => plot.locator('[data-kind="user"]').count()).toBe(4);
    expect(await plot.locator('[data-kind="item"]').count()).toBe(6);

    await page.getByLabel('User', { exact: true }).selectOption({ label: 'u3' });
    await expect.poll(() => ranking(page, 'u3')).toHaveLength(6);
    const items = await ranking(page, 'u3');
    expect([...items].sort()).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
    // u3 has not rated i4 and i5 (R's ?): they are the recommendation candidates.
    const table = page.getByRole('table', { name: 'Ranking for u3' });
    expect(await table.getByText('★ candidate').count()).toBe(2);
    // The plot summary names the chosen user.
    expect(await plot.getAttribute('aria-label')).toContain('u3');

    const before = await positions(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => page.getByLabel('Step count').textContent()).toContain('step 2');
    await expect.poll(() => positions(page)).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a what-if (keys, then dragging) changes the ranking but not the lab’s model', async () => {
    const { page, errors, context } = await openApp(browser, '/', { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => page.getByLabel('Step count').textContent()).toContain('step 2');
    await page.getByRole('tab', { name: 'Latent space' }).click();
    await page.getByLabel('User', { exact: true }).selectOption({ label: 'u3' });
    await expect.poll(() => ranking(page, 'u3')).toHaveLength(6);
    const original = await ranking(page, 'u3');
    const loss = await numberIn(page, 'Loss');
    const steps = await page.getByLabel('Step count').textContent();

    // Keys: push u3 towards the opposite corner of the picture.
    const chosen = page.locator('.ls-plot svg [data-chosen="true"]');
    const ux = Number(await chosen.getAttribute('data-x'));
    const uy = Number(await chosen.getAttribute('data-y'));
    const handle = page.getByRole('button', { name: 'What-if: move u3' });
    await handle.focus();
    for (let k = 0; k < 20; k++) {
      await page.keyboard.press(ux > 0 ? 'Shift+ArrowLeft' : 'Shift+ArrowRight');
      await page.keyboard.press(uy > 0 ? 'Shift+ArrowDown' : 'Shift+ArrowUp');
    }
    await expect.poll(() => ranking(page, 'u3')).not.toEqual(original);
    await expect.poll(() => page.getByText('moved', { exact: true }).count()).toBe(1);
    // The → key inside the what-if did not step ALS, and the model's loss is untouched.
    expect(await page.getByLabel('Step count').textContent()).toBe(steps);
    expect(await numberIn(page, 'Loss')).toBe(loss);

    await page.getByRole('button', { name: 'Reset what-if' }).click();
    await expect.poll(() => ranking(page, 'u3')).toEqual(original);

    // Dragging: the handle sits on u3's point; pull it through the origin to the other side.
    await page.locator('.ls-plot').scrollIntoViewIfNeeded();
    const box = (await handle.boundingBox())!;
    const origin = (await page.locator('.ls-plot svg').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const ox = origin.x + origin.width / 2;
    const oy = origin.y + origin.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move((cx + ox) / 2, (cy + oy) / 2, { steps: 5 });
    await page.mouse.move(2 * ox - cx, 2 * oy - cy, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => ranking(page, 'u3')).not.toEqual(original);
    expect(await page.getByText(/Only this view’s copy/).count()).toBe(1);
    expect(await numberIn(page, 'Loss')).toBe(loss);
    expect(await page.getByLabel('Step count').textContent()).toBe(steps);
    expect(errors).toEqual([]);
    await context.close();
  });
});
