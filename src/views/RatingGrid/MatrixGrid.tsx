/**
 * A matrix as an ARIA grid: users as rows, items as columns, one tab stop (roving
 * tabindex), arrows / Home / End / PageUp / PageDown to move, typing to edit. Only the rows
 * and columns in view are rendered (plus the focused one), positioned absolutely on a
 * canvas of the full size, with the header row and column sticky.
 */
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { CellEditor, type CommitKey } from './CellEditor';
import { GridCanvas } from './GridCanvas';
import { gridLayout, scrollToShow } from './gridLayout';
import { afterCommit, cellCommand, clampPos, type GridPos } from './gridKeys';
import type { CellView } from './cellView';
import { measure, useGridWindow } from './useGridWindow';

export type GridSide = 'users' | 'items';

export interface MatrixGridProps {
  label: string;
  describedBy?: string;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  view: (i: number, j: number) => CellView;
  /** The text an editor starts from (Enter, F2, double-click). */
  editText?: (i: number, j: number) => string;
  editable?: boolean;
  /** Each handler returns null when it succeeded, else the message to show next to the cell. */
  onEdit?: (i: number, j: number, text: string) => string | null;
  onClear?: (i: number, j: number) => string | null;
  onHoldOut?: (i: number, j: number) => string | null;
  onRename?: (side: GridSide, index: number, text: string) => string | null;
  onSelect?: (side: GridSide, index: number) => void;
  onHover?: (cell: { i: number; j: number } | null) => void;
  onActiveChange?: (pos: GridPos) => void;
  /** Clicking a cell holds it out (the "Hold out" mode). */
  clickHoldsOut?: boolean;
  /** The cell pointed at in another view. */
  linked?: { i: number; j: number } | null;
  selected?: { side: GridSide; index: number } | null;
  omega?: { side: GridSide; index: number; cells: ReadonlySet<number> } | null;
  maxHeight?: string;
}

interface Editing {
  pos: GridPos;
  initial: string;
  typed: boolean;
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);

function withIndex(list: number[], k: number): number[] {
  return k < 0 || list.includes(k) ? list : [...list, k].sort((x, y) => x - y);
}

/** The longest text among the cells (big grids: assumed short, as ratings are). */
function longestText(view: (i: number, j: number) => CellView, rows: number, cols: number): number {
  if (rows * cols > 2500) return 3;
  let best = 1;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) best = Math.max(best, view(i, j).text.length);
  return best;
}

function posOf(target: EventTarget | null): GridPos | null {
  const el = target instanceof Element ? target.closest<HTMLElement>('[data-r]') : null;
  return el ? { r: Number(el.dataset.r), c: Number(el.dataset.c) } : null;
}

