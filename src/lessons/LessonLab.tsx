/**
 * A lab inside a lesson, configured by the lesson file: its preset, settings, held-out cells,
 * the U and Vᵀ it starts from, a number of iterations to start at, and which panels show (and
 * which of them the projector shows). Each has its own store, kept across steps, reloads and
 * views; "Reset this lab" brings back the lesson's set-up, "Open in the lab" carries the state
 * to the full lab.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { LabStoreProvider, useLab } from '../state/LabContext';
import type { LabState } from '../state/labStore';
import { toyFactors } from './toyFactors';
import { labOptionsFromAttrs, panelsFromAttrs, settingsFromAttrs, type PanelName } from './labSetup';
import { RunControls } from '../views/Controls/RunControls';
import { SettingsPanel } from '../views/Controls/SettingsPanel';
import { RatingGrid } from '../views/RatingGrid/RatingGrid';
import { FactorProduct } from '../views/Factors/FactorProduct';
import { HoverExplain } from '../views/Explain/HoverExplain';
import { LossChart } from '../views/LossChart/LossChart';
import { Timeline } from '../views/Timeline/Timeline';
import { ObjectivePanel } from '../views/Objective/ObjectivePanel';
import { SolveExplorer } from '../views/SolveExplorer/SolveExplorer';
import { LatentSpace } from '../views/LatentSpace/LatentSpace';
import { StatusBanner } from '../views/common/StatusBanner';
import type { Attrs } from './parseLesson';
import { fullLabHash } from './lessonLabStorage';
import { LessonLabContext, useLessonLabStore } from './useLessonLabStore';
import { StartFactors } from './StartFactors';
import { usePresenter } from './presenterContext';
import { useLabRegistry } from './labRegistry';


function Panel({ name, presenting, attrs, aside }: { name: PanelName; presenting: boolean; attrs: Attrs; aside: boolean }): ReactNode {
  switch (name) {
    case 'run':
      return <RunControls />;
    case 'steps':
      return <RunControls stepsOnly />;
    case 'settings':
      return <SettingsPanel only={settingsFromAttrs(attrs)} />;
    case 'grid':
      return <RatingGrid showToolbar={false} showControls={!presenting} />;
    case 'factors':
      return <FactorProduct maxCell={presenting ? 80 : 56} legends={!presenting} />;
    case 'explain':
      return <HoverExplain />;
    case 'loss':
      return presenting ? (
        <LossChart height={aside ? 150 : 230} rmseHeight={0} show={['parts']} saveFigure={false} />
      ) : (
        <>
          <LossChart height={240} rmseHeight={150} saveFigure={false} />
          <Timeline />
        </>
      );
    case 'objective':
      return <ObjectivePanel />;
    case 'solve':
      return <SolveExplorer />;
    case 'latent':
      return <LatentSpace saveFigure={false} />;
    case 'start':
      return <StartFactors />;
  }
}

/** "Open in the lab": the full lab, in exactly this lab's state. */
function OpenInLab() {
  const state = useLab((s) => ({ data: s.data, origin: s.origin, pristine: s.pristine, settings: s.settings, timeline: s.timeline }));
  const href = useMemo(() => fullLabHash(state as LabState), [state]);
  return (
    <a className="lesson-lab-open" href={href}>
      Open in the lab
    </a>
  );
}

function LabInstance({ attrs, storageKey, onReset }: { attrs: Attrs; storageKey: string; onReset: () => void }) {
  const registry = useLabRegistry();
  const { presenting, aside: asideSlot, tools } = usePresenter();
  const setup = useMemo(() => JSON.stringify(Object.entries(attrs).sort()), [attrs]);
  const lab = useLessonLabStore(storageKey, setup, () => ({
    options: labOptionsFromAttrs(attrs),
    start: attrs.start === 'toy' ? toyFactors() : null,
    steps: Number(attrs.steps ?? 0),
  }));
  const { store, ready } = lab;
  const id = attrs.id ?? 'lab';
  useEffect(() => {
    registry?.set(id, store);
    return () => {
      if (registry?.get(id) === store) registry.delete(id);
    };
  }, [registry, id, store]);
  const { main, aside } = panelsFromAttrs(attrs, presenting);
  const panels = asideSlot ? main : [...main, ...aside];
  const show = (list: PanelName[], beside = false) =>
    list.map((p) => (
      <div key={p} className={`lesson-panel lesson-panel-${p}`}>
        <Panel name={p} presenting={presenting} attrs={attrs} aside={beside} />
      </div>
    ));
  const actions = (
    <div className="lesson-lab-actions">
            <button
              type="button"
              className="lesson-lab-reset"
              onClick={() => {
                lab.discard();
                onReset();
              }}
            >
              Reset this lab
            </button>
            {ready && <OpenInLab />}
          </div>
  );
  return (
    <LessonLabContext.Provider value={lab}>
      <LabStoreProvider store={store}>
        <div className={`lesson-lab lesson-lab-${panels.join('-')}${attrs.focus ? ` lesson-lab-focus-${attrs.focus}` : ''}`} data-lab-id={id} aria-busy={!ready}>
          <StatusBanner />
          {ready ? (
            show(panels)
          ) : (
            <p className="lesson-lab-preparing">Preparing the lab…</p>
          )}
          {!(presenting && tools) && actions}
        </div>
        {presenting && tools && createPortal(actions, tools)}
        {ready && asideSlot && aside.length > 0 && createPortal(<div className="lesson-lab lesson-lab-aside">{show(aside, true)}</div>, asideSlot)}
      </LabStoreProvider>
    </LessonLabContext.Provider>
  );
}

export function LessonLab({ attrs, storageKey }: { attrs: Attrs; storageKey: string }) {
  const [generation, setGeneration] = useState(0);
  return <LabInstance key={generation} attrs={attrs} storageKey={storageKey} onReset={() => setGeneration((g) => g + 1)} />;
}
