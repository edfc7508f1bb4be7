/**
 * From factors to recommendations: a user's top-N unrated items with their predicted scores,
 * each score taken apart exactly (by latent factor and by the user's own ratings), items
 * similar to a chosen one, and the student as a new user folded in against the current V.
 * Everything follows the model on screen as ALS runs; nothing here trains the model.
 */
import { useId, useState } from 'react';
import { useLab } from '../../state/LabContext';
import { NewUser } from './NewUser';
import { SimilarItems } from './SimilarItems';
import { TopList } from './TopList';
import { UserSelect } from './UserSelect';
import { WhyPanel } from './WhyPanel';
import { useUserTop, type UserTopResult } from './useUserTop';
import { useRecommendModel, type RecommendModel } from './useRecommendModel';
import './Recommend.css';

export const TOP_CHOICES = [5, 10, 20] as const;

export function Recommend() {
  const model = useRecommendModel();
  if (!model.ready)
    return (
      <div className="recommend">
        <p className="muted">{model.reason}</p>
      </div>
    );
  return <RecommendBody model={model} />;
}

function RecommendBody({ model }: { model: RecommendModel }) {
  const [top, setTop] = useState<number>(10);
  const [chosen, setChosen] = useState<number | null>(null);
  const result = useUserTop(model, top);
  const focus = chosen !== null && result.list.some((r) => r.item === chosen) ? chosen : (result.list[0]?.item ?? null);
  return (
    <div className="recommend">
      {model.random && (
        <p className="rc-random" role="note">
          <strong>Step 0:</strong> U and V are still the random start, so these lists and their explanations mean nothing yet. Run
          ALS (<em>Step</em>) and watch them settle.
        </p>
      )}
      {model.optionsNote && <p className="rc-note">{model.optionsNote}</p>}
      <UserTop model={model} result={result} top={top} onTop={setTop} focus={focus} onChoose={setChosen} />
      <SimilarItems F={model.F} labels={model.labels} top={top} initial={focus ?? 0} />
      <NewUser model={model} top={top} />
    </div>
  );
}

interface UserTopProps {
  model: RecommendModel;
  top: number;
  onTop(n: number): void;
  result: UserTopResult;
  /** The item explained: the one chosen, else the top one. */
  focus: number | null;
  onChoose(item: number): void;
}

function UserTop({ model, result, top, onTop, focus, onChoose }: UserTopProps) {
  const { data, F, user, labels, implicit } = model;
  const headingId = useId();
  const userSelect = useId();
  const topSelect = useId();
  const users = data.userIds;
  const solveRow = useLab((s) => s.solveRow);
  const count = Math.min(F.m, data.ratings.m);
  const { one, rated, held, list } = result;
  const uid = users[user] ?? `user ${user + 1}`;
  const what = implicit ? 'has not interacted with' : 'has not rated';
  return (
    <section className="rc-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Top-{top} for a user</h3>
      <div className="rc-toolbar">
        <label htmlFor={userSelect}>User</label>
        <UserSelect id={userSelect} userIds={users} count={count} value={user} onPick={model.pickUser} />
        <label htmlFor={topSelect}>How many</label>
        <select id={topSelect} value={top} onChange={(e) => onTop(Number(e.target.value))}>
          {TOP_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <p className="rc-hint">
          {uid} {implicit ? 'interacted with' : 'rated'} {rated.length} of {data.ratings.n} items
          {held > 0 && ` (${held} of them held out of training: rated all the same, so not recommended)`}; the list ranks the
          others by {implicit ? 'predicted preference' : 'predicted rating'}.
        </p>
      </div>
      <div className="rc-split">
        <TopList
          caption={`Top ${top} for ${uid}: items ${uid} ${what}`}
          list={list}
          labels={labels}
          implicit={implicit}
          chosen={focus}
          onChoose={onChoose}
          empty={`${uid} ${implicit ? 'has interacted with' : 'has rated'} every item: there is nothing left to recommend.`}
        />
        {focus !== null && (
          <WhyPanel
            one={one}
            item={focus}
            options={model.options}
            labels={labels}
            implicit={implicit}
            who={uid}
            onSolveRow={() => solveRow('users', user)}
          />
        )}
      </div>
    </section>
  );
}
