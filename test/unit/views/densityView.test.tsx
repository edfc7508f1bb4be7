// @vitest-environment jsdom
/**
 * The density view and the cut dialog on a real lab store (its worker runs inline: jsdom has
 * no workers): big R opens as its density with a Density | Cells switch, the keyboard zooms
 * and the breadcrumb goes back; the dialog shows a cut's size before anything changes,
 * refuses a cut too big for the grid or empty with the reason, and applying it is undone by
 * Undo.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { LabProvider } from '../../../src/state/LabContext';
import { createLabStore, type LabState } from '../../../src/state/labStore';
import { ml100kShaped } from '../../../src/state/presets';
import { labDataFromDense, type LabData } from '../../../src/state/labData';
import { RatingGrid } from '../../../src/views/RatingGrid/RatingGrid';
import { CutDialog } from '../../../src/views/Density/CutDialog';
import { DataToolbar } from '../../../src/views/DataToolbar/DataToolbar';

const stores: StoreApi<LabState>[] = [];
afterEach(() => {
  cleanup();
  stores.splice(0).forEach((s) => s.getState().dispose());
});

beforeAll(() => {
  // jsdom's <dialog> has no showModal: open it as the browser would.
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { showModal?: () => void };
  if (!proto.showModal)
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  if (!('close' in proto) || !proto.close)
    proto.close = function (this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
});

function lab(data: LabData, ui: 'grid' | 'dialog' | 'toolbar' = 'grid') {
  const store = createLabStore({ data });
  stores.push(store);
  render(
    <LabProvider store={store}>
      {ui === 'grid' ? <RatingGrid /> : ui === 'toolbar' ? <DataToolbar /> : <CutDialog open onClose={() => {}} />}
    </LabProvider>,
  );
  return store;
}

/** 60 users × 50 items (3,000 cells: the switch is offered, cells by default), titled; user i rated items 0…(59 − i) % 50. */
function titled(): LabData {
  const cells = Array.from({ length: 60 }, (_, i) =>
    Array.from({ length: 50 }, (_, j) => (j <= (59 - i) % 50 ? 1 + ((i + j) % 5) : null)),
  );
  return labDataFromDense({
    mode: 'explicit',
    userIds: cells.map((_, i) => `u${i + 1}`),
    itemIds: cells[0]!.map((_, j) => `m${j + 1}`),
    cells,
    scale: { min: 1, max: 5 },
    heldOut: [[10, 0]],
    itemTitles: cells[0]!.map((_, j) => `Film ${j + 1}`),
  });
}

