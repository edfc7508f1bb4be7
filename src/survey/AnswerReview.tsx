/** The student's answers at a glance (tap one to change it), an optional nickname, and “get my code”. */
import { useId } from 'react';
import { MAX_NICKNAME_BYTES, nicknameProblem } from './answerCode';
import type { SurveyItem } from './itemLists';

export interface AnswerReviewProps {
  items: readonly SurveyItem[];
  ratings: (number | null)[];
  answered: boolean[];
  nickname: string;
  onNickname: (nickname: string) => void;
  onEdit: (index: number) => void;
  onFinish: () => void;
}

export function AnswerReview({ items, ratings, answered, nickname, onNickname, onEdit, onFinish }: AnswerReviewProps) {
  const nickId = useId();
  const nickHelp = useId();
  const rated = ratings.filter((r) => r !== null).length;
  const problem = nicknameProblem(nickname);
  return (
    <section className="answer-review" aria-labelledby="review-title">
      <h2 id="review-title" tabIndex={-1}>
        Your answers
      </h2>
      <p className="muted">
        {rated} of {items.length} rated. Tap one to change it.
      </p>
      <ol className="review-list">
        {items.map((item, j) => (
          <li key={j}>
            <button type="button" className="review-item" onClick={() => onEdit(j)}>
              <span className="review-title">{item.title}</span>
              <span className={ratings[j] === null ? 'review-value skipped' : 'review-value'}>
                {ratings[j] ?? (answered[j] ? '?' : '–')}
                <span className="visually-hidden">
                  {ratings[j] !== null ? ', change' : answered[j] ? ' (skipped), change' : ' (not answered yet), answer'}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
      <div className="nickname-field">
        <label htmlFor={nickId}>Nickname (optional)</label>
        <input
          id={nickId}
          value={nickname}
          maxLength={MAX_NICKNAME_BYTES}
          autoComplete="nickname"
          aria-describedby={nickHelp}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => onNickname(e.target.value)}
        />
        <p id={nickHelp} className={problem ? 'field-error' : 'muted small'}>
          {problem ?? 'Shown on the projector beside your row. Leave it empty to stay anonymous.'}
        </p>
      </div>
      {rated === 0 && (
        <p className="field-error" role="status">
          Rate at least one item to get a code.
        </p>
      )}
      <div className="take-actions sticky">
        <button type="button" className="primary big" disabled={rated === 0 || problem !== null} onClick={onFinish}>
          Get my answer code
        </button>
      </div>
    </section>
  );
}
