// @vitest-environment jsdom
/** The presets toolbar on a real lab store: loading presets, and the random generator's checked inputs. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { LabProvider } from '../../../src/state/LabContext';
import { createLabStore, type LabState } from '../../../src/state/labStore';
import { DataToolbar } from '../../../src/views/DataToolbar/DataToolbar';

let store: StoreApi<LabState> | null = null;
afterEach(() => {
  cleanup();
  store?.getState().dispose();
  store = null;
});

function toolbar() {
  store = createLabStore({ preset: 'lecture-r' });
  render(
    <LabProvider store={store}>
      <DataToolbar />
    </LabProvider>,
  );
  return store;
}

describe('the presets toolbar', () => {
  it('offers every preset by its full name and marks the current one', () => {
    toolbar();
    for (const name of [
      "Lecture's R (4×6)",
      "Lecture's P and C (4×6)",
      'Taste groups (12×16)',
      'Random',
      'MovieLens-100k shape (943×1,682)',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: "Lecture's R (4×6)" }).getAttribute('aria-pressed')).toBe('true');
  });

  it('loads the taste groups, undoably', () => {
    const s = toolbar();
    fireEvent.click(screen.getByRole('button', { name: 'Taste groups (12×16)' }));
    expect(s.getState().data.userIds).toHaveLength(12);
    expect(s.getState().data.itemIds).toHaveLength(16);
    expect(s.getState().origin).toEqual({ preset: 'tastes' });
    s.getState().undo();
    expect(s.getState().data.userIds).toEqual(['u1', 'u2', 'u3', 'u4']);
  });

  it('generates random data of the size, density and seed typed in', () => {
    const s = toolbar();
    fireEvent.click(screen.getByRole('button', { name: 'Random' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Users' }), { target: { value: '5' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Items' }), { target: { value: '7' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Density %' }), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(s.getState().data.userIds).toHaveLength(5);
    expect(s.getState().data.itemIds).toHaveLength(7);
    expect(s.getState().origin).toEqual({ preset: 'random', random: { users: 5, items: 7, density: 0.4, seed: 7 } });
  });

  it('refuses a bad size with a message and keeps the data', () => {
    const s = toolbar();
    const before = s.getState().data;
    fireEvent.click(screen.getByRole('button', { name: 'Random' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Users' }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(screen.getByRole('alert').textContent).toBe('Users must be between 1 and 2,000');
    expect(s.getState().data).toBe(before);
    expect(screen.getByRole('textbox', { name: 'Users' }).getAttribute('aria-invalid')).toBe('true');
  });
});
