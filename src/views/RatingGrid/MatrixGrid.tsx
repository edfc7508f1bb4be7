/**
 * A matrix as an ARIA grid: users as rows, items as columns, one tab stop (roving
 * tabindex), arrows / Home / End / PageUp / PageDown to move, typing to edit. Only the rows
 * and columns in view are rendered (plus the focused one), positioned absolutely on a
 * canvas of the full size, with the header row and column sticky.
 */
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { CellEditor } from './CellEditor';
import { GridCanvas } from './GridCanvas';
import { gridLayout, scrollToShow, type GridFit, type GridLayout } from './gridLayout';
import { cellCommand, clampPos, type GridPos } from './gridKeys';
import type { CellView } from './cellView';
import { editorLabel, useGridEditor, type GridMessage } from './useGridEditor';
import { measure, useGridWindow, type GridViewport } from './useGridWindow';

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
  /** Sizes from the page's layout (the lab's stage), instead of from the labels. */
  fit?: GridFit | null;
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

/** Where a refusal's bubble goes: under its cell, kept inside the viewport of the grid. */
function bubblePosition(message: GridMessage, layout: GridLayout, view: GridViewport): CSSProperties {
  const { rowHeaderW, headerH, cellW, cellH } = layout;
  const x = (message.pos.c < 0 ? 0 : rowHeaderW + message.pos.c * cellW) - view.left;
  const y = (message.pos.r < 0 ? headerH : headerH + (message.pos.r + 1) * cellH) - view.top;
  return { left: Math.max(0, Math.min(view.width - 40, x)), top: Math.max(0, Math.min(view.height, y)) };
}

export function MatrixGrid(props: MatrixGridProps) {
  const { rowLabels, colLabels, view, editable = true, linked, selected, omega, fit } = props;
  const textChars = useMemo(
    () => longestText(view, rowLabels.length, colLabels.length),
    [view, rowLabels.length, colLabels.length],
  );
  const layout = useMemo(() => gridLayout(rowLabels, colLabels, textChars, fit), [rowLabels, colLabels, textChars, fit]);
  const { rows, cols, cellW, cellH, rowHeaderW, headerH } = layout;
  const scroller = useRef<HTMLDivElement>(null);
  const win = useGridWindow(scroller, layout);
  const [rawActive, setRawActive] = useState<GridPos>({ r: 0, c: 0 });
  const focusPending = useRef(false);
  const lastHover = useRef<string>('');
  const active = clampPos(rawActive, rows, cols);
  const ed = useGridEditor({
    editable,
    rowLabels,
    colLabels,
    view,
    editText: props.editText,
    onEdit: props.onEdit,
    onRename: props.onRename,
    rows,
    cols,
    focusPending,
    onMoved: (to) => {
      setRawActive(to);
      props.onActiveChange?.(to);
      props.onHover?.({ i: to.r, j: to.c });
    },
  });
  const { editing, message } = ed;

  const moveTo = (pos: GridPos, focus = true) => {
    const next = clampPos(pos, rows, cols);
    if (next.r !== active.r || next.c !== active.c) {
      ed.setMessage(null);
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

  const select = (pos: GridPos) => {
    if (pos.r === -1) props.onSelect?.('items', pos.c);
    else if (pos.c === -1) props.onSelect?.('users', pos.r);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing) return;
    const command = cellCommand(active, e, rows, cols, win.pageRows);
    if (!command) {
      if (e.key === 'Escape' && message) ed.setMessage(null);
      return;
    }
    e.preventDefault();
    const { r, c } = active;
    switch (command.kind) {
      case 'move':
        moveTo(command.to);
        break;
      case 'edit':
        ed.startEdit(active, command.initial);
        break;
      case 'select':
        select(active);
        break;
      case 'clear':
        if (editable && props.onClear) ed.report(active, props.onClear(r, c));
        break;
      case 'holdOut':
        if (editable && props.onHoldOut) ed.report(active, props.onHoldOut(r, c));
        break;
    }
  };

  const onClick = (e: React.MouseEvent) => {
    const pos = posOf(e.target);
    if (!pos || (editing && editing.pos.r === pos.r && editing.pos.c === pos.c)) return;
    moveTo(pos);
    if (pos.r === -1 || pos.c === -1) select(pos);
    else if (props.clickHoldsOut && editable && props.onHoldOut) ed.report(pos, props.onHoldOut(pos.r, pos.c));
  };

  // Pointing at a cell, by mouse or by keyboard focus, shows what hovering shows (a tap does it through the click).
  const pointAt = (e: React.SyntheticEvent) => {
    const pos = posOf(e.target);
    const key = pos && pos.r >= 0 && pos.c >= 0 ? `${pos.r},${pos.c}` : '';
    if (key === lastHover.current) return;
    lastHover.current = key;
    props.onHover?.(pos && key ? { i: pos.r, j: pos.c } : null);
  };
  const leave = () => {
    if (!lastHover.current) return;
    lastHover.current = '';
    props.onHover?.(null);
  };

  const rowIdx = withIndex(withIndex(range(win.rows[0], win.rows[1]), active.r), editing?.pos.r ?? -1);
  const colIdx = withIndex(withIndex(range(win.cols[0], win.cols[1]), active.c), editing?.pos.c ?? -1);
  const editorAt = (r: number, c: number) =>
    editing && editing.pos.r === r && editing.pos.c === c ? (
      <CellEditor
        label={editorLabel(r, c, rowLabels, colLabels)}
        initial={editing.initial}
        typed={editing.typed}
        onCommit={ed.commit}
        onCancel={ed.cancel}
      />
    ) : null;

  return (
    <div
      className={`rg ${layout.small ? 'rg-small' : 'rg-large'}`}
      style={
        {
          '--rg-font': `${layout.fontPx}px`,
          ...(layout.headFontPx ? { '--rg-head-font': `${layout.headFontPx}px` } : {}),
        } as CSSProperties
      }
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
          if (pos && !props.clickHoldsOut) ed.startEdit(pos, null);
        }}
        onBlur={(e) => {
          // A message stays while the student is in the grid; it goes once they leave it (a refused
          // edit committed by leaving is the exception: its editor is the one losing focus).
          const into = e.relatedTarget as Node | null;
          const leaving = !(into && e.currentTarget.contains(into));
          if (message && !(e.target instanceof HTMLInputElement) && leaving) ed.setMessage(null);
          if (leaving) leave();
        }}
        onPointerOver={(e) => {
          // Only a real mouse hovers: after a tap the browser sends a stray mouseover to whatever the page moved
          // under the finger's last spot, which must not replace what the tap pointed at.
          if (e.pointerType === 'mouse' || e.pointerType === 'pen') pointAt(e);
        }}
        onFocus={pointAt}
        // A finger lifting sends pointerleave: only a mouse leaving forgets the cell (a tap's stays explained).
        onPointerLeave={(e) => {
          if (e.pointerType === 'mouse' || e.pointerType === 'pen') leave();
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
      <div
        role="alert"
        className={message ? 'rg-bubble' : 'visually-hidden'}
        style={message ? bubblePosition(message, layout, win.view) : undefined}
      >
        {message?.text}
      </div>
    </div>
  );
}
