/**
 * The instructor sets up a class survey: a preset item list or their own titles, and the
 * rating scale. Creating it gives a round id and opens the page with its QR code.
 */
import { useState } from 'react';
import { ITEM_LISTS, SCALES, itemList, scaleOf, type ScaleId } from './itemLists';
import { collectHash } from './surveyRoute';
import { keepSurvey, keptSurveys } from './surveyStorage';
import { decodeSurveyToken, newRound, parseCustomTitles, surveyOf, type SurveyItemsRef } from './surveySpec';

const CUSTOM = 'custom';

export function SurveySetup() {
  const [list, setList] = useState<string>('films');
  const [scale, setScale] = useState<ScaleId>('1-5');
  const [custom, setCustom] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [kept] = useState(() =>
    keptSurveys().flatMap((s) => {
      const r = decodeSurveyToken(s.token);
      return r.ok ? [{ ...s, survey: r.survey }] : [];
    }),
  );

  const chooseList = (id: string) => {
    setList(id);
    setErrors([]);
    const preset = itemList(id);
    if (preset) setScale(preset.scale);
  };

  const create = () => {
    let items: SurveyItemsRef;
    if (list === CUSTOM) {
      const parsed = parseCustomTitles(custom);
      if ('errors' in parsed) {
        setErrors(parsed.errors);
        return;
      }
      items = { kind: 'custom', titles: parsed.titles };
    } else items = { kind: 'preset', list };
    const result = surveyOf({ round: newRound(), scale: scaleOf(scale), items });
    if (!result.ok) {
      setErrors([result.error]);
      return;
    }
    keepSurvey(result.survey.token, result.survey.id);
    location.hash = collectHash(result.survey.token);
  };

  return (
    <div className="survey-setup">
      <section className="panel" aria-labelledby="setup-title">
        <h2 id="setup-title">Class survey: factorize the room</h2>
        <p>
          Your students rate a few items on their phones and send you a short answer code. MF Lab turns the codes into R — one row
          per student — and the lab factorizes it: ALS step by step, who sits near whom in the latent space, and what to recommend
          to each student. No accounts, no server: everything stays in the browsers.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
        >
          <fieldset className="setup-choices">
            <legend>1. What the class rates</legend>
            {ITEM_LISTS.map((l) => (
              <label key={l.id} className="setup-choice">
                <input
                  type="radio"
                  name="list"
                  value={l.id}
                  checked={list === l.id}
                  aria-labelledby={`list-${l.id}`}
                  aria-describedby={`list-${l.id}-about`}
                  onChange={() => chooseList(l.id)}
                />
                <span>
                  <strong id={`list-${l.id}`}>
                    {l.label} ({l.items.length})
                  </strong>{' '}
                  <span id={`list-${l.id}-about`}>
                    <span className="muted">— {l.description}</span>
                    <span className="setup-preview">{l.items.map((i) => i.title).join(' · ')}</span>
                  </span>
                </span>
              </label>
            ))}
            <label className="setup-choice">
              <input type="radio" name="list" value={CUSTOM} checked={list === CUSTOM} onChange={() => chooseList(CUSTOM)} />
              <span className="setup-choice-text">
                Your own list <span className="muted">— one title per line, 2 to 40 items</span>
              </span>
            </label>
            {list === CUSTOM && (
              <label className="setup-custom">
                <span className="visually-hidden">Your items, one per line</span>
                <textarea
                  rows={8}
                  value={custom}
                  placeholder={'Espresso\nGreen tea\nHot chocolate\n…'}
                  aria-invalid={errors.length > 0 ? true : undefined}
                  aria-describedby="setup-errors"
                  onChange={(e) => setCustom(e.target.value)}
                />
              </label>
            )}
          </fieldset>
          <fieldset className="setup-choices">
            <legend>2. The rating scale</legend>
            {SCALES.map((s) => (
              <label key={s.id} className="setup-choice inline">
                <input type="radio" name="scale" value={s.id} checked={scale === s.id} onChange={() => setScale(s.id)} />
                <span>
                  {s.label} <span className="muted">({s.hint})</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div id="setup-errors" role="alert" className="field-errors">
            {errors.map((e) => (
              <p key={e} className="field-error">
                {e}
              </p>
            ))}
          </div>
          <button type="submit" className="primary big">
            Create the survey and show its QR code
          </button>
        </form>
      </section>
      {kept.length > 0 && (
        <section className="panel" aria-labelledby="kept-title">
          <h2 id="kept-title">Surveys kept in this browser</h2>
          <ul className="kept-surveys">
            {kept.map((s) => (
              <li key={s.id}>
                <a href={collectHash(s.token)}>
                  Survey {s.id}: {s.survey.listLabel ?? 'your own list'}, {s.survey.items.length} items, {s.survey.spec.scale.min}
                  –{s.survey.spec.scale.max}
                </a>{' '}
                <span className="muted">created {new Date(s.created).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
