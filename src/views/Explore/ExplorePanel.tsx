/**
 * Under the matrices, one click away: the loss over the run, the closed-form solve of one
 * row, the objective with its terms, the latent space, and the lecture's toy example — as
 * tabs (WAI-ARIA tabs pattern). Each panel sits in its own error boundary.
 */
import { forwardRef, lazy, Suspense, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLab } from '../../state/LabContext';
import { PanelBoundary } from '../common/PanelBoundary';
import { LossChart } from '../LossChart/LossChart';
import { useAfterFirstModel } from '../common/useAfterFirstModel';
import { Timeline } from '../Timeline/Timeline';

// The loss tab is open at first; the others load when first opened (a lighter first load).
const SolveExplorer = lazy(() => import('../SolveExplorer/SolveExplorer').then((m) => ({ default: m.SolveExplorer })));
const ObjectivePanel = lazy(() => import('../Objective/ObjectivePanel').then((m) => ({ default: m.ObjectivePanel })));
const LatentSpace = lazy(() => import('../LatentSpace/LatentSpace').then((m) => ({ default: m.LatentSpace })));
const ToyExample = lazy(() => import('../ToyExample/ToyExample').then((m) => ({ default: m.ToyExample })));
const Recommend = lazy(() => import('../Recommend/Recommend').then((m) => ({ default: m.Recommend })));
const CompareVariants = lazy(() => import('../Compare/CompareVariants').then((m) => ({ default: m.CompareVariants })));
const EvaluatePanel = lazy(() => import('../Evaluate/EvaluatePanel').then((m) => ({ default: m.EvaluatePanel })));

function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}
import './ExplorePanel.css';

export type ExploreTab = 'loss' | 'solve' | 'objective' | 'latent' | 'toy' | 'recommend' | 'evaluate';

const TABS: { id: ExploreTab; label: string; panel: string }[] = [
  { id: 'loss', label: 'Loss over the run', panel: 'The loss chart' },
  { id: 'solve', label: 'Solve one row', panel: 'The solve explorer' },
  { id: 'objective', label: 'Objective', panel: 'The objective panel' },
  { id: 'latent', label: 'Latent space', panel: 'The latent space' },
  { id: 'toy', label: 'Toy example', panel: 'The toy example' },
  { id: 'recommend', label: 'Recommend', panel: 'The recommendations' },
  { id: 'evaluate', label: 'Evaluate', panel: 'The evaluation' },
];

/** The variant comparison sits last in the loss tab (whose content waits for the first model: see ExplorePanel). */
function LaterCompare() {
  return (
    <Suspense fallback={<Loading what="the variant comparison" />}>
      <CompareVariants />
    </Suspense>
  );
}

function content(id: ExploreTab): ReactNode {
  switch (id) {
    case 'loss':
      return (
        <>
          <LossChart />
          <Timeline />
          <LaterCompare />
        </>
      );
    case 'solve':
      return (
        <Suspense fallback={<Loading what="the solve explorer" />}>
          <SolveExplorer />
        </Suspense>
      );
    case 'objective':
      return (
        <Suspense fallback={<Loading what="the objective" />}>
          <ObjectivePanel />
        </Suspense>
      );
    case 'latent':
      return (
        <Suspense fallback={<Loading what="the latent space" />}>
          <LatentSpace />
        </Suspense>
      );
    case 'toy':
      return (
        <Suspense fallback={<Loading what="the toy example" />}>
          <ToyExample />
        </Suspense>
      );
    case 'recommend':
      return (
        <Suspense fallback={<Loading what="the recommendations" />}>
          <Recommend />
        </Suspense>
      );
    case 'evaluate':
      return (
        <Suspense fallback={<Loading what="the evaluation" />}>
          <EvaluatePanel />
        </Suspense>
      );
  }
}

export interface ExplorePanelProps {
  /** The tab open at first (uncontrolled), or the open tab (controlled, with onChange). */
  initial?: ExploreTab;
  active?: ExploreTab;
  onChange?: (tab: ExploreTab) => void;
  tabs?: ExploreTab[];
}

export const ExplorePanel = forwardRef<HTMLElement, ExplorePanelProps>(function ExplorePanel(
  { initial = 'loss', active: controlled, onChange, tabs = TABS.map((t) => t.id) },
  ref,
) {
  const [own, setOwn] = useState<ExploreTab>(initial);
  const active = controlled ?? own;
  const [touched, setTouched] = useState(false);
  const setActive = (tab: ExploreTab) => {
    setOwn(tab);
    setTouched(true);
    onChange?.(tab);
  };
  // The panels sit below the matrices (far below on a phone): their charts render once the first
  // model is on screen and the browser is idle, unless someone opens a tab before that. The
  // lab's first screen and its first model then cost the main thread only what is in view.
  const [firstActive] = useState(active);
  const later = useAfterFirstModel(1) || touched || active !== firstActive;
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const data = useLab((s) => s.data);
  const shown = TABS.filter((t) => tabs.includes(t.id));
  const onKey = (e: KeyboardEvent) => {
    const k = shown.findIndex((t) => t.id === active);
    const next =
      e.key === 'ArrowRight'
        ? k + 1
        : e.key === 'ArrowLeft'
          ? k - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? shown.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    const tab = shown[(next + shown.length) % shown.length]!;
    setActive(tab.id);
    refs.current[tab.id]?.focus();
  };
  return (
    <section ref={ref} className="panel explore" aria-label="Explore the run and the mathematics">
      <div role="tablist" aria-label="Explore" className="explore-tabs">
        {shown.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            role="tab"
            type="button"
            id={`${base}-tab-${t.id}`}
            aria-selected={active === t.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={active === t.id ? 0 : -1}
            onKeyDown={onKey}
            onClick={() => setActive(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {shown.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${base}-panel-${t.id}`}
          aria-labelledby={`${base}-tab-${t.id}`}
          hidden={active !== t.id}
          className={`explore-panel explore-${t.id}`}
        >
          {active === t.id &&
            (later ? (
              <PanelBoundary name={t.panel} resetKey={data}>
                {content(t.id)}
              </PanelBoundary>
            ) : (
              <div className="explore-waiting">
                <Loading what={t.panel.replace(/^The /, 'the ')} />
              </div>
            ))}
        </div>
      ))}
    </section>
  );
});
