/**
 * The full lab, laid out once for every screen: the run bar (controls, data and settings,
 * the loss so far), then R beside its factorization UVᵀ sized to fit the screen (on a
 * projector everything shows at once, so a Step moves R, UVᵀ and the loss together), the
 * explanation of the cell pointed at, and the tabs one click away: the loss in full, the
 * solve of one row, the objective, the latent space, the toy example. Each part sits in its
 * own error boundary.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLab, useLabStore } from '../state/LabContext';
import { itemLabels } from './common/labAccess';
import { RatingGrid } from './RatingGrid/RatingGrid';
import { RunControls } from './Controls/RunControls';
import { SettingsPanel } from './Controls/SettingsPanel';
import { FactorProduct } from './Factors/FactorProduct';
import { HoverExplain } from './Explain/HoverExplain';
import { StatusBanner } from './common/StatusBanner';
import { PanelBoundary } from './common/PanelBoundary';
import { ShortcutsDialog } from './Shortcuts/ShortcutsDialog';
import { ExplorePanel, type ExploreTab } from './Explore/ExplorePanel';
import { MiniLossChart } from './LossChart/MiniLossChart';
import { useShortcuts } from './Shortcuts/useShortcuts';
import { ShareQrButton } from '../share/ShareQrButton';
import { useAfterFirstModel } from './common/useAfterFirstModel';
import { afterPageUp } from '../fonts/webFonts';
import { HEADER_ACTIONS_ID } from './common/headerActions';
import { createPortal } from 'react-dom';
import { useStageLayout } from './Stage/useStageLayout';
import { STAGE_GAP } from './Stage/stageLayout';
import { longestCellText } from './Stage/longestCellText';
import { useHoldKatex } from './common/katexLoader';
import { SaveFigure } from './common/SaveFigure';
import { stageFigures } from './Stage/stageFigures';
import './Lab.css';
import { useKeptRef } from './common/useKeptRef';

// The export menu (and the code and file writers behind it, ~24 kB) is fetched once the first
// model is on screen; until then a disabled button of the same size holds its place.
const ExportMenu = lazy(() => import('./Export/ExportMenu').then((m) => ({ default: m.ExportMenu })));

function ExportPlaceholder() {
  return (
    <div className="export-menu">
      <button type="button" disabled aria-expanded={false}>
        Export <span aria-hidden="true">▾</span>
      </button>
    </div>
  );
}

function LaterExportMenu() {
  const later = useAfterFirstModel();
  return later ? (
    <Suspense fallback={<ExportPlaceholder />}>
      <ExportMenu />
    </Suspense>
  ) : (
    <ExportPlaceholder />
  );
}

export interface LabProps {
  /** Whether this lab owns the page's keyboard shortcuts (only one lab per page should). */
  shortcuts?: boolean;
}

/**
 * Room kept under the matrices on a projector (px): for the explanation strip and the tabs' strip if the data
 * leaves it, else for the explanation only (the tabs are then one scroll away).
 */
const BELOW_STAGE = [150, 86];

