/** Surveys and answers for the survey tests: arbitrary ones (fast-check) and worked examples. */
import fc from 'fast-check';
import { ALPHABET } from '../../../src/survey/base32';
import { ITEM_LISTS } from '../../../src/survey/itemLists';
import { surveyOf, type Survey, type SurveySpec } from '../../../src/survey/surveySpec';
import type { Answer } from '../../../src/survey/answerCode';

export function mustSurvey(spec: SurveySpec): Survey {
  const result = surveyOf(spec);
  if (!result.ok) throw new Error(result.error);
  return result.survey;
}

export const symbols = (n: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: n, maxLength: n });

const scaleArb = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 30 }))
  .map(([min, width]) => ({ min, max: min + width }));

const customTitles = fc
  .uniqueArray(
    fc.string({ minLength: 1, maxLength: 30 }).map((t) => t.replace(/\s+/g, ' ').trim()),
    { minLength: 2, maxLength: 40, selector: (t) => t.toLocaleLowerCase() },
  )
  .filter((ts) => ts.every((t) => t.length > 0));

export const surveyArb: fc.Arbitrary<Survey> = fc
  .record({
    round: symbols(4),
    scale: scaleArb,
    items: fc.oneof(
      fc.constantFrom(...ITEM_LISTS.map((l) => ({ kind: 'preset' as const, list: l.id }))),
      customTitles.map((titles) => ({ kind: 'custom' as const, titles })),
    ),
  })
  .map(mustSurvey);

/** A nickname of at most 31 UTF-8 bytes (accents and emoji included). */
export const nicknameArb = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('a', 'Z', '9', ' ', 'é', 'ß', '😀', '中', '-'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 12,
  })
  .map((s) => s.trim())
  .filter((s) => new TextEncoder().encode(s).length <= 31);

/** A survey and an answer to it (at least one item rated). */
export const answeredArb: fc.Arbitrary<{ survey: Survey; answer: Omit<Answer, 'surveyId'> }> = surveyArb.chain((survey) => {
  const { min, max } = survey.spec.scale;
  const rating = fc.option(fc.integer({ min, max }), { freq: 4 });
  return fc
    .record({
      respondent: symbols(4),
      ratings: fc.array(rating, { minLength: survey.items.length, maxLength: survey.items.length }),
      nickname: nicknameArb,
    })
    .filter((a) => a.ratings.some((r) => r !== null))
    .map((answer) => ({ survey, answer }));
});

/** The lecture-sized example: the sixteen well-known films, rated 1–5. */
export const FILMS = mustSurvey({ round: 'K7Q2', scale: { min: 1, max: 5 }, items: { kind: 'preset', list: 'films' } });
