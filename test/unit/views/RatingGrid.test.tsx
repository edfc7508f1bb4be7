// @vitest-environment jsdom
/**
 * The rating grid as a component, on a real lab store (its model runs inline: jsdom has no
 * workers): editing, refusing, undo, the keyboard, hold-out, read-only embedding, several
 * independent labs, and a big matrix rendered as a window.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { LabProvider } from '../../../src/state/LabContext';
import { createLabStore, type LabState } from '../../../src/state/labStore';
import { ml100kShaped } from '../../../src/state/presets';
import { RatingGrid, type RatingGridProps } from '../../../src/views/RatingGrid/RatingGrid';
import { cellAt as valueAt, denseCells, heldOutPairs, type LabData } from '../../../src/state/labData';

const stores: StoreApi<LabState>[] = [];
afterEach(() => {
  cleanup();
  stores.splice(0).forEach((s) => s.getState().dispose());
});

function lab(props: RatingGridProps = {}, data?: LabData) {
  const store = createLabStore(data ? { data } : { preset: 'lecture-r' });
  stores.push(store);
  const utils = render(
    <LabProvider store={store}>
      <RatingGrid {...props} />
    </LabProvider>,
  );
  const grid = within(utils.container).getByRole('grid', { name: 'Rating matrix R' });
  return { store, grid, ...utils };
}

/** Opens the feedback options (kind, scale, conversion), behind one button above the grid. */
const openFeedback = () => fireEvent.click(screen.getByRole('button', { name: /^Feedback:/ }));

/** Cell (i, j) by its position attributes (rows and columns counted from 0). */
const cellAt = (grid: HTMLElement, i: number, j: number) =>
  grid.querySelector<HTMLElement>(`[role="gridcell"][data-r="${i}"][data-c="${j}"]`)!;

function typeInto(cell: HTMLElement, text: string, commit = 'Enter') {
  fireEvent.click(cell);
  fireEvent.keyDown(cell, { key: text[0] });
  const input = within(cell).getByRole('textbox');
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: commit });
}

