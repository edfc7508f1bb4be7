// @vitest-environment jsdom
/**
 * The Recommend tab on the lecture's R with the slide's own U and V (r̂ = UVᵀ, row 1:
 * 1.6, 0, 1.6, 1.4, 0.4, 1.6 … see the toy example): the top-N of the unrated items, both
 * explanations adding up to the score, similar items, and a new user rating live.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LECTURE_U, LECTURE_VT } from '../../../src/core';
import { LabProvider } from '../../../src/state/LabContext';
import type { LabData } from '../../../src/state/labData';
import type { LabState, TimelineEntry } from '../../../src/state/labStore';
import { labDataFromDense } from '../../../src/state/labData';
import { DEFAULT_SETTINGS, lecturePC, lectureR } from '../../../src/state/presets';
import { Recommend } from '../../../src/views/Recommend/Recommend';
import { UserSelect } from '../../../src/views/Recommend/UserSelect';

const g = globalThis as { CSS?: { escape?: (s: string) => string } };
g.CSS ??= {};
g.CSS.escape ??= (s: string) => s;

const lectureV = LECTURE_VT[0]!.map((_, j) => [LECTURE_VT[0]![j]!, LECTURE_VT[1]![j]!]);

function snapshot(step = 2, U = LECTURE_U, V = lectureV): TimelineEntry {
  return {
    step,
    kind: step === 0 ? 'init' : 'users',
    m: U.length,
    n: V.length,
    d: U[0]!.length,
    U: Float64Array.from(U.flat()),
    V: Float64Array.from(V.flat()),
    solved: 'users',
    metrics: { data: 1, regularization: 1, total: 2, trainRmse: 1, testRmse: null },
  } as unknown as TimelineEntry;
}

function store(entry: TimelineEntry, data: LabData = lectureR(), lambda = 0.1): StoreApi<LabState> {
  return createStore<LabState>()(
    (set) =>
      ({
        data,
        settings: { ...DEFAULT_SETTINGS, factors: 2, lambda },
        timeline: [entry],
        cursor: null,
        selected: null,
        hover: null,
        playing: false,
        speed: 2,
        past: [],
        select: (selected: LabState['selected']) => set({ selected }),
        setData: (next: LabData) => set({ data: next }),
        solveRow: () => {},
      }) as unknown as LabState,
  );
}

afterEach(cleanup);

function renderTab(s: StoreApi<LabState>) {
  render(
    <LabProvider store={s}>
      <Recommend />
    </LabProvider>,
  );
}

const num = (text: string | null) => Number((text ?? '').replace('−', '-').replace(/[^0-9.+-]/g, ''));

function rows(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => ({ item: within(r).getByRole('rowheader').textContent, cells: within(r).queryAllByRole('cell') }));
}

describe('the Recommend tab', () => {
  it('lists the items a user has not rated, best first, by u_iᵀv_j', () => {
    renderTab(store(snapshot()));
    const table = screen.getByRole('table', { name: /^Top 10 for u1/ });
    const listed = rows(table);
    // u1 rated i1, i4 and i6 in the lecture's R: i2, i3 and i5 remain, ranked by u₁ᵀvⱼ.
    const u1 = LECTURE_U[0]!;
    const byScore = [1, 2, 4]
      .map((j) => ({ id: `i${j + 1}`, s: u1[0]! * lectureV[j]![0]! + u1[1]! * lectureV[j]![1]! }))
      .sort((a, b) => b.s - a.s);
    expect(listed.map((r) => r.item)).toEqual(byScore.map((x) => x.id));
    const scores = listed.map((r) => num(r.cells[1]!.textContent));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says that the factors are random before any step', () => {
    renderTab(store(snapshot(0)));
    expect(screen.getByRole('note').textContent).toMatch(/random start/);
  });

  it('explains the chosen item both ways, and each set of parts adds up to the score', () => {
    renderTab(store(snapshot()));
    fireEvent.change(screen.getByLabelText('User'), { target: { value: '2' } });
    const table = screen.getByRole('table', { name: /^Top 10 for u3/ });
    const first = rows(table)[0]!;
    const shown = num(first.cells[1]!.textContent);
    fireEvent.click(within(table).getAllByRole('button', { name: /^Why/ })[0]!);
    for (const name of ['The score by latent factor', 'The score by the user’s own ratings']) {
      const parts = screen.getByRole('table', { name });
      const values = Array.from(parts.querySelectorAll('[data-part]'), (td) => Number(td.getAttribute('data-part')));
      const sum = values.reduce((s, v) => s + v, 0);
      if (name.includes('factor')) expect(sum).toBeCloseTo(shown, 3);
      expect(values.length).toBeGreaterThan(0);
    }
    expect(screen.getByText(/Recommended because u3 rated/)).toBeTruthy();
  });

  it('lists items similar by cosine, and a picked item moves the list', () => {
    renderTab(store(snapshot()));
    const search = screen.getByLabelText('Find an item');
    fireEvent.change(search, { target: { value: 'i2' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    const table = screen.getByRole('table', { name: /Most similar to i2/ });
    const cos = rows(table).map((r) => num(r.cells[1]!.textContent));
    expect(cos.length).toBe(5);
    for (const c of cos) expect(Math.abs(c)).toBeLessThanOrEqual(1);
  });

  it('folds a new user in as they rate, and adds them to R as a row', () => {
    const s = store(snapshot());
    renderTab(s);
    expect(screen.queryByRole('table', { name: /^Your top/ })).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Your rating \(/), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rate 5: i5' }));
    const first = rows(screen.getByRole('table', { name: /^Your top 10/ })).map((r) => r.item);
    expect(first).not.toContain('i5');
    expect(first).toHaveLength(5);
    // u = (v₅v₅ᵀ + λI)⁻¹ v₅ · 5, against the slide's V: written out with the numbers.
    expect(screen.getByRole('group', { name: 'Your u, solved' }).textContent).toMatch(
      /= \(−?\d\.\d{3}, −?\d\.\d{3}\) — 2 numbers/,
    );
    fireEvent.change(screen.getByLabelText('Your rating for i5'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rate 5: i2' }));
    const second = rows(screen.getByRole('table', { name: /^Your top 10/ })).map((r) => r.item);
    expect(second).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Add me to R as a new row' }));
    const data = s.getState().data;
    expect(data.userIds).toEqual(['u1', 'u2', 'u3', 'u4', 'me']);
    expect(screen.getByText(/Added “me” as row 5 of R/)).toBeTruthy();
  });

  it('with λ = 0 and fewer ratings than d, says why there is no u: the cold-start lesson', () => {
    renderTab(store(snapshot(), lectureR(), 0));
    fireEvent.click(screen.getByRole('button', { name: 'Rate 5: i1' }));
    const why = screen.getByRole('group', { name: 'Why there is no u yet' });
    expect(why.textContent).toMatch(/rank is at most 1 < 2/);
    expect(why.textContent).toMatch(/cold-start/);
    expect(screen.queryByRole('table', { name: /^Your top/ })).toBeNull();
  });

  it('implicit feedback (c = 1 + α·r): mark items as consumed; the explanation says it has its own closed form', () => {
    const data = labDataFromDense({
      mode: 'implicit',
      userIds: ['u1', 'u2', 'u3', 'u4'],
      itemIds: ['i1', 'i2', 'i3', 'i4', 'i5', 'i6'],
      cells: [
        [3, null, null, 1, null, 2],
        [null, 1, 4, null, null, null],
        [2, null, 1, null, null, 5],
        [null, 3, null, null, 1, null],
      ],
      scale: { min: 0, max: 10 },
    });
    renderTab(store(snapshot(), data));
    expect(screen.getByRole('group', { name: 'By the user’s own interactions' }).textContent).toMatch(/its own closed form/);
    fireEvent.click(screen.getByRole('button', { name: 'Mark as consumed: i2' }));
    const mine = rows(screen.getByRole('table', { name: /^Your top 10/ })).map((r) => r.item);
    expect(mine).toHaveLength(5);
    expect(mine).not.toContain('i2');
  });

  it('the lecture’s P and C: recommendations and explanations, but no new user (no rule for a new row’s C)', () => {
    renderTab(store(snapshot(), lecturePC()));
    expect(screen.getByRole('table', { name: /^Top 10 for u1/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'The score by the user’s own interactions' })).toBeTruthy();
    expect(screen.getByText(/there is no rule for the new row’s confidences/)).toBeTruthy();
  });

  it('builds thousands of user options only when the select is reached', () => {
    const ids = Array.from({ length: 6040 }, (_, i) => `u${i + 1}`);
    const picked: number[] = [];
    render(<UserSelect id="s" userIds={ids} count={6040} value={41} onPick={(i) => picked.push(i)} />);
    const select = screen.getByRole('combobox');
    expect(select.querySelectorAll('option')).toHaveLength(1);
    expect((select as HTMLSelectElement).value).toBe('41');
    fireEvent.focus(select);
    expect(select.querySelectorAll('option')).toHaveLength(6040);
    fireEvent.change(select, { target: { value: '6000' } });
    expect(picked).toEqual([6000]);
  });
});
