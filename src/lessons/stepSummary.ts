/** Short texts about a step for the notes window: an exercise's answer, a preview of a step. Pure. */
import type { Block, LessonStep } from './parseLesson';

type ExerciseBlock = Extract<Block, { kind: 'exercise' }>;

/** "Answer: 1.6" or "Answer: the second option's text" (Markdown, one line). */
export function exerciseAnswerText(x: ExerciseBlock): string {
  if (x.attrs.kind === 'number') return `Answer: ${x.attrs.answer}`;
  const right = x.options.filter((o) => o.correct).map((o) => o.text);
  return `Answer: ${right.join('; ')}`;
}

const WIDGET_NAMES: Record<string, string> = {
  lab: 'a lab',
  toy: 'the toy example',
  eventlog: 'the event log',
  threshold: 'the threshold slider',
  attributes: 'the attribute model',
  netflix: 'the Netflix calculator',
  sweep: 'the λ sweep',
};

/** The step's first paragraph (without its heading), and what widgets and exercises it holds. */
export function stepPreview(step: LessonStep, maxWords = 45): string {
  const first = step.blocks.find((b): b is Extract<Block, { kind: 'markdown' }> => b.kind === 'markdown');
  const paragraphs = (first?.text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !/^#{1,6}\s/.test(p) && !p.startsWith('$$'));
  let text = paragraphs[0] ?? '';
  const words = text.split(/\s+/);
  if (words.length > maxWords) {
    // Cut between words, never inside a formula (an odd number of $ before the cut).
    let cut = maxWords;
    while (cut < words.length && (words.slice(0, cut).join(' ').match(/\$/g)?.length ?? 0) % 2 === 1) cut++;
    text = `${words.slice(0, cut).join(' ')} …`;
  }
  const widgets = step.blocks.flatMap((b) => (b.kind === 'widget' ? [WIDGET_NAMES[b.name] ?? b.name] : []));
  const exercises = step.blocks.filter((b) => b.kind === 'exercise').length;
  const holds = [...new Set(widgets), ...(exercises > 0 ? [exercises === 1 ? 'an exercise' : `${exercises} exercises`] : [])];
  return holds.length > 0 ? `${text}\n\n_With ${holds.join(', ')}._` : text;
}