describe('the rating grid', () => {
  it('shows the lecture’s R with users as rows and items as columns', () => {
    const { grid } = lab();
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toContain('i6');
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(24);
    expect(
      within(grid)
        .getAllByRole('gridcell')
        .filter((c) => c.textContent === '?'),
    ).toHaveLength(11);
    expect(grid.getAttribute('aria-rowcount')).toBe('5');
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('typing 4 + Enter fills the ? of u1 × i2 through the store, and focus moves down', () => {
    const { grid, store } = lab();
    typeInto(cellAt(grid, 0, 1), '4');
    expect(denseCells(store.getState().data)[0]).toEqual([1, 4, null, 2, null, 1]);
    expect(cellAt(grid, 0, 1).textContent).toBe('4');
    expect(document.activeElement).toBe(cellAt(grid, 1, 1));
    expect(store.getState().past).toHaveLength(1);
  });

  it('Tab commits and moves right, Escape cancels', () => {
    const { grid, store } = lab();
    typeInto(cellAt(grid, 0, 1), '3', 'Tab');
    expect(document.activeElement).toBe(cellAt(grid, 0, 2));
    fireEvent.keyDown(cellAt(grid, 0, 2), { key: '5' });
    fireEvent.keyDown(within(cellAt(grid, 0, 2)).getByRole('textbox'), { key: 'Escape' });
    expect(valueAt(store.getState().data, 0, 2)).toBeNull();
    expect(cellAt(grid, 0, 2).textContent).toBe('?');
  });

  it('refuses 7 with an alert naming the scale, and keeps the old value', () => {
    const { grid, store } = lab();
    const before = store.getState().data;
    typeInto(cellAt(grid, 0, 0), '7');
    expect(screen.getByRole('alert').textContent).toBe('"7" is outside the rating scale 1–5');
    expect(store.getState().data).toBe(before);
    expect(cellAt(grid, 0, 0).textContent).toBe('1');
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveProperty('disabled', true);
  });

  it('Delete and ? make cells unknown; Ctrl+Z and Ctrl+Y undo and redo', () => {
    const { grid, store } = lab();
    fireEvent.click(cellAt(grid, 2, 1));
    fireEvent.keyDown(cellAt(grid, 2, 1), { key: 'Delete' });
    expect(valueAt(store.getState().data, 2, 1)).toBeNull();
    fireEvent.keyDown(cellAt(grid, 2, 1), { key: 'ArrowRight' });
    fireEvent.keyDown(cellAt(grid, 2, 2), { key: '?' });
    expect(denseCells(store.getState().data)[2]).toEqual([1, null, null, null, null, 5]);
    fireEvent.keyDown(cellAt(grid, 2, 2), { key: 'z', ctrlKey: true });
    expect(valueAt(store.getState().data, 2, 2)).toBe(5);
    fireEvent.keyDown(cellAt(grid, 2, 2), { key: 'y', ctrlKey: true });
    expect(valueAt(store.getState().data, 2, 2)).toBeNull();
    fireEvent.keyDown(cellAt(grid, 2, 2), { key: 'z', ctrlKey: true });
    fireEvent.keyDown(cellAt(grid, 2, 2), { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(valueAt(store.getState().data, 2, 2)).toBeNull();
  });

  it('arrows move the single tab stop, and focusing a cell sets the linked hover', () => {
    const { grid, store } = lab();
    fireEvent.click(cellAt(grid, 0, 0));
    fireEvent.keyDown(cellAt(grid, 0, 0), { key: 'ArrowDown' });
    fireEvent.keyDown(cellAt(grid, 1, 0), { key: 'End' });
    expect(document.activeElement).toBe(cellAt(grid, 1, 5));
    expect(cellAt(grid, 1, 5).tabIndex).toBe(0);
    expect(cellAt(grid, 0, 0).tabIndex).toBe(-1);
    expect(store.getState().hover).toEqual({ i: 1, j: 5 });
  });

  it('clicking a row header selects the user, a column header the item', () => {
    const { grid, store } = lab();
    fireEvent.click(within(grid).getByRole('rowheader', { name: 'u3' }));
    expect(store.getState().selected).toEqual({ side: 'users', index: 2 });
    fireEvent.click(within(grid).getByRole('columnheader', { name: 'i4' }));
    expect(store.getState().selected).toEqual({ side: 'items', index: 3 });
    expect(within(grid).getByRole('columnheader', { name: 'i4' }).getAttribute('aria-selected')).toBe('true');
  });

  it('holds out with H, describes the cell as held out, and refuses a ?', () => {
    const { grid, store } = lab();
    fireEvent.click(cellAt(grid, 2, 1));
    fireEvent.keyDown(cellAt(grid, 2, 1), { key: 'h' });
    expect(heldOutPairs(store.getState().data)).toEqual([[2, 1]]);
    expect(cellAt(grid, 2, 1).textContent).toBe('5 held out');
    expect(cellAt(grid, 2, 1).className).toContain('rg-held');
    fireEvent.keyDown(cellAt(grid, 2, 1), { key: 'ArrowUp' });
    fireEvent.keyDown(cellAt(grid, 1, 1), { key: 'ArrowLeft' });
    fireEvent.keyDown(cellAt(grid, 1, 0), { key: 'h' });
    expect(screen.getByRole('alert').textContent).toMatch(/only a known value can be held out/);
  });

  it('the Hold out mode toggles cells on click', () => {
    const { grid, store } = lab();
    fireEvent.click(screen.getByRole('button', { name: 'Hold out' }));
    fireEvent.click(cellAt(grid, 0, 0));
    fireEvent.click(cellAt(grid, 2, 2));
    expect(heldOutPairs(store.getState().data)).toEqual([
      [0, 0],
      [2, 2],
    ]);
    fireEvent.click(screen.getByRole('button', { name: /Clear 2 held out/ }));
    expect(heldOutPairs(store.getState().data)).toEqual([]);
  });

  it('names the Remove buttons after the focused cell, and removes that user', () => {
    const { grid, store } = lab();
    fireEvent.click(cellAt(grid, 2, 3));
    fireEvent.click(screen.getByRole('button', { name: 'Remove user u3' }));
    expect(store.getState().data.userIds).toEqual(['u1', 'u2', 'u4']);
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    expect(store.getState().data.userIds).toEqual(['u1', 'u2', 'u4', 'u5']);
    expect(screen.getByRole('button', { name: 'Remove item i4' })).toBeTruthy();
  });

  it('refuses a scale that would make ratings invalid, saying which', () => {
    const { store } = lab();
    openFeedback();
    fireEvent.change(screen.getByRole('textbox', { name: 'Highest rating' }), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set scale' }));
    expect(screen.getByRole('status').textContent).toMatch(/^3 ratings fall outside 1–4: u3's rating of i2 is 5/);
    expect(store.getState().data.scale).toEqual({ min: 1, max: 5 });
    fireEvent.change(screen.getByRole('textbox', { name: 'Highest rating' }), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set scale' }));
    expect(store.getState().data.scale).toEqual({ min: 1, max: 10 });
  });

  it('switches to implicit observations, where P and C are computed and read-only', () => {
    const { grid, store } = lab();
    openFeedback();
    fireEvent.change(screen.getByRole('combobox', { name: /Feedback/ }), { target: { value: 'alpha' } });
    expect(store.getState().data.mode).toBe('implicit');
    fireEvent.click(screen.getByRole('button', { name: /^C: / }));
    // α = 10 in the default settings: c = 1 + 10·5 = 51 for u3 × i2.
    expect(cellAt(grid, 2, 1).textContent).toBe(String(1 + store.getState().settings.alpha * 5));
    typeInto(cellAt(grid, 2, 1), '3');
    expect(screen.getByRole('alert').textContent).toMatch(/follows from r/);
  });

  it('converts by a threshold (side by side first) and applies it as one undoable edit', () => {
    const { grid, store } = lab();
    openFeedback();
    fireEvent.click(screen.getByRole('button', { name: 'Convert to implicit…' }));
    const after = screen.getByRole('grid', { name: 'P after conversion' });
    expect(screen.getByRole('grid', { name: 'R before conversion' })).toBeTruthy();
    expect(cellAt(after, 2, 1).textContent).toBe('1');
    expect(cellAt(after, 0, 0).textContent).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: 'Apply conversion' }));
    expect(store.getState().data.confidence).not.toBeNull();
    expect(cellAt(grid, 2, 1).textContent).toBe('1');
    act(() => store.getState().undo());
    expect(store.getState().data.mode).toBe('explicit');
    expect(screen.queryByRole('grid', { name: 'P after conversion' })).toBeNull();
  });

  it('embedded read-only: no controls, no editing, aria-readonly', () => {
    const { grid, store } = lab({ editable: false });
    expect(grid.getAttribute('aria-readonly')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
    fireEvent.click(cellAt(grid, 0, 1));
    fireEvent.keyDown(cellAt(grid, 0, 1), { key: '4' });
    expect(within(grid).queryByRole('textbox')).toBeNull();
    expect(valueAt(store.getState().data, 0, 1)).toBeNull();
  });

  it('two labs on one page stay independent', () => {
    const a = lab();
    const b = lab();
    typeInto(cellAt(a.grid, 0, 1), '4');
    expect(valueAt(a.store.getState().data, 0, 1)).toBe(4);
    expect(valueAt(b.store.getState().data, 0, 1)).toBeNull();
    expect(cellAt(b.grid, 0, 1).textContent).toBe('?');
  });

  it('renders ML-100k as a window of cells (behind the Density | Cells switch), with the full size announced', () => {
    const store = createLabStore({ data: ml100kShaped() });
    stores.push(store);
    const utils = render(
      <LabProvider store={store}>
        <RatingGrid />
      </LabProvider>,
    );
    // Big R opens as its density: the cells are one click away.
    fireEvent.click(within(utils.container).getByRole('button', { name: 'Cells' }));
    const grid = within(utils.container).getByRole('grid', { name: 'Rating matrix R' });
    expect(grid.getAttribute('aria-rowcount')).toBe('944');
    expect(grid.getAttribute('aria-colcount')).toBe('1683');
    const cells = within(grid).getAllByRole('gridcell').length;
    expect(cells).toBeGreaterThan(50);
    expect(cells).toBeLessThan(5000);
    // Ctrl+End reaches the last cell, rendered although outside the first window.
    fireEvent.click(cellAt(grid, 0, 0));
    fireEvent.keyDown(cellAt(grid, 0, 0), { key: 'End', ctrlKey: true });
    expect(document.activeElement).toBe(cellAt(grid, 942, 1681));
  });
});