export function Lab({ shortcuts = true }: LabProps) {
  const store = useLabStore();
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(store, openHelp, shortcuts);
  const [tab, setTab] = useState<ExploreTab>('loss');
  const explore = useRef<HTMLElement>(null);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const [readouts, setReadouts] = useState<HTMLDivElement | null>(null);
  // KaTeX (75 kB) waits until the first model is on screen: the lab is usable without it.
  useHoldKatex(useLab((s) => s.timeline.length === 0));
  // On a first visit the page's fonts are fetched (for the next) after the first model and the parts below it.
  const fontsTime = useAfterFirstModel(2);
  useEffect(() => {
    if (fontsTime) afterPageUp();
  }, [fontsTime]);
  const hide = useLab((s) => s.hideControls);
  const setHide = useLab((s) => s.setHideControls);
  const openLoss = () => {
    setTab('loss');
    requestAnimationFrame(() => explore.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  return (
    <div className="lab" ref={setRoot}>
      <section className="lab-bar" aria-label="Run">
        <PanelBoundary name="The run controls">
          <div className="lab-run">
            <RunControls readoutsInto={readouts} />
          </div>
          <div className="lab-model">
            {hide ? (
              <p className="lab-hidden-controls">
                <button type="button" onClick={() => setHide(false)}>
                  Show all controls
                </button>{' '}
                <span className="muted">The settings and data tools are hidden for this demo (the link’s hide=controls).</span>
              </p>
            ) : (
              <SettingsPanel />
            )}
          </div>
          <div className="lab-side">
            <div className="lab-readouts" ref={setReadouts} />
            <MiniLossChart onOpen={openLoss} />
          </div>
        </PanelBoundary>
      </section>
      <HeaderAction>
        {!hide && <LaterExportMenu />}
        <ShareQrButton />
      </HeaderAction>
      <StatusBanner />
      <Stage watch={root} />
      <ExplorePanel ref={explore} active={tab} onChange={setTab} />
      <p className="shortcut-hint muted">
        Press <kbd>?</kbd> for keyboard shortcuts.{' '}
        <button type="button" className="link-button" onClick={openHelp}>
          Show shortcuts
        </button>
      </p>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}

/** Puts its children in the app header's action slot (beside the main navigation), or in place when there is none. */
function HeaderAction({ children }: { children: ReactNode }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const [looked, setLooked] = useState(false);
  useEffect(() => {
    setSlot(document.getElementById(HEADER_ACTIONS_ID));
    setLooked(true);
  }, []);
  if (slot) return createPortal(children, slot);
  return looked ? <div className="lab-actions">{children}</div> : null;
}

/** R and R ≈ UVᵀ, sized together by the stage layout, with the explanation of the cell pointed at below. */
function Stage({ watch }: { watch: HTMLElement | null }) {
  const implicit = useLab((s) => s.data.mode === 'implicit');
  const { userIds, itemIds } = useLab((s) => ({ userIds: s.data.userIds, itemIds: itemLabels(s.data) }));
  const d = useLab((s) => s.timeline[s.timeline.length - 1]?.d ?? s.settings.factors);
  const data = useLab((s) => s.data);
  const textChars = useMemo(() => longestCellText(data), [data]);
  const hide = useLab((s) => s.hideControls);
  // The product of matrices and the explanation under it come in their own task once the first
  // model is on screen: the first screen (the controls and R) is then laid out alone, in about half the time.
  const product = useAfterFirstModel();
  const [matrices, setMatrices] = useState<HTMLElement | null>(null);
  const [legends, setLegends] = useState<HTMLElement | null>(null);
  const input = useMemo(
    () => ({ m: userIds.length, n: itemIds.length, d, rowLabels: userIds, colLabels: itemIds, textChars }),
    [userIds, itemIds, d, textChars],
  );
  const { ref, layout } = useStageLayout(input, matrices, watch, BELOW_STAGE);
  const [stage, stageRef] = useKeptRef<HTMLElement>(ref);
  const figures = useMemo(
    () => stageFigures(() => stage.current, { m: userIds.length, n: itemIds.length, d, implicit }),
    [stage, userIds.length, itemIds.length, d, implicit],
  );
  const columns = layout.arrangement === 'side' ? `minmax(0, ${layout.gridWidth}px) minmax(0, 1fr)` : 'minmax(0, 1fr)';
  return (
    <section
      ref={stageRef}
      className={`panel lab-stage stage-${layout.arrangement}${layout.aligned ? ' stage-aligned' : ''}`}
      style={{ gridTemplateColumns: columns, columnGap: STAGE_GAP }}
      aria-labelledby="grid-title"
    >
      <h2 id="grid-title" className="visually-hidden">
        {implicit ? 'Interactions P and C' : 'Rating matrix R'} and its factorization {implicit ? 'P' : 'R'} ≈ UVᵀ
      </h2>
      <PanelBoundary name="The rating matrix" resetKey={data}>
        <div className="stage-grid-probe" ref={setMatrices} aria-hidden="true" />
        <RatingGrid fit={layout.grid} showToolbar={!hide} showControls={!hide} />
      </PanelBoundary>
      <div className="stage-product">
        {product ? (
          <PanelBoundary name="The factorization" resetKey={data}>
            <FactorProduct fit={layout.product} captions={false} legendsInto={legends} />
          </PanelBoundary>
        ) : (
          // Empty: beside R (a laptop, a projector) the row keeps R's height, which the product's rows are aligned
          // to; under R (a phone) it is below the first screen.
          <div className="stage-product-pending" />
        )}
      </div>
      <div className="stage-explain">
        {/* Its two lines are kept for it (Lab.css) while it waits with the product for the first model. */}
        {product && (
          <PanelBoundary name="The explanation" resetKey={data}>
            <HoverExplain />
          </PanelBoundary>
        )}
        <div className="stage-legends" ref={setLegends} />
        {/* In the strip's corner, not the data toolbar: that row is full on a projector. */}
        {product && <SaveFigure figures={figures} compact className="stage-save-figure" />}
      </div>
    </section>
  );
}
