/**
 * Small moves on the lab page shared by its end-to-end tests: choosing a preset (behind the
 * "Data:" button), reading the step counter, the matrices by their accessible names.
 */
import type { Page } from 'playwright-core';

export type PresetName = "Lecture's R" | "Lecture's P and C" | 'Taste groups' | 'Random' | 'MovieLens-100k';

/** Opens the data list and loads a preset (the list closes by itself). */
export async function choosePreset(page: Page, name: PresetName): Promise<void> {
  await page.getByRole('button', { name: /^Data:/ }).click();
  await page.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).click();
}

/** The half-steps (ALS) or actions counted so far, as a number. */
export async function halfSteps(page: Page): Promise<number> {
  const text = (await page.getByLabel('Step count').first().textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

export const matrices = (page: Page) => ({
  R: page.getByRole('grid', { name: 'Rating matrix R' }),
  U: page.getByRole('img', { name: /^U, the users' factors/ }),
  VT: page.getByRole('img', { name: /^V transposed, the items' factors/ }),
  UVT: page.getByRole('img', { name: /^U V transposed, the predicted/ }),
  loss: page.getByRole('img', { name: /^Objective over the run/ }),
});

/** Opens the feedback options (kind, scale, conversion) above the grid. */
export async function openFeedback(page: Page): Promise<void> {
  const opener = page.getByRole('button', { name: /^Feedback:/ });
  if ((await opener.getAttribute('aria-expanded')) !== 'true') await opener.click();
}
