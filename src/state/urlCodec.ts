/**
 * A lab's state as a URL fragment, so that a link reproduces the demo (TensorFlow
 * Playground's habit: "the URL is the state"). Pure: no DOM, no storage, no store. The
 * pieces live in link/: plain text (numbers, labels, bytes), the data, the settings; the
 * run uses the one grammar of actions in worker/actions.ts.
 *
 * Format 1 is readable `key=value` pairs joined by `&`, always in this order:
 *
 *   v=1                               the format
 *   preset=lecture-r                  data: an unedited preset …
 *   random=8x10,0.5,7                 … (random data: users×items, density, seed)
 *   dataset=ratings.csv&key=…&shape=6040x3706   … or a data set kept in the browser, by name and content hash
 *   mode=explicit                     … or the data itself: explicit | implicit
 *   users=u1..u4                      labels, comma-separated and percent-escaped; a1..a9 is a numbered range
 *   items=Heat,Big,Alien
 *   R=1,?,?,2,?,1;?,2,3,?,2,1;…       rows by `;`, values by `,`, `?` unknown, `x*k` = k copies of x
 *   C=0.85,0,0,…;…                    implicit with the lecture's confidence matrix C
 *   scale=1..5                        the rating scale (`0.5..5:0.5` with a step)
 *   held=1:3,2:4                      held-out cells, row:column counted from 1
 *   titles=Heat,…&genres=Action|Crime,…   item titles and genres, when the data has them
 *   d=2&lambda=0.1&alpha=10&seed=1&init=0.5&solver=als&eta=0.01    the model settings
 *   run=ui*3.U0                       the actions since initialisation (see worker/actions.ts)
 *   U=…&V=…                           the factors the run ended with: float64 little-endian, base64url
 *   B=…                               with them, the biases variant's μ, b₁…b_m, c₁…c_n (the same bytes)
 *
 * Numbers are written with JavaScript's shortest round-tripping form, so they decode to the
 * same doubles; the factors are written as their bytes for the same reason. Decoding checks
 * everything and says what is wrong in plain words instead of throwing; decodeLabLenient
 * keeps what it can (the data without a damaged run, say) and says what it dropped.
 */
import { decodeRun, encodeRun, MAX_ACTIONS, rowOutside } from '../worker/actions';
import type { ModelSettings } from '../worker/protocol';
import type { LabData } from './labData';
import type { LabOptions, RunRecord } from './labStore';
import { decodeData, encodeData, LIMITS } from './link/dataText';
import {
  decodeFloats,
  encodeFloats,
  escapeLabel,
  fail,
  LinkError,
  num,
  parseNumber,
  parseWhole,
  plural,
  unescapeLabel,
} from './link/linkText';
import { decodeSettings, encodeSettings, SETTING_KEYS } from './link/settingsText';
import { DEFAULT_RANDOM, isPresetId, PRESET_IDS, PRESETS, presetShape, type PresetId, type RandomOptions } from './presets';

export { LIMITS } from './link/dataText';
export { decodeFloats, encodeFloats, escapeLabel, unescapeLabel } from './link/linkText';
export { PRESET_IDS } from './presets';

export const FORMAT_VERSION = 1;

/** Factors go into a link only up to this many numbers (U and V together); storage allows more. */
export const URL_FACTOR_LIMIT = 2000;

/** Users × items of each fixed preset (random data takes its size from its options). */
export const PRESET_SHAPES = Object.fromEntries(PRESETS.filter((p) => p.shape).map((p) => [p.id, p.shape])) as Record<
  Exclude<PresetId, 'random'>,
  readonly [number, number]
>;

/** A data set kept in a browser, named by its content hash. */
export interface DatasetReference {
  name: string;
  key: string;
  m: number;
  n: number;
}

/** Where the data comes from: a preset's reference (unedited), a kept data set's reference, or the data itself. */
export type LabSource =
  | { kind: 'preset'; preset: PresetId; random?: RandomOptions }
  | { kind: 'dataset'; dataset: DatasetReference }
  | { kind: 'data'; data: LabData };

/** How the lab is shown: `hide=controls` shows only what a projected demo needs (as TensorFlow Playground's links can). */
export interface LabView {
  hideControls?: boolean;
}

/** Everything a link holds. */
export interface SharedLab {
  source: LabSource;
  settings: Partial<ModelSettings>;
  /** The run since initialisation; actions may be empty. */
  run: RunRecord;
  view?: LabView;
}

export type DecodeResult = { ok: true; lab: SharedLab } | { ok: false; error: string };

export interface EncodeOptions {
  /** Include U and V when they hold at most this many numbers together (default URL_FACTOR_LIMIT). */
  maxFactors?: number;
}

// ---------------------------------------------------------------------------------------
// Encoding

