/**
 * Below the lab: the closed-form solve of one row, the objective with its terms, the
 * latent space, and the lecture's toy example — as tabs (WAI-ARIA tabs pattern).
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { SolveExplorer } from '../SolveExplorer/SolveExplorer';
import { ObjectivePanel } from '../Objective/ObjectivePanel';
import { LatentSpace } from '../LatentSpace/LatentSpace';
import { ToyExample } from '../ToyExample/ToyExample';
import './ExplorePanel.css';

export type ExploreTab = 'solve' | 'objective' | 'latent' | 'toy';

const TABS: { id: ExploreTab; label: string }[] = [
  { id: 'solve', label: 'Solve one row' },
  { id: 'objective', label: 'Objective' },
  { id: 'latent', label: 'Latent space' },
  { id: 'toy', label: 'Toy example' },
];

export function ExplorePanel({ initial = 'solve', tabs = TABS.map((t) => t.id) }: { initial?: ExploreTab; tabs?: ExploreTab[] }) {
  const [active, setActive] = useState<ExploreTab>(initial);
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
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
    <section className="panel explore" aria-label="Explore the mathematics">
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
          className="explore-panel"
        >
          {active === t.id &&
            (t.id === 'solve' ? (
              <SolveExplorer />
            ) : t.id === 'objective' ? (
              <ObjectivePanel />
            ) : t.id === 'latent' ? (
              <LatentSpace />
            ) : (
              <ToyExample />
            ))}
        </div>
      ))}
    </section>
  );
}
