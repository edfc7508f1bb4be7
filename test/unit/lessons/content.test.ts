/**
 * The course content (lessons/*.md): every file parses, the course covers the lecture from
 * start to end, every widget and exercise is one the renderer knows with valid attributes,
 * every formula typesets with KaTeX, and no step is too long for a projector.
 *
 * The checks are plain functions returning a list of problems, so that they can also be
 * shown to catch a broken lesson (the last block of tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { LECTURE_R } from '../../../src/core/lecture';
import { parseLesson, type Attrs, type Block, type Lesson } from '../../../src/lessons/parseLesson';

const DIR = fileURLToPath(new URL('../../../lessons/', import.meta.url));
const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

const PRESETS = ['lecture-r', 'lecture-pc', 'tastes', 'random', 'ml100k'] as const;
/** Shapes of the presets whose size is fixed (held-out cells must lie inside). */
const SHAPES: Record<string, [number, number]> = { 'lecture-r': [4, 6], 'lecture-pc': [4, 6], tastes: [12, 16] };
const PANELS = ['run', 'steps', 'settings', 'grid', 'factors', 'explain', 'loss', 'objective', 'solve', 'latent', 'start'];
const THEN = ['step', 'halfStep-users', 'halfStep-items'];
const MAX_WORDS = 220;

/** The attributes each widget accepts (the renderer supports exactly these). */
const WIDGET_ATTRS: Record<string, string[]> = {
  lab: ['id', 'preset', 'panels', 'present', 'aside', 'settings', 'start', 'focus', 'd', 'lambda', 'alpha', 'seed', 'scale', 'solver', 'eta', 'steps', 'held'],
  toy: [],
  eventlog: [],
  threshold: ['threshold'],
  attributes: [],
  netflix: [],
  sweep: ['preset', 'param', 'values', 'holdout', 'seed'],
};
const EXERCISE_ATTRS = ['kind', 'answer', 'tolerance', 'unit', 'lab', 'then'];

// ---------------------------------------------------------------- helpers

interface MathFragment {
  tex: string;
  display: boolean;
}

/** Math exactly as renderMarkdown finds it: $$…$$ first, then $…$ not preceded by \ or $. */
function extractMath(text: string): { math: MathFragment[]; rest: string } {
  const math: MathFragment[] = [];
  const rest = text
    .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => {
      math.push({ tex: tex.trim(), display: true });
      return ' \u0000 ';
    })
    .replace(/(^|[^\\$])\$([^$\n]+?)\$/g, (_, pre: string, tex: string) => {
      math.push({ tex: tex.trim(), display: false });
      return `${pre} \u0000 `;
    });
  return { math, rest };
}

/** Every piece of Markdown a step shows: prose, exercise prompts, options and explanations. */
function stepTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'markdown') return [b.text];
    if (b.kind === 'exercise') return [b.prompt, ...b.options.map((o) => o.text), b.explanation];
    return [];
  });
}

/** Words of prose (a formula counts as one word; Markdown punctuation does not count). */
function proseWords(texts: readonly string[]): number {
  return texts
    .map((t) => extractMath(t).rest)
    .join(' ')
    .replace(/[#*_|>`[\]()-]+/g, ' ')
    .split(/\s+/)
    // eslint-disable-next-line no-control-regex -- NUL marks where a formula stood (extractMath)
    .filter((w) => /[\p{L}\p{N}\u0000]/u.test(w)).length;
}

const isNumber = (s: string | undefined) => s !== undefined && s.trim() !== '' && Number.isFinite(Number(s));
const isInt = (s: string | undefined) => isNumber(s) && Number.isInteger(Number(s));

// ---------------------------------------------------------------- checks

function checkMath(lesson: Lesson): string[] {
  const problems: string[] = [];
  lesson.steps.forEach((step, k) => {
    for (const text of [...stepTexts(step.blocks), step.notes]) {
      const { math, rest } = extractMath(text);
      for (const { tex, display } of math) {
        try {
          katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'error' });
        } catch (e) {
          problems.push(`${lesson.slug} step ${k + 1}: KaTeX cannot typeset "${tex}": ${(e as Error).message}`);
        }
      }
      // A dollar left over is an unclosed formula (a literal dollar is written \$).
      if (/(^|[^\\])\$/.test(rest)) problems.push(`${lesson.slug} step ${k + 1}: an unmatched $ in "${text.slice(0, 60)}…"`);
    }
  });
  return problems;
}

