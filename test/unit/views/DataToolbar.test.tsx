// @vitest-environment jsdom
/**
 * The data picker on a real lab store: one button naming the data opens the presets (a
 * disclosure), loading one closes it; the random generator's inputs are checked.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { LabProvider } from '../../../src/state/LabContext';
import { createLabStore, type LabState } from '../../../src/state/labStore';
import { toggleHeldOut } from '../../../src/state/edits';
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

const open = () => fireEvent.click(screen.getByRole('button', { name: /^Data:/ }));

describe('the presets toolbar', () => {
  it('names the current data on its button and opens the presets, each by its full name, the current one pressed', () => {
    toolbar();
    const opener = screen.getByRole('button', { name: /^Data:/ });
    expect(opener.textContent).toContain("Lecture's R");
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Taste groups (12×16)' })).toBeNull();
    open();
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    for (const name of [
      "Lecture's R (4×6)",
      "Lecture's P and C (4×6)",
      'Taste groups (12×16)',
      'Random',
      'MovieTweetings: 12 films × 20 fans (real, 0–10)',
      'MovieTweetings dense core, k = 20 (196×99)',
      'MovieTweetings, whole snapshot (16,554×10,506)',
      'MovieLens-100k shape (synthetic)',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: "Lecture's R (4×6)" }).getAttribute('aria-pressed')).toBe('true');
  });

  it('loads the taste groups, undoably, and closes the list with the focus back on its button', () => {
    const s = toolbar();
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Taste groups (12×16)' }));
    expect(screen.getByRole('button', { name: /^Data:/ }).getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Data:/ }));
    expect(screen.getByRole('button', { name: /^Data:/ }).textContent).toContain('Taste groups');
    expect(s.getState().data.userIds).toHaveLength(12);
    expect(s.getState().data.itemIds).toHaveLength(16);
    expect(s.getState().origin).toEqual({ preset: 'tastes' });
    s.getState().undo();
    expect(s.getState().data.userIds).toEqual(['u1', 'u2', 'u3', 'u4']);
  });

  it('generates random data of the size, density and seed typed in', () => {
    const s = toolbar();
    open();
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
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Random' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Users' }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(screen.getByRole('alert').textContent).toBe('Users must be between 1 and 2,000');
    expect(s.getState().data).toBe(before);
    expect(screen.getByRole('textbox', { name: 'Users' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('closes on Escape, giving the focus back to its button, and says when the data was edited', () => {
    const s = toolbar();
    open();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Taste groups (12×16)' }), { key: 'Escape' });
    const opener = screen.getByRole('button', { name: /^Data:/ });
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(opener);
    act(() => {
      const edited = toggleHeldOut(s.getState().data, 0, 0);
      if (edited.ok) s.getState().setData(edited.data);
    });
    expect(opener.textContent).toContain('(edited)');
    open();
    expect(screen.getByRole('button', { name: "Lecture's R (4×6), edited" }).getAttribute('aria-pressed')).toBe('true');
  });
});
