/**
 * What a student types and chooses: percentages and fractions where the answer is a proportion or
 * a ratio, the default tolerance, "[X]" options, the spoken names of formula-only options.
 */
import { describe, expect, it } from 'vitest';
import { checkNumber, parseLesson, parseNumberAnswer } from '../../../src/lessons/parseLesson';
import { speak, spokenText } from '../../../src/lessons/spokenMath';
import { exerciseAnswerText, stepPreview } from '../../../src/lessons/stepSummary';

describe('number answers', () => {
  it('read decimals, commas, real minus signs, simple fractions and percentages', () => {
    expect(parseNumberAnswer('1.6')).toEqual({ value: 1.6, percent: false });
    expect(parseNumberAnswer(' 1,6 ')).toEqual({ value: 1.6, percent: false });
    expect(parseNumberAnswer('−0.4')).toEqual({ value: -0.4, percent: false });
    expect(parseNumberAnswer('8/5')).toEqual({ value: 1.6, percent: false });
    expect(parseNumberAnswer('-8/5')).toEqual({ value: -1.6, percent: false });
    expect(parseNumberAnswer('1.18%')).toEqual({ value: 1.18, percent: true });
    expect(parseNumberAnswer('1.18 %')).toEqual({ value: 1.18, percent: true });
    for (const junk of ['', 'abc', '1/0', '8/', '/5', '1.2.3', '%', '5%%', '1e400']) expect(parseNumberAnswer(junk), junk).toBeNull();
  });

  it('accept "1.18%", "1.18" and the proportion "0.0118" for a percentage (unit="%")', () => {
    const attrs = { answer: '1.18', tolerance: '0.02', unit: '%' };
    for (const ok of ['1.18%', '1.18', '1.2', '0.0118', '1,18 %']) expect(checkNumber(attrs, ok), ok).toBe('right');
    for (const no of ['11.8%', '0.0118%', '118', '2%']) expect(checkNumber(attrs, no), no).toBe('wrong');
  });

  it('accept "8/5" and "160%" for a ratio of 1.6 (no unit: a percentage is a hundredth)', () => {
    const attrs = { answer: '1.6', tolerance: '0.05' };
    expect(checkNumber(attrs, '8/5')).toBe('right');
    expect(checkNumber(attrs, '160%')).toBe('right');
    expect(checkNumber(attrs, '1.6%')).toBe('wrong');
    expect(checkNumber(attrs, '8/6')).toBe('wrong');
  });

  it('use a default tolerance of 1% of the answer (and an exact one for 0)', () => {
    expect(checkNumber({ answer: '200' }, '201.9')).toBe('right');
    expect(checkNumber({ answer: '200' }, '202.1')).toBe('wrong');
    expect(checkNumber({ answer: '-50' }, '-50.4')).toBe('right');
    expect(checkNumber({ answer: '-50' }, '-50.6')).toBe('wrong');
    expect(checkNumber({ answer: '0' }, '0')).toBe('right');
    expect(checkNumber({ answer: '0' }, '0.001')).toBe('wrong');
    expect(checkNumber({ answer: '3', tolerance: '0' }, '3')).toBe('right');
    expect(checkNumber({ answer: '3', tolerance: '0' }, '3.01')).toBe('wrong');
  });
});

describe('choice options', () => {
  const source = ['---', 'title: T', '---', '## Step', ':::exercise{kind="multi"}', 'Which?', '- [X] upper-case X', '- [x] lower-case x', '- [ ] no', '???', 'Because.', ':::'].join('\n');

  it('mark "[X]" right like "[x]"', () => {
    const x = parseLesson(source, '01-t.md').steps[0]!.blocks.find((b) => b.kind === 'exercise')!;
    if (x.kind !== 'exercise') throw new Error('no exercise');
    expect(x.options.map((o) => o.correct)).toEqual([true, true, false]);
    expect(exerciseAnswerText(x)).toBe('Answer: upper-case X; lower-case x');
  });

  it('speak formula-only options in words', () => {
    expect(spokenText('$(V_{\\Omega^i}^\\top V_{\\Omega^i} + \\lambda I)^{-1} V_{\\Omega^i}^\\top r_{\\Omega^i}$')).toBe(
      '(V sub Omega to the power i transpose V sub Omega to the power i plus lambda I) inverse V sub Omega to the power i transpose r sub Omega to the power i',
    );
    expect(spokenText('$\\eta > \\tfrac{1}{a}$')).toBe('eta greater than 1 over a');
    expect(spokenText('$\\hat r_{1,2} = 2.3$')).toBe('r hat sub 1,2 equals 2.3');
    expect(spokenText('$i_4$')).toBe('i sub 4');
    expect(spokenText('Because $\\lambda$ is **too small**')).toBe('Because lambda is too small');
    expect(speak('\\|u_i\\|^2')).toBe('norm u sub i norm squared');
  });
});

describe('the notes window', () => {
  it('previews a step by its first paragraph and what it holds', () => {
    const step = parseLesson(
      ['---', 'title: T', '---', '## Heading', '', 'First words of the step with $x$ and more.', '', 'Second paragraph.', '::lab{id="a" preset="lecture-r" panels="grid"}', ':::exercise{kind="number" answer="1"}', 'Q?', '???', 'Because it is.', ':::'].join('\n'),
      '01-t.md',
    ).steps[0]!;
    expect(stepPreview(step)).toBe('First words of the step with $x$ and more.\n\n_With a lab, an exercise._');
    const long = parseLesson(['---', 'title: T', '---', '## H', '', `${'word '.repeat(60)}$a + b$ end`].join('\n'), '01-t.md').steps[0]!;
    expect(stepPreview(long, 10)).toBe(`${'word '.repeat(10).trim()} …`);
  });
});
