/**
 * Editing the lab's data, worked on the lecture's 4×6 R:
 *
 *        i1 i2 i3 i4 i5 i6
 *   u1 [  1  ?  ?  2  ?  1 ]
 *   u2 [  ?  2  3  ?  2  1 ]
 *   u3 [  1  5  5  ?  ?  5 ]
 *   u4 [  ?  ?  2  ?  ?  3 ]
 *
 * Every edit is a pure function: the old data is never changed, and what an edit does not
 * touch (labels, the pattern of known cells, P when C changes) is shared, not copied.
 */
import { describe, expect, it } from 'vitest';
import {
  addItem,
  addUser,
  baselineConfidence,
  checkValue,
  clearHeldOut,
  dataKind,
  describeCell,
  nextLabel,
  parseEntry,
  removeItem,
  removeUser,
  renameLabel,
  setCell,
  setConfidence,
  setKind,
  setScale,
  thresholdToImplicit,
  toggleHeldOut,
  validateEntry,
  type EditResult,
} from '../../../src/state/edits';
import { denseCells, denseConfidence, heldOutPairs, type LabData } from '../../../src/state/labData';
import { lecturePC, lectureR } from '../../../src/state/presets';

/** The data of a successful edit (fails the test with the message otherwise). */
function done(result: EditResult): LabData {
  if (!result.ok) throw new Error(`expected the edit to succeed, got: ${result.error}`);
  return result.data;
}

function refused(result: EditResult): string {
  if (result.ok) throw new Error('expected the edit to be refused');
  return result.error;
}

/** A deep copy, to check that an edit left its input alone. */
const frozen = (data: LabData) => structuredClone(data);
const cells = denseCells;
const C = (data: LabData) => denseConfidence(data)!;
const held = heldOutPairs;

describe('parseEntry: what a student types', () => {
  it('reads numbers, a decimal comma, a real minus sign and percentages', () => {
    expect(parseEntry('4')).toEqual({ value: 4 });
    expect(parseEntry(' 3.5 ')).toEqual({ value: 3.5 });
    expect(parseEntry('3,5')).toEqual({ value: 3.5 });
    expect(parseEntry('−2')).toEqual({ value: -2 });
    expect(parseEntry('80%')).toEqual({ value: 0.8 });
  });

  it('reads ? and an empty entry as unknown', () => {
    expect(parseEntry('?')).toEqual({ value: null });
    expect(parseEntry('  ')).toEqual({ value: null });
  });

  it('refuses what is not a number, quoting it', () => {
    expect(parseEntry('abc')).toEqual({ error: '"abc" is not a number' });
    expect(parseEntry('4 stars')).toEqual({ error: '"4 stars" is not a number' });
    expect(parseEntry('%')).toEqual({ error: '"%" is not a number' });
    expect(parseEntry('Infinity')).toEqual({ error: '"Infinity" is not a number' });
  });
});

describe('checking a value against the data', () => {
  const R = lectureR();

  it('explicit ratings must lie on the rating scale 1–5 (ends included)', () => {
    expect(checkValue(R, 1)).toBeNull();
    expect(checkValue(R, 5)).toBeNull();
    expect(checkValue(R, 3.5)).toBeNull();
    expect(checkValue(R, null)).toBeNull();
    expect(checkValue(R, 7)).toBe('"7" is outside the rating scale 1–5');
    expect(checkValue(R, 0)).toBe('"0" is outside the rating scale 1–5');
  });

  it('validateEntry quotes exactly what was typed', () => {
    expect(validateEntry(R, '7')).toEqual({ error: '"7" is outside the rating scale 1–5' });
    expect(validateEntry(R, ' 4 ')).toEqual({ value: 4 });
    expect(validateEntry(R, 'x')).toEqual({ error: '"x" is not a number' });
  });

  it('implicit observations only need to be ≥ 0 (counts, shares watched)', () => {
    const obs = done(setKind(R, 'alpha', 10));
    expect(checkValue(obs, 12)).toBeNull();
    expect(checkValue(obs, 0.8)).toBeNull();
    expect(checkValue(obs, -1)).toMatch(/negative/);
  });

  it('P holds 0 or 1, and C holds numbers ≥ 0 (never ?)', () => {
    const PC = lecturePC();
    expect(checkValue(PC, 1)).toBeNull();
    expect(checkValue(PC, 0)).toBeNull();
    expect(checkValue(PC, 0.5)).toBe('"0.5" is not a preference: P holds 0 or 1');
    expect(checkValue(PC, 0.5, 'confidence')).toBeNull();
    expect(checkValue(PC, -0.1, 'confidence')).toMatch(/negative/);
    expect(checkValue(PC, null, 'confidence')).toMatch(/needs a confidence/);
    expect(checkValue(R, 1, 'confidence')).toMatch(/only with the lecture’s C/);
  });
});

