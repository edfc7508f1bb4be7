/**
 * A class survey as its link carries it: the format, a random round id (so that this year's
 * codes are not taken for last year's on the same list), the rating scale and the items — a
 * preset list by id, or the instructor's own titles. Pure: no DOM.
 *
 *   token  = 1.K7Q2.1-5.films                 a preset list
 *          = 1.K7Q2.0-10.*Pizza,Ramen,Pad%20thai   the instructor's own titles (percent-escaped)
 *
 * The survey's id (4 symbols, written into every answer code) is a hash of the token, so a
 * code answers exactly one survey: another list, scale or round gives another id.
 */
import { escapeLabel, unescapeLabel } from '../state/urlCodec';
import { encodeNumber, normalizeSymbols, randomSymbols, symbolValue } from './base32';
import { itemList, type SurveyItem, type SurveyScale } from './itemLists';

export const SURVEY_FORMAT = 1;

export const LIMITS = {
  minItems: 2,
  maxItems: 40,
  maxTitle: 80,
  /** One symbol per rating, and 0 means "skipped": at most 31 values. */
  maxScaleValues: 31,
  maxScaleNumber: 100,
} as const;

export type SurveyItemsRef = { kind: 'preset'; list: string } | { kind: 'custom'; titles: string[] };

export interface SurveySpec {
  /** 4 base-32 symbols, random per survey. */
  round: string;
  scale: SurveyScale;
  items: SurveyItemsRef;
}

/** A survey ready to answer or collect: its spec, token, id and item list. */
export interface Survey {
  spec: SurveySpec;
  token: string;
  /** 4 base-32 symbols: the hash of the token, written into every answer code. */
  id: string;
  items: readonly SurveyItem[];
  /** The preset list's name, or null for the instructor's own list. */
  listLabel: string | null;
  /** What is rated, in the plural: “films”, or “items” for the instructor's own list. */
  noun: string;
}

export function newRound(): string {
  return randomSymbols(4);
}

/** 20 bits of FNV-1a over the token's UTF-8 bytes, as 4 symbols. */
export function surveyIdOf(token: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(token)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return encodeNumber((h ^ (h >>> 20)) & 0xfffff, 4);
}

export function encodeSurveyToken(spec: SurveySpec): string {
  const items = spec.items.kind === 'preset' ? spec.items.list : '*' + spec.items.titles.map(escapeLabel).join(',');
  return `${SURVEY_FORMAT}.${spec.round}.${spec.scale.min}-${spec.scale.max}.${items}`;
}

/** Checks a scale; returns what is wrong, or null. */
export function scaleProblem(scale: SurveyScale): string | null {
  const { min, max } = scale;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > LIMITS.maxScaleNumber)
    return `the scale must run between whole numbers from 0 to ${LIMITS.maxScaleNumber}`;
  if (max <= min) return 'the scale’s top must be above its bottom';
  if (max - min + 1 > LIMITS.maxScaleValues) return `a scale may have at most ${LIMITS.maxScaleValues} values`;
  return null;
}

/**
 * The instructor's own list, one title per line: trimmed, empty lines dropped. Returns the
 * titles or every problem found (so that nothing they typed is lost to a vague refusal).
 */
export function parseCustomTitles(text: string): { titles: string[] } | { errors: string[] } {
  const titles = text
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const errors: string[] = [];
  if (titles.length < LIMITS.minItems) errors.push(`Type at least ${LIMITS.minItems} items, one per line.`);
  if (titles.length > LIMITS.maxItems)
    errors.push(`${titles.length} items is more than a phone survey should ask (at most ${LIMITS.maxItems}).`);
  const seen = new Map<string, number>();
  titles.forEach((t, k) => {
    if (t.length > LIMITS.maxTitle) errors.push(`Line ${k + 1} is longer than ${LIMITS.maxTitle} characters.`);
    const key = t.toLocaleLowerCase();
    const first = seen.get(key);
    if (first !== undefined) errors.push(`“${t}” appears twice (lines ${first + 1} and ${k + 1}).`);
    else seen.set(key, k);
  });
  return errors.length > 0 ? { errors } : { titles };
}

export type SurveyResult = { ok: true; survey: Survey } | { ok: false; error: string };

/** The survey of a spec (checked: a preset must exist, titles and scale must be within limits). */
export function surveyOf(spec: SurveySpec): SurveyResult {
  const problem = scaleProblem(spec.scale);
  if (problem) return { ok: false, error: `This survey link is broken: ${problem}.` };
  let items: readonly SurveyItem[];
  let listLabel: string | null = null;
  let noun = 'items';
  if (spec.items.kind === 'preset') {
    const list = itemList(spec.items.list);
    if (!list)
      return {
        ok: false,
        error: `This survey uses the item list “${spec.items.list}”, which this version of MF Lab does not know. Reload the page to get the latest version.`,
      };
    items = list.items;
    listLabel = list.label;
    noun = list.noun;
  } else {
    const parsed = parseCustomTitles(spec.items.titles.join('\n'));
    if ('errors' in parsed) return { ok: false, error: `This survey link is broken: ${parsed.errors[0]}` };
    if (parsed.titles.length !== spec.items.titles.length)
      return { ok: false, error: 'This survey link is broken: it has an empty item title.' };
    items = parsed.titles.map((title) => ({ id: null, title }));
  }
  const token = encodeSurveyToken(spec);
  return { ok: true, survey: { spec, token, id: surveyIdOf(token), items, listLabel, noun } };
}

/** Reads a survey token (from a link); says what is wrong instead of throwing. */
export function decodeSurveyToken(token: string): SurveyResult {
  const parts = token.split('.');
  if (parts.length < 4) return { ok: false, error: 'This survey link is incomplete: part of it was cut off.' };
  const [version, roundText, scaleText] = parts as [string, string, string];
  const itemsText = parts.slice(3).join('.');
  if (version !== String(SURVEY_FORMAT))
    return {
      ok: false,
      error: `This survey link has format ${version}, and this MF Lab reads format ${SURVEY_FORMAT}. Reload the page to get the latest version.`,
    };
  const round = normalizeSymbols(roundText);
  if (round.length !== 4 || [...round].some((ch) => symbolValue(ch) < 0))
    return { ok: false, error: `This survey link is broken: its round “${roundText}” is not 4 letters and digits.` };
  const scaleMatch = /^(\d{1,3})-(\d{1,3})$/.exec(scaleText);
  if (!scaleMatch) return { ok: false, error: `This survey link is broken: “${scaleText}” is not a scale like 1-5.` };
  const scale = { min: Number(scaleMatch[1]), max: Number(scaleMatch[2]) };
  let items: SurveyItemsRef;
  if (itemsText.startsWith('*')) {
    const titles: string[] = [];
    for (const part of itemsText.slice(1).split(',')) {
      const title = unescapeLabel(part);
      if (title === null) return { ok: false, error: 'This survey link is broken: an item title is not properly escaped.' };
      titles.push(title);
    }
    items = { kind: 'custom', titles };
  } else items = { kind: 'preset', list: itemsText };
  return surveyOf({ round, scale, items });
}
