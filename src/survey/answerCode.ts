/**
 * A student's answer as a short code they can paste into a chat or show as a QR code. Pure.
 *
 * Layout of format 1 (base-32 symbols, see base32.ts), shown in groups of four:
 *
 *   MF  1  K7Q2  8ZR3  3  5·3·0·4·…  9T5  X4
 *   │   │  │     │     │  │          │    └ check: 2 symbols, over everything after "MF"
 *   │   │  │     │     │  │          └ nickname: its UTF-8 bytes, 5 bits a symbol
 *   │   │  │     │     │  └ one symbol per item: 0 = skipped (?), k = the scale's k-th value
 *   │   │  │     │     └ the nickname's length in bytes (0–31)
 *   │   │  │     └ the respondent: random per phone and survey (tells a re-sent code from a twin answer)
 *   │   │  └ the survey's id (a hash of its link): a code from another survey is refused
 *   │   └ the format
 *   └ marks an MF Lab code in pasted text
 *
 * The check is Σₖ gᵏ·dₖ mod 1021 over the symbols' values dₖ (0–31), with g a primitive root.
 * Changing one symbol adds gᵏ·(d′ − d), and since 1021 is prime, gᵏ ≠ 0 and 0 < |d′ − d| < 1021,
 * that is never 0 mod 1021: every single-symbol change is caught, and so is every swap of two
 * neighbours (gᵏ(g − 1)(d − d′) ≠ 0 because g ≠ 1). Inserting or deleting a symbol after the
 * header changes the length the header announces, so it is caught too.
 */
import {
  bytesLength,
  decodeBytes,
  encodeBytes,
  encodeNumber,
  normalizeSymbols,
  randomSymbols,
  symbolOf,
  symbolValue,
} from './base32';
import type { Survey } from './surveySpec';

export const CODE_PREFIX = 'MF';
export const CODE_FORMAT = 1;
export const CHECK_MODULUS = 1021;
/** A primitive root modulo 1021 (tested), so the weights gᵏ run through every non-zero residue. */
export const CHECK_ROOT = 10;
export const MAX_NICKNAME_BYTES = 31;
/** Header after "MF": format (1), survey (4), respondent (4), nickname length (1). */
const HEADER = 10;
const CHECK = 2;

export interface Answer {
  surveyId: string;
  /** 4 symbols, random per phone and survey. */
  respondent: string;
  /** One entry per item: a value of the scale, or null for skipped. */
  ratings: (number | null)[];
  /** Empty when the student gave none. */
  nickname: string;
}

export type DecodeResult = { ok: true; answer: Answer; code: string } | { ok: false; error: string };

export function newRespondent(): string {
  return randomSymbols(4);
}

/** The check symbols of canonical symbols (everything after "MF", before the check). */
export function checkOf(body: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of body) {
    sum = (sum + weight * symbolValue(ch)) % CHECK_MODULUS;
    weight = (weight * CHECK_ROOT) % CHECK_MODULUS;
  }
  return encodeNumber(sum, CHECK);
}

/** A nickname's problem (too long for the code), or null. */
export function nicknameProblem(nickname: string): string | null {
  const bytes = new TextEncoder().encode(nickname.trim()).length;
  return bytes > MAX_NICKNAME_BYTES
    ? `That nickname is too long for the code (${bytes} bytes; at most ${MAX_NICKNAME_BYTES}, fewer with accents or emoji).`
    : null;
}

/** The code for an answer to `survey`, grouped for reading (MF1-K7Q2-…). */
export function encodeAnswerCode(survey: Survey, answer: Omit<Answer, 'surveyId'>): string {
  const { min, max } = survey.spec.scale;
  if (answer.ratings.length !== survey.items.length)
    throw new RangeError(`The answer has ${answer.ratings.length} ratings for ${survey.items.length} items.`);
  const nickname = new TextEncoder().encode(answer.nickname.trim());
  if (nickname.length > MAX_NICKNAME_BYTES) throw new RangeError(nicknameProblem(answer.nickname)!);
  if (!/^[0-9A-HJKMNP-TV-Z]{4}$/.test(answer.respondent)) throw new RangeError('The respondent must be 4 base-32 symbols.');
  let body = symbolOf(CODE_FORMAT) + survey.id + answer.respondent + symbolOf(nickname.length);
  for (const r of answer.ratings) {
    if (r === null) body += '0';
    else if (Number.isInteger(r) && r >= min && r <= max) body += symbolOf(r - min + 1);
    else throw new RangeError(`${r} is not on the ${min}–${max} scale.`);
  }
  body += encodeBytes(nickname);
  return groupCode(CODE_PREFIX + body + checkOf(body));
}

