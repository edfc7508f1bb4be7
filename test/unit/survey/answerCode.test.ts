import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalCode,
  CHECK_MODULUS,
  CHECK_ROOT,
  decodeAnswerCode,
  encodeAnswerCode,
  nicknameProblem,
} from '../../../src/survey/answerCode';
import { ALPHABET, symbolValue } from '../../../src/survey/base32';
import { answeredArb, FILMS, mustSurvey } from './helpers';

const ratings16 = [5, 4, null, 3, 1, 2, 5, null, 4, 4, 3, null, 2, 1, 5, 3];

describe('an answer code, worked example', () => {
  const code = encodeAnswerCode(FILMS, { respondent: 'AB12', ratings: ratings16, nickname: 'Ana' });

  it('is short, grouped and readable: MF, the format, the survey, the respondent, then the ratings', () => {
    expect(code).toMatch(/^MF1-[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    const plain = canonicalCode(code);
    expect(plain.slice(0, 3)).toBe('MF1');
    expect(plain.slice(3, 7)).toBe(FILMS.id);
    expect(plain.slice(7, 11)).toBe('AB12');
    expect(plain.slice(11, 12)).toBe('3'); // "Ana" is 3 bytes
    expect(plain.slice(12, 28)).toBe('5403125044302153'); // one symbol per item: 0 = ?, k = the k-th value
    // 2 + 10 header + 16 ratings + 5 nickname (3 bytes) + 2 check
    expect(plain).toHaveLength(35);
  });

  it('reads back as typed by hand: lower case, O for 0, I or L for 1, spaces instead of hyphens', () => {
    const typed = code.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/-/g, ' ');
    const decoded = decodeAnswerCode(typed, FILMS);
    expect(decoded).toEqual({
      ok: true,
      code,
      answer: { surveyId: FILMS.id, respondent: 'AB12', ratings: ratings16, nickname: 'Ana' },
    });
  });

  it('is refused by another survey, even on the same list and scale (another round)', () => {
    const nextYear = mustSurvey({ ...FILMS.spec, round: 'ZZ99' });
    const decoded = decodeAnswerCode(code, nextYear);
    expect(decoded).toEqual({ ok: false, error: `It answers another survey (${FILMS.id}), not this one (${nextYear.id}).` });
  });

  it('is versioned: a later format is refused with a message that says what to do', () => {
    const plain = canonicalCode(code);
    const decoded = decodeAnswerCode('MF2' + plain.slice(3), FILMS);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error).toMatch(/format 2.*reads format 1.*reload/);
  });

  it('refuses garbage with a message, never an exception', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['hello world', /does not start with MF/],
      ['MF1-K7Q2-!!', /contains “!”/],
      ['MF1-UUUU', /contains “U”/],
      ['MF', /too short/],
      ['MF1-' + FILMS.id + '-AB12', /too short/],
      [code.slice(0, -6), /too short|check symbols/],
    ];
    for (const [text, message] of cases) {
      const decoded = decodeAnswerCode(text, FILMS);
      expect(decoded.ok, text).toBe(false);
      expect(!decoded.ok && decoded.error, text).toMatch(message);
    }
  });

  it('refuses to encode what it could not read back', () => {
    expect(() => encodeAnswerCode(FILMS, { respondent: 'AB12', ratings: [6, ...ratings16.slice(1)], nickname: '' })).toThrow(
      /not on the 1–5 scale/,
    );
    expect(() => encodeAnswerCode(FILMS, { respondent: 'AB12', ratings: ratings16.slice(1), nickname: '' })).toThrow(
      /15 ratings for 16 items/,
    );
    expect(nicknameProblem('x'.repeat(32))).toMatch(/too long/);
    expect(nicknameProblem('😀'.repeat(7))).toBeNull(); // 28 bytes
    expect(nicknameProblem('😀'.repeat(8))).toMatch(/too long/);
  });
});

