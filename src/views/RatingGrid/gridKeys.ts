/**
 * The grid's keyboard, as pure functions: where a key moves the focus, and what a key
 * does to a cell. Positions include the headers: row −1 is the item names, column −1 the
 * user names (the corner is never focused).
 */

export interface GridPos {
  r: number;
  c: number;
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

/** Keeps a position inside a rows × cols grid with its headers, off the corner. */
export function clampPos(pos: GridPos, rows: number, cols: number): GridPos {
  const r = Math.min(Math.max(pos.r, -1), rows - 1);
  const c = Math.min(Math.max(pos.c, -1), cols - 1);
  return r === -1 && c === -1 ? { r: 0, c: -1 } : { r, c };
}

/**
 * Where a navigation key moves the focus (null: not a navigation key). Arrows move by one,
 * Home/End to the row's first/last cell (with Ctrl: the grid's), PageUp/PageDown by a
 * screenful of rows.
 */
export function moveFocus(pos: GridPos, e: KeyLike, rows: number, cols: number, pageRows: number): GridPos | null {
  const ctrl = e.ctrlKey || e.metaKey;
  let { r, c } = pos;
  switch (e.key) {
    case 'ArrowUp':
      r = ctrl ? 0 : r - 1;
      break;
    case 'ArrowDown':
      r = ctrl ? rows - 1 : r + 1;
      break;
    case 'ArrowLeft':
      c = ctrl ? 0 : c - 1;
      break;
    case 'ArrowRight':
      c = ctrl ? cols - 1 : c + 1;
      break;
    case 'Home':
      if (ctrl) r = 0;
      c = 0;
      break;
    case 'End':
      if (ctrl) r = rows - 1;
      c = cols - 1;
      break;
    case 'PageUp':
      r = Math.max(0, r - Math.max(1, pageRows));
      break;
    case 'PageDown':
      r = r + Math.max(1, pageRows);
      break;
    default:
      return null;
  }
  if (r === -1 && c === -1) return pos;
  return clampPos({ r, c }, rows, cols);
}

/** What a key does on a focused cell or header when nothing is being edited. */
export type CellCommand =
  | { kind: 'move'; to: GridPos }
  | { kind: 'edit'; initial: string | null }
  | { kind: 'clear' }
  | { kind: 'holdOut' }
  | { kind: 'select' }
  | null;

export function cellCommand(pos: GridPos, e: KeyLike, rows: number, cols: number, pageRows: number): CellCommand {
  const to = moveFocus(pos, e, rows, cols, pageRows);
  if (to) return { kind: 'move', to };
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const header = pos.r === -1 || pos.c === -1;
  if (header) {
    if (e.key === 'Enter' || e.key === ' ') return { kind: 'select' };
    if (e.key === 'F2') return { kind: 'edit', initial: null };
    if (e.key.length === 1) return { kind: 'edit', initial: e.key };
    return null;
  }
  if (e.key === 'Enter' || e.key === 'F2') return { kind: 'edit', initial: null };
  if (e.key === '?' || e.key === 'Delete' || e.key === 'Backspace') return { kind: 'clear' };
  if (e.key === 'h' || e.key === 'H') return { kind: 'holdOut' };
  if (e.key.length === 1 && e.key !== ' ') return { kind: 'edit', initial: e.key };
  return null;
}

/** Where the focus goes after committing an edit with Enter (down) or Tab (right; Shift: left), wrapping rows. */
export function afterCommit(pos: GridPos, key: 'Enter' | 'Tab', shift: boolean, rows: number, cols: number): GridPos {
  if (pos.r === -1 || pos.c === -1) return pos;
  if (key === 'Enter') return { r: Math.min(rows - 1, Math.max(0, pos.r + (shift ? -1 : 1))), c: pos.c };
  if (!shift) {
    if (pos.c + 1 < cols) return { r: pos.r, c: pos.c + 1 };
    return pos.r + 1 < rows ? { r: pos.r + 1, c: 0 } : pos;
  }
  if (pos.c > 0) return { r: pos.r, c: pos.c - 1 };
  return pos.r > 0 ? { r: pos.r - 1, c: cols - 1 } : pos;
}

/** Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac). */
export function undoKey(e: KeyLike): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}
