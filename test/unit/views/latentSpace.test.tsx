// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LECTURE_U, LECTURE_VT } from '../../../src/core';
import { LabProvider } from '../../../src/state/LabContext';
import type { LabState, TimelineEntry } from '../../../src/state/labStore';
import { lecturePC, lectureR } from '../../../src/state/presets';
import { LatentSpace } from '../../../src/views/LatentSpace/LatentSpace';

// jsdom has no CSS.escape (KaTeX-free, but the colour legend of other views uses it).
const g = globalThis as { CSS?: { escape?: (s: string) => string } };
g.CSS ??= {};
g.CSS.escape ??= (s: string) => s;

/** A snapshot holding the lecture's own U (4×2) and V (6×2, the transpose of its Vᵀ). */
function snapshot(U: number[][], V: number[][], step = 2): TimelineEntry {
  return {
    step,
    kind: 'items',
    m: U.length,
    n: V.length,
    d: U[0]!.length,
    U: Float64Array.from(U.flat()),
    V: Float64Array.from(V.flat()),
    solved: 'items',
    metrics: { data: 1, regularization: 1, total: 2, trainRmse: 1, testRmse: null },
  } as unknown as TimelineEntry;
}

const lectureV = LECTURE_VT[0]!.map((_, j) => [LECTURE_VT[0]![j]!, LECTURE_VT[1]![j]!]);

function store(entry: TimelineEntry, data = lectureR()): StoreApi<LabState> {
  return createStore<LabState>()(
    (set) =>
      ({
        data,
        timeline: [entry],
        cursor: null,
        selected: null,
        hover: null,
        playing: false,
        speed: 2,
        select: (selected: LabState['selected']) => set({ selected }),
        setHover: (hover: LabState['hover']) => set({ hover }),
      }) as unknown as LabState,
  );
}

afterEach(cleanup);

function renderLatent(s: StoreApi<LabState>) {
  render(
    <LabProvider store={s}>
      <LatentSpace />
    </LabProvider>,
  );
}

const rankingItems = (user: string) =>
  within(screen.getByRole('table', { name: `Ranking for ${user}` }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getByRole('button').textContent);

describe('the latent space view', () => {
  it('draws the lecture’s 4 users and 6 items, with a summary for screen readers', () => {
    renderLatent(store(snapshot(LECTURE_U, lectureV)));
    const svg = screen.getByRole('img', { name: /Latent space, d = 2/ });
    expect(svg.querySelectorAll('[data-kind="user"]')).toHaveLength(4);
    expect(svg.querySelectorAll('[data-kind="item"]')).toHaveLength(6);
    // d = 2: the points are the rows of U and V themselves.
    const i2 = svg.querySelector('[data-kind="item"][data-id="i2"]')!;
    expect([Number(i2.getAttribute('data-x')), Number(i2.getAttribute('data-y'))]).toEqual([10, -1]);
  });

  it('ranks the items for u3 by u₃ᵀv_j — row 3 of the slide’s UVᵀ: 2.4, 1.6, 1.6, 1.4, 1.2, 0.6', () => {
    const s = store(snapshot(LECTURE_U, lectureV));
    renderLatent(s);
    fireEvent.change(screen.getByLabelText('User'), { target: { value: '2' } });
    expect(s.getState().selected).toEqual({ side: 'users', index: 2 });
    expect(rankingItems('u3')).toEqual(['i6', 'i2', 'i4', 'i3', 'i5', 'i1']);
    const table = screen.getByRole('table', { name: 'Ranking for u3' });
    expect(within(table).getAllByText('★ candidate')).toHaveLength(2); // i4 and i5 are ? for u3
    // The top item's dot product, written as ‖u₃‖ · p₆.
    expect(screen.getByLabelText('Dot product for u3 and i6').textContent).toContain('2.4');
  });

  it('follows the lab’s selection when it is a user', () => {
    const s = store(snapshot(LECTURE_U, lectureV));
    s.setState({ selected: { side: 'users', index: 3 } });
    renderLatent(s);
    expect(screen.getByRole('table', { name: 'Ranking for u4' })).toBeTruthy();
  });

  it('a what-if moves only the view’s copy of u_i: the ranking changes, the lab’s U does not', () => {
    const entry = snapshot(LECTURE_U, lectureV);
    const before = entry.U!.slice();
    const s = store(entry);
    renderLatent(s);
    const handle = screen.getByRole('button', { name: 'What-if: move u1' });
    const original = rankingItems('u1');
    expect(original[0]).toBe('i6');
    // Far to the left: u1's direction turns towards (−1, 0), where i1 (1, 1) beats i6 (20, −4).
    for (let k = 0; k < 16; k++) fireEvent.keyDown(handle, { key: 'ArrowLeft', shiftKey: true });
    const moved = rankingItems('u1');
    expect(moved).not.toEqual(original);
    expect(moved[0]).toBe('i1');
    // (By text: jsdom cannot compute accessible names across KaTeX's MathML headers.)
    expect(screen.getByText('moved', { selector: 'th' })).toBeTruthy();
    // i1 went from 6th to 1st: ▲ 5.
    expect(screen.getByRole('table', { name: 'Ranking for u1' }).querySelector('tbody tr')!.textContent).toContain('5 up');
    expect(screen.getByText(/Only this view’s copy/)).toBeTruthy();
    expect(Array.from(s.getState().timeline[0]!.U!)).toEqual(Array.from(before));
    fireEvent.click(screen.getByRole('button', { name: 'Reset what-if' }));
    expect(rankingItems('u1')).toEqual(original);
    expect(screen.queryByText('moved', { selector: 'th' })).toBeNull();
  });

  it('a new step ends the what-if', () => {
    const s = store(snapshot(LECTURE_U, lectureV));
    renderLatent(s);
    fireEvent.keyDown(screen.getByRole('button', { name: 'What-if: move u1' }), { key: 'ArrowDown', shiftKey: true });
    expect(screen.getByRole('button', { name: 'Reset what-if' })).toHaveProperty('disabled', false);
    act(() =>
      s.setState({
        timeline: [
          snapshot(
            LECTURE_U.map((r) => r.map((x) => x * 2)),
            lectureV,
            3,
          ),
        ],
      }),
    );
    expect(screen.getByRole('button', { name: 'Reset what-if' })).toHaveProperty('disabled', true);
  });

  it('d > 2: a projection, said so, with the ranking from the true dot products', () => {
    const U = [
      [1, 0, 0.5],
      [0, 1, -0.5],
    ];
    const V = [
      [1, 1, 1],
      [2, 0, -1],
      [0, 0, 3],
    ];
    renderLatent(store(snapshot(U, V)));
    expect(screen.getByRole('img', { name: /2-D projection of d = 3/ })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('This is a 2-D projection of 3-dimensional vectors');
    // u1 = (1, 0, 0.5): scores 1.5, 1.5, 1.5 — ties keep item order; u2 = (0, 1, −0.5): 0.5, 0.5, −1.5.
    expect(rankingItems('u1')).toEqual(['i1', 'i2', 'i3']);
  });

  it('implicit feedback: known means an interaction (P = 1), and the rest are the candidates', () => {
    renderLatent(store(snapshot(LECTURE_U, lectureV), lecturePC()));
    const table = screen.getByRole('table', { name: 'Ranking for u1' });
    // The lecture's P, row 1: 1 0 0 1 0 1 — three interactions, three candidates.
    expect(within(table).getAllByText('interacted')).toHaveLength(3);
    expect(within(table).getAllByText('★ candidate')).toHaveLength(3);
    expect(within(table).queryByText(/rated/)).toBeNull();
  });
});
