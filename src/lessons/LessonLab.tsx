/**
 * A lab inside a lesson, configured by the lesson file: its preset, settings, held-out
 * cells, a number of steps to start from, and which panels show. Each has its own store;
 * "Reset this lab" brings back the state the lesson set up.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { StoreApi } from 'zustand';
import { LabStoreProvider, useStoreLifetime } from '../state/LabContext';
import { positionsOf } from '../state/labData';
import { createLabStore, type LabOptions, type LabState } from '../state/labStore';
import { isPresetId, presetData } from '../state/presets';
import type { ModelSettings } from '../worker/protocol';
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

export const PANELS = ['run', 'steps', 'settings', 'grid', 'factors', 'explain', 'loss', 'objective', 'solve', 'latent'] as const;
export type PanelName = (typeof PANELS)[number];

/** The labs of the lesson step on screen, by id: exercises act on them, the presenter's keys drive the first. */
export const LabRegistry = createContext<Map<string, StoreApi<LabState>> | null>(null);

export function useLabRegistry(): Map<string, StoreApi<LabState>> | null {
  return useContext(LabRegistry);
}

/** The store options a lesson's attributes describe (pure; unit-tested). */
export function labOptionsFromAttrs(attrs: Attrs): LabOptions {
  const preset = attrs.preset ?? 'lecture-r';
  if (!isPresetId(preset)) throw new RangeError(`Unknown preset "${attrs.preset}".`);
  const number = (key: string) => (attrs[key] !== undefined ? Number(attrs[key]) : undefined);
  const settings: Partial<ModelSettings> = {};
  const put = <K extends keyof ModelSettings>(key: K, value: ModelSettings[K] | undefined) => {
    if (value !== undefined && !(typeof value === 'number' && Number.isNaN(value))) settings[key] = value;
  };
  put('factors', number('d'));
  put('lambda', number('lambda'));
  put('alpha', number('alpha'));
  put('seed', number('seed'));
  put('initScale', number('scale'));
  put('learningRate', number('eta'));
  if (attrs.solver === 'gd' || attrs.solver === 'als') settings.solver = attrs.solver;
  const start = presetData(preset);
  const held = (attrs.held ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split(',').map(Number) as [number, number]);
  const heldOut = positionsOf(start.data, held);
  const data = heldOut.length > 0 ? { ...start.data, heldOut } : undefined;
  return data ? { data, settings: { ...start.settings, ...settings } } : { preset, settings };
}

export function panelsFromAttrs(attrs: Attrs): PanelName[] {
  const list = (attrs.panels ?? 'run,grid,factors').split(',').map((p) => p.trim()) as PanelName[];
  return list.filter((p) => (PANELS as readonly string[]).includes(p));
}

function Panel({ name }: { name: PanelName }): ReactNode {
  switch (name) {
    case 'run':
      return <RunControls />;
    case 'steps':
      return <RunControls stepsOnly />;
    case 'settings':
      return <SettingsPanel />;
    case 'grid':
      return <RatingGrid showToolbar={false} />;
    case 'factors':
      return <FactorProduct maxCell={56} />;
    case 'explain':
      return <HoverExplain />;
    case 'loss':
      return (
        <>
          <LossChart height={240} rmseHeight={150} />
          <Timeline />
        </>
      );
    case 'objective':
      return <ObjectivePanel />;
    case 'solve':
      return <SolveExplorer />;
    case 'latent':
      return <LatentSpace />;
  }
}

/** Stores whose opening steps have run. */
const stepped = new WeakSet<StoreApi<LabState>>();

function LabInstance({ attrs, onReset }: { attrs: Attrs; onReset: () => void }) {
  const registry = useLabRegistry();
  const [store] = useState(() => createLabStore({ ...labOptionsFromAttrs(attrs), autoStart: false }));
  useStoreLifetime(store);
  const id = attrs.id ?? 'lab';
  useEffect(() => {
    registry?.set(id, store);
    return () => {
      if (registry?.get(id) === store) registry.delete(id);
    };
  }, [registry, id, store]);
  useEffect(() => {
    // Once per store: React's StrictMode runs effects twice in development.
    if (stepped.has(store)) return;
    stepped.add(store);
    const steps = Number(attrs.steps ?? 0);
    for (let k = 0; k < steps; k++) store.getState().step();
    // Only when the lab opens: the steps set the scene the lesson starts from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  const panels = panelsFromAttrs(attrs);
  return (
    <LabStoreProvider store={store}>
      <div className="lesson-lab" data-lab-id={id}>
        <StatusBanner />
        {panels.map((p) => (
          <div key={p} className={`lesson-panel lesson-panel-${p}`}>
            <Panel name={p} />
          </div>
        ))}
        <button type="button" className="lesson-lab-reset" onClick={onReset}>
          Reset this lab
        </button>
      </div>
    </LabStoreProvider>
  );
}

export function LessonLab({ attrs }: { attrs: Attrs }) {
  const [generation, setGeneration] = useState(0);
  return <LabInstance key={generation} attrs={attrs} onReset={() => setGeneration((g) => g + 1)} />;
}
