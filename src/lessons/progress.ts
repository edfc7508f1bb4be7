/** The student's progress through the course, kept in local storage across reloads. */
const KEY = 'mf-lab:lessons:v1';

export interface Progress {
  /** The last place opened: lesson slug and step (1-based). */
  last: { slug: string; step: number } | null;
  /** Steps seen, as "slug/step". */
  seen: string[];
  /** Exercises answered right, by key "slug/step/k". */
  solved: string[];
}

const EMPTY: Progress = { last: null, seen: [], solved: [] };

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readProgress(): Progress {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return { ...EMPTY };
    const p = JSON.parse(raw) as Partial<Progress>;
    return {
      last: p.last && typeof p.last.slug === 'string' && Number.isInteger(p.last.step) ? p.last : null,
      seen: Array.isArray(p.seen) ? p.seen.filter((s) => typeof s === 'string') : [],
      solved: Array.isArray(p.solved) ? p.solved.filter((s) => typeof s === 'string') : [],
    };
  } catch {
    return { ...EMPTY };
  }
}

function write(p: Progress): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage full or blocked: progress is a convenience, the lesson still works.
  }
}

export function recordVisit(slug: string, step: number): void {
  const p = readProgress();
  const key = `${slug}/${step}`;
  write({ ...p, last: { slug, step }, seen: p.seen.includes(key) ? p.seen : [...p.seen, key] });
}

export function recordExercise(key: string, right: boolean): void {
  if (!right) return;
  const p = readProgress();
  if (!p.solved.includes(key)) write({ ...p, solved: [...p.solved, key] });
}