describe('setCell', () => {
  it('fills the ? of u1 × i2 with 4, leaving the input and the labels alone', () => {
    const R = lectureR();
    const before = frozen(R);
    const next = done(setCell(R, 0, 1, 4));
    expect(cells(next)[0]).toEqual([1, 4, null, 2, null, 1]);
    expect(cells(next).slice(1)).toEqual(cells(R).slice(1));
    expect(R).toEqual(before);
    expect(next.ratings).not.toBe(R.ratings);
    expect(next.userIds).toBe(R.userIds);
    expect(next.ratings.userIds).toBe(next.userIds);
  });

  it('makes a rating unknown again with null', () => {
    expect(cells(done(setCell(lectureR(), 2, 1, null)))[2]).toEqual([1, null, 5, null, null, 5]);
  });

  it('refuses a 7 on the scale 1–5 and leaves the data as it was', () => {
    expect(refused(setCell(lectureR(), 0, 1, 7))).toBe('"7" is outside the rating scale 1–5');
  });

  it('returns the same data when nothing changes (no empty undo step)', () => {
    const R = lectureR();
    expect(done(setCell(R, 0, 0, 1))).toBe(R);
  });

  it('refuses a cell outside the matrix', () => {
    expect(refused(setCell(lectureR(), 4, 0, 3))).toMatch(/no cell/);
    expect(refused(setCell(lectureR(), 0, -1, 3))).toMatch(/no cell/);
  });

  it('stops holding out a cell that becomes unknown', () => {
    const heldData = done(toggleHeldOut(lectureR(), 2, 1));
    expect(held(done(setCell(heldData, 2, 1, null)))).toEqual([]);
    expect(held(done(setCell(heldData, 2, 1, 4)))).toEqual([[2, 1]]);
    // Inserting a rating before it moves its position: it still names u3 × i2.
    expect(held(done(setCell(heldData, 0, 1, 4)))).toEqual([[2, 1]]);
    expect(held(done(setCell(heldData, 2, 0, null)))).toEqual([[2, 1]]);
  });
});

describe('setConfidence (the lecture’s C)', () => {
  it('changes c_12 = 0.37 of u2 × i2 and nothing else', () => {
    const PC = lecturePC();
    const next = done(setConfidence(PC, 1, 1, 0.9));
    expect(C(next)[1]).toEqual([0, 0.9, 0.1, 0, 0.63, 0.01]);
    expect(C(next).filter((_, i) => i !== 1)).toEqual(C(PC).filter((_, i) => i !== 1));
    expect(C(PC)[1]![1]).toBe(0.37);
    expect(next.ratings).toBe(PC.ratings);
  });

  it('is refused for explicit data and for negative values', () => {
    expect(refused(setConfidence(lectureR(), 0, 0, 1))).toMatch(/only with the lecture’s C/);
    expect(refused(setConfidence(lecturePC(), 0, 0, -1))).toMatch(/negative/);
  });
});

