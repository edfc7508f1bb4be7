import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalCode, encodeAnswerCode } from '../../../src/survey/answerCode';
import { ALPHABET } from '../../../src/survey/base32';
import { addCodes, findCodeCandidates, rowLabels, type CollectedRow } from '../../../src/survey/collectAnswers';
import { classDataset } from '../../../src/survey/classDataset';
import { cellAt, labDataFromDataset, titleOf } from '../../../src/state/labData';
import { ratingAt } from '../../../src/core';
import { FILMS, mustSurvey, surveyArb, symbols } from './helpers';
import type { Survey } from '../../../src/survey/surveySpec';

const code = (respondent: string, ratings: (number | null)[], nickname = '') =>
  encodeAnswerCode(FILMS, { respondent, ratings, nickname });
const all = (r: number | null) => FILMS.items.map(() => r);

describe('finding codes in pasted text', () => {
  it('finds codes one per line, inside chat messages, and code-shaped words that lost their MF', () => {
    const a = code('AAAA', all(3), 'Ana');
    const b = code('BBBB', all(4));
    const text = `[10:01] Ana: here's mine ${a}!\n${b}\nMF Lab is great, see mflab.example\nthanks\n1-2-3\nR4JB-KFE0-3147-0258-0369`;
    expect(findCodeCandidates(text)).toEqual([a, b, 'R4JB-KFE0-3147-0258-0369']);
  });
});

describe('adding codes, worked example', () => {
  const ana = code('AAAA', [5, 4, null, 3, 1, 2, 5, null, 4, 4, 3, null, 2, 1, 5, 3], 'Ana');
  const bob = code('BBBB', all(2));
  const anon = code('CCCC', [null, 1, ...all(null).slice(2)]);

  it('one row per code, in order, each reported with what it added', () => {
    const { rows, reports } = addCodes([], [ana, bob, anon].join('\n'), FILMS);
    expect(rows.map((r) => r.answer.respondent)).toEqual(['AAAA', 'BBBB', 'CCCC']);
    expect(reports.map((r) => [r.kind, r.row, r.message])).toEqual([
      ['added', 1, 'Ana: 13 of 16 rated.'],
      ['added', 2, 'Anonymous: 16 of 16 rated.'],
      ['added', 3, 'Anonymous: 1 of 16 rated.'],
    ]);
    expect(rowLabels(rows)).toEqual(['Ana', 'Student 2', 'Student 3']);
  });

  it('reports a duplicate, a changed answer from the same phone, an empty answer and a corrupt code — one by one', () => {
    const start = addCodes([], `${ana}\n${bob}`, FILMS).rows;
    const changed = code('AAAA', all(1), 'Ana');
    const empty = code('DDDD', all(null));
    const corrupt = ana.slice(0, 10) + (ana[10] === '7' ? '8' : '7') + ana.slice(11);
    const { rows, reports } = addCodes(start, `${ana.toLowerCase()} ${changed}\n${empty}\n${corrupt}\n${bob}`, FILMS);
    expect(rows).toEqual(start); // nothing added, nothing half-added
    expect(reports.map((r) => [r.kind, r.row ?? null])).toEqual([
      ['duplicate', 1],
      ['conflict', 1],
      ['empty', null],
      ['invalid', null],
      ['duplicate', 2],
    ]);
    expect(reports[0]!.message).toBe('The same code as row 1 (Ana): counted once.');
    expect(reports[1]!.message).toMatch(/same phone as row 1 \(Ana\)/);
    expect(reports[1]!.replacement?.answer.ratings).toEqual(all(1));
    expect(reports[3]!.message).toMatch(/check symbols do not match/);
  });

  it('a single typed word that is not a code still gets an answer', () => {
    const { reports } = addCodes([], 'hello', FILMS);
    expect(reports).toEqual([{ kind: 'invalid', text: 'hello', message: expect.stringMatching(/does not start with MF/) }]);
  });

  it('labels repeated nicknames apart', () => {
    const rows = addCodes(
      [],
      [code('AAAA', all(1), 'Sam'), code('BBBB', all(2), 'Sam'), code('CCCC', all(3), 'Sam (2)')].join(' '),
      FILMS,
    ).rows;
    expect(rowLabels(rows)).toEqual(['Sam', 'Sam (3)', 'Sam (2)']);
  });
});

/** A class: distinct respondents, each rating at least one item. */
function classArb(survey: Survey) {
  const { min, max } = survey.spec.scale;
  const n = survey.items.length;
  return fc
    .uniqueArray(
      fc.record({
        respondent: symbols(4),
        ratings: fc.array(fc.option(fc.integer({ min, max }), { freq: 3 }), { minLength: n, maxLength: n }),
        nickname: fc.constantFrom('', '', 'Ana', 'Bo', 'Zoë'),
      }),
      { selector: (a) => a.respondent, minLength: 1, maxLength: 40 },
    )
    .map((answers) => answers.filter((a) => a.ratings.some((r) => r !== null)));
}

/** One corruption of a code: a changed symbol, a lost symbol, or the code cut short. */
const corruption = fc.tuple(fc.nat(), fc.constantFrom(...ALPHABET), fc.constantFrom('change', 'drop', 'cut'));