describe('big R as a density view', () => {
  it('opens ML-100k as its density, ordered by activity, and the switch shows the cells', async () => {
    lab(ml100kShaped());
    const show = screen.getByRole('group', { name: 'Show R as' });
    expect(within(show).getByRole('button', { name: 'Density' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('grid', { name: 'Rating matrix R' })).toBeNull();
    const map = await screen.findByRole('application', { name: /^Density of R: users #1–#943 × items #1–#1,682/ });
    expect(screen.getByText('↓ Users most ratings first')).toBeTruthy();
    // The first block is the most active users × the most rated items: nearly all known.
    await screen.findByText(/^Users #1–#\d+ \(u\d+(, | … )u\d+\) × items #1–#\d+ .*cells known/);
    // Keys: Enter zooms into the block at the cursor, the breadcrumb says where, − goes back.
    fireEvent.keyDown(map, { key: 'Enter' });
    const crumbs = screen.getByRole('navigation', { name: 'Zoomed region' });
    expect(
      within(crumbs)
        .getByText(/^users #1–#472 × items #1–#841$/)
        .getAttribute('aria-current'),
    ).toBe('location');
    await screen.findByRole('application', { name: /^Density of R: users #1–#472 × items #1–#841/ });
    fireEvent.keyDown(map, { key: '-' });
    await screen.findByRole('application', { name: /^Density of R: users #1–#943/ });
    expect(within(crumbs).queryByText(/users #1–#472/)).toBeNull();
    fireEvent.click(within(show).getByRole('button', { name: 'Cells' }));
    expect(screen.getByRole('grid', { name: 'Rating matrix R' }).getAttribute('aria-rowcount')).toBe('944');
  });

  it('answers when the view asks before the lab has sent its data (a link with big R inline: the store starts after its views)', async () => {
    const cells = Array.from({ length: 200 }, (_, i) =>
      Array.from({ length: 200 }, (_, j) => ((i * 7 + j) % 13 === 0 ? 3 : null)),
    );
    const data = labDataFromDense({
      mode: 'explicit',
      userIds: cells.map((_, i) => `u${i + 1}`),
      itemIds: cells.map((_, j) => `m${j + 1}`),
      cells,
      scale: { min: 1, max: 5 },
    });
    render(
      <LabProvider data={data}>
        <RatingGrid />
      </LabProvider>,
    );
    // 200 × 200 blocks: one per cell (the plot has room for them); the first is u1 × m1's 3.
    await screen.findByRole(
      'application',
      { name: 'Density of R: users #1–#200 × items #1–#200, 200 × 200 blocks' },
      { timeout: 5000 },
    );
    expect(screen.getByText('User #1 (u1) × item #1 (m1): rating 3.')).toBeTruthy();
  });

  it('keeps a small R as cells with no switch, and offers the switch (cells first) from 2,500 cells', () => {
    const small = labDataFromDense({
      mode: 'explicit',
      userIds: ['a', 'b'],
      itemIds: ['x', 'y'],
      cells: [
        [1, null],
        [null, 2],
      ],
      scale: { min: 1, max: 5 },
    });
    lab(small);
    expect(screen.queryByRole('group', { name: 'Show R as' })).toBeNull();
    cleanup();
    lab(titled());
    const show = screen.getByRole('group', { name: 'Show R as' });
    expect(within(show).getByRole('button', { name: 'Cells' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('grid', { name: 'Rating matrix R' })).toBeTruthy();
  });
});

describe('cutting a dense core', () => {
  it('shows the size of a top cut before applying it; applying opens it with its titles; Undo brings R back', async () => {
    const store = lab(titled(), 'dialog');
    const dialog = screen.getByRole('dialog', { name: 'Cut a dense core into the grid' });
    fireEvent.change(within(dialog).getByLabelText('The number of users'), { target: { value: '4' } });
    fireEvent.change(within(dialog).getByLabelText('The number of items'), { target: { value: '3' } });
    const status = within(dialog).getByRole('status');
    await within(status).findByText('4', { selector: 'strong' }, { timeout: 3000 });
    expect(status.textContent).toBe('The cut: 4 users × 3 items, 12 known ratings (100 % of its cells).');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Open in the grid' }));
    });
    const cut = store.getState().data;
    expect([cut.ratings.m, cut.ratings.n, cut.ratings.nnz]).toEqual([4, 3, 12]);
    // The most rated films are Film 1, 2, 3, the most active users u11…u14 (50, 49, 48, 47 ratings); titles come
    // along, and the held-out u11 × Film 1 stays held out.
    expect(cut.itemTitles).toEqual(['Film 1', 'Film 2', 'Film 3']);
    expect(cut.userIds).toEqual(['u11', 'u12', 'u13', 'u14']);
    expect(cut.heldOut.length).toBe(1);
    expect(store.getState().status?.text).toMatch(/^Cut the top 4 users × 3 items: 4 users × 3 items, 12 known \(100 %\)/);
    act(() => store.getState().undo());
    expect(store.getState().data.ratings.m).toBe(60);
  });

  it('refuses a cut too big for the grid and an empty one, saying why, and leaves the data as it was', async () => {
    const data = ml100kShaped();
    const store = lab(data, 'dialog');
    const dialog = screen.getByRole('dialog', { name: 'Cut a dense core into the grid' });
    fireEvent.change(within(dialog).getByLabelText('The number of users'), { target: { value: '300' } });
    const status = within(dialog).getByRole('status');
    await within(status).findByText(/too big for the editable grid/, {}, { timeout: 3000 });
    expect(status.textContent).toContain('300 users × 12 items = 3,600 cells; the grid takes at most 250 users');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open in the grid' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^This cut is too big for the editable grid/);
    expect(store.getState().data).toBe(data);

    fireEvent.click(within(dialog).getByRole('radio', { name: /^At least so many ratings/ }));
    fireEvent.change(within(dialog).getByLabelText('Ratings per user'), { target: { value: '100000' } });
    await within(status).findByText(/This cut is empty \(0 users × 0 items\)/, {}, { timeout: 3000 });
    fireEvent.change(within(dialog).getByLabelText('Ratings per item'), { target: { value: '-1' } });
    expect(status.textContent).toBe('Ratings per item must be a whole number ≥ 0.');
    expect(within(dialog).getByRole('radio', { name: 'A region of the density view' })).toHaveProperty('disabled', true);
    expect(store.getState().data).toBe(data);
  });

  it('is offered in the Data menu too, and closing it gives the focus back to the Data button', async () => {
    lab(titled(), 'toolbar');
    const opener = screen.getByRole('button', { name: /^Data:/ });
    fireEvent.click(opener);
    fireEvent.click(screen.getByRole('button', { name: 'Cut a dense core…' }));
    // The dialog's code loads when it is first opened.
    const dialog = await screen.findByRole('dialog', { name: 'Cut a dense core into the grid' }, { timeout: 3000 });
    await within(dialog).findByText(/^The cut: /, {}, { timeout: 3000 });
    expect(within(dialog).getByRole('status').textContent).toBe(
      'The cut: 20 users × 12 items, 240 known ratings (100 % of its cells).',
    );
    act(() => fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
