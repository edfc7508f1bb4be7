/**
 * Walks every step of every lesson in Chromium: it renders, every formula typesets (no
 * KaTeX error), there are no console errors, its widgets respond, and its exercises refuse
 * a wrong answer and accept the right one. Then presenter mode and its notes window.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { parseLesson, type Block, type Lesson } from '../../src/lessons/parseLesson';
import { baseUrl, launch, openApp, type AppPage } from './browser';

const LESSONS: Lesson[] = readdirSync('lessons')
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => parseLesson(readFileSync(`lessons/${f}`, 'utf8'), f));

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, '/#/lessons', { width: 1280, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});

async function goto(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash);
}

type ExerciseBlock = Extract<Block, { kind: 'exercise' }>;

async function answer(exercise: Locator, block: ExerciseBlock, right: boolean) {
  const kind = block.attrs.kind;
  if (kind === 'number') {
    const value = Number(block.attrs.answer);
    const tolerance = Number(block.attrs.tolerance ?? Math.abs(value) * 0.01);
    await exercise.getByLabel('Your answer').fill(String(right ? value : value + 1000 * (tolerance + 1)));
  } else {
    const inputs = exercise.locator('.exercise-options input');
    const wrong = block.options.findIndex((o) => !o.correct);
    if (kind === 'choice') await inputs.nth(right ? block.options.findIndex((o) => o.correct) : wrong).check();
    else
      for (let k = 0; k < block.options.length; k++) {
        const want = right ? block.options[k]!.correct : k === wrong;
        const input = inputs.nth(k);
        if ((await input.isChecked()) !== want) await (want ? input.check() : input.uncheck());
      }
  }
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect
    .poll(() => exercise.locator('.exercise-feedback').textContent())
    .toBe(right ? 'Right.' : 'Not quite — think again, or reveal the answer.');
}

async function exerciseWidget(page: Page, block: Extract<Block, { kind: 'widget' }>, index: number) {
  switch (block.name) {
    case 'lab': {
      const lab = page.locator('.lesson-lab').nth(index);
      await expect.poll(() => lab.count()).toBe(1);
      const step = lab.getByRole('button', { name: 'Step', exact: true });
      if ((await step.count()) > 0) {
        const readout = lab.getByLabel('Step count');
        await expect.poll(() => readout.textContent()).toMatch(/step \d+/);
        const before = Number(((await readout.textContent()) ?? '').replace(/\D/g, ''));
        await step.click();
        await expect.poll(async () => Number(((await readout.textContent()) ?? '').replace(/\D/g, ''))).toBeGreaterThan(before);
      }
      break;
    }
    case 'threshold': {
      const slider = page.getByLabel('Threshold', { exact: true });
      await slider.fill('2');
      await expect.poll(() => page.getByRole('table', { name: 'Implicit (threshold 2)' }).count()).toBe(1);
      break;
    }
    case 'eventlog': {
      const matrix = page.getByRole('table', { name: 'Interaction matrix' });
      const before = await matrix.textContent();
      await page.getByLabel('number of events').check();
      await expect.poll(() => matrix.textContent()).not.toBe(before);
      break;
    }
    case 'attributes': {
      await expect.poll(() => page.locator('.attr-verdict').textContent()).toContain('same ranking');
      await page.getByLabel(/add an interaction term/).check();
      await expect.poll(() => page.locator('.attr-verdict').textContent()).toContain('differ');
      break;
    }
    case 'netflix': {
      await expect.poll(() => page.getByLabel('Density').textContent()).toBe('1.18%');
      break;
    }
    case 'sweep': {
      await page.getByRole('button', { name: 'Run the sweep' }).click();
      await expect.poll(() => page.getByLabel('Best value').count(), { timeout: 30_000 }).toBe(1);
      break;
    }
    case 'toy': {
      await expect.poll(() => page.getByRole('tab').count()).toBeGreaterThanOrEqual(0);
      break;
    }
  }
}

describe('every lesson', () => {
  it('has lessons to walk', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(14);
  });

  for (const lesson of LESSONS) {
    it(`“${lesson.title}”: every step renders, typesets, responds and checks answers`, async () => {
      const { page, errors } = app;
      for (let s = 1; s <= lesson.steps.length; s++) {
        const where = `${lesson.slug} step ${s}`;
        await goto(page, `#/lessons/${lesson.slug}/${s}`);
        await expect
          .poll(() => page.locator('.lesson-kicker').textContent(), { message: where })
          .toContain(`step ${s} of ${lesson.steps.length}`);
        const blocks = lesson.steps[s - 1]!.blocks;
        const widgets = blocks.filter((b): b is Extract<Block, { kind: 'widget' }> => b.kind === 'widget');
        let labs = 0;
        for (const w of widgets) await exerciseWidget(page, w, w.name === 'lab' ? labs++ : 0);
        const exercises = blocks.filter((b): b is ExerciseBlock => b.kind === 'exercise');
        for (let k = 0; k < exercises.length; k++) {
          const exercise = page.locator('fieldset.exercise').nth(k);
          await answer(exercise, exercises[k]!, false);
          await answer(exercise, exercises[k]!, true);
        }
        expect(await page.locator('.katex-error').count(), `${where}: KaTeX errors`).toBe(0);
        expect(errors, where).toEqual([]);
      }
    });
  }
});

describe('presenter mode', () => {
  it('moves with clicker keys, runs the lab from the keyboard, and keeps the notes window in step', async () => {
    const { page, context, errors } = await openApp(browser, '/#/lessons', { width: 1280, height: 720 });
    const withLab = LESSONS.flatMap((l) => l.steps.map((st, k) => ({ l, k, st }))).find(({ st }) =>
      st.blocks.some((b) => b.kind === 'widget' && b.name === 'lab' && /\b(run|steps)\b/.test(b.attrs.panels ?? 'run')),
    )!;
    const lesson = withLab.l;
    const at = withLab.k + 1;
    const notes = await context.newPage();
    await notes.goto(`${baseUrl()}/#/notes/${lesson.slug}/${at}`);
    await goto(page, `#/present/${lesson.slug}/${at}`);
    const position = page.getByLabel('Presenter position');
    await expect.poll(() => position.textContent()).toBe(`step ${at} / ${lesson.steps.length}`);
    expect(await page.locator('html.presenting').count()).toBe(1);

    const readout = page.locator('.lesson-lab').first().getByLabel('Step count');
    await expect.poll(() => readout.textContent()).toMatch(/step \d+/);
    const before = Number(((await readout.textContent()) ?? '').replace(/\D/g, ''));
    await page.locator('body').press('s');
    await expect.poll(async () => Number(((await readout.textContent()) ?? '').replace(/\D/g, ''))).toBe(before + 2);

    await page.locator('body').press('PageDown');
    const nextTitle = at < lesson.steps.length ? lesson.steps[at]!.title : null;
    if (nextTitle) {
      await expect.poll(() => position.textContent()).toBe(`step ${at + 1} / ${lesson.steps.length}`);
      await expect.poll(() => notes.locator('h1').textContent()).toContain(`step ${at + 1}`);
    }
    await page.locator('body').press('PageUp');
    await expect.poll(() => position.textContent()).toBe(`step ${at} / ${lesson.steps.length}`);
    await expect.poll(() => notes.locator('h1').textContent()).toContain(`step ${at}`);
    await notes.getByRole('button', { name: 'Next →' }).click();
    if (nextTitle) await expect.poll(() => position.textContent()).toBe(`step ${at + 1} / ${lesson.steps.length}`);
    await page.locator('body').press('Escape');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/lessons\//);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