function encodeSource(source: LabSource): string[] {
  switch (source.kind) {
    case 'preset': {
      const parts = [`preset=${source.preset}`];
      if (source.random) {
        const r = source.random;
        parts.push(`random=${r.users}x${r.items},${num(r.density)},${r.seed}`);
      }
      return parts;
    }
    case 'dataset': {
      const d = source.dataset;
      return [`dataset=${escapeLabel(d.name)}`, `key=${d.key}`, `shape=${d.m}x${d.n}`];
    }
    case 'data': {
      // An opened data set small enough to travel as its data keeps its name (the data menu says
      // "Data: survey.csv" after a reload or in a link, not "Custom").
      const d = source.data.dataset;
      return [encodeData(source.data), ...(d ? [`named=${escapeLabel(d.name)}`, `key=${d.key}`] : [])];
    }
  }
}

/** The fragment (without `#`) for a lab. */
export function encodeLab(lab: SharedLab, options: EncodeOptions = {}): string {
  const { source, settings, run, view } = lab;
  const parts = [`v=${FORMAT_VERSION}`, ...encodeSource(source), ...encodeSettings(settings)];
  if (view?.hideControls) parts.push('hide=controls');
  if (run.actions.length > 0) parts.push(`run=${encodeRun(run.actions)}`);
  const maxFactors = options.maxFactors ?? URL_FACTOR_LIMIT;
  if (run.U && run.V && run.U.length + run.V.length <= maxFactors) {
    parts.push(`U=${encodeFloats(run.U)}`, `V=${encodeFloats(run.V)}`);
    const b = run.biases;
    if (b) parts.push(`B=${encodeFloats(Float64Array.from([b.mu, ...b.user, ...b.item]))}`);
  }
  return parts.join('&');
}

// ---------------------------------------------------------------------------------------
// Decoding

const DATA_KEYS = ['mode', 'users', 'items', 'R', 'C', 'scale', 'held', 'titles', 'genres'];
const KNOWN_KEYS = new Set([
  'v',
  'preset',
  'random',
  'dataset',
  'key',
  'shape',
  'named',
  ...DATA_KEYS,
  ...SETTING_KEYS.map(([k]) => k),
  'solver',
  'hide',
  'variant',
  'rows',
  'run',
  'U',
  'V',
  'B',
]);
/** Values that are not labels may arrive percent-encoded (some chat tools escape `?`, `;` or `*`). */
const LABEL_KEYS = new Set(['users', 'items', 'dataset', 'named', 'titles', 'genres']);

function parseFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) fail(`its part “${part.slice(0, 40)}” has no “=”`);
    const key = part.slice(0, eq);
    let value = part.slice(eq + 1);
    if (fields.has(key)) fail(`it gives “${key.slice(0, 40)}” twice`);
    if (!LABEL_KEYS.has(key)) {
      try {
        value = decodeURIComponent(value);
      } catch {
        fail(`its “${key.slice(0, 40)}” is not properly escaped`, KNOWN_KEYS.has(key) ? key : null);
      }
    }
    fields.set(key, value);
  }
  return fields;
}

function decodeRandom(text: string): RandomOptions {
  const match = /^(\d{1,9})x(\d{1,9}),([^,]+),(\d{1,15})$/.exec(text);
  if (!match) fail(`its random data “${text.slice(0, 40)}” is not of the form users×items,density,seed (like 8x10,0.5,7)`);
  const users = Number(match[1]);
  const items = Number(match[2]);
  const density = parseNumber(match[3]!);
  const seed = Number(match[4]);
  const max = LIMITS.maxRandomSide;
  if (users < 1 || users > max || items < 1 || items > max)
    fail(`its random data is ${users}×${items}, but each side must be from 1 to ${max}`);
  if (density === null || !(density > 0 && density <= 1))
    fail(`its random data's density ${match[3]!.slice(0, 20)} is not above 0 and at most 1`);
  if (seed > LIMITS.maxSeed) fail(`its random data's seed ${seed} is above ${LIMITS.maxSeed}`);
  return { users, items, density, seed };
}

function decodePreset(fields: Map<string, string>, preset: string): { source: LabSource; m: number; n: number } {
  for (const key of [...DATA_KEYS, 'dataset'])
    if (fields.has(key)) fail(`it names the example “${preset.slice(0, 40)}” and also gives its own data (“${key}”)`);
  if (!isPresetId(preset))
    fail(`it names an example “${preset.slice(0, 40)}” that MF Lab does not have (known: ${PRESET_IDS.join(', ')})`);
  const randomText = fields.get('random');
  if (randomText !== undefined && preset !== 'random') fail(`it gives random-data options for the example “${preset}”`);
  const random = randomText !== undefined ? decodeRandom(randomText) : undefined;
  const [m, n] = presetShape(preset, random ?? DEFAULT_RANDOM);
  return { source: { kind: 'preset', preset, ...(random ? { random } : {}) }, m, n };
}

