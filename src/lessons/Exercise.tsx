/**
 * A short check with immediate feedback: a number, one choice or several. Predict first,
 * then reveal: the explanation opens once the answer is right or the student asks for it.
 * With lab="…" then="…", answering also runs that action on the lesson's lab and shows the
 * loss before and after — the prediction meets the experiment.
 */
import { useId, useState } from 'react';
import { currentEntry } from '../state/labStore';
import { useLabRegistry } from './LessonLab';
import { checkChoice, checkNumber, type Block } from './parseLesson';
import { renderInline, renderMarkdown } from './renderMarkdown';
import { recordExercise } from './progress';

type ExerciseBlock = Extract<Block, { kind: 'exercise' }>;
type Verdict = 'right' | 'wrong' | 'invalid' | null;

function Markdown({ text, inline = false }: { text: string; inline?: boolean }) {
  return inline ? (
    <span dangerouslySetInnerHTML={{ __html: renderInline(text) }} />
  ) : (
    <div dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
  );
}

export function Exercise({ block, exerciseKey }: { block: ExerciseBlock; exerciseKey: string }) {
  const { attrs, options } = block;
  const kind = attrs.kind as 'number' | 'choice' | 'multi';
  const id = useId();
  const registry = useLabRegistry();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [verdict, setVerdict] = useState<Verdict>(null);
  const [attempts, setAttempts] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [experiment, setExperiment] = useState<{ before: number; after: number | null } | null>(null);

  const runExperiment = () => {
    const store = attrs.lab ? registry?.get(attrs.lab) : undefined;
    if (!store || !attrs.then) return;
    const before = currentEntry(store.getState())?.metrics.total ?? Number.NaN;
    const s = store.getState();
    const count = s.timeline.length;
    if (attrs.then === 'step') s.step();
    else if (attrs.then === 'halfStep-users') s.halfStep('users');
    else if (attrs.then === 'halfStep-items') s.halfStep('items');
    setExperiment({ before, after: null });
    const unsubscribe = store.subscribe((state) => {
      if (state.timeline.length > count) {
        setExperiment({ before, after: currentEntry(state)?.metrics.total ?? Number.NaN });
        unsubscribe();
      }
    });
  };

  const check = () => {
    const v = kind === 'number' ? checkNumber(attrs, text) : checkChoice(options, chosen);
    setVerdict(v);
    if (v === 'invalid') return;
    setAttempts((a) => a + 1);
    if (v === 'right') setRevealed(true);
    recordExercise(exerciseKey, v === 'right');
    if (attempts === 0) runExperiment();
  };

  const feedback =
    verdict === 'invalid'
      ? kind === 'number'
        ? 'Type a number first.'
        : 'Choose an answer first.'
      : verdict === 'right'
        ? 'Right.'
        : verdict === 'wrong'
          ? 'Not quite — think again, or reveal the answer.'
          : null;

  return (
    <fieldset className={`exercise ${verdict ?? ''}`} aria-describedby={`${id}-feedback`}>
      <legend className="exercise-title">Check yourself</legend>
      <Markdown text={block.prompt} />
      {kind === 'number' && (
        <div className="exercise-number">
          <label htmlFor={`${id}-answer`}>Your answer</label>
          <input
            id={`${id}-answer`}
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') check();
            }}
          />
        </div>
      )}
      {kind !== 'number' && (
        <div className="exercise-options" role={kind === 'choice' ? 'radiogroup' : 'group'} aria-label="Options">
          {options.map((o, k) => (
            <label key={k} className={revealed && o.correct ? 'correct-option' : undefined}>
              <input
                type={kind === 'choice' ? 'radio' : 'checkbox'}
                name={`${id}-option`}
                checked={chosen.includes(k)}
                onChange={(e) =>
                  setChosen(kind === 'choice' ? [k] : e.target.checked ? [...chosen, k].sort((a, b) => a - b) : chosen.filter((c) => c !== k))
                }
              />{' '}
              <Markdown text={o.text} inline />
            </label>
          ))}
        </div>
      )}
      <div className="exercise-actions">
        <button type="button" className="primary" onClick={check}>
          Check
        </button>
        {attempts > 0 && !revealed && (
          <button type="button" onClick={() => setRevealed(true)}>
            Reveal the answer
          </button>
        )}
      </div>
      <p id={`${id}-feedback`} className="exercise-feedback" role="status">
        {feedback}
      </p>
      {experiment && (
        <p className="exercise-experiment" role="status">
          The lab ran it: the loss went from <strong>{experiment.before.toPrecision(6)}</strong> to{' '}
          <strong>{experiment.after === null ? '…' : experiment.after.toPrecision(6)}</strong>
          {experiment.after !== null && (experiment.after <= experiment.before + 1e-12 ? ' — it did not rise.' : ' — it rose!')}
        </p>
      )}
      {revealed && (
        <div className="exercise-explanation">
          {kind === 'number' && (
            <p>
              The answer: <strong>{attrs.answer}</strong>
            </p>
          )}
          {kind !== 'number' && verdict !== 'right' && (
            <p>
              The answer:{' '}
              {options
                .filter((o) => o.correct)
                .map((o, k) => (
                  <strong key={k}>
                    <Markdown text={o.text} inline />
                  </strong>
                ))}
            </p>
          )}
          {block.explanation && <Markdown text={block.explanation} />}
        </div>
      )}
    </fieldset>
  );
}