function checkLab(a: Attrs, where: string): string[] {
  const p: string[] = [];
  if (!a.id || !/^[a-z][\w-]*$/i.test(a.id)) p.push(`${where}: a lab needs id="…" (a name)`);
  if (!a.preset || !(PRESETS as readonly string[]).includes(a.preset)) p.push(`${where}: unknown preset "${a.preset}"`);
  const panels = (a.panels ?? '').split(',').map((s) => s.trim());
  if (!a.panels || panels.some((s) => !PANELS.includes(s))) p.push(`${where}: panels "${a.panels}" (known: ${PANELS})`);
  // On the projector a lab shows a subset of its panels (present), some beside the text (aside).
  for (const key of ['present', 'aside'] as const) {
    const list = (a[key] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (a[key] !== undefined && (list.length === 0 || list.some((s) => !panels.includes(s)))) p.push(`${where}: ${key}="${a[key]}" must list panels of the lab`);
  }
  if (a.start !== undefined && !(a.start === 'toy' && (a.preset === 'lecture-r' || a.preset === 'lecture-pc')))
    p.push(`${where}: start="${a.start}" (only "toy", on the lecture's 4×6 data)`);
  const SETTINGS = ['d', 'lambda', 'alpha', 'seed', 'scale', 'solver', 'eta'];
  if (a.settings !== undefined && (!panels.includes('settings') || a.settings.split(',').some((s) => !SETTINGS.includes(s.trim()))))
    p.push(`${where}: settings="${a.settings}" needs the settings panel and names among ${SETTINGS}`);
  if (new Set(panels).size !== panels.length) p.push(`${where}: a panel is listed twice`);
  if (a.d !== undefined && !(isInt(a.d) && Number(a.d) >= 1)) p.push(`${where}: d must be a positive integer`);
  for (const key of ['lambda', 'alpha'] as const)
    if (a[key] !== undefined && !(isNumber(a[key]) && Number(a[key]) >= 0)) p.push(`${where}: ${key} must be ≥ 0`);
  for (const key of ['scale', 'eta'] as const)
    if (a[key] !== undefined && !(isNumber(a[key]) && Number(a[key]) > 0)) p.push(`${where}: ${key} must be > 0`);
  for (const key of ['seed', 'steps'] as const)
    if (a[key] !== undefined && !(isInt(a[key]) && Number(a[key]) >= 0)) p.push(`${where}: ${key} must be an integer ≥ 0`);
  if (a.solver !== undefined && !['als', 'gd'].includes(a.solver)) p.push(`${where}: solver must be als or gd`);
  if (a.eta !== undefined && a.solver !== 'gd') p.push(`${where}: eta only means something with solver="gd"`);
  if (a.held !== undefined) {
    const shape = a.preset ? SHAPES[a.preset] : undefined;
    for (const pair of a.held.split(';')) {
      const m = pair.trim().match(/^(\d+),(\d+)$/);
      if (!m) {
        p.push(`${where}: held pair "${pair}" is not "i,j"`);
        continue;
      }
      const [i, j] = [Number(m[1]), Number(m[2])];
      if (shape && (i >= shape[0] || j >= shape[1])) p.push(`${where}: held cell ${i},${j} is outside ${shape[0]}×${shape[1]}`);
      else if (a.preset === 'lecture-r' && LECTURE_R[i]?.[j] === null)
        p.push(`${where}: held cell ${i},${j} is a ? in the lecture's R (nothing to hold out)`);
    }
  }
  return p;
}

function checkSweep(a: Attrs, where: string): string[] {
  const p: string[] = [];
  if (!a.preset || !(PRESETS as readonly string[]).includes(a.preset)) p.push(`${where}: unknown preset "${a.preset}"`);
  if (a.param !== 'lambda' && a.param !== 'factors') p.push(`${where}: param must be lambda or factors`);
  const values = (a.values ?? '').split(',').map((s) => s.trim());
  if (values.length < 2) p.push(`${where}: a sweep needs at least two values`);
  for (const v of values) {
    if (a.param === 'factors' ? !(isInt(v) && Number(v) >= 1) : !(isNumber(v) && Number(v) >= 0))
      p.push(`${where}: sweep value "${v}" is not valid for ${a.param}`);
  }
  if (a.holdout !== undefined && !(isNumber(a.holdout) && Number(a.holdout) > 0 && Number(a.holdout) < 1))
    p.push(`${where}: holdout must be in (0, 1)`);
  if (a.seed !== undefined && !isInt(a.seed)) p.push(`${where}: seed must be an integer`);
  return p;
}

function checkWidgetsAndExercises(lesson: Lesson): string[] {
  const problems: string[] = [];
  const labIds = new Set<string>();
  lesson.steps.forEach((step, k) => {
    const stepLabs = new Set<string>();
    step.blocks.forEach((b) => {
      const where = `${lesson.slug} step ${k + 1}`;
      if (b.kind === 'widget') {
        const known = WIDGET_ATTRS[b.name];
        if (!known) {
          problems.push(`${where}: widget ::${b.name} is not one the course uses`);
          return;
        }
        for (const key of Object.keys(b.attrs)) if (!known.includes(key)) problems.push(`${where}: ::${b.name} has no attribute "${key}"`);
        if (b.name === 'lab') {
          problems.push(...checkLab(b.attrs, where));
          const id = b.attrs.id ?? '';
          if (labIds.has(id)) problems.push(`${where}: lab id "${id}" is used twice in the lesson`);
          labIds.add(id);
          stepLabs.add(id);
        }
        if (b.name === 'sweep') problems.push(...checkSweep(b.attrs, where));
        if (b.name === 'threshold' && b.attrs.threshold !== undefined && !isNumber(b.attrs.threshold))
          problems.push(`${where}: threshold must be a number`);
      }
    });
    step.blocks.forEach((b) => {
      if (b.kind !== 'exercise') return;
      const where = `${lesson.slug} step ${k + 1} (exercise, line ${b.line})`;
      for (const key of Object.keys(b.attrs)) if (!EXERCISE_ATTRS.includes(key)) problems.push(`${where}: no attribute "${key}"`);
      if (!b.prompt) problems.push(`${where}: no prompt`);
      if (b.explanation.length < 40) problems.push(`${where}: the explanation should teach (why), not be empty`);
      if (b.attrs.kind === 'number' && b.attrs.tolerance !== undefined && !(isNumber(b.attrs.tolerance) && Number(b.attrs.tolerance) >= 0))
        problems.push(`${where}: tolerance must be a number ≥ 0`);
      if (b.attrs.kind !== 'number' && b.options.some((o) => !o.text.trim())) problems.push(`${where}: an empty option`);
      if (b.attrs.lab !== undefined && !stepLabs.has(b.attrs.lab)) problems.push(`${where}: lab="${b.attrs.lab}" is not a lab on this step`);
      if (b.attrs.then !== undefined) {
        if (!THEN.includes(b.attrs.then)) problems.push(`${where}: then="${b.attrs.then}" (known: ${THEN})`);
        if (b.attrs.lab === undefined) problems.push(`${where}: then="…" needs lab="…"`);
      }
    });
  });
  return problems;
}

function checkShape(lesson: Lesson, file: string): string[] {
  const problems: string[] = [];
  if (!lesson.title.trim()) problems.push(`${file}: no title`);
  if (!lesson.summary.trim()) problems.push(`${file}: no summary`);
  if (lesson.steps.length < 2) problems.push(`${file}: fewer than two steps`);
  lesson.steps.forEach((step, k) => {
    const first = step.blocks[0];
    if (!first || first.kind !== 'markdown' || !/^#{2,3}\s+\S/.test(first.text))
      problems.push(`${file} step ${k + 1}: a step starts with its heading (## …)`);
    // Step titles also appear in the table of contents and the presenter's list: plain text, no math or code.
    if (/[$`]/.test(step.title)) problems.push(`${file} step ${k + 1}: the heading "${step.title}" should be plain text (write R, λ, UVᵀ)`);
    const words = proseWords(stepTexts(step.blocks));
    if (words > MAX_WORDS) problems.push(`${file} step ${k + 1} ("${step.title}"): ${words} words of prose (at most ${MAX_WORDS})`);
  });
  return problems;
}

// ---------------------------------------------------------------- the course

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();
const lessons = files.map((file) => ({ file, source: readFileSync(DIR + file, 'utf8'), lesson: parseLesson(readFileSync(DIR + file, 'utf8'), file) }));
const bySlug = new Map(lessons.map((l) => [l.lesson.slug, l]));
const numberOf = (slug: string) => bySlug.get(slug)?.lesson.order;

/** The lessons the course must have, in the lecture's order. */
const REQUIRED = [
  'what-recommenders-recommend',
  'explicit-and-implicit-feedback',
  'attributes-and-personalization',
  'collaborative-and-content-based',
  'rating-matrix',
  'factorization-idea',
  'toy-example',
  'objective-and-regularization',
  'sparsity',
  'supervised-learning',
  'als-closed-form',
  'als-loop',
  'implicit-feedback',
  'gradient-descent',
];

function widgets(slug: string, name?: string): Extract<Block, { kind: 'widget' }>[] {
  const l = bySlug.get(slug)?.lesson;
  return (l?.steps ?? []).flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'widget' }> => b.kind === 'widget' && (!name || b.name === name));
}
function exercises(slug: string): Extract<Block, { kind: 'exercise' }>[] {
  const l = bySlug.get(slug)?.lesson;
  return (l?.steps ?? []).flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'exercise' }> => b.kind === 'exercise');
}
const sourceOf = (slug: string) => bySlug.get(slug)?.source ?? '';

describe('the course files', () => {
  it('are named NN-slug.md with unique numbers', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const f of files) expect(f, f).toMatch(FILE_NAME);
    const numbers = files.map((f) => f.slice(0, 2));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('each have a title, a one-sentence summary, at least two steps, and headed, projector-sized steps', () => {
    const problems = lessons.flatMap(({ file, lesson }) => checkShape(lesson, file));
    expect(problems).toEqual([]);
    for (const { lesson } of lessons) expect(lesson.summary, lesson.slug).toMatch(/^[^.!?]+[.!?]$/);
  });

  it('cover the lecture in its order, lessons 1 to 14', () => {
    REQUIRED.forEach((slug, k) => expect(numberOf(slug), slug).toBe(k + 1));
  });

  it('use only known widgets with valid attributes, unique lab ids, and exercises tied to a lab on their step', () => {
    expect(lessons.flatMap(({ lesson }) => checkWidgetsAndExercises(lesson))).toEqual([]);
  });

  it('typeset every formula with KaTeX', () => {
    expect(lessons.flatMap(({ lesson }) => checkMath(lesson))).toEqual([]);
  });

  it('have exercises throughout', () => {
    const count = lessons.reduce((n, { lesson }) => n + lesson.steps.flatMap((s) => s.blocks).filter((b) => b.kind === 'exercise').length, 0);
    expect(count).toBeGreaterThanOrEqual(30);
    for (const slug of REQUIRED) expect(exercises(slug).length, slug).toBeGreaterThanOrEqual(1);
  });
});

describe('the topics the lecture teaches', () => {
  it('1: the four scenarios, predictive vs retrieval', () => {
    const s = sourceOf('what-recommenders-recommend');
    for (const phrase of ['Items to users', 'Users to items', 'Items to items', 'Users to users', 'Predictive', 'Retrieval']) expect(s).toContain(phrase);
  });

  it('2: the event log, the threshold at 4, and the 35% vs 85% question', () => {
    expect(widgets('explicit-and-implicit-feedback', 'eventlog')).toHaveLength(1);
    expect(widgets('explicit-and-implicit-feedback', 'threshold')[0]?.attrs.threshold).toBe('4');
    expect(sourceOf('explicit-and-implicit-feedback')).toMatch(/35\s?%[\s\S]*85\s?%/);
  });

  it('3: the attribute model splits into a user part and an item part', () => {
    expect(widgets('attributes-and-personalization', 'attributes')).toHaveLength(1);
    expect(sourceOf('attributes-and-personalization')).toContain('\\omega_u^\\top a_u + \\omega_m^\\top a_m');
  });

  it('4: Joe and Julia', () => {
    const s = sourceOf('collaborative-and-content-based');
    for (const phrase of ['Joe', 'Julia', 'drama', 'Collaborative filtering', 'Content-based']) expect(s).toContain(phrase);
  });

  it('5: the lecture R in a lab, and Ω¹ = {i1, i4, i6} as a multi exercise', () => {
    expect(widgets('rating-matrix', 'lab').some((w) => w.attrs.preset === 'lecture-r' && w.attrs.panels?.includes('grid'))).toBe(true);
    const omega = exercises('rating-matrix').find((e) => e.attrs.kind === 'multi' && e.options.length === 6);
    expect(omega?.options.map((o) => o.correct)).toEqual([true, false, false, true, false, true]);
    expect(omega?.options.map((o) => o.text.replace(/[$\s]/g, ''))).toEqual(['i_1', 'i_2', 'i_3', 'i_4', 'i_5', 'i_6']);
  });

  it('6: (m×d)(d×n) = m×n and a lab with grid and factors', () => {
    expect(sourceOf('factorization-idea')).toContain('U \\in \\mathbb{R}^{m\\times d}');
    expect(widgets('factorization-idea', 'lab').some((w) => /grid/.test(w.attrs.panels ?? '') && /factors/.test(w.attrs.panels ?? ''))).toBe(true);
  });

  it("7: the toy example and the 3rd user's prediction for the 4th item, 1.6", () => {
    expect(widgets('toy-example', 'toy')).toHaveLength(1);
    expect(exercises('toy-example').some((e) => e.attrs.kind === 'number' && Number(e.attrs.answer) === 1.6)).toBe(true);
  });

  it('8: the objective with λ outside both sums, and a lab with the objective panel', () => {
    expect(sourceOf('objective-and-regularization')).toContain('\\lambda\\Big(\\sum_{i=1}^{m} \\|u_i\\|^2 + \\sum_{j=1}^{n} \\|v_j\\|^2\\Big)');
    expect(widgets('objective-and-regularization', 'lab').some((w) => /objective/.test(w.attrs.panels ?? ''))).toBe(true);
  });

  it('9: the Netflix arithmetic, the calculator and a density exercise', () => {
    expect(widgets('sparsity', 'netflix')).toHaveLength(1);
    expect(sourceOf('sparsity')).toContain('1.18');
    const density = exercises('sparsity').find((e) => e.attrs.kind === 'number');
    expect(Number(density?.attrs.answer)).toBeCloseTo((1e8 / (5e5 * 1.7e4)) * 100, 2);
  });

  it('10: a λ sweep on the taste groups and a lab with held-out cells', () => {
    const sweep = widgets('supervised-learning', 'sweep')[0];
    expect(sweep?.attrs).toMatchObject({ preset: 'tastes', param: 'lambda', values: '0,0.01,0.1,0.5,1,2,5', holdout: '0.2' });
    expect(widgets('supervised-learning', 'lab').some((w) => w.attrs.held)).toBe(true);
  });

  it('11: the corrected closed form, a solve lab and a choice exercise whose one right option is it', () => {
    const s = sourceOf('als-closed-form');
    expect(s).toContain('(V_{\\Omega^i}^\\top V_{\\Omega^i} + \\lambda I)^{-1} V_{\\Omega^i}^\\top r_{\\Omega^i}');
    expect(widgets('als-closed-form', 'lab').some((w) => /solve/.test(w.attrs.panels ?? ''))).toBe(true);
    const choose = exercises('als-closed-form').find((e) => e.attrs.kind === 'choice' && e.options.length >= 4);
    expect(choose?.options.filter((o) => o.correct).map((o) => o.text)).toEqual([
      '$(V_{\\Omega^i}^\\top V_{\\Omega^i} + \\lambda I)^{-1} V_{\\Omega^i}^\\top r_{\\Omega^i}$',
    ]);
    // The slide's version is offered, and wrong.
    expect(choose?.options.find((o) => o.text.includes('V_{\\Omega^i} V_{\\Omega^i}^\\top + \\lambda I'))?.correct).toBe(false);
  });

  it('12: the loop, a predict-the-half-step exercise, and the singular case (λ = 0, d = 3)', () => {
    const predict = exercises('als-loop').find((e) => e.attrs.then === 'halfStep-users');
    expect(predict?.attrs.lab).toBeTruthy();
    expect(predict?.options.find((o) => o.correct)?.text).toMatch(/down|same/i);
    expect(widgets('als-loop', 'lab').some((w) => w.attrs.lambda === '0' && w.attrs.d === '3' && /solve/.test(w.attrs.panels ?? ''))).toBe(true);
  });

  it('13: P and C, the implicit closed form and the VᵀV trick, in a lecture-pc lab', () => {
    const s = sourceOf('implicit-feedback');
    expect(s).toContain('(V^\\top C^i V + \\lambda I)^{-1} V^\\top C^i p_i');
    expect(s).toContain('V^\\top V + V^\\top (C^i - I) V');
    expect(s).toContain('\\big\\|\\sqrt{C^i}\\,(p_i - V u_i)\\big\\|^2 + \\lambda\\|u_i\\|^2');
    expect(widgets('implicit-feedback', 'lab').some((w) => w.attrs.preset === 'lecture-pc' && /solve/.test(w.attrs.panels ?? ''))).toBe(true);
  });

  it('14: the gradient and a gradient-descent lab', () => {
    expect(sourceOf('gradient-descent')).toContain('-2\\sum_{j\\in\\Omega^i} (r_{ij} - u_i^\\top v_j)\\, v_j + 2\\lambda u_i');
    expect(widgets('gradient-descent', 'lab').some((w) => w.attrs.solver === 'gd' && w.attrs.eta === '0.01')).toBe(true);
  });

  it("say where a slide differs (the lecture's slips, corrected)", () => {
    expect(sourceOf('als-closed-form')).toMatch(/slide/i);
    expect(sourceOf('implicit-feedback')).toMatch(/\+ \\lambda \+/);
    expect(sourceOf('factorization-idea')).toMatch(/d\\times n/);
    expect(sourceOf('rating-matrix')).toMatch(/m_1/);
  });
});

describe('the checks themselves', () => {
  const bad = [
    '---',
    'title: Broken',
    'summary: A lesson with every mistake.',
    '---',
    'No heading, and a bad formula $\\frac{1}$.',
    'An unclosed $x formula.',
    '::lab{id="a" preset="nope" panels="grid,charts" d=0 held="9,9"}',
    '::lab{id="a" preset="lecture-r" panels="grid" held="0,1;5,0"}',
    ':::exercise{kind="choice" lab="missing" then="later"}',
    'Pick one.',
    '- [x] yes',
    '- [ ] no',
    ':::',
    '---',
    `## Too long for $R$\n${'word '.repeat(300)}`,
  ].join('\n');
  const lesson = parseLesson(bad, '99-broken.md');

  it('catch bad widgets, exercises, math and length', () => {
    const widgetProblems = checkWidgetsAndExercises(lesson).join('\n');
    for (const expected of ['unknown preset', 'panels', 'd must be', 'outside 4×6', 'a ? in the lecture', 'used twice', 'not a lab on this step', 'then="later"', 'explanation'])
      expect(widgetProblems).toContain(expected);
    const mathProblems = checkMath(lesson).join('\n');
    expect(mathProblems).toContain('KaTeX cannot typeset');
    expect(mathProblems).toContain('unmatched $');
    const shapeProblems = checkShape(lesson, '99-broken.md').join('\n');
    expect(shapeProblems).toContain('starts with its heading');
    expect(shapeProblems).toMatch(/\d+ words of prose/);
    expect(shapeProblems).toContain('should be plain text');
  });

  it('count words without formulas and extract math like renderMarkdown', () => {
    expect(proseWords(['The product $u_i^\\top v_j$ is a **number**.'])).toBe(6);
    expect(extractMath('a $x$ b $$\\frac{1}{2}$$ c \\$5').math).toEqual([
      { tex: '\\frac{1}{2}', display: true },
      { tex: 'x', display: false },
    ]);
  });
});
