/**
 * A lab's state as a URL fragment, so that a link reproduces the demo (TensorFlow
 * Playground's habit: "the URL is the state"). Pure: no DOM, no storage, no store.
 *
 * Format 1 is readable `key=value` pairs joined by `&`, always in this order:
 *
 *   v=1                               the format
 *   preset=lecture-r                  data: an unedited preset …
 *   random=8x10,0.5,7                 … (random data: users×items, density, seed)
 *   mode=explicit                     … or the data itself: explicit | implicit
 *   users=u1..u4                      labels, comma-separated and percent-escaped; a1..a9 is a numbered range
 *   items=Heat,Big,Alien
 *   R=1,?,?,2,?,1;?,2,3,?,2,1;…       rows by `;`, values by `,`, `?` unknown, `x*k` = k copies of x
 *   C=0.85,0,0,…;…                    implicit with the lecture's confidence matrix C
 *   scale=1..5                        the rating scale
 *   held=1:3,2:4                      held-out cells, row:column counted from 1
 *   d=2&lambda=0.1&alpha=10&seed=1&init=0.5&solver=als&eta=0.01    the model settings
 *   run=ui*3                          the actions since initialisation (`.` between groups, `*k` repeats)
 *   U=…&V=…                           the factors the run ended with: float64 little-endian, base64url
 *
 * Numbers are written with JavaScript's shortest round-tripping form, so they decode to the
 * same doubles; the factors are written as their bytes for the same reason. Decoding checks
 * everything and says what is wrong in plain words instead of throwing.
 */
import type { LabData, RatingScale } from './labData';
import type { LabOptions, RunRecord } from './labStore';
import { DEFAULT_RANDOM, type PresetId, type RandomOptions } from './presets';
import type { ModelSettings } from '../worker/protocol';

export const FORMAT_VERSION = 1;

/** Factors go into a link only up to this many numbers (U and V together); storage allows more. */
export const URL_FACTOR_LIMIT = 2000;

export const PRESET_IDS: readonly PresetId[] = ['lecture-r', 'lecture-pc', 'tastes', 'random', 'ml100k'];

/** Users × items of each fixed preset (random data takes its size from its options). */
export const PRESET_SHAPES: Record<Exclude<PresetId, 'random'>, readonly [number, number]> = {
  'lecture-r': [4, 6],
  'lecture-pc': [4, 6],
  tastes: [12, 16],
  ml100k: [943, 1682],
};

/** Limits that keep a garbled link from asking for more memory than a laptop has. */
export const LIMITS = {
  maxSide: 20_000,
  maxCells: 4_000_000,
  maxFactors: 100,
  maxRandomSide: 2000,
  maxSeed: 2 ** 31 - 1,
  maxActions: 100_000,
} as const;

/** Where the data comes from: a preset's reference (unedited) or the data itself. */
export type LabSource = { kind: 'preset'; preset: PresetId; random?: RandomOptions } | { kind: 'data'; data: LabData };

/** Everything a link holds. */
export interface SharedLab {
  source: LabSource;
  settings: Partial<ModelSettings>;
  /** The run since initialisation; actions may be empty. */
  run: RunRecord;
}

export type DecodeResult = { ok: true; lab: SharedLab } | { ok: false; error: string };

export interface EncodeOptions {
  /** Include U and V when they hold at most this many numbers together (default URL_FACTOR_LIMIT). */
  maxFactors?: number;
}

// ---------------------------------------------------------------------------------------
// Numbers

