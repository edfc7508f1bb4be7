/**
 * Lesson files: Markdown with math ($…$, $$…$$) and directives, content rather than code.
 *
 *   ---                                front matter: title, summary
 *   title: The rating matrix R
 *   ---
 *   ## A step's heading                steps are separated by a line "---"
 *   Prose with $\hat r_{ij}$.
 *   ::lab{id="main" preset="lecture-r" panels="grid,factors" d=2}    a widget (one line)
 *   :::exercise{kind="number" answer="1.6" tolerance="0.05"}          an exercise (a block)
 *   What is $\hat r_{3,4}$?
 *   ???                                 the explanation, revealed after answering
 *   $0.2\cdot 10 + 0.4\cdot(-1) = 1.6$.
 *   :::
 *   :::notes                            speaker notes (presenter window only)
 *   :::
 *
 * Choice exercises list options as "- [x] right" / "- [ ] wrong". A number exercise's answer
 * may be typed as "1.6", "8/5" or "160%"; with unit="%" the answer is a percentage ("1.18%",
 * "1.18" and "0.0118" all count). Lab widgets take, besides their preset and settings:
 *   panels="run,grid,factors,loss"   what the lab shows (run, steps, settings, grid, factors,
 *                                    explain, loss, objective, solve, latent, start)
 *   present="run,factors"            on the projector, only these panels …
 *   aside="loss"                     … and these beside the text, below it
 *   settings="lambda,eta"            which settings the settings panel offers
 *   start="toy"                      start from the lecture's toy U and Vᵀ instead of the seed
 *   steps=2                          iterations (two half-steps each) the lab opens after
 *   focus="compare" | "solve"        a solve lab about the confidence comparison / the solve only
 *   layout="stack"                   on the projector, the text above the widget (not beside)
 * Pure: no DOM.
 */

export type Attrs = Record<string, string>;

export interface ExerciseOption {
  text: string;
  correct: boolean;
}

export type Block =
  | { kind: 'markdown'; text: string }
  | { kind: 'widget'; name: string; attrs: Attrs; line: number }
  | { kind: 'exercise'; attrs: Attrs; prompt: string; options: ExerciseOption[]; explanation: string; line: number };

export interface LessonStep {
  /** The step's first heading, or the lesson's title. */
  title: string;
  blocks: Block[];
  /** Speaker notes (Markdown). */
  notes: string;
}

export interface Lesson {
  slug: string;
  /** Position in the course, from the file name's number. */
  order: number;
  title: string;
  summary: string;
  steps: LessonStep[];
}

