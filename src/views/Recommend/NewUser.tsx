/**
 * You as a new user: the student rates a few items (found by title), MF Lab solves their u
 * with the lecture's closed form against the current V — one users half-step for one new row,
 * no retraining — and recommends as they rate. "Add me to R" makes the ratings a real row of
 * R through the lab's undoable edits; ALS then solves that row like any other.
 */
import { useId, useMemo, useState } from 'react';
import { foldInUser, recommendFor, type FoldIn } from '../../core';
import { useLab } from '../../state/LabContext';
import { confidenceKind } from '../../state/labData';
import { FoldInResult } from './FoldInResult';
import { ItemSearch } from './ItemSearch';
import { RatingInput } from './RatingInput';
import { TopList } from './TopList';
import { WhyPanel } from './WhyPanel';
import { newUserFactors, newUserProblem, withNewUser, type NewRating } from './recommendData';
import { useNewUserRatings } from './useNewUserRatings';
import type { RecommendModel } from './useRecommendModel';
import { AddAsRow } from './AddAsRow';

export function NewUser({ model, top }: { model: RecommendModel; top: number }) {
  const { data, F, labels, implicit, options, alpha } = model;
  const headingId = useId();
  const rateId = useId();
  const { ratings, rate, remove, clear } = useNewUserRatings();
  const [value, setValue] = useState(data.scale.max);
  const [chosen, setChosen] = useState<number | null>(null);
  const setData = useLab((s) => s.setData);
  const index = useMemo(() => new Map(data.itemIds.map((id, j) => [id, j])), [data.itemIds]);
  const entries = useMemo<NewRating[]>(
    () =>
      ratings.flatMap((r) => {
        const j = index.get(r.itemId);
        return j === undefined ? [] : [{ item: j, value: r.value }];
      }),
    [ratings, index],
  );
  const rated = useMemo(() => new Set(entries.map((e) => e.item)), [entries]);
  const problem = useMemo(() => newUserProblem(data, alpha), [data, alpha]);
  const matrix = confidenceKind(data) === 'matrix';
  const newF = useMemo(() => newUserFactors(F), [F]);
  const fold = useMemo((): FoldIn | string | null => {
    if (matrix || entries.length === 0) return null;
    try {
      return foldInUser(problem, newF, entries, options);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [matrix, entries, problem, newF, options]);
  const solved = fold !== null && typeof fold !== 'string' && fold.u ? fold : null;
  const list = useMemo(
    () => (solved ? recommendFor(F, solved.u!, solved.bias ?? 0, labels, rated, top) : []),
    [solved, F, labels, rated, top],
  );
  const one = useMemo(() => (solved ? { problem: solved.problem, F: solved.factors, row: 0 } : null), [solved]);
  const focus = chosen !== null && list.some((r) => r.item === chosen) ? chosen : (list[0]?.item ?? null);

  if (matrix)
    return (
      <section className="rc-section" aria-labelledby={headingId}>
        <h3 id={headingId}>You as a new user</h3>
        <p className="rc-note">
          A new user can be folded in when confidences come from c = 1 + α·r; with P and C given entry by entry (the lecture’s C)
          there is no rule for the new row’s confidences. Switch the feedback to observations with c = 1 + α·r to try it.
        </p>
      </section>
    );

  const verb = implicit ? 'Mark as consumed' : `Rate ${value}`;
  return (
    <section className="rc-section" aria-labelledby={headingId}>
      <h3 id={headingId}>You as a new user</h3>
      <p className="rc-note">
        {implicit ? 'Mark a few items you have used.' : 'Rate a few items.'} MF Lab solves your <em>u</em> with the closed form
        against the current V — one users half-step for your row alone, no retraining — and recommends as you{' '}
        {implicit ? 'mark' : 'rate'}.
      </p>
      <div className="rc-split">
        <div className="rc-rate">
          {!implicit && (
            <p className="rc-rate-value">
              <label htmlFor={rateId}>
                Your rating ({data.scale.min}–{data.scale.max})
              </label>{' '}
              <RatingInput id={rateId} data={data} value={value} label="Your rating" onChange={setValue} />
            </p>
          )}
          <ItemSearch
            label="Find an item to rate"
            labels={labels}
            exclude={rated}
            action={(t) => ({ text: verb, name: `${verb}: ${t}` })}
            onPick={(j) => rate(data.itemIds[j]!, implicit ? 1 : value)}
          />
        </div>
        <OwnRatings model={model} entries={entries} onRate={rate} onRemove={remove} />
      </div>
      {fold === null && entries.length === 0 && (
        <p className="muted">Your recommendations appear here once you have {implicit ? 'marked' : 'rated'} an item.</p>
      )}
      {typeof fold === 'string' && <p className="rc-note">{fold}</p>}
      {fold !== null && typeof fold !== 'string' && <FoldInResult fold={fold} options={options} count={entries.length} />}
      {solved && one && (
        <div className="rc-split">
          <TopList
            caption={`Your top ${top}`}
            list={list}
            labels={labels}
            implicit={implicit}
            chosen={focus}
            onChoose={setChosen}
            empty="You have rated every item: there is nothing left to recommend."
          />
          {focus !== null && <WhyPanel one={one} item={focus} options={options} labels={labels} implicit={implicit} who="you" />}
        </div>
      )}
      <AddAsRow
        data={data}
        count={entries.length}
        onAdd={(name) => {
          const result = withNewUser(data, name, entries);
          if (!result.ok) return result.error;
          setData(result.data);
          clear();
          return null;
        }}
      />
    </section>
  );
}

function OwnRatings({
  model,
  entries,
  onRate,
  onRemove,
}: {
  model: RecommendModel;
  entries: readonly NewRating[];
  onRate(itemId: string, value: number): void;
  onRemove(itemId: string): void;
}) {
  const { data, labels, implicit } = model;
  if (entries.length === 0) return <p className="muted">{implicit ? 'Nothing marked yet.' : 'No ratings yet.'}</p>;
  return (
    <table className="rc-table rc-own">
      <caption>Your {implicit ? 'items' : 'ratings'}</caption>
      <thead>
        <tr>
          <th scope="col">item</th>
          {!implicit && <th scope="col">rating</th>}
          <th scope="col">
            <span className="visually-hidden">remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const title = labels[e.item] ?? data.itemIds[e.item]!;
          const id = data.itemIds[e.item]!;
          return (
            <tr key={id}>
              <th scope="row">{title}</th>
              {!implicit && (
                <td>
                  <RatingInput data={data} value={e.value} label={`Your rating for ${title}`} onChange={(v) => onRate(id, v)} />
                </td>
              )}
              <td>
                <button type="button" className="rc-why" aria-label={`Remove ${title}`} onClick={() => onRemove(id)}>
                  Remove
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
