/**
 * The user to recommend for, as a native select. ML-1M has 6,040 users: their options are
 * built when the select is first reached (pointer or keyboard focus), not when the tab opens,
 * and once per data set after that, never on an ALS step.
 */
import { useMemo, useState } from 'react';

/** Up to this many users the options are there from the start. */
const EAGER = 1000;

export interface UserSelectProps {
  id: string;
  userIds: readonly string[];
  /** How many of them the model has rows for. */
  count: number;
  value: number;
  onPick(i: number): void;
}

export function UserSelect({ id, userIds, count, value, onPick }: UserSelectProps) {
  const [reached, setReached] = useState(false);
  const all = reached || count <= EAGER;
  const options = useMemo(
    () =>
      all
        ? userIds.slice(0, count).map((uid, i) => (
            <option key={i} value={i}>
              {uid}
            </option>
          ))
        : null,
    [all, userIds, count],
  );
  return (
    <select
      id={id}
      value={value}
      onPointerDown={() => setReached(true)}
      onFocus={() => setReached(true)}
      onChange={(e) => onPick(Number(e.target.value))}
    >
      {options ?? <option value={value}>{userIds[value] ?? `user ${value + 1}`}</option>}
    </select>
  );
}