describe('the check symbols', () => {
  it('use a primitive root modulo a prime, so every weight gᵏ is non-zero and no two neighbours share one', () => {
    const seen = new Set<number>();
    let w = 1;
    for (let k = 0; k < CHECK_MODULUS - 1; k++) {
      expect(w).not.toBe(0);
      seen.add(w);
      w = (w * CHECK_ROOT) % CHECK_MODULUS;
    }
    expect(seen.size).toBe(CHECK_MODULUS - 1); // the order of g is p − 1: g is a primitive root
  });
});

describe('answer codes, for any survey and answer (property)', () => {
  it('round-trip: decoding a code gives back the answer', () => {
    fc.assert(
      fc.property(answeredArb, ({ survey, answer }) => {
        const code = encodeAnswerCode(survey, answer);
        const decoded = decodeAnswerCode(code, survey);
        expect(decoded).toEqual({ ok: true, code, answer: { ...answer, surveyId: survey.id } });
      }),
      { numRuns: 300 },
    );
  });

  it('catch every single-character change (to any other symbol or character) with a message', () => {
    fc.assert(
      fc.property(
        answeredArb,
        fc.nat(),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        ({ survey, answer }, at, replacement) => {
          // A character that stands for one position (not spacing, which is ignored by design, nor “ß”, which upper-cases to two).
          fc.pre(canonicalCode(replacement).length === 1);
          const code = encodeAnswerCode(survey, answer);
          const k = at % code.length;
          const changed = code.slice(0, k) + replacement + code.slice(k + 1);
          const decoded = decodeAnswerCode(changed, survey);
          // O, I and L are read as 0, 1 and 1, and case does not matter: such a change keeps the same code.
          if (canonicalCode(changed) === canonicalCode(code)) expect(decoded.ok).toBe(true);
          else {
            expect(decoded.ok).toBe(false);
            expect(!decoded.ok && decoded.error.length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('catch every change of one symbol to another symbol (exhaustively, on a worked example)', () => {
    const code = canonicalCode(encodeAnswerCode(FILMS, { respondent: 'AB12', ratings: ratings16, nickname: 'Zoë' }));
    let tried = 0;
    for (let k = 0; k < code.length; k++) {
      for (const ch of ALPHABET) {
        if (ch === code[k]) continue;
        tried++;
        expect(decodeAnswerCode(code.slice(0, k) + ch + code.slice(k + 1), FILMS).ok, `${k}: ${ch}`).toBe(false);
      }
    }
    expect(tried).toBe(code.length * 31);
  });

  it('catch every swap of two different neighbouring symbols', () => {
    fc.assert(
      fc.property(answeredArb, fc.nat(), ({ survey, answer }, at) => {
        const code = canonicalCode(encodeAnswerCode(survey, answer));
        const k = 2 + (at % (code.length - 3));
        fc.pre(code[k] !== code[k + 1]);
        const swapped = code.slice(0, k) + code[k + 1] + code[k] + code.slice(k + 2);
        expect(decodeAnswerCode(swapped, survey).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('catch a symbol lost or added after the header (the length no longer matches it)', () => {
    fc.assert(
      fc.property(answeredArb, fc.nat(), fc.constantFrom(...ALPHABET), fc.boolean(), ({ survey, answer }, at, ch, add) => {
        const code = canonicalCode(encodeAnswerCode(survey, answer));
        const k = 12 + (at % (code.length - 12));
        const changed = add ? code.slice(0, k) + ch + code.slice(k) : code.slice(0, k) + code.slice(k + 1);
        expect(decodeAnswerCode(changed, survey).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('use only canonical symbols after MF (a QR code in alphanumeric mode, nothing to misread)', () => {
    fc.assert(
      fc.property(answeredArb, ({ survey, answer }) => {
        const plain = canonicalCode(encodeAnswerCode(survey, answer));
        expect([...plain.slice(2)].every((ch) => symbolValue(ch) >= 0)).toBe(true);
      }),
    );
  });
});
