/**
 * From factors to recommendations: a user's top-N unrated items with their predicted scores,
 * each score taken apart exactly (by latent factor and by the user's own ratings), items
 * similar to a chosen one, and the student as a new user folded in against the current V.
 * Everything follows the model on screen as ALS runs; nothing here trains the model.
 */
import { useId, useMemo, useState } from 'react';
import { recommendFor } from '../../core';
import { useLab } from '../../state/LabContext';
import { forEachInRow } from '../../state/labData';
import { NewUser } from './NewUser';
import { SimilarItems } from './SimilarItems';
import { TopList } from './TopList';
import { WhyPanel } from './WhyPanel';
import { ratedItems, userModel } from './recommendData';
import { useRecommendModel, type RecommendModel } from './useRecommendModel';
import './Recommend.css';

export const TOP_CHOICES = [5, 10, 20] as const;

export function Recommend() {
  const model = useRecommendModel();
  const [top, setTop] = useState<number>(10);
  const [chosen, setChosen] = useState<number | null>(null);
  if (!model.ready)
    return (
      <div className="recommend">
        <p className="muted">{model.reason}</p>
      </div>
    );
  return (
    <div className="recommend">
      {model.random && (
        <p className="rc-random" role="note">
          <strong>Step 0:</strong> U and V are still the random start, so these lists and their explanations mean nothing yet. Run
          ALS (<em>Step</em>) and watch them settle.
        </p>
      )}
      {model.optionsNote && <p className="rc-note">{model.optionsNote}</p>}
      <UserTop model={model} top={top} onTop={setTop} chosen={chosen} onChoose={setChosen} />
      <SimilarItems F={model.F} labels={model.labels} top={top} initial={chosen ?? 0} />
      <NewUser model={model} top={top} />
    </div>
  );
}

interface UserTopProps {
  model: RecommendModel;
  top: number;
  onTop(n: number): void;
  chosen: number | null;
  onChoose(item: number): void;
}

function UserTop({ model, top, onTop, chosen, onChoose }: UserTopProps) {
  const { data, F, user, labels, implicit, shared, alpha } = model;
  const headingId = useId();
  const userSelect = useId();
  const topSelect = useId();
  const users = data.userIds;
  const solveRow = useLab((s) => s.solveRow);
  const count = Math.min(F.m, data.ratings.m);
  // Thousands of options for MovieLens: built once per data set, not on every ALS step.
  const options = useMemo(
    () =>
      users.slice(0, count).map((id, i) => (
        <option key={i} value={i}>
          {id}
        </option>
      )),
    [users, count],
  );
  const one = useMemo(() => userModel(data, F, user, alpha, shared), [data, F, user, alpha, shared]);
  const rated = useMemo(() => ratedItems(data, user), [data, user]);
  const held = useMemo(() => {
    let count = 0;
    forEachInRow(data, user, (_j, _v, isHeld) => {
      if (isHeld) count++;
    });
    return count;
  }, [data, user]);
  const list = useMemo(() => {
    const d = one.F.d;
    const u = one.F.U.subarray(one.row * d, one.row * d + d);
    return recommendFor(one.F, u, one.F.biases?.user[one.row] ?? 0, labels, rated, top);
  }, [one, labels, rated, top]);
  const uid = users[user] ?? `user ${user + 1}`;
  const what = implicit ? 'has not interacted with' : 'has not rated';
  const focus = chosen !== null && list.some((r) => r.item === chosen) ? chosen : (list[0]?.item ?? null);
  return (
    <section className="rc-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Top-{top} for a user</h3>
      <div className="rc-toolbar">
        <label htmlFor={userSelect}>User</label>
        <select id={userSelect} value={user} onChange={(e) => model.pickUser(Number(e.target.value))}>
          {options}
        </select>
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
