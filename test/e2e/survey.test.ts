/**
 * The class survey end to end: the instructor sets a survey up; a phone (390 × 844, touch)
 * answers it with one thumb and gets a code; the instructor pastes 30 codes from a chat
 * (plus a duplicate and a corrupt one, each reported), opens the class's R in the lab and
 * steps ALS; the lab's QR code sends it back to a phone. Also: scanning codes with a camera
 * (a stand-in detector), and the message where the browser cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, numberIn, openApp, type AppPage } from './browser';
import { seriousViolations } from './axe';
import { canonicalCode, decodeAnswerCode, encodeAnswerCode } from '../../src/survey/answerCode';
import { decodeSurveyToken, type Survey } from '../../src/survey/surveySpec';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function openPhone(path: string): Promise<AppPage> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(baseUrl() + path);
  return { page, context, errors };
}

/** No horizontal scrolling: the page is no wider than the phone. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

function surveyOfUrl(url: string): Survey {
  const token = decodeURIComponent(url.split('#/survey/')[1] ?? '');
  const decoded = decodeSurveyToken(token);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.survey;
}

/** 29 classmates' codes, generated as phones would (distinct respondents, some skips, some nicknames). */
function classmates(survey: Survey): string[] {
  return Array.from({ length: 29 }, (_, s) =>
    encodeAnswerCode(survey, {
      respondent: `Q${String(s).padStart(3, '0')}`,
      ratings: survey.items.map((_, j) => ((s * 7 + j * 5) % 11 < 2 ? null : 1 + ((s * 3 + j * 7 + (s % 4) * j) % 5))),
      nickname: s % 4 === 0 ? `Student ${String.fromCharCode(65 + s)}` : '',
    }),
  );
}