/** The shortest text that reads back as the same double (keeping −0). */
function num(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function parseNumber(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}

function parseWhole(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

// ---------------------------------------------------------------------------------------
// Labels: percent-escaped UTF-8; `~XXXX` for a lone surrogate (which UTF-8 cannot hold)

const SAFE = /[A-Za-z0-9_-]/;

export function escapeLabel(label: string): string {
  let out = '';
  for (let k = 0; k < label.length; k++) {
    const ch = label[k]!;
    const code = label.charCodeAt(k);
    if (SAFE.test(ch)) out += ch;
    else if (code >= 0xd800 && code <= 0xdbff && k + 1 < label.length && isLow(label.charCodeAt(k + 1))) {
      out += encodeURIComponent(label.slice(k, k + 2));
      k++;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '~' + code.toString(16).toUpperCase().padStart(4, '0');
    else if (code < 0x80) out += '%' + code.toString(16).toUpperCase().padStart(2, '0');
    else out += encodeURIComponent(ch);
  }
  return out;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The label, or null when its escapes are malformed. */
export function unescapeLabel(text: string): string | null {
  try {
    return text
      .split(/(~[0-9A-Fa-f]{4})/)
      .map((part, k) => (k % 2 === 1 ? String.fromCharCode(parseInt(part.slice(1), 16)) : decodeURIComponent(part)))
      .join('');
  } catch {
    return null;
  }
}

/** The labels P1, P2, …, Pk when they follow that pattern (k ≥ 3), else null. */
function numberedPrefix(labels: readonly string[]): string | null {
  if (labels.length < 3 || !labels[0]!.endsWith('1')) return null;
  const prefix = labels[0]!.slice(0, -1);
  return labels.every((l, k) => l === `${prefix}${k + 1}`) ? prefix : null;
}

function encodeLabels(labels: readonly string[]): string {
  const prefix = numberedPrefix(labels);
  if (prefix !== null) return `${escapeLabel(prefix + '1')}..${escapeLabel(prefix + labels.length)}`;
  return labels.map(escapeLabel).join(',');
}

function decodeLabels(text: string, side: string): string[] | string {
  const range = text.split('..');
  if (range.length === 2 && !text.includes(',')) {
    const first = unescapeLabel(range[0]!);
    const last = unescapeLabel(range[1]!);
    if (first === null || last === null) return `the ${side} labels are not properly escaped`;
    if (!first.endsWith('1')) return `the ${side} labels “${first}..${last}” do not start with a label ending in 1`;
    const prefix = first.slice(0, -1);
    const count = last.startsWith(prefix) ? parseWhole(last.slice(prefix.length)) : null;
    if (count === null || count < 2 || String(count) !== last.slice(prefix.length))
      return `the ${side} labels “${first}..${last}” are not a numbered range like ${prefix}1..${prefix}9`;
    if (count > LIMITS.maxSide) return `it has ${count} ${side}, more than the ${LIMITS.maxSide} a lab can hold`;
    return Array.from({ length: count }, (_, k) => `${prefix}${k + 1}`);
  }
  const parts = text.split(',');
  if (parts.length > LIMITS.maxSide) return `it has ${parts.length} ${side}, more than the ${LIMITS.maxSide} a lab can hold`;
  const labels: string[] = [];
  for (const part of parts) {
    const label = unescapeLabel(part);
    if (label === null) return `the ${side} label “${part}” is not properly escaped`;
    labels.push(label);
  }
  return labels;
}

// ---------------------------------------------------------------------------------------
// Matrices: rows by `;`, values by `,`, `?` for unknown, `x*k` for k copies of x

function encodeRow(row: readonly (number | null)[]): string {
  const tokens: string[] = [];
  for (let j = 0; j < row.length;) {
    const v = row[j];
    const token = v === null || v === undefined ? '?' : num(v);
    let k = j + 1;
    while (k < row.length && Object.is(row[k] ?? null, v ?? null)) k++;
    const count = k - j;
    if (count >= 3) tokens.push(`${token}*${count}`);
    else for (let c = 0; c < count; c++) tokens.push(token);
    j = k;
  }
  return tokens.join(',');
}

function encodeMatrix(rows: readonly (readonly (number | null)[])[]): string {
  return rows.map(encodeRow).join(';');
}

/** Parses an m×n matrix; `allowUnknown` admits `?`. Returns the rows or what is wrong. */
function decodeMatrix(text: string, name: string, m: number, n: number, allowUnknown: boolean): (number | null)[][] | string {
  const rowTexts = text.split(';');
  if (rowTexts.length !== m)
    return `${name} has ${rowTexts.length} ${rowTexts.length === 1 ? 'row' : 'rows'} but there ${m === 1 ? 'is 1 user' : `are ${m} users`}`;
  const rows: (number | null)[][] = [];
  for (let i = 0; i < m; i++) {
    const row: (number | null)[] = [];
    for (const token of rowTexts[i]!.split(',')) {
      const star = token.lastIndexOf('*');
      const body = star >= 0 ? token.slice(0, star) : token;
      const count = star >= 0 ? parseWhole(token.slice(star + 1)) : 1;
      if (count === null || count < 1) return `${name} has “${token}” in row ${i + 1}, which is not a value or a repeat like 3*4`;
      if (row.length + count > n)
        return `${name} has more than ${n} values in row ${i + 1} but there ${n === 1 ? 'is 1 item' : `are ${n} items`}`;
      let value: number | null;
      if (body === '?') {
        if (!allowUnknown) return `${name} has “?” in row ${i + 1}, but every entry needs a number`;
        value = null;
      } else {
        value = parseNumber(body);
        if (value === null) return `${name} has “${body}” in row ${i + 1}, which is not a number`;
      }
      for (let c = 0; c < count; c++) row.push(value);
    }
    if (row.length !== n)
      return `${name} has ${row.length} ${row.length === 1 ? 'value' : 'values'} in row ${i + 1} but there ${n === 1 ? 'is 1 item' : `are ${n} items`}`;
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------
// Actions: `ui*25` is 25 full ALS steps; groups are joined by `.`

/** Compresses a run of action letters: repeated patterns of up to 4 letters become `pattern*count`. */
export function encodeActions(actions: string): string {
  const groups: string[] = [];
  let literal = '';
  let k = 0;
  while (k < actions.length) {
    // The longest stretch from k that repeats a pattern of 1–4 letters; shorter patterns win ties.
    let best = { p: 1, reps: 1 };
    for (let p = 1; p <= 4 && k + 2 * p <= actions.length; p++) {
      const pattern = actions.slice(k, k + p);
      let reps = 1;
      while (actions.startsWith(pattern, k + reps * p)) reps++;
      if (reps >= 2 && p * reps > best.p * best.reps) best = { p, reps };
    }
    if (best.reps < 2 || best.p * best.reps < 3) {
      literal += actions[k];
      k++;
      continue;
    }
    if (literal) groups.push(literal);
    literal = '';
    groups.push(`${actions.slice(k, k + best.p)}*${best.reps}`);
    k += best.p * best.reps;
  }
  if (literal) groups.push(literal);
  return groups.join('.');
}

export function decodeActions(text: string): string | { error: string } {
  const groups: [string, number][] = [];
  let total = 0;
  for (const group of text.split('.')) {
    const match = /^([a-z]+)(?:\*(\d{1,7}))?$/i.exec(group);
    if (!match) return { error: `its run has “${group}”, which is not a group of actions like ui*3` };
    const letters = match[1]!;
    const bad = /[^uigpq]/.exec(letters);
    if (bad) return { error: `its run has an unknown action “${bad[0]}” (the actions are u, i, g, p and q)` };
    const count = match[2] === undefined ? 1 : Number(match[2]);
    if (count < 1) return { error: `its run repeats “${letters}” ${count} times` };
    total += letters.length * count;
    if (total > LIMITS.maxActions) return { error: `its run has more than ${LIMITS.maxActions.toLocaleString('en')} actions` };
    groups.push([letters, count]);
  }
  return groups.map(([letters, count]) => letters.repeat(count)).join('');
}

// ---------------------------------------------------------------------------------------
// Factors: float64 little-endian bytes in base64url, exact

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, k) => [c, k]));

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let k = 0; k < bytes.length; k += 3) {
    const a = bytes[k]!;
    const b = bytes[k + 1] ?? 0;
    const c = bytes[k + 2] ?? 0;
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
    if (k + 1 < bytes.length) out += ALPHABET[((b & 15) << 2) | (c >> 6)]!;
    if (k + 2 < bytes.length) out += ALPHABET[c & 63]!;
  }
  return out;
}

function fromBase64url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let k = 0;
  for (const ch of text) {
    const v = INDEX.get(ch);
    if (v === undefined) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[k++] = (buffer >> bits) & 255;
    }
  }
  return bytes;
}

