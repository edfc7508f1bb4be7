/**
 * Implicit feedback as it arrives: an event log (who, what, when, which action, how much),
 * turned into an interaction matrix by a rule the student chooses.
 */
import { ScrollX } from '../ScrollX';
import { useMemo, useState } from 'react';
import { MatrixTable } from './MatrixTable';

interface Event {
  user: string;
  item: string;
  time: string;
  action: 'Watch' | 'Clicked' | 'Purchase';
  amount: number | null;
}

/** The lecture's log, with a few more events so that every rule gives a different matrix. */
const EVENTS: Event[] = [
  { user: 'u1', item: 'm1', time: '12/11/2021 09:01:21', action: 'Watch', amount: 25 },
  { user: 'u2', item: 'm1', time: '17/03/2021 14:27:09', action: 'Clicked', amount: null },
  { user: 'u2', item: 'm4', time: '17/03/2021 14:22:09', action: 'Clicked', amount: null },
  { user: 'u2', item: 'm4', time: '17/03/2021 14:25:40', action: 'Purchase', amount: null },
  { user: 'u3', item: 'm2', time: '02/01/2022 20:11:05', action: 'Watch', amount: 90 },
  { user: 'u3', item: 'm3', time: '03/01/2022 21:40:17', action: 'Watch', amount: 35 },
  { user: 'u3', item: 'm2', time: '09/01/2022 19:02:44', action: 'Watch', amount: 100 },
  { user: 'u4', item: 'm3', time: '14/06/2020 23:14:46', action: 'Watch', amount: 100 },
  { user: 'u4', item: 'm2', time: '15/06/2020 08:30:12', action: 'Clicked', amount: null },
];
const USERS = ['u1', 'u2', 'u3', 'u4'];
const ITEMS = ['m1', 'm2', 'm3', 'm4'];

type Rule = 'any' | 'count' | 'watched' | 'purchase';
const RULES: { id: Rule; label: string; note: string }[] = [
  { id: 'any', label: 'any event → 1', note: 'A binary preference P: 1 when the user did anything with the item, else 0.' },
  { id: 'count', label: 'number of events', note: 'Counts: more events suggest more interest (or more confusion).' },
  { id: 'watched', label: 'largest share watched (%)', note: 'How much was watched; clicks and purchases count as 0 here.' },
  { id: 'purchase', label: 'purchased → 1', note: 'Only the strongest signal counts: a purchase.' },
];

export function aggregate(events: readonly Event[], rule: Rule): number[][] {
  const M = USERS.map(() => ITEMS.map(() => 0));
  for (const e of events) {
    const i = USERS.indexOf(e.user);
    const j = ITEMS.indexOf(e.item);
    const row = M[i]!;
    if (rule === 'any') row[j] = 1;
    else if (rule === 'count') row[j]! += 1;
    else if (rule === 'watched') row[j] = Math.max(row[j]!, e.action === 'Watch' ? (e.amount ?? 0) : 0);
    else if (rule === 'purchase' && e.action === 'Purchase') row[j] = 1;
  }
  return M;
}

export function EventLog() {
  const [rule, setRule] = useState<Rule>('any');
  const M = useMemo(() => aggregate(EVENTS, rule), [rule]);
  return (
    <div className="widget event-log">
      <ScrollX label="Event log">
      <table className="lesson-table" aria-label="Event log">
        <thead>
          <tr>
            <th scope="col">user</th>
            <th scope="col">item</th>
            <th scope="col">time</th>
            <th scope="col">action</th>
            <th scope="col">amount</th>
          </tr>
        </thead>
        <tbody>
          {EVENTS.map((e, k) => (
            <tr key={k}>
              <td>{e.user}</td>
              <td>{e.item}</td>
              <td>{e.time}</td>
              <td>{e.action}</td>
              <td>{e.amount === null ? '' : `${e.amount}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollX>
      <div className="event-arrow" aria-hidden="true">
        →
      </div>
      <div>
        <fieldset className="lesson-choices">
          <legend>Turn the log into a matrix by</legend>
          {RULES.map((r) => (
            <label key={r.id}>
              <input type="radio" name="event-rule" value={r.id} checked={rule === r.id} onChange={() => setRule(r.id)} /> {r.label}
            </label>
          ))}
        </fieldset>
        <MatrixTable label="Interaction matrix" rows={M} rowIds={USERS} colIds={ITEMS} />
        <p className="muted">{RULES.find((r) => r.id === rule)!.note} Every empty cell is a 0 — not a “?”: no event is also information.</p>
      </div>
    </div>
  );
}
