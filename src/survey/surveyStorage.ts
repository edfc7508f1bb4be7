/**
 * What the survey keeps in this browser, so that a reload or a closed tab loses nothing: the
 * instructor's surveys and the codes collected for each; a student's answers in progress.
 */
import { safeStorage } from '../state/persist';

const SURVEYS_KEY = 'mf-lab:surveys';
const codesKey = (surveyId: string) => `mf-lab:survey:${surveyId}:codes`;
const answerKey = (surveyId: string) => `mf-lab:survey:${surveyId}:answer`;

export interface KeptSurvey {
  token: string;
  id: string;
  created: number;
}

function read(key: string): string | null {
  try {
    return safeStorage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): boolean {
  try {
    safeStorage()?.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function readJson<T>(key: string, fallback: T): T {
  const text = read(key);
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function keptSurveys(): KeptSurvey[] {
  const list = readJson<KeptSurvey[]>(SURVEYS_KEY, []);
  return Array.isArray(list) ? list.filter((s) => typeof s?.token === 'string' && typeof s.id === 'string') : [];
}

export function keepSurvey(token: string, id: string): void {
  const others = keptSurveys().filter((s) => s.id !== id);
  write(SURVEYS_KEY, JSON.stringify([{ token, id, created: Date.now() }, ...others].slice(0, 20)));
}

export function forgetSurvey(id: string): void {
  write(SURVEYS_KEY, JSON.stringify(keptSurveys().filter((s) => s.id !== id)));
  try {
    safeStorage()?.removeItem(codesKey(id));
  } catch {
    // Nothing kept, nothing to forget.
  }
}

export function keptCodes(surveyId: string): string {
  return read(codesKey(surveyId)) ?? '';
}

export function keepCodes(surveyId: string, codes: readonly string[]): boolean {
  return write(codesKey(surveyId), codes.join('\n'));
}

export interface AnswerDraft {
  respondent: string;
  ratings: (number | null)[];
  /** Whether each item was answered (a rating or an explicit “?”), so that “?” shows as chosen only when it was. */
  answered: boolean[];
  nickname: string;
}

export function keptAnswer(surveyId: string, items: number): AnswerDraft | null {
  const draft = readJson<AnswerDraft | null>(answerKey(surveyId), null);
  if (!draft || typeof draft.respondent !== 'string' || !Array.isArray(draft.ratings) || draft.ratings.length !== items)
    return null;
  const answered = Array.isArray(draft.answered) && draft.answered.length === items ? draft.answered.map(Boolean) : null;
  return {
    respondent: draft.respondent,
    ratings: draft.ratings,
    answered: answered ?? draft.ratings.map((r) => r !== null),
    nickname: String(draft.nickname ?? ''),
  };
}

export function keepAnswer(surveyId: string, draft: AnswerDraft): void {
  write(answerKey(surveyId), JSON.stringify(draft));
}