describe('labels are unique and non-empty', () => {
  it('renames u3 to Cleo and i6 to Heat', () => {
    const R = lectureR();
    const next = done(renameLabel(done(renameLabel(R, 'users', 2, ' Cleo ')), 'items', 5, 'Heat'));
    expect(next.userIds).toEqual(['u1', 'u2', 'Cleo', 'u4']);
    expect(next.itemIds).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'Heat']);
    expect(R.userIds).toEqual(['u1', 'u2', 'u3', 'u4']);
  });

  it('refuses a duplicate and an empty name', () => {
    expect(refused(renameLabel(lectureR(), 'users', 2, 'u1'))).toBe('"u1" is already the name of another user');
    expect(refused(renameLabel(lectureR(), 'items', 0, 'i2'))).toBe('"i2" is already the name of another item');
    expect(refused(renameLabel(lectureR(), 'users', 0, '   '))).toBe('A user needs a name');
  });

  it('keeps a name that does not change (the same data)', () => {
    const R = lectureR();
    expect(done(renameLabel(R, 'users', 0, 'u1'))).toBe(R);
  });

  it('names new users and items after the existing ones', () => {
    expect(nextLabel(['u1', 'u2', 'u3', 'u4'], 'u')).toBe('u5');
    expect(nextLabel(['u1', 'u5'], 'u')).toBe('u3');
    expect(nextLabel(['m1', 'm2'], 'i')).toBe('m3');
    expect(nextLabel(['Ana', 'Ben'], 'u')).toBe('u3');
    expect(nextLabel(['u3', 'x', 'u4'], 'u')).toBe('u5');
  });
});

