/**
 * The rating grid: the lab's R (or, for implicit feedback, the observations, P and C) as
 * an editable ARIA grid, with the controls that change the data. Reads and writes the lab's
 * store only (useLab), so several labs on one page stay independent; every edit is a pure
 * function from state/edits followed by setData, which keeps undo history.
 */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useLab } from '../../state/LabContext';
import {
  dataKind,
  removeItem,
  removeUser,
  renameLabel,
  setCell,
  setConfidence,
  toggleHeldOut,
  validateEntry,
  type EditResult,
} from '../../state/edits';
import { heldOutCount, itemLabels, type LabData } from '../../state/labData';
import { DataToolbar } from '../DataToolbar/DataToolbar';
import { cellViews, editText, layersOf, type GridLayer } from './cellView';
import { DataSettings } from './DataSettings';
import { GridControls } from './GridControls';
import { undoKey, type GridPos } from './gridKeys';
import { holdOutWarning } from './holdOutWarning';
import { MatrixGrid, type GridSide } from './MatrixGrid';
import { ThresholdPanel } from './ThresholdPanel';
import type { RegionCut } from '../Density/DensityView';
import { DENSITY_DEFAULT_CELLS } from '../../state/cutData';
import type { StageGridFit } from '../Stage/stageLayout';
import './RatingGrid.css';

// Only big data shows R as a density, and only a cut opens the dialog: both load when first needed.
const DensityView = lazy(() => import('../Density/DensityView').then((m) => ({ default: m.DensityView })));
const CutDialog = lazy(() => import('../Density/CutDialog').then((m) => ({ default: m.CutDialog })));

export interface RatingGridProps {
  /** Whether the student may change the data (default true). */
  editable?: boolean;
  /** Undo/redo, add/remove, hold-out, feedback kind and scale (default: when editable). */
  showControls?: boolean;
  /** The presets toolbar above the grid (default false: the full lab places it itself). */
  showToolbar?: boolean;
  /** The grid's accessible name. */
  label?: string;
  /** Height beyond which the grid scrolls (CSS length). */
  maxHeight?: string;
  /** Sizes from the page's layout (the lab's stage). */
  fit?: StageGridFit | null;
  /** More tools at the end of the toolbar row (the full lab's share button). */
  toolsExtra?: ReactNode;
}

/** From this many cells on, R's panel offers the density view beside the cells. */
export const DENSITY_SWITCH_CELLS = 2_500;

type Show = 'density' | 'cells';

