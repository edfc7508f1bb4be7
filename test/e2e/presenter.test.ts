/**
 * Presenter mode in Chromium, as a lecturer uses it: every step fits the projector at
 * 1280 × 720 and 1024 × 768 (no scrolling, nothing cut at the side, no text under 18 px, no
 * jitter); the clicker's PageDown / PageUp work whatever control has focus, while arrows stay
 * with a control that needs them; B blacks the screen, A reveals the answers; the notes window
 * follows the same keys, shows the answers and previews the next step.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseLesson, type Lesson } from '../../src/lessons/parseLesson';
import { baseUrl, launch, openApp } from './browser';
import { measureSlide } from './slideFit';

const LESSONS: Lesson[] = readdirSync('lessons')
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => parseLesson(readFileSync(`lessons/${f}`, 'utf8'), f));
const STEPS = LESSONS.flatMap((l, k) =>
  l.steps.map((_, s) => ({ slug: l.slug, step: s + 1, name: `${String(k + 1).padStart(2, '0')}-${s + 1}` })),
);

/**
 * The smallest text a projector may show (px): 18 px at 1280 wide. A 1024 px wide picture on the
 * same wall enlarges each pixel 1.25 times more, so the same size there is 18 × 1024 / 1280 =
 * 14.4 px (the slides use 15 px at least).
 */
const MIN_TEXT: Record<number, number> = { 1280: 18, 1024: 14.4 };
/** Set SLIDE_SHOTS=/tmp/dir to keep a screenshot of every step (to look at, never committed). */
const SHOTS = process.env.SLIDE_SHOTS;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function goto(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** Waits until the step's labs have opened, the fonts are in and the layout has settled. */
async function settled(page: Page, position: string) {
  await expect.poll(() => page.getByLabel('Presenter position').textContent()).toBe(position);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await page.waitForTimeout(150);
}

describe('every presenter step fits the projector', () => {
  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    it(
      `at ${width} × ${height}: no scrolling, nothing cut, no text under ${MIN_TEXT[width]} px, no jitter`,
      { timeout: 300_000 },
      async () => {
        const { page, context, errors } = await openApp(browser, '/#/lessons', { width, height });
        if (SHOTS) mkdirSync(SHOTS, { recursive: true });
        const problems: string[] = [];
        for (const { slug, step, name } of STEPS) {
          const lesson = LESSONS.find((l) => l.slug === slug)!;
          await goto(page, `#/present/${slug}/${step}`);
          await settled(page, `step ${step} / ${lesson.steps.length}`);
          // Views measure their width and redraw: wait until two measurements 250 ms apart agree (3 s at most).
          let first = await measureSlide(page);
          let fit = first;
          for (let tries = 0; tries < 12; tries++) {
            await page.waitForTimeout(250);
            fit = await measureSlide(page);
            if (JSON.stringify(fit) === JSON.stringify(first)) break;
            first = fit;
          }
          if (SHOTS) await page.screenshot({ path: `${SHOTS}/present-${width}x${height}-${name}.png` });
          const where = `${name} (${slug} step ${step})`;
          if (fit.overflowY > 1 || fit.overflowX > 1)
            problems.push(`${where}: the slide overflows by ${fit.overflowY} px down, ${fit.overflowX} px across`);
          if (fit.pageY > 0 || fit.pageX > 0)
            problems.push(`${where}: the page scrolls by ${fit.pageY} px down, ${fit.pageX} px across`);
          if (fit.clipped.length > 0) problems.push(`${where}: cut at the side: ${fit.clipped.join(', ')}`);
          if (fit.smallest < MIN_TEXT[width]! - 0.05)
            problems.push(`${where}: text of ${fit.smallest.toFixed(1)} px (${fit.smallestAt})`);
          if (JSON.stringify(first) !== JSON.stringify(fit))
            problems.push(`${where}: the layout keeps moving (${first.overflowY} → ${fit.overflowY} px)`);
        }
        expect(problems).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      },
    );
  }
});