describe('the class survey', () => {
  let instructor: AppPage;
  let survey: Survey;
  let phoneCode: string;
  const tapped: (number | null)[] = [];

  it('the instructor sets up a survey and gets its QR code and short link', async () => {
    instructor = await openApp(browser, '/#/lab');
    const { page, errors } = instructor;
    await page.getByRole('link', { name: 'Class survey' }).click();
    await page.getByRole('radio', { name: 'Well-known films (16)' }).check();
    await page.getByRole('radio', { name: /^1–5 stars/ }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Create the survey/ }).click();
    await expect.poll(() => page.url()).toMatch(/#\/survey\/1\.[0-9A-Z]{4}\.1-5\.films$/);
    survey = surveyOfUrl(page.url());
    await expect.poll(() => page.getByRole('img', { name: 'QR code of the link to this survey' }).count()).toBe(1);
    const link = page.getByRole('link', { name: `${baseUrl()}/#/s/${survey.token}` });
    expect(await link.count()).toBe(1);
    expect(await page.getByText('This browser cannot read QR codes from a camera').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a phone answers it with one tap per item, skips with ?, and gets a checksummed code', async () => {
    const { page, context, errors } = await openPhone(`/#/s/${survey.token}`);
    await page.getByRole('button', { name: 'Start' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start' }).tap();
    for (let j = 0; j < survey.items.length; j++) {
      await page.getByRole('heading', { name: survey.items[j]!.title, exact: true }).waitFor();
      if (j === 0) {
        expect(await horizontalOverflow(page)).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
        // Every target is thumb-sized.
        for (const box of await page
          .locator('.rating-buttons button')
          .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect())))
          expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
      }
      const value = j % 5 === 2 ? null : 1 + ((j * 2) % 5);
      tapped.push(value);
      if (value === null) await page.getByRole('button', { name: /^\? not seen/ }).tap();
      else await page.getByRole('button', { name: `${value} out of 5`, exact: true }).tap();
    }
    await page.getByRole('heading', { name: 'Your answers' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    // Change one answer from the review.
    await page.getByRole('button', { name: new RegExp(`^${survey.items[1]!.title}`) }).tap();
    await page.getByRole('button', { name: '5 out of 5', exact: true }).tap();
    tapped[1] = 5;
    await page.getByRole('heading', { name: 'Your answers' }).waitFor();
    await page.getByLabel('Nickname (optional)').fill('Ana');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Get my answer code' }).tap();
    await page.getByRole('heading', { name: 'Your answer code' }).waitFor();
    phoneCode = ((await page.locator('.answer-code').textContent()) ?? '').trim();
    expect(phoneCode).toMatch(/^MF1-/);
    const decoded = decodeAnswerCode(phoneCode, survey);
    expect(decoded.ok && decoded.answer).toMatchObject({ surveyId: survey.id, ratings: tapped, nickname: 'Ana' });
    expect(await page.getByRole('img', { name: `QR code of your answer code ${phoneCode}` }).count()).toBe(1);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // One tap copies it.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await page.getByRole('button', { name: 'Copy code' }).tap();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(phoneCode);
    // A reload keeps the answers.
    await page.reload();
    await page.getByRole('button', { name: /Review my 13 answers/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the instructor pastes 30 codes from a chat: duplicates and corrupt codes are reported one by one', async () => {
    const { page, errors } = instructor;
    const others = classmates(survey);
    const corrupt = canonicalCode(others[4]!).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const chat = [
      `[10:02] Ana: here you go ${phoneCode} :)`,
      ...others.slice(0, 10).map((c, k) => `[10:0${k % 10}] student${k}: ${c}`),
      ...others.slice(10),
      `[10:09] Bo: sent it twice, sorry ${others[0]}`,
      `[10:10] Cy: ${corrupt}`,
      'See you next week!',
    ].join('\n');
    await page.getByLabel('Paste or type answer codes').fill(chat);
    await page.getByRole('button', { name: 'Add codes' }).click();
    await expect
      .poll(() => page.locator('.row-count').textContent())
      .toBe(`30 answers so far — R is 30 × ${survey.items.length}`);
    const log = page.locator('.code-log-list');
    expect(await log.locator('.code-report.added').count()).toBe(30);
    expect(await log.locator('.code-report.duplicate').textContent()).toMatch(/same code as row 2/);
    expect(await log.locator('.code-report.invalid').textContent()).toMatch(/check symbols do not match/);
    // The refused code stays in the box to be fixed; nothing else does.
    expect((await page.getByLabel('Paste or type answer codes').inputValue()).trim()).toBe(corrupt);
    expect(await seriousViolations(page)).toEqual([]);

    // A reload keeps the 30 rows.
    await page.reload();
    await expect.poll(() => page.locator('.row-count').textContent()).toContain('30 answers');
    expect(errors).toEqual([]);
  });

  it('opens the class’s R in the lab (titles as labels) and steps ALS on it', async () => {
    const { page, errors } = instructor;
    await page.getByRole('button', { name: 'Open in the lab' }).click();
    await expect.poll(() => page.url()).toMatch(/#/);
    const grid = page.getByRole('grid', { name: 'Rating matrix R' });
    await expect.poll(() => grid.getByRole('columnheader', { name: survey.items[0]!.title }).count()).toBeGreaterThan(0);
    await expect.poll(() => grid.getByRole('rowheader', { name: 'Ana' }).count()).toBe(1);
    await expect.poll(() => page.getByLabel('Step count').textContent()).toMatch(/step 0/);
    const before = await numberIn(page, 'Loss');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => page.getByLabel('Step count').textContent()).toContain('step 2');
    expect(await numberIn(page, 'Loss')).toBeLessThan(before);
    // The link in the address bar now holds the class's R.
    await expect.poll(() => decodeURIComponent(page.url())).toContain('Ana');
    expect(errors).toEqual([]);
  });

  it('the lab’s QR code dialog shows the share link big, copies it, closes with Escape and gives focus back', async () => {
    const { page, errors } = instructor;
    const button = page.getByRole('button', { name: 'QR code' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Open this lab on a phone' });
    await dialog.waitFor();
    const qr = dialog.getByRole('img', { name: 'QR code of the link to this lab' });
    const box = await qr.boundingBox();
    expect(box!.height).toBeGreaterThan(500); // projector-sized on a 1280 × 800 screen
    const link = (await dialog.getByRole('link').textContent()) ?? '';
    expect(link.startsWith(baseUrl() + '/#v=1')).toBe(true);
    expect(await seriousViolations(page, '.qr-dialog')).toEqual([]);
    await instructor.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);

    // A phone opening the link sees the class's R, with the run.
    const phone = await openPhone(link.slice(baseUrl().length));
    const grid = phone.page.getByRole('grid', { name: 'Rating matrix R' });
    await expect.poll(() => grid.getByRole('rowheader', { name: 'Ana' }).count()).toBe(1);
    await expect.poll(() => phone.page.getByLabel('Step count').textContent()).toContain('step 2');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
    expect(errors).toEqual([]);
    await instructor.context.close();
  });
});

describe('scanning answer codes with the camera', () => {
  /** A browser with a camera and a BarcodeDetector (stand-ins: Chromium on Linux has neither). */
  async function withCamera(codes: string[]): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript((queued: string[]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 48;
      // A stream only carries frames while its canvas is painted.
      let t = 0;
      setInterval(() => {
        const g = canvas.getContext('2d')!;
        g.fillStyle = `hsl(${(t += 40) % 360} 60% 50%)`;
        g.fillRect(0, 0, 64, 48);
      }, 50);
      Object.defineProperty(navigator, 'mediaDevices', {
        value: { getUserMedia: async () => canvas.captureStream(10) },
      });
      class FakeDetector {
        static async getSupportedFormats() {
          return ['qr_code'];
        }
        async detect() {
          // One phone held up per call, the first one twice (held still: read once).
          const next = queued[0];
          if (next !== undefined && (window as unknown as { heldOnce?: boolean }).heldOnce) queued.shift();
          (window as unknown as { heldOnce?: boolean }).heldOnce = !(window as unknown as { heldOnce?: boolean }).heldOnce;
          return next === undefined ? [] : [{ rawValue: next }];
        }
      }
      (window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = FakeDetector;
    }, codes);
    const page = await context.newPage();
    return { page, context };
  }

  it('adds each code the camera reads, once', async () => {
    const decoded = decodeSurveyToken('1.SCAN.1-5.dishes');
    if (!decoded.ok) throw new Error(decoded.error);
    const codes = classmates(decoded.survey).slice(0, 3);
    const { page, context } = await withCamera(codes);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl()}/#/survey/${decoded.survey.token}`);
    await page.getByRole('button', { name: 'Scan with the camera' }).click();
    await expect.poll(() => page.locator('.row-count').textContent(), { timeout: 10_000 }).toContain('3 answers');
    expect(await page.locator('.code-report.duplicate').count()).toBe(0);
    await page.getByRole('button', { name: 'Stop the camera' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the class beside MovieTweetings’ real raters', () => {
  it('a survey of MovieTweetings films (0–10) opens as the k = 10 core plus the class, and ALS steps on it', async () => {
    const { page, errors, context } = await openApp(browser, '/#/survey');
    await page.getByRole('radio', { name: /^MovieTweetings films/ }).check();
    await page.getByRole('radio', { name: /^0–10/ }).check();
    await page.getByRole('button', { name: /Create the survey/ }).click();
    await expect.poll(() => page.url()).toMatch(/#\/survey\/1\.[0-9A-Z]{4}\.0-10\.mt12$/);
    const survey = surveyOfUrl(page.url());
    const codes = Array.from({ length: 5 }, (_, s) =>
      encodeAnswerCode(survey, {
        respondent: `M${String(s).padStart(3, '0')}`,
        ratings: survey.items.map((_, j) => ((s + j) % 4 === 0 ? null : (s * 3 + j * 2) % 11)),
        nickname: `Fan ${s + 1}`,
      }),
    );
    await page.getByLabel('Paste or type answer codes').fill(codes.join('\n'));
    await page.getByRole('button', { name: 'Add codes' }).click();
    await expect.poll(() => page.locator('.row-count').textContent()).toContain('5 answers');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open beside MovieTweetings’ real raters' }).click();
    // 2,059 real raters of the k = 10 core, then the 5 students; the 1,099 films keep their titles.
    await expect
      .poll(() => page.getByText(/Opened “MovieTweetings \(k = 10 core\) \+ class survey/).textContent(), { timeout: 30_000 })
      .toMatch(/2,064 users × 1,099 items, 44,\d{3} ratings \(0–10\), 1,099 titles/);
    await expect.poll(() => page.getByLabel('Step count').first().textContent(), { timeout: 20_000 }).toMatch(/step 0/);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => page.getByLabel('Step count').first().textContent(), { timeout: 20_000 }).toContain('step 2');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('a survey on a 1–5 scale says why it cannot join them', async () => {
    const { page, errors, context } = await openApp(browser, '/#/survey');
    await page.getByRole('radio', { name: /^MovieTweetings films/ }).check();
    await page.getByRole('radio', { name: /^1–5 stars/ }).check();
    await page.getByRole('button', { name: /Create the survey/ }).click();
    await expect.poll(() => page.getByText(/MovieTweetings rates 0–10; this survey's 1–5 answers/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Open beside MovieTweetings’ real raters' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
