/**
 * Collecting the class's answer codes into rows of R: codes are found in pasted text (one per
 * line, or mixed into a chat transcript), typed or scanned; each is accepted whole or refused
 * with its reason — never dropped silently, never half a row. Pure.
 */
import { canonicalCode, CODE_PREFIX, decodeAnswerCode, type Answer } from './answerCode';
import type { Survey } from './surveySpec';

export interface CollectedRow {
  /** The canonical code, grouped (what the instructor can search for in the chat). */
  code: string;
  answer: Answer;
}

export type ReportKind = 'added' | 'duplicate' | 'conflict' | 'empty' | 'invalid';

export interface CodeReport {
  kind: ReportKind;
  /** The text as found. */
  text: string;
  message: string;
  /** The row (1-based) the code became, duplicates or conflicts with. */
  row?: number;
  /** For a conflict: the newer answer, which the instructor may take instead of the row's. */
  replacement?: CollectedRow;
}

const TOKEN = /[0-9A-Za-z]+(?:[-–—][0-9A-Za-z]+)*/g;

/**
 * The pieces of `text` that are, or look like, answer codes: words starting with MF followed by
 * a digit or long enough to be one, and long hyphen-grouped words with digits (a code whose MF
 * was lost). Chat words such as “MF Lab” are left alone.
 */
export function findCodeCandidates(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const groups = token.split(/[-–—]/);
    const canonical = canonicalCode(token);
    const startsMF = token.slice(0, 2).toUpperCase() === CODE_PREFIX;
    if (startsMF && (/^\d/.test(token.slice(2)) || groups.length > 1 || canonical.length >= 10)) out.push(token);
    else if (!startsMF && groups.length >= 4 && canonical.length >= 16 && /\d/.test(token)) out.push(token);
  }
  return out;
}

function describe(row: CollectedRow, index: number): string {
  return row.answer.nickname ? `row ${index + 1} (${row.answer.nickname})` : `row ${index + 1}`;
}

function ratedCount(answer: Answer): number {
  return answer.ratings.filter((r) => r !== null).length;
}

/**
 * Adds every code found in `text` to `rows`. Returns the new rows and one report per code
 * found, in the order they appear.
 */
export function addCodes(
  rows: readonly CollectedRow[],
  text: string,
  survey: Survey,
): { rows: CollectedRow[]; reports: CodeReport[] } {
  const next = [...rows];
  const reports: CodeReport[] = [];
  const candidates = findCodeCandidates(text);
  // A single typed code that matched no pattern still deserves an answer.
  if (candidates.length === 0 && text.trim() !== '' && !/\s/.test(text.trim())) candidates.push(text.trim());
  for (const found of candidates) {
    const decoded = decodeAnswerCode(found, survey);
    if (!decoded.ok) {
      reports.push({ kind: 'invalid', text: found, message: decoded.error });
      continue;
    }
    const { answer, code } = decoded;
    const same = next.findIndex((r) => r.code === code);
    if (same >= 0) {
      reports.push({
        kind: 'duplicate',
        text: found,
        row: same + 1,
        message: `The same code as ${describe(next[same]!, same)}: counted once.`,
      });
      continue;
    }
    const rated = ratedCount(answer);
    if (rated === 0) {
      reports.push({ kind: 'empty', text: found, message: 'It skips every item, so it adds nothing to R.' });
      continue;
    }
    const phone = next.findIndex((r) => r.answer.respondent === answer.respondent);
    if (phone >= 0) {
      reports.push({
        kind: 'conflict',
        text: found,
        row: phone + 1,
        replacement: { code, answer },
        message: `A changed answer from the same phone as ${describe(next[phone]!, phone)}: not added, so that nobody counts twice.`,
      });
      continue;
    }
    next.push({ code, answer });
    reports.push({
      kind: 'added',
      text: found,
      row: next.length,
      message: `${answer.nickname || 'Anonymous'}: ${rated} of ${answer.ratings.length} rated.`,
    });
  }
  return { rows: next, reports };
}

/** Row labels for R: the nickname, else “Student k”; repeated labels get “(2)”, “(3)”, …. */
export function rowLabels(rows: readonly CollectedRow[]): string[] {
  const base = rows.map((r, k) => r.answer.nickname.trim() || `Student ${k + 1}`);
  const count = new Map<string, number>();
  const taken = new Set(base);
  return base.map((label) => {
    const n = (count.get(label) ?? 0) + 1;
    count.set(label, n);
    if (n === 1) return label;
    let k = n;
    while (taken.has(`${label} (${k})`)) k++;
    const unique = `${label} (${k})`;
    taken.add(unique);
    return unique;
  });
}