export class LessonParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}, line ${line}: ${detail}`);
    this.name = 'LessonParseError';
  }
}

/** Widgets a lesson may place; anything else is an error at load time, not a blank on screen. */
export const WIDGETS = ['lab', 'toy', 'solve', 'objective', 'latent', 'eventlog', 'threshold', 'attributes', 'netflix', 'sweep'] as const;
export type WidgetName = (typeof WIDGETS)[number];
const CONTAINERS = ['exercise', 'notes'] as const;
export const EXERCISE_KINDS = ['number', 'choice', 'multi'] as const;

/** `{a="x y" b=2 flag}` → { a: 'x y', b: '2', flag: 'true' }. */
export function parseAttrs(text: string, file = '', line = 0): Attrs {
  const attrs: Attrs = {};
  const body = text.trim();
  const pattern = /\s*([A-Za-z][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))?/y;
  while (pattern.lastIndex < body.length) {
    const at = pattern.lastIndex;
    const m = pattern.exec(body);
    if (!m || m[0].length === 0) throw new LessonParseError(file, line, `cannot read the attributes "{${body}}" near "${body.slice(at, at + 12)}".`);
    attrs[m[1]!] = m[2] ?? m[3] ?? m[4] ?? 'true';
  }
  return attrs;
}

function frontMatter(lines: string[], file: string): { meta: Attrs; rest: number } {
  if (lines[0]?.trim() !== '---') return { meta: {}, rest: 0 };
  const end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
  if (end < 0) throw new LessonParseError(file, 1, 'the front matter (---) is never closed.');
  const meta: Attrs = {};
  for (let k = 1; k < end; k++) {
    const m = lines[k]!.match(/^(\w+):\s*(.*)$/);
    if (m) meta[m[1]!] = m[2]!.replace(/^["']|["']$/g, '');
    else if (lines[k]!.trim() !== '') throw new LessonParseError(file, k + 1, `expected "key: value" in the front matter, found "${lines[k]}".`);
  }
  return { meta, rest: end + 1 };
}

function parseExercise(body: string[], attrs: Attrs, file: string, line: number): Block {
  const kind = attrs.kind ?? 'choice';
  if (!(EXERCISE_KINDS as readonly string[]).includes(kind)) throw new LessonParseError(file, line, `unknown exercise kind "${kind}" (expected ${EXERCISE_KINDS.join(', ')}).`);
  const split = body.findIndex((l) => l.trim() === '???');
  const main = split >= 0 ? body.slice(0, split) : body;
  const explanation = split >= 0 ? body.slice(split + 1).join('\n').trim() : '';
  const options: ExerciseOption[] = [];
  const prompt: string[] = [];
  for (const l of main) {
    const m = l.match(/^\s*-\s*\[( |x|X)\]\s+(.*)$/);
    if (m) options.push({ text: m[2]!, correct: m[1] !== ' ' });
    else prompt.push(l);
  }
  if (kind === 'number') {
    if (attrs.answer === undefined || !Number.isFinite(Number(attrs.answer))) throw new LessonParseError(file, line, 'a number exercise needs answer="…" (a number).');
  } else {
    if (options.length < 2) throw new LessonParseError(file, line, `a ${kind} exercise needs at least two "- [ ]" options.`);
    const right = options.filter((o) => o.correct).length;
    if (kind === 'choice' && right !== 1) throw new LessonParseError(file, line, `a choice exercise needs exactly one "- [x]" option (found ${right}).`);
    if (kind === 'multi' && right < 1) throw new LessonParseError(file, line, 'a multi exercise needs at least one "- [x]" option.');
  }
  return { kind: 'exercise', attrs: { ...attrs, kind }, prompt: prompt.join('\n').trim(), options, explanation, line };
}

/** Parses one lesson file; `file` is its name (e.g. "07-toy-example.md"), which gives order and slug. */
export function parseLesson(source: string, file: string): Lesson {
  const name = file.replace(/^.*\//, '').replace(/\.md$/, '');
  const m = name.match(/^(\d+)[-_](.+)$/);
  if (!m) throw new LessonParseError(file, 0, 'lesson files are named "NN-slug.md" (the number orders the course).');
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const { meta, rest } = frontMatter(lines, file);
  if (!meta.title) throw new LessonParseError(file, 1, 'the front matter needs a title.');

  const steps: LessonStep[] = [];
  let blocks: Block[] = [];
  let notes: string[] = [];
  let markdown: string[] = [];
  const flush = () => {
    const text = markdown.join('\n').trim();
    if (text) blocks.push({ kind: 'markdown', text });
    markdown = [];
  };
  const endStep = () => {
    flush();
    if (blocks.length > 0 || notes.length > 0) {
      const heading = blocks.find((b): b is { kind: 'markdown'; text: string } => b.kind === 'markdown')?.text.match(/^#{1,3}\s+(.+)$/m)?.[1];
      steps.push({ title: heading?.trim() ?? meta.title!, blocks, notes: notes.join('\n').trim() });
    }
    blocks = [];
    notes = [];
  };

  let inFence = false;
  for (let k = rest; k < lines.length; k++) {
    const raw = lines[k]!;
    const line = k + 1;
    if (/^\s*```/.test(raw)) inFence = !inFence;
    if (inFence) {
      markdown.push(raw);
      continue;
    }
    if (raw.trim() === '---') {
      endStep();
      continue;
    }
    const container = raw.match(/^:::(\w+)(?:\{(.*)\})?\s*$/);
    if (container) {
      const [, name, attrText] = container;
      if (!(CONTAINERS as readonly string[]).includes(name!)) throw new LessonParseError(file, line, `unknown block ":::${name}" (expected ${CONTAINERS.join(', ')}).`);
      const end = lines.findIndex((l, q) => q > k && l.trim() === ':::');
      if (end < 0) throw new LessonParseError(file, line, `the block ":::${name}" is never closed with ":::".`);
      const body = lines.slice(k + 1, end);
      flush();
      if (name === 'notes') notes.push(body.join('\n'));
      else blocks.push(parseExercise(body, parseAttrs(attrText ?? '', file, line), file, line));
      k = end;
      continue;
    }
    const widget = raw.match(/^::(\w+)(?:\{(.*)\})?\s*$/);
    if (widget) {
      const [, name, attrText] = widget;
      if (!(WIDGETS as readonly string[]).includes(name!)) throw new LessonParseError(file, line, `unknown widget "::${name}" (expected ${WIDGETS.join(', ')}).`);
      flush();
      blocks.push({ kind: 'widget', name: name!, attrs: parseAttrs(attrText ?? '', file, line), line });
      continue;
    }
    markdown.push(raw);
  }
  if (inFence) throw new LessonParseError(file, lines.length, 'a ``` code block is never closed.');
  endStep();
  if (steps.length === 0) throw new LessonParseError(file, 1, 'the lesson has no content.');
  return { slug: m[2]!, order: Number(m[1]), title: meta.title, summary: meta.summary ?? '', steps };
}

