/**
 * The student's answers to the exercises, kept across reloads and views (lesson and presenter):
 * what was typed or chosen, the verdict, and whether the explanation was opened. Keyed by
 * "slug/step/block".
 */
const KEY = 'mf-lab:lesson-answers:v1';

export interface SavedAnswer {
  text: string;
  chosen: number[];
  verdict: 'right' | 'wrong' | null;
  attempts: number;
  revealed: boolean;
}

const memory = new Map<string, SavedAnswer>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isAnswer(a: unknown): a is SavedAnswer {
  const x = a as SavedAnswer;
  return (
    !!x &&
    typeof x.text === 'string' &&
    Array.isArray(x.chosen) &&
    x.chosen.every((c) => Number.isInteger(c) && c >= 0) &&
    (x.verdict === null || x.verdict === 'right' || x.verdict === 'wrong') &&
    Number.isInteger(x.attempts) &&
    typeof x.revealed === 'boolean'
  );
}

function readAll(): Record<string, SavedAnswer> {
  try {
    const parsed = JSON.parse(storage()?.getItem(KEY) ?? '{}') as Record<string, unknown>;
    const out: Record<string, SavedAnswer> = {};
    for (const [k, v] of Object.entries(parsed ?? {})) if (isAnswer(v)) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

function writeAll(all: Record<string, SavedAnswer>): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or refused: this tab still remembers (memory).
  }
}

export function readAnswer(key: string): SavedAnswer | null {
  return memory.get(key) ?? readAll()[key] ?? null;
}

export function writeAnswer(key: string, answer: SavedAnswer): void {
  memory.set(key, answer);
  writeAll({ ...readAll(), [key]: answer });
}

/** Forgets the answers whose key starts with the prefix (a lesson's "Reset"). */
export function forgetAnswers(prefix: string): void {
  for (const k of [...memory.keys()]) if (k.startsWith(prefix)) memory.delete(k);
  const all = readAll();
  for (const k of Object.keys(all)) if (k.startsWith(prefix)) delete all[k];
  writeAll(all);
}