describe('building R from many codes (property)', () => {
  it('every valid code becomes exactly one row; duplicates and corrupt codes are reported one by one and add nothing', () => {
    fc.assert(
      fc.property(
        surveyArb.chain((survey) =>
          fc.tuple(
            fc.constant(survey),
            classArb(survey),
            fc.array(fc.nat(), { maxLength: 10 }),
            fc.array(corruption, { maxLength: 10 }),
          ),
        ),
        fc.nat(),
        ([survey, answers, dupIdx, corrupt], seed) => {
          const codes = answers.map((a) => encodeAnswerCode(survey, a));
          const duplicates = answers.length > 0 ? dupIdx.map((k) => codes[k % codes.length]!) : [];
          const corrupted =
            answers.length > 0
              ? corrupt.map(([k, ch, how], t) => {
                  const c = canonicalCode(codes[(k + t) % codes.length]!);
                  const at = 3 + (k % (c.length - 3));
                  // Cut anywhere; a symbol lost after the header (where the code's length guarantees it is caught).
                  if (how === 'cut') return c.slice(0, Math.max(3, at - 3));
                  if (how === 'drop') return c.slice(0, 12 + (k % (c.length - 12))) + c.slice(13 + (k % (c.length - 12)));
                  return c.slice(0, at) + (c[at] === ch ? ALPHABET[(ALPHABET.indexOf(ch) + 1) % 32] : ch) + c.slice(at + 1);
                })
              : [];
          // Pasted in any order, mixed with chat text.
          const pasted = [
            ...codes.map((c, i) => ({ c, i })),
            ...duplicates.map((c) => ({ c, i: -1 })),
            ...corrupted.map((c) => ({ c, i: -2 })),
          ];
          const order = pasted.map((p, k) => ({ ...p, key: (k * 7919 + seed) % 10007 })).sort((a, b) => a.key - b.key);
          const text = order.map((p, k) => (k % 3 === 0 ? `[09:${k}] student: ${p.c} thanks` : p.c)).join('\n');
          const { rows, reports } = addCodes([], text, survey);

          // One report per code pasted: nothing silently dropped.
          expect(reports).toHaveLength(pasted.length);
          // Every valid answer is a row, once, whole.
          expect(rows).toHaveLength(answers.length);
          const byRespondent = new Map(rows.map((r) => [r.answer.respondent, r.answer]));
          for (const a of answers) expect(byRespondent.get(a.respondent)).toEqual({ ...a, surveyId: survey.id });
          expect(reports.filter((r) => r.kind === 'added')).toHaveLength(answers.length);
          expect(reports.filter((r) => r.kind === 'duplicate')).toHaveLength(duplicates.length);
          expect(reports.filter((r) => r.kind === 'invalid')).toHaveLength(corrupted.length);
          for (const r of reports) expect(r.message.length).toBeGreaterThan(10);

          // R: one row per student, each known cell their rating, ? where they skipped.
          const dataset = classDataset(survey, rows);
          expect(dataset.ratings.m).toBe(rows.length);
          expect(dataset.ratings.n).toBe(survey.items.length);
          rows.forEach((row, i) => row.answer.ratings.forEach((v, j) => expect(ratingAt(dataset.ratings, i, j)).toBe(v)));
          expect(new Set(dataset.ratings.userIds).size).toBe(rows.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the class data set and its form in the lab', () => {
  it('MovieTweetings films keep their IMDb ids; the lab shows their titles; the scale is the survey’s', () => {
    const mt = mustSurvey({ round: 'AAAA', scale: { min: 0, max: 10 }, items: { kind: 'preset', list: 'mt12' } });
    const rows: CollectedRow[] = addCodes(
      [],
      [
        encodeAnswerCode(mt, { respondent: 'AAAA', ratings: [10, 8, null, 7, 0, 6, 9, null, 5, 4, 3, 2], nickname: 'Ana' }),
        encodeAnswerCode(mt, { respondent: 'BBBB', ratings: [null, 9, 9, 9, null, 1, 1, 1, null, 5, 5, 5], nickname: '' }),
      ].join('\n'),
      mt,
    ).rows;
    const dataset = classDataset(mt, rows);
    expect(dataset.ratings.itemIds.slice(0, 2)).toEqual(['tt0770828', 'tt1300854']);
    expect(dataset.itemTitles!.slice(0, 2)).toEqual(['Man of Steel (2013)', 'Iron Man 3 (2013)']);
    expect(dataset.scale).toEqual({ min: 0, max: 10, step: 1 });
    expect(dataset.kind).toBe('explicit');
    expect(dataset.ratings.nnz).toBe(10 + 9);

    const lab = labDataFromDataset(dataset);
    expect(lab.userIds).toEqual(['Ana', 'Student 2']);
    expect(titleOf(lab, 11)).toBe('Django Unchained (2012)');
    const row = (i: number) => Array.from({ length: 12 }, (_, j) => cellAt(lab, i, j));
    expect(row(0)).toEqual([10, 8, null, 7, 0, 6, 9, null, 5, 4, 3, 2]);
    expect(row(1)).toEqual([null, 9, 9, 9, null, 1, 1, 1, null, 5, 5, 5]);
    expect(lab.scale).toMatchObject({ min: 0, max: 10 });
    expect(lab.mode).toBe('explicit');
  });
});
