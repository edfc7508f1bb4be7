/**
 * What a key does in presenter mode, as a pure function of the key and of what has focus, so
 * that the rules can be tested without a browser.
 *
 * A clicker sends PageDown / PageUp (and B or "." for a black screen): those must act whatever
 * has focus — a radio button, an answer box, a slider, a lab control — or the lecturer loses
 * the room. The other keys give way to a focused control that needs them: arrows stay with a
 * radio group, a slider or a text field (→ on a radio changes the answer, and only that);
 * letters stay with a text field. "." and B type in a field that takes them ("0.5", a label).
 */

/** The kind of element that has focus, as far as keys are concerned. */
export type FocusKind =
  /** Nothing in particular: the page, a paragraph, the slide. */
  | 'none'
  /** A button or link: Space and Enter press it. */
  | 'button'
  /** Uses the arrow keys itself: a radio, a slider, a select, a tab list, a grid. */
  | 'arrows'
  /** A field for a number ("0.5"): arrows move the caret, "." and digits type. */
  | 'number'
  /** A field for free text: every printable key types. */
  | 'text';

export type PresenterAction =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'black'
  | 'reveal'
  | 'step'
  | 'halfStep-users'
  | 'halfStep-items'
  | 'play'
  | 'reset'
  | 'fullscreen'
  | 'notes'
  | 'help'
  | 'exit'
  | 'blur';

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Letters that drive the step's lab and the presenter, when focus is not in a field. */
const LETTERS: Record<string, PresenterAction> = {
  s: 'step',
  u: 'halfStep-users',
  v: 'halfStep-items',
  p: 'play',
  r: 'reset',
  a: 'reveal',
  f: 'fullscreen',
  n: 'notes',
  '?': 'help',
};

/**
 * The action for a key press, or null to leave the key to the focused control. `blackScreen`
 * is whether the screen is black now: then any navigation key only brings the slide back.
 */
export function presenterAction(e: KeyInput, focus: FocusKind, blackScreen = false): PresenterAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const field = focus === 'text' || focus === 'number';
  // The clicker's keys: always.
  if (key === 'PageDown') return blackScreen ? 'black' : 'next';
  if (key === 'PageUp') return blackScreen ? 'black' : 'prev';
  if (key === 'b' && focus !== 'text') return 'black';
  if (key === '.' && !field) return 'black';
  if (blackScreen) return key === 'Escape' || key === ' ' || key === 'ArrowRight' || key === 'ArrowLeft' ? 'black' : null;
  if (key === 'Escape') return field ? 'blur' : 'exit';
  if (field) return null;
  if (key === 'ArrowRight' || key === 'ArrowDown') return focus === 'arrows' ? null : 'next';
  if (key === 'ArrowLeft' || key === 'ArrowUp') return focus === 'arrows' ? null : 'prev';
  if (key === ' ') return focus === 'none' ? 'next' : null;
  if (key === 'Home') return focus === 'arrows' ? null : 'first';
  if (key === 'End') return focus === 'arrows' ? null : 'last';
  return LETTERS[key] ?? null;
}

/** Inputs that take a number: typing "." or "-" there is part of the answer. */
function isNumberField(el: HTMLInputElement): boolean {
  return el.type === 'number' || el.inputMode === 'decimal' || el.inputMode === 'numeric';
}

/** What kind of control an event target is (see FocusKind). */
export function focusKind(target: EventTarget | null): FocusKind {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return 'none';
  if (target instanceof HTMLTextAreaElement || target.closest('[contenteditable="true"], [contenteditable=""]')) return 'text';
  if (target instanceof HTMLInputElement) {
    if (['radio', 'range'].includes(target.type)) return 'arrows';
    if (['checkbox', 'button', 'submit', 'reset', 'color', 'file'].includes(target.type)) return 'button';
    return isNumberField(target) ? 'number' : 'text';
  }
  if (target instanceof HTMLSelectElement) return 'arrows';
  if (target.closest('[role="slider"], [role="radio"], [role="tab"], [role="grid"], [role="listbox"], [role="menu"], [role="spinbutton"]'))
    return 'arrows';
  if (target.closest('button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"]')) return 'button';
  return 'none';
}
