/**
 * A short check with immediate feedback: a number, one choice or several. Predict first,
 * then reveal: the explanation opens once the answer is right or the student asks for it (on
 * the projector the lecturer can reveal it at any time, or press A). Answers are kept across
 * reloads and views. With lab="…" then="…", answering also runs that action on the lesson's
 * lab and shows the loss before and after — the prediction meets the experiment.
 */
import { useEffect, useId, useState } from 'react';
import { currentEntry } from '../state/labStore';
import { useLabRegistry } from './labRegistry';
import { checkChoice, checkNumber, type Block } from './parseLesson';
import { useMarkdownHtml } from './renderMarkdown';
import { recordExercise } from './progress';
import { readAnswer, writeAnswer, type SavedAnswer } from './answers';
import { usePresenter } from './presenterContext';
import { spokenText } from './spokenMath';

type ExerciseBlock = Extract<Block, { kind: 'exercise' }>;
type Verdict = 'right' | 'wrong' | 'invalid' | null;

function Markdown({ text, inline = false }: { text: string; inline?: boolean }) {
  const html = useMarkdownHtml(text, inline);
  return inline ? <span dangerouslySetInnerHTML={{ __html: html }} /> : <div dangerouslySetInnerHTML={{ __html: html }} />;
}

const EMPTY: SavedAnswer = { text: '', chosen: [], verdict: null, attempts: 0, revealed: false };

/** Runs the exercise's action on its lab and reports the loss before and after. */
function useExperiment(block: ExerciseBlock) {
  const registry = useLabRegistry();
  const [experiment, setExperiment] = useState<{ before: number; after: number | null } | null>(null);
  const run = () => {
    const { lab, then } = block.attrs;
    const store = lab ? registry?.get(lab) : undefined;
    if (!store || !then) return;
    const s = store.getState();
    const before = currentEntry(s)?.metrics.total ?? Number.NaN;
    const count = s.timeline.length;
    if (then === 'step') s.step();
    else if (then === 'halfStep-users') s.halfStep('users');
    else if (then === 'halfStep-items') s.halfStep('items');
    setExperiment({ before, after: null });
    const unsubscribe = store.subscribe((state) => {
      if (state.timeline.length > count) {
        setExperiment({ before, after: currentEntry(state)?.metrics.total ?? Number.NaN });
        unsubscribe();
      }
    });
  };
  return { experiment, run };
}

const FEEDBACK: Record<'number' | 'choice', Record<'right' | 'wrong' | 'invalid', string>> = {
  number: {
    right: 'Right.',
    wrong: 'Not quite — think again, or reveal the answer.',
    invalid: 'Type a number first (such as 1.6, 8/5 or 12%).',
  },
  choice: { right: 'Right.', wrong: 'Not quite — think again, or reveal the answer.', invalid: 'Choose an answer first.' },
};

export function Exercise({ block, exerciseKey }: { block: ExerciseBlock; exerciseKey: string }) {
  const { attrs, options } = block;
  const kind = attrs.kind as 'number' | 'choice' | 'multi';
  const id = useId();
  const { presenting, reveal } = usePresenter();
  const [saved, setSaved] = useState<SavedAnswer>(() => readAnswer(exerciseKey) ?? EMPTY);
  const [invalid, setInvalid] = useState(false);
  const [revealAtMount] = useState(reveal);
  const { experiment, run } = useExperiment(block);
  const { text, chosen, verdict, attempts, revealed } = saved;

  const update = (patch: Partial<SavedAnswer>) =>
    setSaved((s) => {
      const next = { ...s, ...patch };
      writeAnswer(exerciseKey, next);
      return next;
    });

  // The lecturer's "reveal" (A, or the notes window): every press after this step opened.
  useEffect(() => {
    if (reveal > revealAtMount) update({ revealed: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new press reveals
  }, [reveal, revealAtMount]);

  const check = () => {
    const v: Verdict = kind === 'number' ? checkNumber(attrs, text) : checkChoice(options, chosen);
    setInvalid(v === 'invalid');
    if (v === 'invalid') return;
    update({ verdict: v, attempts: attempts + 1, ...(v === 'right' ? { revealed: true } : {}) });
    recordExercise(exerciseKey, v === 'right');
    if (attempts === 0) run();
  };

  const shown: Verdict = invalid ? 'invalid' : verdict;
  const feedback = shown ? FEEDBACK[kind === 'number' ? 'number' : 'choice'][shown] : null;
  const answerText = attrs.unit === '%' ? `${attrs.answer}%` : attrs.answer;

  return (
    <fieldset className={`exercise ${shown ?? ''}`} aria-describedby={`${id}-feedback`}>
      <legend className="exercise-title">Check yourself</legend>
      <Markdown text={block.prompt} />
      {kind === 'number' && (
        <div className="exercise-number">
          <label htmlFor={`${id}-answer`}>Your answer</label>
          <input
            id={`${id}-answer`}
            inputMode="decimal"
            value={text}
            onChange={(e) => {
              setInvalid(false);
              update({ text: e.target.value });
            }}
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
                aria-label={o.text.includes('$') ? spokenText(o.text) : undefined}
                onChange={(e) => {
                  setInvalid(false);
                  update({
                    chosen: kind === 'choice' ? [k] : e.target.checked ? [...chosen, k].sort((a, b) => a - b) : chosen.filter((c) => c !== k),
                  });
                }}
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
        {(attempts > 0 || presenting) && !revealed && (
          <button type="button" onClick={() => update({ revealed: true })}>
            Reveal the answer{presenting ? ' (A)' : ''}
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
              The answer: <strong>{answerText}</strong>
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
