/**
 * The grid's pure parts: where keys move the focus, the layout and the visible window,
 * what each layer shows, and the random generator's form.
 */
import { describe, expect, it } from 'vitest';
import { afterCommit, cellCommand, clampPos, moveFocus, undoKey } from '../../../src/views/RatingGrid/gridKeys';
import { gridLayout, scrollToShow, visibleRange } from '../../../src/views/RatingGrid/gridLayout';
import { cellViews, editText, layersOf, layerValue } from '../../../src/views/RatingGrid/cellView';
import { parseRandomForm, toRandomForm } from '../../../src/views/DataToolbar/randomOptions';
import { lecturePC, lectureR, tastes } from '../../../src/state/presets';
import { setKind, toggleHeldOut } from '../../../src/state/edits';
import type { LabData } from '../../../src/state/labData';

const key = (k: string, mods: { ctrlKey?: boolean; shiftKey?: boolean; metaKey?: boolean } = {}) => ({ key: k, ...mods });

describe('moving the focus in a 4 × 6 grid (row −1: item names, column −1: user names)', () => {
  const move = (r: number, c: number, k: string, mods = {}) => moveFocus({ r, c }, key(k, mods), 4, 6, 2);

  it('arrows move by one and stop at the edges', () => {
    expect(move(0, 0, 'ArrowRight')).toEqual({ r: 0, c: 1 });
    expect(move(0, 5, 'ArrowRight')).toEqual({ r: 0, c: 5 });
    expect(move(3, 2, 'ArrowDown')).toEqual({ r: 3, c: 2 });
    expect(move(0, 2, 'ArrowUp')).toEqual({ r: -1, c: 2 });
    expect(move(2, 0, 'ArrowLeft')).toEqual({ r: 2, c: -1 });
  });

  it('never lands on the empty corner', () => {
    expect(move(-1, 0, 'ArrowLeft')).toEqual({ r: -1, c: 0 });
    expect(move(0, -1, 'ArrowUp')).toEqual({ r: 0, c: -1 });
    expect(clampPos({ r: -1, c: -1 }, 4, 6)).toEqual({ r: 0, c: -1 });
  });

  it('Home/End go to the row’s ends, with Ctrl to the grid’s corners', () => {
    expect(move(2, 3, 'Home')).toEqual({ r: 2, c: 0 });
    expect(move(2, 3, 'End')).toEqual({ r: 2, c: 5 });
    expect(move(2, 3, 'Home', { ctrlKey: true })).toEqual({ r: 0, c: 0 });
    expect(move(0, 0, 'End', { ctrlKey: true })).toEqual({ r: 3, c: 5 });
  });

  it('PageUp/PageDown move by a screenful of rows', () => {
    expect(move(0, 1, 'PageDown')).toEqual({ r: 2, c: 1 });
    expect(move(2, 1, 'PageDown')).toEqual({ r: 3, c: 1 });
    expect(move(3, 1, 'PageUp')).toEqual({ r: 1, c: 1 });
    expect(move(1, 1, 'PageUp')).toEqual({ r: 0, c: 1 });
  });

  it('other keys are not navigation', () => {
    expect(move(0, 0, '4')).toBeNull();
    expect(move(0, 0, 'Enter')).toBeNull();
  });
});

