import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes, encodeBytes } from '../../../src/survey/base32';
import { ITEM_LISTS } from '../../../src/survey/itemLists';
import { decodeSurveyToken, encodeSurveyToken, parseCustomTitles } from '../../../src/survey/surveySpec';
import { parseSurveyRoute, takeLink } from '../../../src/survey/surveyRoute';
import { FILMS, surveyArb } from './helpers';

describe('survey links', () => {
  it('name a preset list by id, so the link stays short', () => {
    expect(FILMS.token).toBe('1.K7Q2.1-5.films');
    expect(takeLink(FILMS.token, 'https://mf.example/')).toBe('https://mf.example/#/s/1.K7Q2.1-5.films');
    expect(FILMS.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('round-trip any survey: same items, scale, round and id', () => {
    fc.assert(
      fc.property(surveyArb, (survey) => {
        const decoded = decodeSurveyToken(encodeSurveyToken(survey.spec));
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(decoded.survey.id).toBe(survey.id);
        expect(decoded.survey.items).toEqual(survey.items);
        expect(decoded.survey.spec.scale).toEqual(survey.spec.scale);
        // Through the router too (the token is the path after #/s/).
        expect(parseSurveyRoute(`#/s/${survey.token}`)).toEqual({ page: 'take', token: survey.token });
      }),
      { numRuns: 300 },
    );
  });

  it('give another id to another round, scale or list', () => {
    const idOf = (token: string) => {
      const decoded = decodeSurveyToken(token);
      if (!decoded.ok) throw new Error(decoded.error);
      return decoded.survey.id;
    };
    const ids = ['1.K7Q2.1-5.films', '1.K7Q3.1-5.films', '1.K7Q2.1-10.films', '1.K7Q2.1-5.books'].map(idOf);
    expect(ids[0]).toBe(FILMS.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('say what is wrong with a broken link', () => {
    const cases: [string, RegExp][] = [
      ['1.K7Q2.1-5', /incomplete/],
      ['2.K7Q2.1-5.films', /format 2/],
      ['1.K7.1-5.films', /round/],
      ['1.K7Q2.five.films', /not a scale/],
      ['1.K7Q2.5-1.films', /top must be above/],
      ['1.K7Q2.0-40.films', /at most 31 values/],
      ['1.K7Q2.1-5.movies2099', /does not know/],
      ['1.K7Q2.1-5.*Only%20one', /at least 2/],
      ['1.K7Q2.1-5.*Tea,tea', /appears twice/],
      ['1.K7Q2.1-5.*A%E0%A4,B', /not properly escaped/],
    ];
    for (const [token, message] of cases) {
      const decoded = decodeSurveyToken(token);
      expect(decoded.ok, token).toBe(false);
      expect(!decoded.ok && decoded.error, token).toMatch(message);
    }
  });

  it('routes: #/survey sets up, #/survey/<token> collects, #/s/<token> answers; other pages are not the survey', () => {
    expect(parseSurveyRoute('#/survey')).toEqual({ page: 'setup' });
    expect(parseSurveyRoute('#/survey/1.K7Q2.1-5.films')).toEqual({ page: 'collect', token: '1.K7Q2.1-5.films' });
    expect(parseSurveyRoute('#/lab')).toBeNull();
    expect(parseSurveyRoute('#/lessons/intro/2')).toBeNull();
    expect(parseSurveyRoute('#v=1&preset=lecture-r')).toBeNull();
  });
});

describe("the instructor's own list", () => {
  it('takes one title per line, trimmed, and reports every problem at once', () => {
    expect(parseCustomTitles('  Tea \n\nCoffee\n')).toEqual({ titles: ['Tea', 'Coffee'] });
    const result = parseCustomTitles(`Tea\ntea\n${'x'.repeat(81)}`);
    expect(result).toEqual({
      errors: ['“tea” appears twice (lines 1 and 2).', 'Line 3 is longer than 80 characters.'],
    });
  });
});

describe('preset lists', () => {
  it('are frozen: their ids, sizes and first titles never change (links in the wild refer to them)', () => {
    expect(ITEM_LISTS.map((l) => [l.id, l.items.length, l.items[0]!.title])).toEqual([
      ['mt12', 12, 'Man of Steel (2013)'],
      ['films', 16, 'The Lion King'],
      ['books', 16, "Harry Potter and the Philosopher's Stone"],
      ['dishes', 16, 'Pizza margherita'],
    ]);
  });

  it('MovieTweetings films carry IMDb ids (tt + 7 digits)', () => {
    for (const item of ITEM_LISTS.find((l) => l.id === 'mt12')!.items) expect(item.id).toMatch(/^tt\d{7}$/);
  });
});

describe('nickname bytes in base 32', () => {
  it('round-trip any bytes, and refuse non-zero padding (one spelling per nickname)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 31 }), (bytes) => {
        const text = encodeBytes(bytes);
        expect(decodeBytes(text, bytes.length)).toEqual(bytes);
      }),
    );
    expect(decodeBytes('01', 1)).toBeNull(); // 10 bits for 8: the last 2 must be zero
    expect(decodeBytes('04', 1)).toEqual(new Uint8Array([1]));
  });
});