export interface Notice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export function RatingGrid({
  editable = true,
  showControls = editable,
  showToolbar = false,
  label = 'Rating matrix R',
  maxHeight = '70vh',
  fit = null,
  toolsExtra = null,
}: RatingGridProps) {
  const focus = useLab((s) => s.focus);
  const omega = useMemo(
    () => (focus && focus.stage >= 2 ? { side: focus.side, index: focus.index, cells: new Set(focus.omega) } : null),
    [focus],
  );
  const { data, alpha, hover, selected, setData, undo, redo, setHover, select } = useLab((s) => ({
    data: s.data,
    alpha: s.settings.alpha,
    hover: s.hover,
    selected: s.selected,
    setData: s.setData,
    undo: s.undo,
    redo: s.redo,
    setHover: s.setHover,
    select: s.select,
  }));
  const kind = dataKind(data);
  const layers = layersOf(kind);
  const [layerChoice, setLayer] = useState<{ kind: string; layer: GridLayer }>({ kind, layer: 'cells' });
  const layer = layerChoice.kind === kind ? layerChoice.layer : 'cells';
  const layerInfo = layers.find((l) => l.id === layer) ?? layers[0]!;
  const [holdMode, setHoldMode] = useState(false);
  const [active, setActive] = useState<GridPos>({ r: 0, c: 0 });
  const [converting, setConverting] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const describedBy = useId();
  const root = useRef<HTMLDivElement>(null);
  // After the conversion the Convert button is gone: the focus goes to the grid, so Ctrl+Z still undoes.
  const [focusGrid, setFocusGrid] = useState(0);
  useEffect(() => {
    if (focusGrid > 0) root.current?.querySelector<HTMLElement>('.rg [role="grid"] [tabindex="0"]')?.focus();
  }, [focusGrid]);
  // A cancelled conversion hands the focus back to the button that opened it (WCAG 2.4.3).
  const opener = useRef<HTMLElement | null>(null);
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0 && opener.current?.isConnected) opener.current.focus();
  }, [refocus]);

  /** Applies an edit: null when done, else why it was refused. */
  const apply = useCallback(
    (result: EditResult, after?: (next: LabData) => void): string | null => {
      if (!result.ok) return result.error;
      if (result.data !== data) setData(result.data);
      after?.(result.data);
      return null;
    },
    [data, setData],
  );

  const view = useMemo(() => cellViews(data, layer, alpha), [data, layer, alpha]);
  // Big R opens as its density (a grid would show a corner of it); the choice holds while R stays that big.
  const cellCount = data.ratings.m * data.ratings.n;
  const offerDensity = cellCount > DENSITY_SWITCH_CELLS;
  const big = cellCount > DENSITY_DEFAULT_CELLS;
  const [showChoice, setShowChoice] = useState<{ big: boolean; show: Show } | null>(null);
  const show: Show = !offerDensity ? 'cells' : showChoice && showChoice.big === big ? showChoice.show : big ? 'density' : 'cells';
  const [cut, setCut] = useState<{ region: RegionCut | null; chooseRegion: boolean } | null>(null);

  const onEdit = (i: number, j: number, text: string) => {
    if (!layerInfo.editable) return `${layerInfo.short} follows from r here (${layerInfo.long}): edit r instead`;
    const target = layer === 'confidence' ? 'confidence' : 'cells';
    const entry = validateEntry(data, text, target);
    if ('error' in entry) return entry.error;
    return apply(target === 'confidence' ? setConfidence(data, i, j, entry.value) : setCell(data, i, j, entry.value));
  };
  const onClear = (i: number, j: number) => {
    if (layer === 'confidence') return onEdit(i, j, '0');
    if (!layerInfo.editable) return onEdit(i, j, '?');
    return apply(setCell(data, i, j, null));
  };
  const onRename = (side: GridSide, index: number, text: string) => apply(renameLabel(data, side, index, text));
  const onHoldOut = (i: number, j: number) =>
    apply(toggleHeldOut(data, i, j), (next) => {
      const warning = holdOutWarning(next, i, j);
      setNotice(warning ? { tone: 'warning', text: warning } : null);
    });

  const onKeyDown = (e: KeyboardEvent) => {
    if (!editable) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    const action = undoKey(e);
    if (!action) return;
    e.preventDefault();
    if (action === 'undo') undo();
    else redo();
  };

  const m = data.userIds.length;
  const n = data.itemIds.length;
  const user = active.r >= 0 && active.r < m ? active.r : m - 1;
  const item = active.c >= 0 && active.c < n ? active.c : n - 1;

  return (
    // Undo/redo keys bubble up here from the grid and its controls; the wrapper itself takes no focus.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div ref={root} className="rating-grid-view" onKeyDown={onKeyDown}>
      <div className="rg-tools">
        {showToolbar && <DataToolbar />}
        {offerDensity && (
          <span className="rg-show" role="group" aria-label="Show R as">
            {(['density', 'cells'] as const).map((v) => (
              <button key={v} type="button" aria-pressed={show === v} onClick={() => setShowChoice({ big, show: v })}>
                {v === 'density' ? 'Density' : 'Cells'}
              </button>
            ))}
          </span>
        )}
        {showControls && editable && (
          <GridControls
            user={user}
            item={item}
            holdMode={holdMode}
            onHoldMode={setHoldMode}
            onNotice={setNotice}
            onRemove={(side) => {
              const error =
                side === 'users'
                  ? apply(removeUser(data, user), () => select(null))
                  : apply(removeItem(data, item), () => select(null));
              setHover(null);
              setNotice(error ? { tone: 'error', text: error } : null);
            }}
          />
        )}
        {showControls && editable && (
          <DataSettings
            layers={layers}
            layer={layer}
            onLayer={(l) => setLayer({ kind, layer: l })}
            onConvert={() => {
              opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
              setConverting(true);
            }}
            onNotice={setNotice}
          />
        )}
        {toolsExtra}
      </div>
      <div role="status" className={`rg-notice${notice ? ` rg-notice-${notice.tone}` : ''}`}>
        {notice?.text}
      </div>
      {converting && kind === 'explicit' && (
        <ThresholdPanel
          onClose={(applied) => {
            setConverting(false);
            if (applied) {
              setData(applied.data);
              setNotice({ tone: 'info', text: applied.message });
              setFocusGrid((k) => k + 1);
            } else setRefocus((k) => k + 1);
          }}
        />
      )}
      {show === 'density' && (
        <Suspense
          fallback={
            <p className="muted" role="status">
              Loading the density view of R…
            </p>
          }
        >
          <DensityView
            plotHeight={fit?.maxHeight ? Math.max(200, fit.maxHeight - 120) : 320}
            onCut={(region, chooseRegion) => setCut({ region, chooseRegion })}
          />
        </Suspense>
      )}
      {cut !== null && (
        <Suspense fallback={null}>
          <CutDialog
            open={cut !== null}
            onClose={() => {
              setCut(null);
              // An applied cut replaced the density view (and the button that opened the dialog) by the grid: focus it.
              setTimeout(() => {
                if (document.activeElement === document.body || !document.activeElement) setFocusGrid((k) => k + 1);
              }, 0);
            }}
            region={cut?.region ?? null}
            chooseRegion={cut?.chooseRegion ?? false}
          />
        </Suspense>
      )}
      {show === 'cells' && (
        <>
          <p id={describedBy} className="rg-caption">
            {captionOf(kind, layerInfo.long, alpha)}
            {heldOutCount(data) > 0 && ` ${heldOutCount(data)} held out (hatched).`}
          </p>
          <MatrixGrid
            label={label}
            describedBy={describedBy}
            rowLabels={data.userIds}
            colLabels={itemLabels(data)}
            view={view}
            editText={(i, j) => editText(data, layer, alpha, i, j)}
            editable={editable}
            onEdit={onEdit}
            onClear={onClear}
            onHoldOut={onHoldOut}
            onRename={onRename}
            onSelect={(side, index) => select({ side, index })}
            onHover={setHover}
            onActiveChange={setActive}
            clickHoldsOut={holdMode}
            linked={hover}
            selected={focus ? { side: focus.side, index: focus.index } : selected}
            omega={omega}
            maxHeight={fit?.maxHeight ? `${fit.maxHeight}px` : fit ? undefined : maxHeight}
            fit={fit}
          />
        </>
      )}
    </div>
  );
}

function captionOf(kind: ReturnType<typeof dataKind>, layer: string, alpha: number): string {
  if (kind === 'explicit') return 'Users × items; ? = unknown.';
  if (kind === 'alpha') return `Implicit feedback: showing ${layer}; α = ${alpha}. Empty = no interaction (p = 0, c = 1).`;
  return `Implicit feedback with the lecture’s P and C: showing ${layer}.`;
}