describe('the clicker never loses the room', () => {
  it('PageDown and PageUp move whatever control has focus; arrows stay with a radio; B blacks out; A reveals', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons', { width: 1280, height: 720 });
    const position = page.getByLabel('Presenter position');
    const roundTrip = async (hash: string, at: string, next: string, focus: () => Promise<void>) => {
      await goto(page, hash);
      await settled(page, at);
      await focus();
      await page.keyboard.press('PageDown');
      await expect.poll(() => position.textContent(), { message: `${hash}: PageDown` }).toBe(next);
      await page.keyboard.press('PageUp');
      await expect.poll(() => position.textContent(), { message: `${hash}: PageUp` }).toBe(at);
    };
    // A radio of a choice exercise.
    await roundTrip('#/present/als-loop/2', 'step 2 / 7', 'step 3 / 7', () => page.getByRole('radio').first().focus());
    // → on a focused radio changes the answer, and does not move.
    const radios = page.getByRole('radio');
    await radios.first().check();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => radios.nth(1).isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toBe('step 2 / 7');
    // …and the next PageDown still moves on.
    await page.keyboard.press('PageDown');
    await expect.poll(() => position.textContent()).toBe('step 3 / 7');
    // A lab control: the speed list and the Step button.
    await roundTrip('#/present/als-loop/2', 'step 2 / 7', 'step 3 / 7', () => page.getByRole('combobox').first().focus());
    await roundTrip('#/present/als-loop/2', 'step 2 / 7', 'step 3 / 7', () =>
      page.getByRole('button', { name: 'Step', exact: true }).focus(),
    );
    // A number answer box: "." types there, the clicker still moves.
    await roundTrip('#/present/toy-example/2', 'step 2 / 5', 'step 3 / 5', async () => {
      await page.getByLabel('Your answer').fill('1');
      await page.getByLabel('Your answer').press('.');
      expect(await page.getByLabel('Your answer').inputValue()).toBe('1.');
    });
    // A slider and a toy input.
    await roundTrip('#/present/explicit-and-implicit-feedback/5', 'step 5 / 7', 'step 6 / 7', () =>
      page.getByLabel('Threshold', { exact: true }).focus(),
    );
    await roundTrip('#/present/toy-example/3', 'step 3 / 5', 'step 4 / 5', () => page.getByLabel('U row 1, column 1').focus());
    // A checkbox of a multi exercise.
    await roundTrip('#/present/rating-matrix/3', 'step 3 / 5', 'step 4 / 5', () => page.getByRole('checkbox').first().focus());

    // B blacks the screen from a focused radio, and brings it back; PageDown while black only brings it back.
    await goto(page, '#/present/als-loop/2');
    await settled(page, 'step 2 / 7');
    await page.getByRole('radio').first().focus();
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('.presenter-black').count()).toBe(1);
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('.presenter-black').count()).toBe(0);
    expect(await position.textContent()).toBe('step 2 / 7');
    await page.keyboard.press('.');
    await expect.poll(() => page.locator('.presenter-black').count()).toBe(1);
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('.presenter-black').count()).toBe(0);

    // A reveals the answer before anyone has tried.
    await page.locator('body').press('a');
    await expect.poll(() => page.locator('.exercise-explanation').count()).toBe(1);
    expect(await page.locator('.correct-option').textContent()).toContain('goes down or stays the same');

    // S runs an iteration (two half-steps) in the step's lab.
    const readout = page.getByLabel('Step count');
    const before = Number(((await readout.textContent()) ?? '').replace(/\D/g, ''));
    await page.locator('body').press('s');
    await expect.poll(async () => Number(((await readout.textContent()) ?? '').replace(/\D/g, ''))).toBe(before + 2);

    // The page has one level-one heading, and the slide can take focus (it may scroll).
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.presenter-slide').getAttribute('tabindex')).toBe('0');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the focus ring on the projector', () => {
  it("is the lab's dark amber, thicker than the lab's, and clears the control", async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons', { width: 1280, height: 720 });
    const ring = () =>
      page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return {
          color: s.outlineColor,
          width: parseFloat(s.outlineWidth),
          offset: parseFloat(s.outlineOffset),
          style: s.outlineStyle,
        };
      });
    // In the lab: 3 px of #b45309.
    await page.goto(`${baseUrl()}/#/lab`);
    await page.getByRole('button', { name: 'Step', exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const lab = await ring();
    expect(lab).toMatchObject({ color: 'rgb(180, 83, 9)', style: 'solid', width: 3 });
    // In presenter mode: the same colour, thicker, outside the control's border.
    await goto(page, '#/present/als-loop/2');
    await settled(page, 'step 2 / 7');
    await page.getByRole('radio').first().focus();
    await page.keyboard.press('ArrowDown');
    const radio = await ring();
    expect(radio).toMatchObject({ color: 'rgb(180, 83, 9)', style: 'solid' });
    expect(radio.width).toBeGreaterThan(lab.width);
    expect(radio.offset).toBeGreaterThan(0);
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await step.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await ring()).toEqual(radio);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the notes window', () => {
  it('follows the clicker keys, shows the answers and previews the next step', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons', { width: 1280, height: 720 });
    await goto(page, '#/present/toy-example/2');
    await settled(page, 'step 2 / 5');
    const notes = await context.newPage();
    await notes.goto(`${baseUrl()}/#/notes/toy-example/2`);
    await expect.poll(() => notes.locator('h1').textContent()).toContain('step 2');
    await expect.poll(() => notes.getByRole('region', { name: 'Answers' }).textContent()).toContain('Answer: 1.6');
    const toy = LESSONS.find((l) => l.slug === 'toy-example')!;
    await expect.poll(() => notes.getByRole('region', { name: 'Next step' }).textContent()).toContain('All of UV');
    expect(toy.steps[2]!.title).toContain('All of UV');

    const position = page.getByLabel('Presenter position');
    await notes.locator('body').press('PageDown');
    await expect.poll(() => position.textContent()).toBe('step 3 / 5');
    await expect.poll(() => notes.locator('h1').textContent()).toContain('step 3');
    await notes.locator('body').press('ArrowRight');
    await expect.poll(() => position.textContent()).toBe('step 4 / 5');
    await notes.locator('body').press('ArrowLeft');
    await expect.poll(() => position.textContent()).toBe('step 3 / 5');
    await notes.locator('body').press('b');
    await expect.poll(() => page.locator('.presenter-black').count()).toBe(1);
    await expect.poll(() => notes.locator('.notes-black').count()).toBe(1);
    await notes.locator('body').press('b');
    await expect.poll(() => page.locator('.presenter-black').count()).toBe(0);

    // A step without notes says so quietly.
    const quiet = STEPS.find(({ slug, step }) => !LESSONS.find((l) => l.slug === slug)!.steps[step - 1]!.notes);
    if (quiet) {
      await goto(page, `#/present/${quiet.slug}/${quiet.step}`);
      await expect.poll(() => notes.locator('.notes-none').textContent()).toBe('No notes for this step.');
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
