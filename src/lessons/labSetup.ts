/** A lesson lab's set-up from its attributes in the lesson file: pure, shared by the lab and the tests. */
import { positionsOf } from '../state/labData';
import type { LabOptions } from '../state/labStore';
import { isPresetId, presetData } from '../state/presets';
import type { ModelSettings } from '../worker/protocol';
import { LECTURE_VT } from '../core/lecture';
import type { Attrs } from './parseLesson';

export const PANELS = ['run', 'steps', 'settings', 'grid', 'factors', 'explain', 'loss', 'objective', 'solve', 'latent', 'start'] as const;
export type PanelName = (typeof PANELS)[number];

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
  if (attrs.start === 'toy') settings.factors = LECTURE_VT.length;
  const start = presetData(preset);
  const held = (attrs.held ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split(',').map(Number) as [number, number]);
  // A `?` cannot be held out: positionsOf keeps only known cells.
  const heldOut = positionsOf(start.data, held);
  const data = heldOut.length > 0 ? { ...start.data, heldOut } : undefined;
  return data ? { data, settings: { ...start.settings, ...settings } } : { preset, settings };
}


function panelList(text: string): PanelName[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is PanelName => (PANELS as readonly string[]).includes(p));
}

/**
 * The panels a lab shows: `panels`; on the projector `present` when the lesson names fewer, and
 * `aside` for panels placed in the text column, below the text (pure; unit-tested).
 */
export function panelsFromAttrs(attrs: Attrs, presenting = false): { main: PanelName[]; aside: PanelName[] } {
  const all = panelList(attrs.panels ?? 'run,grid,factors');
  if (!presenting) return { main: all, aside: [] };
  return { main: attrs.present ? panelList(attrs.present) : all, aside: panelList(attrs.aside ?? '') };
}


const SETTING_NAMES: Record<string, keyof ModelSettings> = {
  d: 'factors',
  lambda: 'lambda',
  alpha: 'alpha',
  seed: 'seed',
  scale: 'initScale',
  solver: 'solver',
  eta: 'learningRate',
};

/** The settings a lab's settings panel shows (`settings="lambda,eta"`), or undefined for all. */
export function settingsFromAttrs(attrs: Attrs): (keyof ModelSettings)[] | undefined {
  if (!attrs.settings) return undefined;
  return attrs.settings
    .split(',')
    .map((s) => SETTING_NAMES[s.trim()])
    .filter((s): s is keyof ModelSettings => s !== undefined);
}