/** The content hash (key=…) of the data set named `name`; a damaged one is refused (blaming `part`). */
function datasetKeyOf(fields: Map<string, string>, name: string, part: string | null = null): string {
  const key = fields.get('key') ?? '';
  if (!/^[0-9a-f]{16,128}$/.test(key))
    fail(`its data set “${name.slice(0, 60)}” has no content hash (key=…) that MF Lab can use`, part);
  return key;
}

function decodeDatasetRef(fields: Map<string, string>, nameText: string): { source: LabSource; m: number; n: number } {
  for (const key of DATA_KEYS) if (fields.has(key)) fail(`it names a data set and also gives its own data (“${key}”)`);
  const name = unescapeLabel(nameText);
  if (name === null || name.trim() === '') fail('its data set name is empty or not properly escaped');
  const key = datasetKeyOf(fields, name);
  const shape = /^(\d{1,7})x(\d{1,7})$/.exec(fields.get('shape') ?? '');
  if (!shape) fail(`its data set “${name.slice(0, 60)}” does not say its shape (shape=users×items)`);
  const m = Number(shape[1]);
  const n = Number(shape[2]);
  if (m < 1 || n < 1 || m > 10_000_000 || n > 10_000_000) fail(`its data set's shape ${m}×${n} is not one a lab can hold`);
  return { source: { kind: 'dataset', dataset: { name, key, m, n } }, m, n };
}

/** The name (and content hash) of an opened data set that travels as its data; a damaged name is refused. */
function decodeNamed(fields: Map<string, string>, data: LabData): LabData {
  const text = fields.get('named');
  if (text === undefined) return data;
  const name = unescapeLabel(text);
  if (name === null || name.trim() === '') fail('its data set name (named=…) is empty or not properly escaped', 'named');
  const key = datasetKeyOf(fields, name, 'named');
  return { ...data, dataset: { name, key, source: { kind: 'generated', description: `opened as “${name}”` } } };
}

function decodeRunPart(fields: Map<string, string>, m: number, n: number): RunRecord {
  const run: RunRecord = { actions: [] };
  const runText = fields.get('run');
  if (runText !== undefined && runText !== '') {
    const decoded = decodeRun(runText, MAX_ACTIONS);
    if (!decoded.ok) fail(decoded.error, 'run');
    const outside = rowOutside(decoded.actions, m, n);
    if (outside) fail(outside, 'run');
    run.actions = decoded.actions;
  }
  return run;
}

function decodeFactors(fields: Map<string, string>, run: RunRecord, d: number | undefined, m: number, n: number): void {
  const uText = fields.get('U');
  const vText = fields.get('V');
  if ((uText === undefined) !== (vText === undefined))
    fail(`it gives ${uText === undefined ? 'V' : 'U'} without ${uText === undefined ? 'U' : 'V'}`, 'U');
  if (uText === undefined || vText === undefined) return;
  if (d === undefined) fail('it gives U and V but not their number of factors d', 'U');
  for (const [name, text, rows, who] of [
    ['U', uText, m, 'user'],
    ['V', vText, n, 'item'],
  ] as const) {
    const values = decodeFloats(text);
    if (!values) fail(`its factor matrix ${name} is damaged (it is not whole base64 numbers)`, 'U');
    if (values.length !== rows * d)
      fail(
        `its factor matrix ${name} has ${plural(values.length, 'number')}, but ${plural(rows, who)} × d = ${d} need ${rows * d}`,
        'U',
      );
    const bad = values.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) fail(`its factor matrix ${name} has a value that is not a finite number (row ${Math.floor(bad / d) + 1})`, 'U');
    run[name] = values;
  }
  const bText = fields.get('B');
  if (bText === undefined) return;
  const b = decodeFloats(bText);
  if (!b) fail('its biases are damaged (they are not whole base64 numbers)', 'B');
  if (b.length !== 1 + m + n)
    fail(
      `its biases have ${plural(b.length, 'number')}, but μ and one bias for each of ${plural(m, 'user')} and ${plural(n, 'item')} need ${1 + m + n}`,
      'B',
    );
  if (!b.every(Number.isFinite)) fail('its biases have a value that is not a finite number', 'B');
  run.biases = { mu: b[0]!, user: b.slice(1, 1 + m), item: b.slice(1 + m) };
}