export function encodeFloats(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, k) => view.setFloat64(k * 8, v, true));
  return base64url(bytes);
}

export function decodeFloats(text: string): Float64Array | null {
  const bytes = fromBase64url(text);
  if (!bytes || bytes.length % 8 !== 0) return null;
  const view = new DataView(bytes.buffer);
  const out = new Float64Array(bytes.length / 8);
  for (let k = 0; k < out.length; k++) out[k] = view.getFloat64(k * 8, true);
  return out;
}

// ---------------------------------------------------------------------------------------
// Settings

const SETTING_KEYS: [key: string, field: Exclude<keyof ModelSettings, 'solver'>][] = [
  ['d', 'factors'],
  ['lambda', 'lambda'],
  ['alpha', 'alpha'],
  ['seed', 'seed'],
  ['init', 'initScale'],
];

function checkSetting(field: keyof ModelSettings, x: number): string | null {
  switch (field) {
    case 'factors':
      return Number.isInteger(x) && x >= 1 && x <= LIMITS.maxFactors
        ? null
        : `its number of factors d = ${x} is not a whole number from 1 to ${LIMITS.maxFactors}`;
    case 'lambda':
      return x >= 0 ? null : `its λ = ${x} is negative (λ must be at least 0)`;
    case 'alpha':
      return x >= 0 ? null : `its α = ${x} is negative (α must be at least 0)`;
    case 'seed':
      return Number.isInteger(x) && x >= 0 && x <= LIMITS.maxSeed
        ? null
        : `its seed ${x} is not a whole number from 0 to ${LIMITS.maxSeed}`;
    case 'initScale':
      return x >= 0 ? null : `its initial scale σ₀ = ${x} is negative`;
    case 'learningRate':
      return x > 0 ? null : `its learning rate η = ${x} is not above 0`;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------
// Encoding

const dataCache = new WeakMap<LabData, string>();

function encodeData(data: LabData): string {
  const cached = dataCache.get(data);
  if (cached !== undefined) return cached;
  const parts = [
    `mode=${data.mode}`,
    `users=${encodeLabels(data.userIds)}`,
    `items=${encodeLabels(data.itemIds)}`,
    `R=${encodeMatrix(data.cells)}`,
  ];
  if (data.confidence) parts.push(`C=${encodeMatrix(data.confidence)}`);
  parts.push(`scale=${num(data.scale.min)}..${num(data.scale.max)}`);
  if (data.heldOut.length > 0)
    parts.push(
      `held=${data.heldOut
        .map((key) => key.split(',').map((x) => Number(x) + 1))
        .map(([i, j]) => `${i}:${j}`)
        .join(',')}`,
    );
  const text = parts.join('&');
  dataCache.set(data, text);
  return text;
}

/** The fragment (without `#`) for a lab. */
export function encodeLab(lab: SharedLab, options: EncodeOptions = {}): string {
  const parts = [`v=${FORMAT_VERSION}`];
  const { source, settings, run } = lab;
  if (source.kind === 'preset') {
    parts.push(`preset=${source.preset}`);
    if (source.random) {
      const r = source.random;
      parts.push(`random=${r.users}x${r.items},${num(r.density)},${r.seed}`);
    }
  } else parts.push(encodeData(source.data));
  for (const [key, field] of SETTING_KEYS) {
    const value = settings[field];
    if (value !== undefined) parts.push(`${key}=${num(value)}`);
  }
  if (settings.solver !== undefined) parts.push(`solver=${settings.solver}`);
  if (settings.learningRate !== undefined) parts.push(`eta=${num(settings.learningRate)}`);
  if (run.actions) parts.push(`run=${encodeActions(run.actions)}`);
  const maxFactors = options.maxFactors ?? URL_FACTOR_LIMIT;
  if (run.U && run.V && run.U.length + run.V.length <= maxFactors)
    parts.push(`U=${encodeFloats(run.U)}`, `V=${encodeFloats(run.V)}`);
  return parts.join('&');
}

// ---------------------------------------------------------------------------------------
// Decoding

const KNOWN_KEYS = new Set([
  'v',
  'preset',
  'random',
  'mode',
  'users',
  'items',
  'R',
  'C',
  'scale',
  'held',
  ...SETTING_KEYS.map(([k]) => k),
  'solver',
  'eta',
  'run',
  'U',
  'V',
]);
/** Values that are not labels may arrive percent-encoded (some chat tools escape `?`, `;` or `*`). */
const LABEL_KEYS = new Set(['users', 'items']);

class LinkError extends Error {}

function fail(message: string): never {
  throw new LinkError(message);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

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
        fail(`its “${key}” is not properly escaped`);
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
    fail(`its random data's density ${match[3]} is not above 0 and at most 1`);
  if (seed > LIMITS.maxSeed) fail(`its random data's seed ${seed} is above ${LIMITS.maxSeed}`);
  return { users, items, density, seed };
}

function decodeScale(text: string | undefined): RatingScale {
  if (text === undefined) fail('it has data but no rating scale (scale=min..max)');
  const [a, b, ...rest] = text.split('..');
  const min = parseNumber(a ?? '');
  const max = parseNumber(b ?? '');
  if (rest.length > 0 || min === null || max === null) fail(`its rating scale “${text.slice(0, 40)}” is not of the form 1..5`);
  if (!(min < max)) fail(`its rating scale ${text} is empty (the lowest rating must be below the highest)`);
  return { min, max };
}

function decodeData(fields: Map<string, string>): LabData {
  const mode = fields.get('mode');
  if (mode !== 'explicit' && mode !== 'implicit')
    fail(
      mode === undefined
        ? 'it has a matrix but no mode (explicit or implicit)'
        : `its mode “${mode.slice(0, 40)}” is neither explicit nor implicit`,
    );
  const sides: [string, string][] = [
    ['users', 'users'],
    ['items', 'items'],
  ];
  const [userIds, itemIds] = sides.map(([key, side]) => {
    const text = fields.get(key);
    if (text === undefined) fail(`it has a matrix but no ${side} labels`);
    const labels = decodeLabels(text, side);
    if (typeof labels === 'string') fail(labels);
    const seen = new Set<string>();
    for (const label of labels) {
      if (label === '') fail(`one of its ${side} has an empty name`);
      if (seen.has(label)) fail(`two of its ${side} are both called “${label}” (names must be unique)`);
      seen.add(label);
    }
    return labels;
  }) as [string[], string[]];
  const m = userIds.length;
  const n = itemIds.length;
  if (m * n > LIMITS.maxCells)
    fail(`its matrix is ${m}×${n}, more than the ${LIMITS.maxCells.toLocaleString('en')} cells a lab can hold`);
  const scale = decodeScale(fields.get('scale'));
  const hasC = fields.has('C');
  if (hasC && mode === 'explicit') fail('it gives a confidence matrix C for explicit ratings (C belongs to implicit feedback)');
  const name = mode === 'explicit' ? 'its rating matrix' : hasC ? 'its preference matrix P' : 'its observation matrix';
  const cellsText = fields.get('R');
  if (cellsText === undefined) fail('it has labels but no matrix (R=…)');
  const cells = decodeMatrix(cellsText, name, m, n, true);
  if (typeof cells === 'string') fail(cells);
  let confidence: number[][] | null = null;
  if (hasC) {
    const C = decodeMatrix(fields.get('C')!, 'its confidence matrix C', m, n, false);
    if (typeof C === 'string') fail(C);
    confidence = C as number[][];
  }
  cells.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null) return;
      const at = `row ${i + 1}, column ${j + 1}`;
      if (mode === 'explicit' && (v < scale.min || v > scale.max))
        fail(`${name} has ${v} in ${at}, outside the rating scale ${num(scale.min)} to ${num(scale.max)}`);
      if (mode === 'implicit' && hasC && v !== 0 && v !== 1) fail(`${name} has ${v} in ${at}, but P holds only 0 or 1`);
      if (mode === 'implicit' && !hasC && v < 0) fail(`${name} has ${v} in ${at}, but an observation is at least 0`);
    }),
  );
  confidence?.forEach((row, i) =>
    row.forEach((c, j) => {
      if (c < 0) fail(`its confidence matrix C has ${c} in row ${i + 1}, column ${j + 1}, but a confidence is at least 0`);
    }),
  );
  const heldOut: string[] = [];
  const heldText = fields.get('held');
  if (heldText !== undefined) {
    const seen = new Set<string>();
    for (const pair of heldText.split(',')) {
      const match = /^(\d{1,6}):(\d{1,6})$/.exec(pair);
      if (!match) fail(`its held-out cell “${pair.slice(0, 40)}” is not of the form row:column (like 2:3)`);
      const i = Number(match[1]) - 1;
      const j = Number(match[2]) - 1;
      if (i < 0 || i >= m || j < 0 || j >= n) fail(`its held-out cell ${pair} lies outside the ${m}×${n} matrix`);
      const key = `${i},${j}`;
      if (seen.has(key)) fail(`it holds out cell ${pair} twice`);
      if (cells[i]![j] === null) fail(`it holds out cell ${pair}, which is ? (only a known value can be held out)`);
      seen.add(key);
      heldOut.push(key);
    }
  }
  return { mode, userIds, itemIds, cells, confidence, scale, heldOut };
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
    if (!KNOWN_KEYS.has(key)) fail(`it has a part “${key.slice(0, 40)}” that MF Lab does not know`);

  let source: LabSource;
  let m: number;
  let n: number;
  const preset = fields.get('preset');
  if (preset !== undefined) {
    for (const key of ['mode', 'users', 'items', 'R', 'C', 'scale', 'held'])
      if (fields.has(key)) fail(`it names the example “${preset}” and also gives its own data (“${key}”)`);
    if (!PRESET_IDS.includes(preset as PresetId))
      fail(`it names an example “${preset.slice(0, 40)}” that MF Lab does not have (known: ${PRESET_IDS.join(', ')})`);
    const id = preset as PresetId;
    const randomText = fields.get('random');
    if (randomText !== undefined && id !== 'random') fail(`it gives random-data options for the example “${id}”`);
    const random = randomText !== undefined ? decodeRandom(randomText) : undefined;
    source = { kind: 'preset', preset: id, ...(random ? { random } : {}) };
    if (id === 'random') [m, n] = [(random ?? DEFAULT_RANDOM).users, (random ?? DEFAULT_RANDOM).items];
    else [m, n] = PRESET_SHAPES[id];
  } else {
    if (fields.has('random')) fail('it gives random-data options without preset=random');
    if (!fields.has('R')) fail('it holds neither an example (preset=…) nor a rating matrix (R=…)');
    const data = decodeData(fields);
    source = { kind: 'data', data };
    m = data.userIds.length;
    n = data.itemIds.length;
  }

  const settings: Partial<ModelSettings> = {};
  for (const [key, field] of SETTING_KEYS) {
    const text = fields.get(key);
    if (text === undefined) continue;
    const x = parseNumber(text);
    if (x === null) fail(`its setting ${key} = “${text.slice(0, 40)}” is not a number`);
    const problem = checkSetting(field, x);
    if (problem) fail(problem);
    settings[field] = x;
  }
  const solver = fields.get('solver');
  if (solver !== undefined) {
    if (solver !== 'als' && solver !== 'gd') fail(`its solver “${solver.slice(0, 40)}” is neither als nor gd`);
    settings.solver = solver;
  }
  const eta = fields.get('eta');
  if (eta !== undefined) {
    const x = parseNumber(eta);
    if (x === null) fail(`its learning rate η = “${eta.slice(0, 40)}” is not a number`);
    const problem = checkSetting('learningRate', x);
    if (problem) fail(problem);
    settings.learningRate = x;
  }

  const run: RunRecord = { actions: '' };
  const runText = fields.get('run');
  if (runText !== undefined && runText !== '') {
    const actions = decodeActions(runText);
    if (typeof actions !== 'string') fail(actions.error);
    run.actions = actions;
  }
  const uText = fields.get('U');
  const vText = fields.get('V');
  if ((uText === undefined) !== (vText === undefined))
    fail(`it gives ${uText === undefined ? 'V' : 'U'} without ${uText === undefined ? 'U' : 'V'}`);
  if (uText !== undefined && vText !== undefined) {
    const d = settings.factors;
    if (d === undefined) fail('it gives U and V but not their number of factors d');
    for (const [name, text, rows, who] of [
      ['U', uText, m, 'user'],
      ['V', vText, n, 'item'],
    ] as const) {
      const values = decodeFloats(text);
      if (!values) fail(`its factor matrix ${name} is damaged (it is not whole base64 numbers)`);
      if (values.length !== rows * d)
        fail(
          `its factor matrix ${name} has ${plural(values.length, 'number')}, but ${plural(rows, who)} × d = ${d} need ${rows * d}`,
        );
      const bad = values.findIndex((x) => !Number.isFinite(x));
      if (bad >= 0) fail(`its factor matrix ${name} has a value that is not a finite number (row ${Math.floor(bad / d) + 1})`);
      run[name] = values;
    }
  }
  return { source, settings, run };
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

/** The store's options for a decoded lab. */
export function labOptionsOf(lab: SharedLab): LabOptions {
  const options: LabOptions = { settings: { ...lab.settings } };
  if (lab.source.kind === 'preset') {
    options.preset = lab.source.preset;
    if (lab.source.random) options.random = { ...lab.source.random };
  } else options.data = lab.source.data;
  if (lab.run.actions.length > 0 || lab.run.U) options.run = lab.run;
  return options;
}
