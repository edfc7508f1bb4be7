/**
 * Holding out a rating can leave its user (or item) with no rating to learn from: ALS then
 * fits that row from λ alone — u = (λI)⁻¹·0 = 0 — so every prediction for it is 0 and the
 * held-out error is the rating itself (2.0 for a held-out 2). Said at the moment it happens.
 * Pure: reads the data only, through its accessors.
 */
import type { LabData } from '../../state/labData';
import { forEachInColumn, forEachInRow, isHeldOut } from '../common/labAccess';

/** Training ratings of user i and of item j (known, not held out; implicit: p > 0 counts as an interaction). */
export function trainingCounts(data: LabData, i: number, j: number): { user: number; item: number } {
  const implicit = data.mode === 'implicit';
  const counts = (value: number, heldOut: boolean) => (!heldOut && !(implicit && value === 0) ? 1 : 0);
  let user = 0;
  let item = 0;
  forEachInRow(data, i, (_, v, h) => (user += counts(v, h)));
  forEachInColumn(data, j, (_, v, h) => (item += counts(v, h)));
  return { user, item };
}

/**
 * The warning for holding out (i, j) in `after` (the data with the cell held out), or null
 * when both its user and its item keep a training rating.
 */
export function holdOutWarning(after: LabData, i: number, j: number): string | null {
  if (!isHeldOut(after, i, j)) return null;
  const { user, item } = trainingCounts(after, i, j);
  const who = after.userIds[i] ?? `user ${i + 1}`;
  const what = after.itemIds[j] ?? `item ${j + 1}`;
  const alone = [user === 0 ? `${who} has` : null, item === 0 ? `${what} has` : null].filter(Boolean);
  if (alone.length === 0) return null;
  const subject = alone.length === 2 ? `${who} and ${what} have` : alone[0]!;
  const rows = alone.length === 2 ? 'their factors' : user === 0 ? `${who}’s factors` : `${what}’s factors`;
  return (
    `${subject} no training rating left. ALS has nothing to learn ${rows} from: only λ acts on them, ` +
    `which pulls them to 0, so the prediction for ${who} × ${what} is 0 and its held-out error is the whole rating. ` +
    `Hold out a cell whose user and item keep other ratings to measure generalisation.`
  );
}
