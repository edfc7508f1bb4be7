// @vitest-environment jsdom
/**
 * The Evaluate tab on a real lab store (its worker on the main thread): with nothing held out
 * it says why evaluation needs held-out ratings; with cells held out it shows the factors'
 * RMSE and MAE beside the four baselines, as numbers the worker computed, and a verdict.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { LabProvider } from '../../../src/state/LabContext';
import { toggleHeldOut } from '../../../src/state/edits';
import { createLabStore, type LabState } from '../../../src/state/labStore';
import { EvaluatePanel } from '../../../src/views/Evaluate/EvaluatePanel';

let store: StoreApi<LabState> | null = null;
afterEach(() => {
  cleanup();
  store?.getState().dispose();
  store = null;
});

function panel() {
  store = createLabStore({ preset: 'tastes' });
  render(
    <LabProvider store={store}>
      <EvaluatePanel />
    </LabProvider>,
  );
  return store;
}

describe('the Evaluate tab', () => {
  it('with nothing held out, explains why evaluation needs held-out ratings and offers the split', () => {
    panel();
    expect(screen.getByText(/Nothing is held out, so there is nothing to evaluate on/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hold out ratings…' }).getAttribute('aria-haspopup')).toBe('dialog');
    expect(screen.getByRole('button', { name: 'Run the search' })).toBeTruthy();
  });

  it('with cells held out, shows the model beside the baselines and a verdict, updated as the run moves', async () => {
    const s = panel();
    // Hold out three known cells of the taste groups.
    let data = s.getState().data;
    for (const [i, j] of [
      [0, 1],
      [4, 10],
      [8, 13],
    ] as const) {
      const result = toggleHeldOut(data, i, j);
      if (result.ok) data = result.data;
    }
    s.getState().setData(data);
    s.getState().step();
    const table = await screen.findByRole('table', { name: /Held-out error/ }, { timeout: 5000 });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual([
      'Predictor',
      'The factors, uᵢᵀvⱼ',
      'global mean μ',
      'each user’s mean rating',
      'each item’s mean rating',
      'μ + user bias + item bias',
    ]);
    await screen.findByText(/^Step 2: \d+ held-out ratings\.$/, {}, { timeout: 5000 });
    expect(screen.getByText(/^(The factors beat the best baseline|Not yet: )/)).toBeTruthy();
    s.getState().step();
    await screen.findByText(/^Step 4: \d+ held-out ratings\.$/, {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate now' }));
    expect(screen.getByRole('img', { name: /^RMSE: The factors \d\.\d{3}/ })).toBeTruthy();
  });
});
