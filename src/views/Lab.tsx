import { useCallback, useState } from 'react';
import { useLab, useLabStore } from '../state/LabContext';
import { RatingGrid } from './RatingGrid/RatingGrid';
import { RunControls } from './Controls/RunControls';
import { SettingsPanel } from './Controls/SettingsPanel';
import { FactorProduct } from './Factors/FactorProduct';
import { HoverExplain } from './Explain/HoverExplain';
import { StatusBanner } from './common/StatusBanner';
import { ShortcutsDialog } from './Shortcuts/ShortcutsDialog';
import { ExplorePanel } from './Explore/ExplorePanel';
import { LossChart } from './LossChart/LossChart';
import { Timeline } from './Timeline/Timeline';
import { useShortcuts } from './Shortcuts/useShortcuts';
import { ShareQrButton } from '../share/ShareQrButton';
import './Lab.css';

export interface LabProps {
  /** Whether this lab owns the page's keyboard shortcuts (only one lab per page should). */
  shortcuts?: boolean;
}

/** The full lab: the grid holding R, the run controls and settings, the factor views and the loss. */
export function Lab({ shortcuts = true }: LabProps) {
  const store = useLabStore();
  const implicit = useLab((s) => s.data.mode === 'implicit');
  // Wide data (more than 8 items) gets the full width for R and for the product, one above the other.
  const wide = useLab((s) => s.data.itemIds.length > 8);
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(store, openHelp, shortcuts);
  return (
    <div className="lab">
      <section className="panel lab-run" aria-label="Run">
        <RunControls />
        <SettingsPanel />
        <ShareQrButton />
      </section>
      <StatusBanner />
      <div className={wide ? 'lab-main stacked' : 'lab-main'}>
        <section aria-labelledby="grid-title" className="panel lab-grid">
          <h2 id="grid-title">{implicit ? 'Interactions: preferences P and confidences C' : 'Rating matrix R'}</h2>
          <RatingGrid showToolbar />
          <HoverExplain />
        </section>
        <section aria-labelledby="factors-title" className="panel lab-factors">
          <h2 id="factors-title">Factorization {implicit ? 'P' : 'R'} ≈ UVᵀ</h2>
          <FactorProduct />
        </section>
      </div>
      <section aria-labelledby="loss-title" className="panel lab-loss">
        <h2 id="loss-title">Objective over the run</h2>
        <LossChart />
        <Timeline />
      </section>
      <ExplorePanel />
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