/**
 * Reads what a student typed as a number: "1.6", "−0.4", "1,6", "8/5" (a simple fraction) or
 * "1.18%" (a percentage). Null when it is none of these.
 */
export function parseNumberAnswer(text: string): { value: number; percent: boolean } | null {
  const t = text.trim().replace(/\s+/g, '').replace(/[−–]/g, '-');
  const percent = t.endsWith('%');
  const body = (percent ? t.slice(0, -1) : t).replace(/^(-?\d*),(\d+)$/, '$1.$2');
  const fraction = body.match(/^(-?\d*\.?\d+)\/(-?\d*\.?\d+)$/);
  const value = fraction ? Number(fraction[1]) / Number(fraction[2]) : body === '' ? Number.NaN : Number(body);
  return Number.isFinite(value) ? { value, percent } : null;
}

/**
 * Checks a number answer against the exercise's answer and tolerance (absolute; default 1% of
 * the answer, at least 1e-9). With unit="%" the answer is a percentage: "1.18%", "1.18" and the
 * proportion "0.0118" all read as 1.18 %. Without it, "160%" reads as 1.6.
 */
export function checkNumber(attrs: Attrs, text: string): 'right' | 'wrong' | 'invalid' {
  const parsed = parseNumberAnswer(text);
  if (!parsed) return 'invalid';
  const answer = Number(attrs.answer);
  const tolerance = attrs.tolerance !== undefined ? Number(attrs.tolerance) : Math.max(1e-9, Math.abs(answer) * 0.01);
  const { value, percent } = parsed;
  const readings = attrs.unit === '%' ? (percent ? [value] : [value, value * 100]) : [percent ? value / 100 : value];
  // A small allowance for the rounding of the reading itself (0.0118 × 100 is not exactly 1.18).
  return readings.some((v) => Math.abs(v - answer) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer))) ? 'right' : 'wrong';
}

/** Checks chosen option indices: right only when exactly the correct options are chosen. */
export function checkChoice(options: readonly ExerciseOption[], chosen: readonly number[]): 'right' | 'wrong' | 'invalid' {
  if (chosen.length === 0) return 'invalid';
  const set = new Set(chosen);
  return options.every((o, k) => o.correct === set.has(k)) ? 'right' : 'wrong';
}