describe('adding users and items', () => {
  it('adds u5 with no ratings', () => {
    const next = done(addUser(lectureR()));
    expect(next.userIds).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(cells(next)[4]).toEqual([null, null, null, null, null, null]);
    expect(cells(next)).toHaveLength(5);
  });

  it('adds i7, an item nobody has rated', () => {
    const next = done(addItem(lectureR()));
    expect(next.itemIds.at(-1)).toBe('i7');
    expect(cells(next).map((row) => row.length)).toEqual([7, 7, 7, 7]);
    expect(cells(next).map((row) => row[6])).toEqual([null, null, null, null]);
  });

  it('refuses a name already taken', () => {
    expect(refused(addUser(lectureR(), 'u2'))).toMatch(/already/);
    expect(done(addItem(lectureR(), 'Heat')).itemIds.at(-1)).toBe('Heat');
  });

  it('gives new pairs of the lecture’s C its baseline confidence 0', () => {
    const PC = lecturePC();
    expect(baselineConfidence(PC)).toBe(0);
    const more = done(addItem(done(addUser(PC))));
    expect(C(more)).toHaveLength(5);
    expect(C(more)[4]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(C(more).map((row) => row.length)).toEqual([7, 7, 7, 7, 7]);
    expect(C(more).map((row) => row[6])).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('removing users and items keeps the held-out cells on the same ratings', () => {
  /** u1×i4 (2), u3×i2 (5), u4×i6 (3) held out. */
  const heldThree = () =>
    [
      [0, 3],
      [2, 1],
      [3, 5],
    ].reduce((d, [i, j]) => done(toggleHeldOut(d, i!, j!)), lectureR());

  it('shifts the cells of later rows up when u2 goes', () => {
    const data = heldThree();
    const next = done(removeUser(data, 1));
    expect(next.userIds).toEqual(['u1', 'u3', 'u4']);
    expect(held(next)).toEqual([
      [0, 3],
      [1, 1],
      [2, 5],
    ]);
    // The held-out cells are still u1×i4 = 2, u3×i2 = 5 and u4×i6 = 3.
    expect(held(next).map(([i, j]) => cells(next)[i]![j])).toEqual([2, 5, 3]);
    expect(held(data)).toEqual([
      [0, 3],
      [2, 1],
      [3, 5],
    ]);
  });

  it('drops the held-out cells of the removed row', () => {
    expect(held(done(removeUser(heldThree(), 2)))).toEqual([
      [0, 3],
      [2, 5],
    ]);
  });

  it('shifts the cells of later columns left when i2 goes, and drops i2’s', () => {
    const next = done(removeItem(heldThree(), 1));
    expect(next.itemIds).toEqual(['i1', 'i3', 'i4', 'i5', 'i6']);
    expect(cells(next)[0]).toEqual([1, null, 2, null, 1]);
    expect(held(next)).toEqual([
      [0, 2],
      [3, 4],
    ]);
  });

  it('removes the confidence row and column with P', () => {
    const next = done(removeItem(done(removeUser(lecturePC(), 0)), 0));
    expect(next.confidence!.entries.userIds).toBe(next.userIds);
    expect(next.confidence!.entries.itemIds).toBe(next.itemIds);
    expect(C(next)).toEqual([
      [0.37, 0.1, 0, 0.63, 0.01],
      [0.42, 0.43, 0, 0, 0.23],
      [0, 0.26, 0, 0, 0.88],
    ]);
  });

  it('keeps at least one user and one item', () => {
    let d = lectureR();
    for (let k = 0; k < 3; k++) d = done(removeUser(d, 0));
    expect(refused(removeUser(d, 0))).toBe('The matrix needs at least one user');
    for (let k = 0; k < 5; k++) d = done(removeItem(d, 0));
    expect(refused(removeItem(d, 0))).toBe('The matrix needs at least one item');
    expect(refused(removeUser(lectureR(), 9))).toMatch(/no user/);
  });
});

describe('the rating scale', () => {
  it('widens 1–5 to 0–10', () => {
    expect(done(setScale(lectureR(), { min: 0, max: 10 })).scale).toEqual({ min: 0, max: 10 });
  });

  it('refuses 2–5: it would make the four 1s invalid, and says which', () => {
    expect(refused(setScale(lectureR(), { min: 2, max: 5 }))).toBe(
      "4 ratings fall outside 2–5: u1's rating of i1 is 1, u1's rating of i6 is 1, u2's rating of i6 is 1 and 1 more",
    );
  });

  it('refuses 1–4 and names the three 5s of u3', () => {
    expect(refused(setScale(lectureR(), { min: 1, max: 4 }))).toBe(
      "3 ratings fall outside 1–4: u3's rating of i2 is 5, u3's rating of i3 is 5, u3's rating of i6 is 5",
    );
  });

  it('refuses an empty or reversed scale', () => {
    expect(refused(setScale(lectureR(), { min: 5, max: 1 }))).toMatch(/must be below/);
    expect(refused(setScale(lectureR(), { min: 3, max: 3 }))).toMatch(/must be below/);
    expect(refused(setScale(lectureR(), { min: NaN, max: 3 }))).toMatch(/two numbers/);
  });
});

describe('from explicit to implicit feedback: ≥ 4 → 1, else 0, ? stays ?', () => {
  it('turns the lecture’s R into P, with confidence 1 on known pairs and 0 on ?', () => {
    const R = lectureR();
    const next = done(thresholdToImplicit(R, 4));
    expect(next.mode).toBe('implicit');
    expect(dataKind(next)).toBe('matrix');
    expect(cells(next)).toEqual([
      [0, null, null, 0, null, 0],
      [null, 0, 0, null, 0, 0],
      [0, 1, 1, null, null, 1],
      [null, null, 0, null, null, 0],
    ]);
    expect(C(next)).toEqual([
      [1, 0, 0, 1, 0, 1],
      [0, 1, 1, 0, 1, 1],
      [1, 1, 1, 0, 0, 1],
      [0, 0, 1, 0, 0, 1],
    ]);
    expect(next.scale).toEqual({ min: 0, max: 1 });
    expect(R.mode).toBe('explicit');
  });

  it('a lower threshold likes more: ≥ 2 makes every rating but the 1s a 1', () => {
    const P = cells(done(thresholdToImplicit(lectureR(), 2)));
    expect(P[0]).toEqual([0, null, null, 1, null, 0]);
  });

  it('keeps the held-out cells (they are still known)', () => {
    const heldData = done(toggleHeldOut(lectureR(), 2, 1));
    expect(held(done(thresholdToImplicit(heldData, 4)))).toEqual([[2, 1]]);
  });

  it('is refused for data that is already implicit, or without a threshold', () => {
    expect(refused(thresholdToImplicit(lecturePC(), 4))).toMatch(/Only explicit/);
    expect(refused(thresholdToImplicit(lectureR(), NaN))).toMatch(/threshold/);
  });
});

describe('switching between explicit, observations (c = 1 + α·r) and P with C', () => {
  it('explicit → observations keeps the values and drops nothing', () => {
    const obs = done(setKind(lectureR(), 'alpha', 10));
    expect(dataKind(obs)).toBe('alpha');
    expect(cells(obs)).toEqual(cells(lectureR()));
  });

  it('observations → P and C computes p = [r > 0] and c = 1 + α·r', () => {
    const obs = done(setCell(done(setKind(lectureR(), 'alpha', 10)), 0, 1, 0));
    const pc = done(setKind(obs, 'matrix', 10));
    expect(cells(pc)[0]).toEqual([1, 0, null, 1, null, 1]);
    expect(C(pc)[0]).toEqual([11, 1, 1, 21, 1, 11]);
    expect(baselineConfidence(pc)).toBe(1);
  });

  it('back to explicit needs every value on the scale', () => {
    const obs = done(setCell(done(setKind(lectureR(), 'alpha', 10)), 0, 1, 12));
    expect(refused(setKind(obs, 'explicit', 10))).toBe(
      'Explicit ratings must lie on the scale 1–5, but u1 × i2 is 12: change the scale first',
    );
    expect(done(setKind(lecturePC(), 'explicit', 10)).confidence).toBeNull();
  });

  it('explicit → P and C directly only for 0/1 ratings', () => {
    expect(refused(setKind(lectureR(), 'matrix', 10))).toMatch(/use “Convert to implicit” with a threshold/);
    const binary = done(setKind(lecturePC(), 'explicit', 10));
    expect(C(done(setKind(binary, 'matrix', 10)))[0]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('explicit → observations refuses negative ratings', () => {
    const signed = done(setCell(done(setScale(lectureR(), { min: -2, max: 5 })), 0, 1, -1));
    expect(refused(setKind(signed, 'alpha', 10))).toMatch(/≥ 0, but u1's rating of i2 is −1/);
  });
});

describe('holding out cells', () => {
  it('holds out u3’s 5 for i2 and puts it back', () => {
    const R = lectureR();
    const heldData = done(toggleHeldOut(R, 2, 1));
    expect(held(heldData)).toEqual([[2, 1]]);
    expect(held(R)).toEqual([]);
    expect(heldData.ratings).toBe(R.ratings);
    expect(held(done(toggleHeldOut(heldData, 2, 1)))).toEqual([]);
  });

  it('refuses to hold out a ?', () => {
    expect(refused(toggleHeldOut(lectureR(), 0, 1))).toBe("u1's rating of i2 is ?: only a known value can be held out");
  });

  it('clears every held-out cell at once', () => {
    const heldData = done(toggleHeldOut(done(toggleHeldOut(lectureR(), 0, 0)), 2, 1));
    expect(held(done(clearHeldOut(heldData)))).toEqual([]);
  });

  it('names cells the way the lecture does', () => {
    expect(describeCell(lectureR(), 2, 1)).toBe("u3's rating of i2");
    expect(describeCell(lecturePC(), 2, 1)).toBe('u3 × i2');
  });
});

describe('scales with steps and the 0–10 scale', () => {
  it('a 0.5–5 scale in halves takes 3.5 and refuses 3.2', () => {
    const halves = done(setScale(lectureR(), { min: 0.5, max: 5, step: 0.5 }));
    expect(halves.scale).toEqual({ min: 0.5, max: 5, step: 0.5 });
    expect(cells(done(setCell(halves, 0, 1, 3.5)))[0]![1]).toBe(3.5);
    expect(refused(setCell(halves, 0, 1, 3.2))).toBe('"3.2" is not on the rating scale\'s steps of 0.5 (0.5–5)');
  });

  it('a 0–10 scale takes 0 and 10', () => {
    const ten = done(setScale(lectureR(), { min: 0, max: 10 }));
    expect(cells(done(setCell(done(setCell(ten, 0, 1, 0)), 0, 2, 10)))[0]).toEqual([1, 0, 10, 2, null, 1]);
  });

  it('refuses a step that existing ratings are not on', () => {
    const halfRating = done(setCell(lectureR(), 0, 1, 3.5));
    expect(refused(setScale(halfRating, { min: 1, max: 5, step: 1 }))).toBe(
      "A rating falls outside 1–5: u1's rating of i2 is 3.5",
    );
  });
});
