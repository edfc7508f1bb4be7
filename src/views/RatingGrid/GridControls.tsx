/**
 * Buttons above the grid: undo and redo, adding and removing users and items (the ones
 * removed are those of the focused cell, named on the button), and the hold-out mode.
 */
import { useLab } from '../../state/LabContext';
import { addItem, addUser, clearHeldOut } from '../../state/edits';
import { heldOutCount } from '../../state/labData';
import type { GridSide } from './MatrixGrid';
import type { Notice } from './RatingGrid';

export interface GridControlsProps {
  /** The focused cell's user and item: what the Remove buttons remove. */
  user: number;
  item: number;
  holdMode: boolean;
  onHoldMode(on: boolean): void;
  onRemove(side: GridSide): void;
  onNotice(notice: Notice | null): void;
}

export function GridControls({ user, item, holdMode, onHoldMode, onRemove, onNotice }: GridControlsProps) {
  const { data, canUndo, canRedo, setData, undo, redo } = useLab((s) => ({
    data: s.data,
    canUndo: s.past.length > 0,
    canRedo: s.future.length > 0,
    setData: s.setData,
    undo: s.undo,
    redo: s.redo,
  }));
  const userId = data.userIds[user];
  const itemId = data.itemIds[item];
  const add = (side: GridSide) => {
    const result = side === 'users' ? addUser(data) : addItem(data);
    if (result.ok) {
      setData(result.data);
      onNotice(null);
    } else onNotice({ tone: 'error', text: result.error });
  };
  return (
    <div className="rg-controls" role="group" aria-label="Edit the data">
      <span className="rg-group">
        <button
          type="button"
          className="rg-icon"
          onClick={undo}
          disabled={!canUndo}
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
          aria-keyshortcuts="Control+Z"
        >
          ↶
        </button>
        <button
          type="button"
          className="rg-icon"
          onClick={redo}
          disabled={!canRedo}
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
          aria-keyshortcuts="Control+Shift+Z Control+Y"
        >
          ↷
        </button>
      </span>
      <AddRemove side="users" count={data.userIds.length} focusedId={userId} onAdd={add} onRemove={onRemove} />
      <AddRemove side="items" count={data.itemIds.length} focusedId={itemId} onAdd={add} onRemove={onRemove} />
      <span className="rg-group">
        <button
          type="button"
          aria-pressed={holdMode}
          className={holdMode ? 'rg-toggle-on' : undefined}
          onClick={() => onHoldMode(!holdMode)}
          title="When on, clicking a known cell holds it out of training (or puts it back). Key: H on a focused cell."
        >
          Hold out
        </button>
        {heldOutCount(data) > 0 && (
          <button
            type="button"
            onClick={() => {
              const result = clearHeldOut(data);
              if (result.ok) setData(result.data);
            }}
            title="Put every held-out cell back into training"
          >
            Clear {heldOutCount(data)} held out
          </button>
        )}
      </span>
    </div>
  );
}

const WORDS = {
  users: { group: 'Users', one: 'user', line: 'row' },
  items: { group: 'Items', one: 'item', line: 'column' },
} as const;

/** "+" and "− id" for one side: add a row (column) of ?, or remove the focused cell's. */
function AddRemove(props: {
  side: 'users' | 'items';
  count: number;
  focusedId: string | null | undefined;
  onAdd: (side: 'users' | 'items') => void;
  onRemove: (side: 'users' | 'items') => void;
}) {
  const { side, count, focusedId, onAdd, onRemove } = props;
  const w = WORDS[side];
  return (
    <span className="rg-group">
      <span className="rg-group-label">{w.group}</span>
      <button type="button" onClick={() => onAdd(side)} aria-label={`Add ${w.one}`} title={`Add a ${w.one} (a ${w.line} of ?)`}>
        +
      </button>
      <button
        type="button"
        onClick={() => onRemove(side)}
        disabled={!focusedId || count < 2}
        aria-label={`Remove ${w.one} ${focusedId ?? ''}`}
        title={`Remove ${w.one} ${focusedId ?? ''} (the focused cell's ${w.line})`}
      >
        − {focusedId}
      </button>
    </span>
  );
}
