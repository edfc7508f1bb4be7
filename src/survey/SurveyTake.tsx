/**
 * The student's side, on a phone: what the survey is, the items one after another (a tap
 * rates and moves on), a review with an optional nickname, and the answer code. Progress is
 * kept in this browser, so a reload or a locked phone loses nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { encodeAnswerCode, newRespondent } from './answerCode';
import { AnswerCodeView } from './AnswerCodeView';
import { AnswerReview } from './AnswerReview';
import { SCALES } from './itemLists';
import { RatingCard } from './RatingCard';
import { keepAnswer, keptAnswer, type AnswerDraft } from './surveyStorage';
import type { Survey } from './surveySpec';

type Stage = { kind: 'intro' } | { kind: 'item'; index: number; back: 'next' | 'review' } | { kind: 'review' } | { kind: 'code' };

/** Titles listed on the first screen, so a student knows what is coming. */
const PREVIEW = 5;

function scaleHint(survey: Survey): string {
  const { min, max } = survey.spec.scale;
  return SCALES.find((s) => s.scale.min === min && s.scale.max === max)?.hint ?? `${min} = worst, ${max} = best`;
}

function startDraft(survey: Survey): AnswerDraft {
  const kept = keptAnswer(survey.id, survey.items.length);
  const { min, max } = survey.spec.scale;
  const valid = (r: unknown) => (typeof r === 'number' && Number.isInteger(r) && r >= min && r <= max ? r : null);
  if (kept) return { ...kept, ratings: kept.ratings.map(valid) };
  return {
    respondent: newRespondent(),
    ratings: survey.items.map(() => null),
    answered: survey.items.map(() => false),
    nickname: '',
  };
}

export function SurveyTake({ survey }: { survey: Survey }) {
  const [draft, setDraft] = useState<AnswerDraft>(() => startDraft(survey));
  const [stage, setStage] = useState<Stage>({ kind: 'intro' });
  const advance = useRef<ReturnType<typeof setTimeout> | null>(null);
  const heading = useRef<HTMLDivElement>(null);
  const n = survey.items.length;
  const hint = scaleHint(survey);

  useEffect(() => keepAnswer(survey.id, draft), [survey.id, draft]);
  useEffect(() => () => void (advance.current && clearTimeout(advance.current)), []);
  // Each screen starts at its top, with focus there for screen readers and keyboards.
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [stage]);

  const rate = (index: number, value: number | null, back: 'next' | 'review') => {
    setDraft((d) => ({
      ...d,
      ratings: d.ratings.map((r, j) => (j === index ? value : r)),
      answered: d.answered.map((a, j) => a || j === index),
    }));
    if (advance.current) clearTimeout(advance.current);
    // A short pause shows the tap landed before the next item slides in.
    advance.current = setTimeout(() => {
      setStage(back === 'review' || index + 1 >= n ? { kind: 'review' } : { kind: 'item', index: index + 1, back });
    }, 180);
  };

  let body;
  if (stage.kind === 'intro') {
    const rated = draft.ratings.filter((r) => r !== null).length;
    body = (
      <section className="take-intro" aria-labelledby="intro-title">
        <h2 id="intro-title" tabIndex={-1}>
          Rate {n} {survey.noun}
        </h2>
        <p>
          One tap per item, from <strong>{survey.spec.scale.min}</strong> to <strong>{survey.spec.scale.max}</strong> ({hint}
          ). Tap <strong>?</strong> for anything you have not seen or do not know.
        </p>
        <ul className="take-preview" aria-label={`The ${survey.noun}`}>
          {survey.items.slice(0, PREVIEW).map((item, j) => (
            <li key={j}>{item.title}</li>
          ))}
          {n > PREVIEW && <li className="muted">and {n - PREVIEW} more</li>}
        </ul>
        <p className="muted">
          It takes about a minute. At the end you get a short code to send to your instructor: no account, and nothing leaves your
          phone until you send it.
        </p>
        <div className="take-actions sticky">
          <button type="button" className="primary big" onClick={() => setStage({ kind: 'item', index: 0, back: 'next' })}>
            {rated > 0 ? 'Continue' : 'Start'}
          </button>
          {rated > 0 && (
            <button type="button" className="big" onClick={() => setStage({ kind: 'review' })}>
              Review my {rated} answers
            </button>
          )}
        </div>
      </section>
    );
  } else if (stage.kind === 'item') {
    const { index, back } = stage;
    body = (
      <>
        <RatingCard
          key={index}
          title={survey.items[index]!.title}
          index={index}
          count={n}
          scale={survey.spec.scale}
          hint={hint}
          value={draft.answered[index] ? draft.ratings[index] : undefined}
          onRate={(v) => rate(index, v, back)}
        />
        <nav className="take-nav" aria-label="Items">
          <button
            type="button"
            className="big"
            onClick={() => setStage(index === 0 ? { kind: 'intro' } : { kind: 'item', index: index - 1, back })}
          >
            ‹ Back
          </button>
          <button
            type="button"
            className="big"
            onClick={() =>
              setStage(back === 'review' || index + 1 >= n ? { kind: 'review' } : { kind: 'item', index: index + 1, back })
            }
          >
            {back === 'review' ? 'Done' : index + 1 >= n ? 'Review' : 'Next ›'}
          </button>
        </nav>
      </>
    );
  } else if (stage.kind === 'review') {
    body = (
      <AnswerReview
        items={survey.items}
        ratings={draft.ratings}
        answered={draft.answered}
        nickname={draft.nickname}
        onNickname={(nickname) => setDraft((d) => ({ ...d, nickname }))}
        onEdit={(index) => setStage({ kind: 'item', index, back: 'review' })}
        onFinish={() => setStage({ kind: 'code' })}
      />
    );
  } else {
    const code = encodeAnswerCode(survey, draft);
    body = <AnswerCodeView code={code} onChange={() => setStage({ kind: 'review' })} />;
  }
  return (
    <div className="survey-take" ref={heading}>
      {body}
    </div>
  );
}
