/**
 * The cells on the grid's full-size canvas: the sticky header row, then the rows in view,
 * each cell placed absolutely at its column. Presentation only: MatrixGrid owns focus,
 * editing and messages.
 */
import type { ReactNode } from 'react';
import type { CellView } from './cellView';
import type { GridPos } from './gridKeys';
import type { GridLayout } from './gridLayout';
import type { GridSide } from './MatrixGrid';

export interface GridCanvasProps {
  layout: GridLayout;
  /** The rows and columns to render (the window, plus the focused ones). */
  rowIdx: number[];
  colIdx: number[];
  rowLabels: readonly string[];
  colLabels: readonly string[];
  view: (i: number, j: number) => CellView;
  active: GridPos;
  /** The cell whose entry was just refused. */
  refused: GridPos | null;
  linked: { i: number; j: number } | null;
  selected: { side: GridSide; index: number } | null;
  /** The solve explorer's row and Ω: the known cells its closed form uses. */
  omega?: { side: GridSide; index: number; cells: ReadonlySet<number> } | null;
  /** The editor when (r, c) is being edited, else null. */
  editorAt(r: number, c: number): ReactNode;
}

export function GridCanvas(props: GridCanvasProps) {
  const { layout, rowIdx, colIdx, rowLabels, colLabels, view, active, refused, linked, selected, editorAt, omega } = props;
  const { cellW, cellH, rowHeaderW, headerH, totalW, totalH, verticalHeaders } = layout;
  const isActive = (r: number, c: number) => active.r === r && active.c === c;
  const headerClass = (side: GridSide, k: number, base: string) =>
    [
      base,
      selected?.side === side && selected.index === k ? 'rg-selected' : '',
      linked && (side === 'users' ? linked.i : linked.j) === k ? 'rg-linked-head' : '',
    ]
      .filter(Boolean)
      .join(' ');
  return (
    <div role="presentation" className="rg-canvas" style={{ width: totalW, height: totalH }}>
      <div role="row" aria-rowindex={1} className="rg-row rg-head-row" style={{ width: totalW, height: headerH }}>
        <div role="columnheader" aria-colindex={1} className="rg-corner" style={{ width: rowHeaderW, height: headerH }}>
          <span aria-hidden="true" className="rg-corner-items">
            items
          </span>
          <span aria-hidden="true" className="rg-corner-users">
            users
          </span>
          <span className="visually-hidden">users by items</span>
        </div>
        {colIdx.map((j) => (
          <div
            key={j}
            role="columnheader"
            aria-colindex={j + 2}
            aria-selected={selected?.side === 'items' && selected.index === j ? true : undefined}
            data-r={-1}
            data-c={j}
            tabIndex={isActive(-1, j) ? 0 : -1}
            title={colLabels[j]}
            className={headerClass('items', j, `rg-col-head${verticalHeaders ? ' rg-vertical' : ''}`)}
            style={{ left: rowHeaderW + j * cellW, width: cellW, height: headerH }}
          >
            {editorAt(-1, j) ?? <span className="rg-label">{colLabels[j]}</span>}
          </div>
        ))}
      </div>
      {rowIdx.map((i) => (
        <div
          key={i}
          role="row"
          aria-rowindex={i + 2}
          className="rg-row"
          style={{ top: headerH + i * cellH, width: totalW, height: cellH }}
        >
          <div
            role="rowheader"
            aria-colindex={1}
            aria-selected={selected?.side === 'users' && selected.index === i ? true : undefined}
            data-r={i}
            data-c={-1}
            tabIndex={isActive(i, -1) ? 0 : -1}
            title={rowLabels[i]}
            className={headerClass('users', i, 'rg-row-head')}
            style={{ width: rowHeaderW, height: cellH }}
          >
            {editorAt(i, -1) ?? <span className="rg-label">{rowLabels[i]}</span>}
          </div>
          {colIdx.map((j) => {
            const v = view(i, j);
            const cls = ['rg-cell', v.muted ? 'rg-muted' : '', v.heldOut ? 'rg-held' : ''];
            if (linked && linked.i === i && linked.j === j) cls.push('rg-linked');
            if (
              omega &&
              (omega.side === 'users' ? omega.index === i && omega.cells.has(j) : omega.index === j && omega.cells.has(i))
            )
              cls.push('rg-omega');
            if (refused && refused.r === i && refused.c === j) cls.push('rg-refused');
            return (
              <div
                key={j}
                role="gridcell"
                aria-colindex={j + 2}
                data-r={i}
                data-c={j}
                tabIndex={isActive(i, j) ? 0 : -1}
                title={v.heldOut ? 'held out of training' : undefined}
                className={cls.filter(Boolean).join(' ')}
                style={{
                  left: rowHeaderW + j * cellW,
                  width: cellW,
                  height: cellH,
                  background: v.background ?? undefined,
                  color: v.color ?? undefined,
                }}
              >
                {editorAt(i, j) ?? (
                  <>
                    {v.text}
                    {v.heldOut && <span className="visually-hidden"> held out</span>}
                  </>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
