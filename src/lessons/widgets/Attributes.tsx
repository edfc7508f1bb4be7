/**
 * Why a linear model on attributes is not personalized: r_um = ωᵀ[a_u; a_m] = ω_uᵀa_u + ω_mᵀa_m.
 * The user part adds the same number to every item's score, so every user ranks the items
 * in the same order. An interaction term a_uᵀ W a_m (not linear in [a_u; a_m]) changes that.
 */
import { ScrollX } from '../ScrollX';
import { useMemo, useState } from 'react';

const ITEMS = [
  { id: 'm1', label: 'Armchair, black', black: 1, price: 24.936, chair: 1 },
  { id: 'm2', label: 'Armchair, red and white', black: 0, price: 24.944, chair: 1 },
  { id: 'm3', label: 'Football shirt, red and white', black: 0, price: 1.299, chair: 0 },
  { id: 'm4', label: 'Conference chair, black', black: 1, price: 1.104, chair: 1 },
];
const USERS = [
  { id: 'u1', label: 'Ana, 23, Prague', age: 2.3, city: 1 },
  { id: 'u2', label: 'Ben, 41, Brno', age: 4.1, city: 0 },
  { id: 'u3', label: 'Cleo, 67, Ostrava', age: 6.7, city: 0 },
];

export interface AttributeWeights {
  black: number;
  price: number;
  chair: number;
  age: number;
  city: number;
  /** Interaction: age × price (a personalized term). */
  agePrice: number;
}

/** Score of every (user, item): linear in the stacked attributes, plus an optional interaction. */
export function scores(w: AttributeWeights): number[][] {
  return USERS.map((u) =>
    ITEMS.map((m) => w.age * u.age + w.city * u.city + w.black * m.black + w.price * m.price + w.chair * m.chair + w.agePrice * u.age * m.price),
  );
}

export function rankings(S: number[][]): string[][] {
  return S.map((row) =>
    row
      .map((s, j) => ({ s, id: ITEMS[j]!.id }))
      .sort((a, b) => b.s - a.s)
      .map((x) => x.id),
  );
}

const SLIDERS: { key: keyof AttributeWeights; label: string; min: number; max: number }[] = [
  { key: 'black', label: 'ω black', min: -2, max: 2 },
  { key: 'price', label: 'ω price (thousand CZK)', min: -0.2, max: 0.2 },
  { key: 'chair', label: 'ω chair', min: -2, max: 2 },
  { key: 'age', label: 'ω age (decades)', min: -1, max: 1 },
  { key: 'city', label: 'ω lives in Prague', min: -2, max: 2 },
];

export function Attributes() {
  const [w, setW] = useState<AttributeWeights>({ black: 0.8, price: -0.05, chair: 1, age: 0.3, city: -0.5, agePrice: 0 });
  const [interaction, setInteraction] = useState(false);
  const weights = { ...w, agePrice: interaction ? w.agePrice || 0.03 : 0 };
  const S = useMemo(() => scores(weights), [weights.black, weights.price, weights.chair, weights.age, weights.city, weights.agePrice]); // eslint-disable-line react-hooks/exhaustive-deps
  const R = rankings(S);
  const same = R.every((r) => r.join() === R[0]!.join());
  return (
    <div className="widget attributes">
      <div className="attr-sliders">
        {SLIDERS.map((s) => (
          <label key={s.key}>
            {s.label}: <strong>{w[s.key].toFixed(2)}</strong>
            <input
              type="range"
              min={s.min}
              max={s.max}
              step={(s.max - s.min) / 100}
              value={w[s.key]}
              aria-label={s.label}
              onChange={(e) => setW({ ...w, [s.key]: Number(e.target.value) })}
            />
          </label>
        ))}
        <label className="attr-interaction">
          <input type="checkbox" checked={interaction} onChange={(e) => setInteraction(e.target.checked)} /> add an interaction term age × price (not linear in
          [a_u; a_m])
        </label>
      </div>
      <ScrollX label="Scores and rankings">
      <table className="lesson-table" aria-label="Scores and rankings">
        <thead>
          <tr>
            <th scope="col">user</th>
            {ITEMS.map((m) => (
              <th key={m.id} scope="col" title={m.label}>
                {m.id}
              </th>
            ))}
            <th scope="col">ranking</th>
          </tr>
        </thead>
        <tbody>
          {USERS.map((u, i) => (
            <tr key={u.id}>
              <th scope="row">{u.label}</th>
              {S[i]!.map((s, j) => (
                <td key={j}>{s.toFixed(2)}</td>
              ))}
              <td aria-label={`Ranking for ${u.id}`} className="attr-ranking">
                {R[i]!.join(' > ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollX>
      <p className={same ? 'attr-verdict same' : 'attr-verdict differ'} role="status">
        {same
          ? 'Every user gets the same ranking: the user’s attributes only shift all of their scores by the same amount.'
          : 'The rankings now differ between users: the interaction term makes the model personal.'}
      </p>
      <p className="muted attr-items">Items: {ITEMS.map((m) => `${m.id} ${m.label} (${m.price.toFixed(3)} thousand CZK)`).join('; ')}.</p>
    </div>
  );
}
