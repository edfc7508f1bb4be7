/**
 * The presenter's keys as a table: what each key does with each kind of control in focus. The
 * clicker's PageDown / PageUp (and B or "." for a black screen) act whatever has focus; arrows stay
 * with a control that needs them; letters stay with a text field.
 */
import { describe, expect, it } from 'vitest';
import { presenterAction, type FocusKind } from '../../../src/lessons/presenterKeys';

const KINDS: FocusKind[] = ['none', 'button', 'arrows', 'number', 'text'];
const at = (key: string, focus: FocusKind, black = false) => presenterAction({ key }, focus, black);

describe('presenter keys', () => {
  it('PageDown and PageUp move whatever has focus', () => {
    for (const focus of KINDS) {
      expect(at('PageDown', focus), focus).toBe('next');
      expect(at('PageUp', focus), focus).toBe('prev');
    }
  });

  it('B blacks the screen unless a field takes letters; "." unless a field takes numbers', () => {
    for (const focus of ['none', 'button', 'arrows', 'number'] as const) expect(at('b', focus), focus).toBe('black');
    expect(at('B', 'arrows')).toBe('black');
    expect(at('b', 'text')).toBeNull();
    for (const focus of ['none', 'button', 'arrows'] as const) expect(at('.', focus), focus).toBe('black');
    expect(at('.', 'number')).toBeNull();
    expect(at('.', 'text')).toBeNull();
  });

  it('arrows move the slides, except on a control that uses them (a radio, a slider, a field)', () => {
    expect(at('ArrowRight', 'none')).toBe('next');
    expect(at('ArrowLeft', 'button')).toBe('prev');
    for (const focus of ['arrows', 'number', 'text'] as const) {
      expect(at('ArrowRight', focus), focus).toBeNull();
      expect(at('ArrowLeft', focus), focus).toBeNull();
    }
  });

  it('Space moves on only when nothing pressable has focus', () => {
    expect(at(' ', 'none')).toBe('next');
    for (const focus of ['button', 'arrows', 'number', 'text'] as const) expect(at(' ', focus), focus).toBeNull();
  });

  it('letters drive the lab and the presenter when focus is not in a field', () => {
    const letters = { s: 'step', u: 'halfStep-users', v: 'halfStep-items', p: 'play', r: 'reset', a: 'reveal', n: 'notes', f: 'fullscreen' };
    for (const [key, action] of Object.entries(letters)) {
      for (const focus of ['none', 'button', 'arrows'] as const) expect(at(key, focus), `${key} on ${focus}`).toBe(action);
      expect(at(key.toUpperCase(), 'none')).toBe(action);
      for (const focus of ['number', 'text'] as const) expect(at(key, focus), `${key} in ${focus}`).toBeNull();
    }
  });

  it('Esc leaves a field first, then presenter mode', () => {
    expect(at('Escape', 'number')).toBe('blur');
    expect(at('Escape', 'text')).toBe('blur');
    expect(at('Escape', 'none')).toBe('exit');
    expect(at('Escape', 'arrows')).toBe('exit');
  });

  it('while the screen is black, navigation keys only bring the slide back', () => {
    for (const key of ['PageDown', 'PageUp', 'b', '.', 'Escape', ' ', 'ArrowRight']) expect(at(key, 'none', true), key).toBe('black');
    expect(at('s', 'none', true)).toBeNull();
  });

  it('leave shortcuts with Ctrl, Alt or Meta to the browser', () => {
    expect(presenterAction({ key: 'PageDown', ctrlKey: true }, 'none')).toBeNull();
    expect(presenterAction({ key: 'r', metaKey: true }, 'none')).toBeNull();
    expect(presenterAction({ key: 'b', altKey: true }, 'none')).toBeNull();
  });
});