describe('what a key does on a cell', () => {
  const on = (r: number, c: number, k: string, mods = {}) => cellCommand({ r, c }, key(k, mods), 4, 6, 2);

  it('typing starts an edit with the character; Enter and F2 edit the current value', () => {
    expect(on(0, 1, '4')).toEqual({ kind: 'edit', initial: '4' });
    expect(on(0, 1, '.')).toEqual({ kind: 'edit', initial: '.' });
    expect(on(0, 1, 'Enter')).toEqual({ kind: 'edit', initial: null });
    expect(on(0, 1, 'F2')).toEqual({ kind: 'edit', initial: null });
  });

  it('?, Delete and Backspace make a cell unknown; H holds it out', () => {
    expect(on(0, 0, '?')).toEqual({ kind: 'clear' });
    expect(on(0, 0, 'Delete')).toEqual({ kind: 'clear' });
    expect(on(0, 0, 'Backspace')).toEqual({ kind: 'clear' });
    expect(on(0, 0, 'h')).toEqual({ kind: 'holdOut' });
    expect(on(0, 0, 'H')).toEqual({ kind: 'holdOut' });
  });

  it('on a header, Enter or Space selects and typing renames', () => {
    expect(on(2, -1, 'Enter')).toEqual({ kind: 'select' });
    expect(on(-1, 3, ' ')).toEqual({ kind: 'select' });
    expect(on(-1, 3, 'F2')).toEqual({ kind: 'edit', initial: null });
    expect(on(2, -1, 'C')).toEqual({ kind: 'edit', initial: 'C' });
    expect(on(2, -1, 'Delete')).toBeNull();
  });

  it('leaves Ctrl shortcuts, Space and Tab to others', () => {
    expect(on(0, 0, 'z', { ctrlKey: true })).toBeNull();
    expect(on(0, 0, ' ')).toBeNull();
    expect(on(0, 0, 'Tab')).toBeNull();
  });

  it('after a commit, Enter moves down and Tab right (Shift: back), wrapping rows', () => {
    expect(afterCommit({ r: 0, c: 1 }, 'Enter', false, 4, 6)).toEqual({ r: 1, c: 1 });
    expect(afterCommit({ r: 3, c: 1 }, 'Enter', false, 4, 6)).toEqual({ r: 3, c: 1 });
    expect(afterCommit({ r: 0, c: 1 }, 'Enter', true, 4, 6)).toEqual({ r: 0, c: 1 });
    expect(afterCommit({ r: 0, c: 1 }, 'Tab', false, 4, 6)).toEqual({ r: 0, c: 2 });
    expect(afterCommit({ r: 0, c: 5 }, 'Tab', false, 4, 6)).toEqual({ r: 1, c: 0 });
    expect(afterCommit({ r: 1, c: 0 }, 'Tab', true, 4, 6)).toEqual({ r: 0, c: 5 });
    expect(afterCommit({ r: 3, c: 5 }, 'Tab', false, 4, 6)).toEqual({ r: 3, c: 5 });
  });

  it('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo', () => {
    expect(undoKey(key('z', { ctrlKey: true }))).toBe('undo');
    expect(undoKey(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoKey(key('y', { ctrlKey: true }))).toBe('redo');
    expect(undoKey(key('z', { metaKey: true }))).toBe('undo');
    expect(undoKey(key('z'))).toBeNull();
  });
});

describe('layout and the visible window', () => {
  it('keeps the lecture’s R big: every cell ≥ 2.4rem, font ≥ 18px', () => {
    const L = gridLayout(lectureR().userIds, lectureR().itemIds);
    expect(L.small).toBe(true);
    expect(L.cellH).toBeGreaterThanOrEqual(2.4 * 18);
    expect(L.cellW).toBeGreaterThanOrEqual(2.4 * 18);
    expect(L.fontPx).toBeGreaterThanOrEqual(18);
    expect(L.verticalHeaders).toBe(false);
    expect(L.totalW).toBe(L.rowHeaderW + 6 * L.cellW);
  });

  it('writes long film titles vertically instead of widening every column', () => {
    const T = tastes();
    const L = gridLayout(T.userIds, T.itemIds);
    expect(L.verticalHeaders).toBe(true);
    expect(L.headerH).toBeGreaterThan(L.cellH);
  });

  it('widens columns for long numbers such as 0.85', () => {
    const narrow = gridLayout(['u1'], ['i1'], 1);
    const wide = gridLayout(['u1'], ['i1'], 4);
    expect(wide.cellW).toBeGreaterThan(narrow.cellW);
  });

  it('big grids are not small, and cells stay ≥ 2.4rem', () => {
    const ids = (p: string, k: number) => Array.from({ length: k }, (_, t) => `${p}${t + 1}`);
    const L = gridLayout(ids('u', 943), ids('m', 1682));
    expect(L.small).toBe(false);
    expect(L.cellH).toBeGreaterThanOrEqual(2.4 * 18);
    expect(L.totalH).toBe(L.headerH + 943 * L.cellH);
  });

  it('the window covers the rows in view plus a margin, within bounds', () => {
    // 40px rows, a 40px header, a 400px viewport: 9 rows visible.
    expect(visibleRange(0, 400, 40, 40, 1000)).toEqual([0, 11]);
    expect(visibleRange(4000, 400, 40, 40, 1000)).toEqual([98, 111]);
    expect(visibleRange(39_990, 400, 40, 40, 1000)).toEqual([997, 1000]);
    expect(visibleRange(0, 400, 40, 40, 3)).toEqual([0, 3]);
  });

  it('scrolls just enough to show a line below the sticky header', () => {
    expect(scrollToShow(0, 400, 40, 40, 3)).toBe(0);
    expect(scrollToShow(0, 400, 40, 40, 20)).toBe(21 * 40 - 360);
    expect(scrollToShow(800, 400, 40, 40, 5)).toBe(200);
  });
});

describe('what the cells show', () => {
  it('R: numbers on a light colour by value, ? muted on no colour', () => {
    const R = lectureR();
    const view = cellViews(R, 'cells', 10);
    expect(view(0, 0)).toMatchObject({ text: '1', muted: false, heldOut: false });
    expect(view(0, 1)).toMatchObject({ text: '?', muted: true, background: null });
    // 1 and 5 sit on opposite sides of the diverging scale, 3 in its (near-white) middle.
    expect(view(0, 0).background).not.toBe(view(2, 1).background);
    expect(view(1, 2).background).toMatch(/^rgb\((2[3-5]\d), (2[3-5]\d), (2[3-5]\d)\)$/);
    expect(view(0, 0).color).toBe('#000000');
  });

  it('marks held-out cells', () => {
    const R = toggleHeldOut(lectureR(), 2, 1);
    if (!R.ok) throw new Error(R.error);
    expect(cellViews(R.data, 'cells', 10)(2, 1).heldOut).toBe(true);
  });

  it('observations show p = [r > 0] and c = 1 + α·r, blank where nothing was seen', () => {
    const obs = setKind(lectureR(), 'alpha', 10);
    if (!obs.ok) throw new Error(obs.error);
    const data: LabData = obs.data;
    expect(layersOf('alpha').map((l) => l.short)).toEqual(['r', 'P', 'C']);
    expect(cellViews(data, 'cells', 10)(0, 1).text).toBe('');
    expect(layerValue(data, 'p', 10, 0, 0)).toBe(1);
    expect(layerValue(data, 'p', 10, 0, 1)).toBe(0);
    expect(layerValue(data, 'c', 10, 2, 1)).toBe(51);
    expect(layerValue(data, 'c', 10, 0, 1)).toBe(1);
    expect(cellViews(data, 'c', 10)(0, 1)).toMatchObject({ text: '1', muted: true });
  });

  it('the lecture’s P and C: both layers editable, C with its decimals', () => {
    const PC = lecturePC();
    expect(layersOf('matrix').map((l) => [l.short, l.editable])).toEqual([
      ['P', true],
      ['C', true],
    ]);
    expect(cellViews(PC, 'confidence', 10)(0, 0).text).toBe('0.85');
    expect(editText(PC, 'confidence', 10, 1, 2)).toBe('0.1');
    expect(editText(lectureR(), 'cells', 10, 0, 1)).toBe('');
  });
});

describe('the random generator’s form', () => {
  it('reads size, density in percent and seed', () => {
    expect(parseRandomForm({ users: '8', items: '10', density: '50', seed: '7' })).toEqual({
      options: { users: 8, items: 10, density: 0.5, seed: 7 },
    });
    expect(parseRandomForm({ users: '3', items: '2', density: '12.5%', seed: '0' })).toEqual({
      options: { users: 3, items: 2, density: 0.125, seed: 0 },
    });
    expect(toRandomForm({ users: 8, items: 10, density: 0.5, seed: 7 })).toEqual({
      users: '8',
      items: '10',
      density: '50',
      seed: '7',
    });
  });

  it('refuses what would not make a matrix', () => {
    const base = { users: '8', items: '10', density: '50', seed: '7' };
    expect(parseRandomForm({ ...base, users: '0' })).toEqual({ error: 'Users must be between 1 and 2,000' });
    expect(parseRandomForm({ ...base, items: '2.5' })).toEqual({ error: 'Items must be a whole number' });
    expect(parseRandomForm({ ...base, items: '' })).toEqual({ error: 'Items must be a whole number' });
    expect(parseRandomForm({ ...base, density: '0' })).toEqual({ error: 'Density must be above 0% and at most 100%' });
    expect(parseRandomForm({ ...base, density: '150' })).toEqual({ error: 'Density must be above 0% and at most 100%' });
    expect(parseRandomForm({ ...base, density: 'half' })).toMatchObject({ error: expect.stringMatching(/Density/) });
    expect(parseRandomForm({ ...base, seed: '-1' })).toMatchObject({ error: expect.stringMatching(/Seed/) });
  });
});