function decodeFields(fields: Map<string, string>): SharedLab {
  const version = fields.get('v');
  if (version === undefined) fail('it is not an MF Lab link (it does not say which format it uses)');
  if (version !== String(FORMAT_VERSION)) {
    const v = parseWhole(version);
    if (v !== null && v > FORMAT_VERSION)
      fail(`it was made by a newer MF Lab (format ${v}; this one reads format ${FORMAT_VERSION})`);
    fail(`its format “${version.slice(0, 20)}” is not one this MF Lab reads (format ${FORMAT_VERSION})`);
  }
  for (const key of fields.keys())
    if (!KNOWN_KEYS.has(key)) fail(`it has a part “${key.slice(0, 40)}” that MF Lab does not know`, key);

  let where: { source: LabSource; m: number; n: number };
  const preset = fields.get('preset');
  const datasetName = fields.get('dataset');
  if (preset !== undefined) where = decodePreset(fields, preset);
  else if (datasetName !== undefined) where = decodeDatasetRef(fields, datasetName);
  else {
    if (fields.has('random')) fail('it gives random-data options without preset=random');
    if (!fields.has('R')) fail('it holds neither an example (preset=…) nor a rating matrix (R=…)');
    const data = decodeNamed(fields, decodeData(fields));
    where = { source: { kind: 'data', data }, m: data.userIds.length, n: data.itemIds.length };
  }
  const settings = decodeSettings(fields);
  const run = decodeRunPart(fields, where.m, where.n);
  decodeFactors(fields, run, settings.factors, where.m, where.n);
  const hide = fields.get('hide');
  if (hide !== undefined && hide !== 'controls')
    fail(`its view option hide=“${hide.slice(0, 40)}” is not one MF Lab knows (hide=controls)`, 'hide');
  return { source: where.source, settings, run, ...(hide ? { view: { hideControls: true } } : {}) };
}

/**
 * Reads a fragment (with or without `#`). Never throws: a link that cannot be used gives
 * `{ ok: false, error }`, where error is a clause in plain words ("its rating matrix has 5
 * values in row 2 but there are 6 items") to finish "This link could not be opened: …".
 */
export function decodeLab(text: string): DecodeResult {
  const body = text.startsWith('#') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'it is empty' };
  try {
    return { ok: true, lab: decodeFields(parseFields(body)) };
  } catch (error) {
    if (error instanceof LinkError) return { ok: false, error: error.message };
    return { ok: false, error: `it could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** What a part of a link is, for "opened without …" messages. */
const PART_NAMES: Record<string, string> = {
  run: 'its run',
  U: 'its factors U and V',
  B: 'its biases',
  held: 'its held-out cells',
  titles: 'its titles',
  genres: 'its genres',
  d: 'its number of factors d',
  lambda: 'its λ',
  alpha: 'its α',
  seed: 'its seed',
  init: 'its initial scale',
  eta: 'its learning rate',
  solver: 'its solver',
  variant: 'its model variant',
  rows: 'its row solve',
  cg: 'its conjugate-gradient steps',
  hide: 'its view option',
};

export type LenientResult =
  { ok: true; lab: SharedLab; dropped: { part: string; reason: string }[] } | { ok: false; error: string };

/**
 * Reads a fragment keeping what it can: when a part that the data does not depend on is
 * damaged (the run, the factors, a setting, held-out cells, titles, an unknown part), that
 * part is left out and named in `dropped`; only a link whose data cannot be read fails.
 */
export function decodeLabLenient(text: string): LenientResult {
  const body = text.startsWith('#') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'it is empty' };
  const dropped: { part: string; reason: string }[] = [];
  let fields: Map<string, string>;
  try {
    fields = parseFields(body);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  for (let attempt = 0; attempt < 24; attempt++) {
    try {
      return { ok: true, lab: decodeFields(fields), dropped };
    } catch (error) {
      if (!(error instanceof LinkError)) return { ok: false, error: `it could not be read (${String(error)})` };
      const key = error.key;
      if (key === null) return { ok: false, error: error.message };
      const part = Object.hasOwn(PART_NAMES, key) ? PART_NAMES[key]! : `its part “${key.slice(0, 40)}”`;
      dropped.push({ part, reason: error.message });
      fields.delete(key);
      // The factors go together, and need d.
      if (key === 'U' || key === 'd') {
        fields.delete('U');
        fields.delete('V');
        fields.delete('B');
      }
    }
  }
  return { ok: false, error: 'it has too many damaged parts' };
}

/** The store's options for a decoded lab. */
export function labOptionsOf(lab: SharedLab): LabOptions {
  const options: LabOptions = { settings: { ...lab.settings } };
  if (lab.source.kind === 'preset') {
    options.preset = lab.source.preset;
    if (lab.source.random) options.random = { ...lab.source.random };
  } else if (lab.source.kind === 'dataset') options.dataset = { ...lab.source.dataset };
  else options.data = lab.source.data;
  if (lab.run.actions.length > 0 || lab.run.U) options.run = lab.run;
  if (lab.view?.hideControls) options.hideControls = true;
  return options;
}
