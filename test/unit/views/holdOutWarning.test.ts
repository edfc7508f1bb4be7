/**
 * Holding out a cell that leaves its user (or item) with no training rating is said at once:
 * ALS then fits that row from λ alone (u = 0) and the held-out error is the whole rating
 * (the held-out RMSE of 2.0 the issue saw for a held-out 2).
 */
import { describe, expect, it } from 'vitest';
import { setCell, toggleHeldOut } from '../../../src/state/edits';
import { lectureR } from '../../../src/state/presets';
import type { LabData } from '../../../src/state/labData';
import { holdOutWarning, trainingCounts } from '../../../src/views/RatingGrid/holdOutWarning';

function hold(data: LabData, i: number, j: number): LabData {
  const r = toggleHeldOut(data, i, j);
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

describe('the hold-out warning', () => {
  it('says nothing when the user and the item keep other training ratings', () => {
    // u3 rated i1, i2, i3, i6; i2 is also rated by u2.
    const after = hold(lectureR(), 2, 1);
    expect(trainingCounts(after, 2, 1)).toEqual({ user: 3, item: 1 });
    expect(holdOutWarning(after, 2, 1)).toBeNull();
  });

  it('warns when the item is left with no training rating, and says why the error will be large', () => {
    // i4 is rated by u1 only: holding that out leaves i4 with nothing.
    const after = hold(lectureR(), 0, 3);
    const text = holdOutWarning(after, 0, 3)!;
    expect(text).toMatch(/^i4 has no training rating left/);
    expect(text).toContain('only λ acts on them');
    expect(text).toContain('the prediction for u1 × i4 is 0');
  });

  it('names both when the user and the item are both left with nothing', () => {
    // u1 keeps only its rating of i4, which nobody else rated: holding it out leaves both with nothing.
    let data = lectureR();
    for (const j of [0, 5]) {
      const r = setCell(data, 0, j, null);
      if (!r.ok) throw new Error(r.error);
      data = r.data;
    }
    expect(holdOutWarning(hold(data, 0, 3), 0, 3)).toMatch(/^u1 and i4 have no training rating left/);
  });

  it('says nothing when the cell was put back in training', () => {
    const back = hold(hold(lectureR(), 0, 3), 0, 3);
    expect(holdOutWarning(back, 0, 3)).toBeNull();
  });
});
