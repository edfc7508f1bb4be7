/**
 * The grid's editing and its messages: which cell (or header) is being edited, what a
 * commit does (the handler's verdict shown next to the cell), and where the focus goes
 * afterwards. A message belongs to the data it refused: new data clears it.
 */
import { useState, type RefObject } from 'react';
import type { CommitKey } from './CellEditor';
import { afterCommit, type GridPos } from './gridKeys';
import type { CellView } from './cellView';
import type { GridSide } from './MatrixGrid';

export interface Editing {
  pos: GridPos;
  initial: string;
  typed: boolean;
}

export interface GridMessage {
  pos: GridPos;
  text: string;
}

export interface EditorHandlers {
  editable: boolean;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  view: (i: number, j: number) => CellView;
  editText?: (i: number, j: number) => string;
  onEdit?: (i: number, j: number, text: string) => string | null;
  onRename?: (side: GridSide, index: number, text: string) => string | null;
  /** Moves the active cell after a commit (Enter moves down, Tab across). */
  onMoved(to: GridPos): void;
  rows: number;
  cols: number;
  /** Set when the focus should return to the active cell after the next render. */
  focusPending: RefObject<boolean>;
}

export function useGridEditor(h: EditorHandlers) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<GridMessage | null>(null);
  const [messageView, setMessageView] = useState(() => h.view);
  if (messageView !== h.view) {
    setMessageView(() => h.view);
    if (message) setMessage(null);
  }

  /** Shows a handler's verdict: true when it accepted. */
  const report = (pos: GridPos, error: string | null) => {
    setMessage(error ? { pos, text: error } : null);
    return error === null;
  };

  const startEdit = (pos: GridPos, initial: string | null) => {
    if (!h.editable) return;
    const header = pos.r === -1 || pos.c === -1;
    if (header && !h.onRename) return;
    if (!header && !h.onEdit) return;
    const text =
      initial ?? (header ? (pos.r === -1 ? h.colLabels[pos.c] : h.rowLabels[pos.r]) : h.editText?.(pos.r, pos.c)) ?? '';
    setMessage(null);
    setEditing({ pos, initial: text, typed: initial !== null });
  };

  const commit = (text: string, key: CommitKey, shift: boolean) => {
    const current = editing;
    setEditing(null);
    if (!current) return;
    const { pos } = current;
    const error =
      pos.r === -1
        ? (h.onRename?.('items', pos.c, text) ?? null)
        : pos.c === -1
          ? (h.onRename?.('users', pos.r, text) ?? null)
          : (h.onEdit?.(pos.r, pos.c, text) ?? null);
    const accepted = report(pos, error);
    if (key === null) return;
    h.focusPending.current = true;
    if (accepted) {
      const to = afterCommit(pos, key, shift, h.rows, h.cols);
      if (to.r !== pos.r || to.c !== pos.c) h.onMoved(to);
    }
  };

  const cancel = () => {
    setEditing(null);
    h.focusPending.current = true;
  };

  return { editing, message, setMessage, report, startEdit, commit, cancel };
}

/** The editor's accessible name: what the typed text will change. */
export function editorLabel(r: number, c: number, rowLabels: readonly string[], colLabels: readonly string[]): string {
  if (r === -1) return `Name of item ${colLabels[c]}`;
  if (c === -1) return `Name of user ${rowLabels[r]}`;
  return `Value of ${rowLabels[r]} × ${colLabels[c]}`;
}