export function MatrixGrid(props: MatrixGridProps) {
  const { rowLabels, colLabels, view, editable = true, linked, selected, omega } = props;
  const textChars = useMemo(
    () => longestText(view, rowLabels.length, colLabels.length),
    [view, rowLabels.length, colLabels.length],
  );
  const layout = useMemo(() => gridLayout(rowLabels, colLabels, textChars), [rowLabels, colLabels, textChars]);
  const { rows, cols, cellW, cellH, rowHeaderW, headerH } = layout;
  const scroller = useRef<HTMLDivElement>(null);
  const win = useGridWindow(scroller, layout);
  const [rawActive, setRawActive] = useState<GridPos>({ r: 0, c: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<{ pos: GridPos; text: string } | null>(null);
  // A message belongs to the data it refused: new data (another preset, an undo) clears it.
  const [messageView, setMessageView] = useState(() => view);
  if (messageView !== view) {
    setMessageView(() => view);
    if (message) setMessage(null);
  }
  const focusPending = useRef(false);
  const lastHover = useRef<string>('');
  const active = clampPos(rawActive, rows, cols);

  const moveTo = (pos: GridPos, focus = true) => {
    const next = clampPos(pos, rows, cols);
    if (next.r !== active.r || next.c !== active.c) {
      setMessage(null);
      props.onActiveChange?.(next);
    }
    setRawActive(next);
    focusPending.current = focus;
    if (focus && next.r >= 0 && next.c >= 0) props.onHover?.({ i: next.r, j: next.c });
  };

  // Brings the focused cell into view (the headers are sticky, so the browser's own scrolling would hide it) and focuses it.
  useLayoutEffect(() => {
    if (!focusPending.current || editing) return;
    focusPending.current = false;
    const el = scroller.current;
    if (!el) return;
    const { width, height } = measure(el);
    if (active.r >= 0) el.scrollTop = scrollToShow(el.scrollTop, height, headerH, cellH, active.r);
    if (active.c >= 0) el.scrollLeft = scrollToShow(el.scrollLeft, width, rowHeaderW, cellW, active.c);
    el.querySelector<HTMLElement>(`[data-r="${active.r}"][data-c="${active.c}"]`)?.focus({ preventScroll: true });
    win.update();
  });

  const report = (pos: GridPos, error: string | null) => {
    setMessage(error ? { pos, text: error } : null);
    return error === null;
  };

  const startEdit = (pos: GridPos, initial: string | null) => {
    if (!editable) return;
    const header = pos.r === -1 || pos.c === -1;
    if (header && !props.onRename) return;
    if (!header && !props.onEdit) return;
    const text =
      initial ?? (header ? (pos.r === -1 ? colLabels[pos.c] : rowLabels[pos.r]) : props.editText?.(pos.r, pos.c)) ?? '';
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
        ? (props.onRename?.('items', pos.c, text) ?? null)
        : pos.c === -1
          ? (props.onRename?.('users', pos.r, text) ?? null)
          : (props.onEdit?.(pos.r, pos.c, text) ?? null);
    const accepted = report(pos, error);
    if (key === null) return;
    focusPending.current = true;
    if (accepted) {
      const to = afterCommit(pos, key, shift, rows, cols);
      if (to.r !== pos.r || to.c !== pos.c) {
        setRawActive(to);
        props.onActiveChange?.(to);
        props.onHover?.({ i: to.r, j: to.c });
      }
    }
  };

  const select = (pos: GridPos) => {
    if (pos.r === -1) props.onSelect?.('items', pos.c);
    else if (pos.c === -1) props.onSelect?.('users', pos.r);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing) return;
    const command = cellCommand(active, e, rows, cols, win.pageRows);
    if (!command) {
      if (e.key === 'Escape' && message) setMessage(null);
      return;
    }
    e.preventDefault();
    const { r, c } = active;
    switch (command.kind) {
      case 'move':
        moveTo(command.to);
        break;
      case 'edit':
        startEdit(active, command.initial);
        break;
      case 'select':
        select(active);
        break;
      case 'clear':
        if (editable && props.onClear) report(active, props.onClear(r, c));
        break;
      case 'holdOut':
        if (editable && props.onHoldOut) report(active, props.onHoldOut(r, c));
        break;
    }
  };

  const onClick = (e: React.MouseEvent) => {
    const pos = posOf(e.target);
    if (!pos || (editing && editing.pos.r === pos.r && editing.pos.c === pos.c)) return;
    moveTo(pos);
    if (pos.r === -1 || pos.c === -1) select(pos);
    else if (props.clickHoldsOut && editable && props.onHoldOut) report(pos, props.onHoldOut(pos.r, pos.c));
  };

  // Pointing at a cell, by mouse or by keyboard focus, shows what hovering shows.
  const pointAt = (e: React.SyntheticEvent) => {
    const pos = posOf(e.target);
    const key = pos && pos.r >= 0 && pos.c >= 0 ? `${pos.r},${pos.c}` : '';
    if (key === lastHover.current) return;
    lastHover.current = key;
    props.onHover?.(pos && key ? { i: pos.r, j: pos.c } : null);
  };

  const rowIdx = withIndex(withIndex(range(win.rows[0], win.rows[1]), active.r), editing?.pos.r ?? -1);
  const colIdx = withIndex(withIndex(range(win.cols[0], win.cols[1]), active.c), editing?.pos.c ?? -1);
  const editorAt = (r: number, c: number) =>
    editing && editing.pos.r === r && editing.pos.c === c ? (
      <CellEditor
        label={
          r === -1
            ? `Name of item ${colLabels[c]}`
            : c === -1
              ? `Name of user ${rowLabels[r]}`
              : `Value of ${rowLabels[r]} × ${colLabels[c]}`
        }
        initial={editing.initial}
        typed={editing.typed}
        onCommit={commit}
        onCancel={() => {
          setEditing(null);
          focusPending.current = true;
        }}
      />
    ) : null;

  const bubble: CSSProperties | undefined = message
    ? {
        left: Math.max(
          0,
          Math.min(win.view.width - 40, (message.pos.c < 0 ? 0 : rowHeaderW + message.pos.c * cellW) - win.view.left),
        ),
        top: Math.max(
          0,
          Math.min(win.view.height, (message.pos.r < 0 ? headerH : headerH + (message.pos.r + 1) * cellH) - win.view.top),
        ),
      }
    : undefined;

  return (
    <div
      className={`rg ${layout.small ? 'rg-small' : 'rg-large'}`}
      style={{ '--rg-font': `${layout.fontPx}px` } as CSSProperties}
    >
      <div
        ref={scroller}
        role="grid"
        tabIndex={-1}
        aria-label={props.label}
        aria-describedby={props.describedBy}
        aria-rowcount={rows + 1}
        aria-colcount={cols + 1}
        aria-readonly={editable ? undefined : true}
        className={`rg-scroller${props.clickHoldsOut ? ' rg-hold-mode' : ''}`}
        style={{ maxHeight: props.maxHeight }}
        onScroll={win.onScroll}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onDoubleClick={(e) => {
          const pos = posOf(e.target);
          if (pos && !props.clickHoldsOut) startEdit(pos, null);
        }}
        onBlur={(e) => {
          // A message stays while the student is in the grid; it goes once they leave it (a refused
          // edit committed by leaving is the exception: its editor is the one losing focus).
          const into = e.relatedTarget as Node | null;
          const leaving = !(into && e.currentTarget.contains(into));
          if (message && !(e.target instanceof HTMLInputElement) && leaving) setMessage(null);
          if (leaving && lastHover.current) {
            lastHover.current = '';
            props.onHover?.(null);
          }
        }}
        onMouseOver={pointAt}
        onFocus={pointAt}
        onMouseLeave={() => {
          lastHover.current = '';
          props.onHover?.(null);
        }}
      >
        <GridCanvas
          layout={layout}
          rowIdx={rowIdx}
          colIdx={colIdx}
          rowLabels={rowLabels}
          colLabels={colLabels}
          view={view}
          active={active}
          refused={message?.pos ?? null}
          linked={linked ?? null}
          selected={selected ?? null}
          omega={omega ?? null}
          editorAt={editorAt}
        />
      </div>
      <div role="alert" className={message ? 'rg-bubble' : 'visually-hidden'} style={bubble}>
        {message?.text}
      </div>
    </div>
  );
}