/** A canonical code in groups of four after the format: MF1-K7Q2-8ZR3-…. */
export function groupCode(code: string): string {
  const head = code.slice(0, 3);
  const rest = code.slice(3).match(/.{1,4}/g) ?? [];
  return [head, ...rest].join('-');
}

/** Typed text as canonical symbols: hyphens and spaces dropped, O → 0, I/L → 1, upper case. */
export function canonicalCode(text: string): string {
  return normalizeSymbols(text.replace(/[\s\-–—]/g, ''));
}

/**
 * Reads a code typed, pasted or scanned, against the survey being collected. Every refusal
 * says what is wrong; nothing is guessed.
 */
export function decodeAnswerCode(text: string, survey: Survey): DecodeResult {
  const code = canonicalCode(text);
  if (code.length === 0) return { ok: false, error: 'The code is empty.' };
  if (!code.startsWith(CODE_PREFIX)) return { ok: false, error: 'It does not start with MF, as MF Lab’s answer codes do.' };
  const bad = [...code.slice(2)].find((ch) => symbolValue(ch) < 0);
  if (bad !== undefined)
    return {
      ok: false,
      error: `It contains “${bad}”, which answer codes never use (they use digits and letters other than I, L, O and U).`,
    };
  if (code.length < 3) return { ok: false, error: 'It is too short to be an answer code: most of it is missing.' };
  const format = symbolValue(code[2]!);
  if (format !== CODE_FORMAT)
    return {
      ok: false,
      error: `It is in format ${format}, and this MF Lab reads format ${CODE_FORMAT}: reload MF Lab on both devices to get the same version.`,
    };
  const body = code.slice(2, -CHECK);
  const surveyId = body.slice(1, 5);
  const nicknameBytes = code.length > 2 + HEADER ? symbolValue(body[9]!) : 0;
  const expected = 2 + HEADER + survey.items.length + bytesLength(nicknameBytes) + CHECK;
  if (code.length < 2 + HEADER + CHECK || checkOf(body) !== code.slice(-CHECK)) {
    // Say what is most likely wrong: a piece cut off, or a character mistyped.
    if (code.length < 2 + HEADER + survey.items.length + CHECK)
      return {
        ok: false,
        error: `It is too short to be an answer to this survey (${code.length} symbols): part of it is missing.`,
      };
    return { ok: false, error: 'Its check symbols do not match: a character was mistyped, lost or added.' };
  }
  if (surveyId !== survey.id)
    return { ok: false, error: `It answers another survey (${surveyId}), not this one (${survey.id}).` };
  const respondent = body.slice(5, 9);
  if (code.length !== expected)
    return {
      ok: false,
      error: `It has ${code.length} symbols where this survey’s codes${nicknameBytes > 0 ? ' with that nickname' : ''} have ${expected}: part of it is missing or doubled.`,
    };
  const { min, max } = survey.spec.scale;
  const ratings: (number | null)[] = [];
  for (let j = 0; j < survey.items.length; j++) {
    const v = symbolValue(body[HEADER + j]!);
    if (v === 0) ratings.push(null);
    else if (v <= max - min + 1) ratings.push(min + v - 1);
    else return { ok: false, error: `Its rating for item ${j + 1} is off the ${min}–${max} scale.` };
  }
  const bytes = decodeBytes(body.slice(HEADER + survey.items.length), nicknameBytes);
  let nickname: string | null = null;
  if (bytes) {
    try {
      nickname = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      nickname = null;
    }
  }
  if (nickname === null) return { ok: false, error: 'Its nickname part is not readable text.' };
  return { ok: true, answer: { surveyId, respondent, ratings, nickname }, code: groupCode(code) };
}
