import { describe, expect, it } from 'vitest';
import { checkChoice, checkNumber, LessonParseError, parseAttrs, parseLesson } from '../../../src/lessons/parseLesson';
import { parseRoute, routeHash } from '../../../src/lessons/route';
import { labOptionsFromAttrs, panelsFromAttrs } from '../../../src/lessons/labSetup';
import { heldOutPairs } from '../../../src/state/labData';

const SAMPLE = `---
title: The toy example
summary: Multiply U and Vᵀ.
---
## The toy factors
Take $d = 2$.

::lab{id="main" preset="lecture-r" panels="grid,factors" d=2 lambda=0.5 held="0,0;0,1"}

---
## Predict first
:::exercise{kind="number" answer="1.6" tolerance="0.05"}
What is $\\hat r_{3,4}$?
???
$0.2\\cdot 10 + 0.4\\cdot(-1) = 1.6$.
:::
:::notes
Ask the room before revealing.
:::
---
## Choose
:::exercise{kind="choice"}
Which shapes agree?
- [ ] $(V V^\\top + \\lambda I)^{-1}$
- [x] $(V^\\top V + \\lambda I)^{-1}$
:::
`;

describe('lesson files', () => {
  const lesson = parseLesson(SAMPLE, '/lessons/07-toy-example.md');

  it('take order and slug from the file name, title from the front matter', () => {
    expect(lesson).toMatchObject({ order: 7, slug: 'toy-example', title: 'The toy example', summary: 'Multiply U and Vᵀ.' });
  });

  it('split into steps at "---", each titled by its first heading', () => {
    expect(lesson.steps.map((s) => s.title)).toEqual(['The toy factors', 'Predict first', 'Choose']);
  });

  it('read widgets with their attributes', () => {
    const widget = lesson.steps[0]!.blocks.find((b) => b.kind === 'widget');
    expect(widget).toMatchObject({ name: 'lab', attrs: { id: 'main', preset: 'lecture-r', panels: 'grid,factors', d: '2', lambda: '0.5', held: '0,0;0,1' } });
  });

  it('read exercises (prompt, options, explanation) and keep notes apart', () => {
    const number = lesson.steps[1]!.blocks[1]!;
    expect(number).toMatchObject({ kind: 'exercise', attrs: { kind: 'number', answer: '1.6' }, prompt: 'What is $\\hat r_{3,4}$?' });
    expect(number.kind === 'exercise' && number.explanation).toContain('1.6');
    expect(lesson.steps[1]!.notes).toBe('Ask the room before revealing.');
    const choice = lesson.steps[2]!.blocks[1]!;
    expect(choice.kind === 'exercise' && choice.options.map((o) => o.correct)).toEqual([false, true]);
  });

  it('refuse unknown widgets, unclosed blocks and choice exercises without exactly one right option, naming the line', () => {
    expect(() => parseLesson('---\ntitle: X\n---\n::nonsense{}\n', '01-x.md')).toThrow(/01-x\.md, line 4: unknown widget "::nonsense"/);
    expect(() => parseLesson('---\ntitle: X\n---\n:::exercise{kind="number" answer="1"}\nQ\n', '01-x.md')).toThrow(/never closed/);
    expect(() => parseLesson('---\ntitle: X\n---\n:::exercise{kind="choice"}\n- [x] a\n- [x] b\n:::\n', '01-x.md')).toThrow(/exactly one/);
    expect(() => parseLesson('---\ntitle: X\n---\ntext\n', 'x.md')).toThrow(LessonParseError);
  });

  it('parse attribute syntax: quoted, bare and flags', () => {
    expect(parseAttrs(`a="x y" b=2 c='z' flag`)).toEqual({ a: 'x y', b: '2', c: 'z', flag: 'true' });
  });
});

describe('checking answers', () => {
  it('numbers within the tolerance, commas and real minus signs accepted', () => {
    expect(checkNumber({ answer: '1.6', tolerance: '0.05' }, '1.6')).toBe('right');
    expect(checkNumber({ answer: '1.6', tolerance: '0.05' }, '1,62')).toBe('right');
    expect(checkNumber({ answer: '1.6', tolerance: '0.05' }, '1.7')).toBe('wrong');
    expect(checkNumber({ answer: '-2', tolerance: '0' }, '−2')).toBe('right');
    expect(checkNumber({ answer: '1.6' }, 'abc')).toBe('invalid');
  });
  it('choices only when exactly the right options are chosen', () => {
    const options = [
      { text: 'a', correct: true },
      { text: 'b', correct: false },
      { text: 'c', correct: true },
    ];
    expect(checkChoice(options, [0, 2])).toBe('right');
    expect(checkChoice(options, [0])).toBe('wrong');
    expect(checkChoice(options, [0, 1, 2])).toBe('wrong');
    expect(checkChoice(options, [])).toBe('invalid');
  });
});

describe('routes and lesson labs', () => {
  it('every lesson step has a link that opens exactly there', () => {
    expect(parseRoute('#/lessons/toy-example/3')).toEqual({ page: 'lesson', slug: 'toy-example', step: 3 });
    expect(parseRoute(routeHash({ page: 'present', slug: 'als', step: 2 }))).toEqual({ page: 'present', slug: 'als', step: 2 });
    expect(parseRoute('#v=1&preset=lecture-r')).toEqual({ page: 'lab' });
    expect(parseRoute('#/lessons')).toEqual({ page: 'course' });
    expect(parseRoute('#/lessons/x/0')).toEqual({ page: 'lesson', slug: 'x', step: 1 });
  });

  it('a lab’s attributes become its starting state', () => {
    const options = labOptionsFromAttrs({ preset: 'lecture-r', d: '3', lambda: '0', solver: 'gd', eta: '0.02', held: '0,0;0,1' });
    expect(options.settings).toMatchObject({ factors: 3, lambda: 0, solver: 'gd', learningRate: 0.02 });
    // (0,1) is a ? in the lecture's R: it cannot be held out.
    expect(heldOutPairs(options.data!)).toEqual([[0, 0]]);
    expect(panelsFromAttrs({ panels: 'grid, loss ,nonsense' })).toEqual({ main: ['grid', 'loss'], aside: [] });
    expect(panelsFromAttrs({ panels: 'run,grid,factors,loss', present: 'run,factors', aside: 'loss' }, true)).toEqual({ main: ['run', 'factors'], aside: ['loss'] });
    expect(() => labOptionsFromAttrs({ preset: 'nope' })).toThrow(/Unknown preset/);
  });
});
