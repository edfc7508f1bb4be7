/**
 * The class beside MovieTweetings' real raters: which surveys may join them (films with IMDb
 * ids, a scale inside 0–10) and the rows they send — each rated film by its id in ratings.dat,
 * skipped films left out, nicknames as labels.
 */
import { describe, expect, it } from 'vitest';
import { encodeAnswerCode } from '../../../src/survey/answerCode';
import { addCodes } from '../../../src/survey/collectAnswers';
import { classRowsForMovieTweetings, movieTweetingsFit } from '../../../src/survey/classDataset';
import { mustSurvey } from './helpers';

const mt = (min: number, max: number) =>
  mustSurvey({ round: 'AAAA', scale: { min, max }, items: { kind: 'preset', list: 'mt12' } });

describe('movieTweetingsFit', () => {
  it('lets the MovieTweetings films join on 0–10 or 1–10, and says why not on 1–5 or for other lists', () => {
    expect(movieTweetingsFit(mt(0, 10))).toEqual({ ok: true });
    expect(movieTweetingsFit(mt(1, 10))).toEqual({ ok: true });
    const stars = movieTweetingsFit(mt(1, 5));
    expect(stars.ok).toBe(false);
    expect(!stars.ok && stars.why).toMatch(/MovieTweetings rates 0–10; this survey's 1–5 answers/);
    const films = mustSurvey({ round: 'AAAA', scale: { min: 1, max: 5 }, items: { kind: 'preset', list: 'films' } });
    expect(movieTweetingsFit(films).ok).toBe(false);
  });
});

describe('classRowsForMovieTweetings', () => {
  it('sends each student’s rated films by their ratings.dat id, skips left out', () => {
    const survey = mt(0, 10);
    const ratings = survey.items.map((_, j) => (j === 1 ? null : j % 11));
    const code = encodeAnswerCode(survey, { respondent: 'R001', ratings, nickname: 'Ada' });
    const { rows } = addCodes([], code, survey);
    const [row] = classRowsForMovieTweetings(survey, rows);
    expect(row!.label).toBe('Ada');
    expect(row!.ratings).toHaveLength(11);
    expect(row!.ratings[0]).toEqual({ itemId: '0770828', value: 0 }); // Man of Steel, tt0770828
    expect(row!.ratings.some((r) => r.itemId === '1300854')).toBe(false); // Iron Man 3 was skipped
    expect(row!.ratings.at(-1)).toEqual({ itemId: '1853728', value: 0 }); // Django Unchained, 11 % 11
  });
});
