/**
 * A lab's data in a link: labels (a1..a9 for a numbered range), the cells row by row
 * (`?` unknown, `x*k` for k copies), the lecture's C, the scale, held-out cells, titles and
 * genres. Decoding checks everything and throws a LinkError that says what is wrong.
 */
import { denseCells, denseConfidence, heldOutPairs, labDataFromDense, type LabData, type RatingScale } from '../labData';
import { escapeLabel, fail, num, parseNumber, parseWhole, unescapeLabel } from './linkText';
import { formatCount } from '../../core/formatCount';

/** Limits that keep a garbled link from asking for more memory than a laptop has. */
export const LIMITS = {
  maxSide: 20_000,
  maxCells: 4_000_000,
  maxFactors: 100,
  maxRandomSide: 2000,
  maxSeed: 2 ** 31 - 1,
  maxActions: 100_000,
} as const;

// ---------------------------------------------------------------------------------------
// Label lists

/** The labels P1, P2, …, Pk when they follow that pattern (k ≥ 3), else null. */
function numberedPrefix(labels: readonly string[]): string | null {
  if (labels.length < 3 || !labels[0]!.endsWith('1')) return null;
  const prefix = labels[0]!.slice(0, -1);
  return labels.every((l, k) => l === `${prefix}${k + 1}`) ? prefix : null;
}

export function encodeLabels(labels: readonly string[]): string {
  const prefix = numberedPrefix(labels);
  if (prefix !== null) return `${escapeLabel(prefix + '1')}..${escapeLabel(prefix + labels.length)}`;
  return labels.map(escapeLabel).join(',');
}

export function decodeLabels(text: string, side: string): string[] | string {
  const range = text.split('..');
  if (range.length === 2 && !text.includes(',')) {
    const first = unescapeLabel(range[0]!);
    const last = unescapeLabel(range[1]!);
    if (first === null || last === null) return `the ${side} labels are not properly escaped`;
    if (!first.endsWith('1'))
      return `the ${side} labels “${first.slice(0, 40)}..${last.slice(0, 40)}” do not start with a label ending in 1`;
    const prefix = first.slice(0, -1);
    const count = last.startsWith(prefix) ? parseWhole(last.slice(prefix.length)) : null;
    if (count === null || count < 2 || String(count) !== last.slice(prefix.length))
      return `the ${side} labels “${first.slice(0, 40)}..${last.slice(0, 40)}” are not a numbered range like ${prefix.slice(0, 20)}1..${prefix.slice(0, 20)}9`;
    if (count > LIMITS.maxSide) return `it has ${count} ${side}, more than the ${LIMITS.maxSide} a lab can hold`;
    return Array.from({ length: count }, (_, k) => `${prefix}${k + 1}`);
  }
  const parts = text.split(',');
  if (parts.length > LIMITS.maxSide) return `it has ${parts.length} ${side}, more than the ${LIMITS.maxSide} a lab can hold`;
  const labels: string[] = [];
  for (const part of parts) {
    const label = unescapeLabel(part);
    if (label === null) return `the ${side} label “${part.slice(0, 40)}” is not properly escaped`;
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
      if (count === null || count < 1)
        return `${name} has “${token.slice(0, 40)}” in row ${i + 1}, which is not a value or a repeat like 3*4`;
      if (row.length + count > n)
        return `${name} has more than ${n} values in row ${i + 1} but there ${n === 1 ? 'is 1 item' : `are ${n} items`}`;
      let value: number | null;
      if (body === '?') {
        if (!allowUnknown) return `${name} has “?” in row ${i + 1}, but every entry needs a number`;
        value = null;
      } else {
        value = parseNumber(body);
        if (value === null) return `${name} has “${body.slice(0, 40)}” in row ${i + 1}, which is not a number`;
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
// Data

function encodeScale(scale: RatingScale): string {
  const range = `${num(scale.min)}..${num(scale.max)}`;
  return scale.step ? `${range}:${num(scale.step)}` : range;
}

const dataCache = new WeakMap<LabData, string>();

/** The data's part of a link (cached: a playing lab writes the same data many times). */
export function encodeData(data: LabData): string {
  const cached = dataCache.get(data);
  if (cached !== undefined) return cached;
  const parts = [
    `mode=${data.mode}`,
    `users=${encodeLabels(data.userIds)}`,
    `items=${encodeLabels(data.itemIds)}`,
    `R=${encodeMatrix(denseCells(data))}`,
  ];
  const C = denseConfidence(data);
  if (C) parts.push(`C=${encodeMatrix(C)}`);
  parts.push(`scale=${encodeScale(data.scale)}`);
  if (data.heldOut.length > 0)
    parts.push(
      `held=${heldOutPairs(data)
        .map(([i, j]) => `${i + 1}:${j + 1}`)
        .join(',')}`,
    );
  if (data.itemTitles && data.itemTitles.some((t) => t))
    parts.push(`titles=${data.itemTitles.map((t) => escapeLabel(t ?? '')).join(',')}`);
  if (data.itemGenres && data.itemGenres.some((g) => g.length > 0))
    parts.push(`genres=${data.itemGenres.map((g) => g.map(escapeLabel).join('|')).join(',')}`);
  const text = parts.join('&');
  dataCache.set(data, text);
  return text;
}

function decodeScale(text: string | undefined): RatingScale {
  if (text === undefined) fail('it has data but no rating scale (scale=min..max)');
  const [range, stepText, ...more] = text.split(':');
  const [a, b, ...rest] = range!.split('..');
  const min = parseNumber(a ?? '');
  const max = parseNumber(b ?? '');
  if (rest.length > 0 || more.length > 0 || min === null || max === null)
    fail(`its rating scale “${text.slice(0, 40)}” is not of the form 1..5`);
  if (!(min < max)) fail(`its rating scale ${text.slice(0, 40)} is empty (the lowest rating must be below the highest)`);
  if (stepText === undefined) return { min, max };
  const step = parseNumber(stepText);
  if (step === null || !(step > 0)) fail(`its rating scale's step “${stepText.slice(0, 20)}” is not a number above 0`);
  return { min, max, step };
}

function decodeSide(fields: Map<string, string>, key: 'users' | 'items'): string[] {
  const text = fields.get(key);
  if (text === undefined) fail(`it has a matrix but no ${key} labels`);
  const labels = decodeLabels(text, key);
  if (typeof labels === 'string') fail(labels);
  const seen = new Set<string>();
  for (const label of labels) {
    if (label === '') fail(`one of its ${key} has an empty name`);
    if (seen.has(label)) fail(`two of its ${key} are both called “${label.slice(0, 40)}” (names must be unique)`);
    seen.add(label);
  }
  return labels;
}

function checkCells(cells: (number | null)[][], mode: string, hasC: boolean, scale: RatingScale, name: string): void {
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
}

function decodeHeld(text: string, cells: (number | null)[][], m: number, n: number): [number, number][] {
  const held: [number, number][] = [];
  const seen = new Set<string>();
  for (const pair of text.split(',')) {
    const match = /^(\d{1,6}):(\d{1,6})$/.exec(pair);
    if (!match) fail(`its held-out cell “${pair.slice(0, 40)}” is not of the form row:column (like 2:3)`, 'held');
    const i = Number(match[1]) - 1;
    const j = Number(match[2]) - 1;
    if (i < 0 || i >= m || j < 0 || j >= n) fail(`its held-out cell ${pair} lies outside the ${m}×${n} matrix`, 'held');
    if (seen.has(pair)) fail(`it holds out cell ${pair} twice`, 'held');
    if (cells[i]![j] === null) fail(`it holds out cell ${pair}, which is ? (only a known value can be held out)`, 'held');
    seen.add(pair);
    held.push([i, j]);
  }
  return held;
}

function decodeTitles(text: string | undefined, n: number): (string | null)[] | null {
  if (text === undefined) return null;
  const parts = text.split(',');
  if (parts.length !== n) fail(`it gives ${parts.length} titles for ${n} items`, 'titles');
  return parts.map((part) => {
    const title = unescapeLabel(part);
    if (title === null) fail(`its title “${part.slice(0, 40)}” is not properly escaped`, 'titles');
    return title === '' ? null : title;
  });
}

function decodeGenres(text: string | undefined, n: number): string[][] | null {
  if (text === undefined) return null;
  const parts = text.split(',');
  if (parts.length !== n) fail(`it gives genres for ${parts.length} items, but there are ${n}`, 'genres');
  return parts.map((part) =>
    part === ''
      ? []
      : part.split('|').map((g) => {
          const genre = unescapeLabel(g);
          if (genre === null || genre === '') fail(`its genre “${g.slice(0, 40)}” is not properly escaped`, 'genres');
          return genre;
        }),
  );
}

/** The data a link holds (its fields mode, users, items, R, C, scale, held, titles, genres). */
export function decodeData(fields: Map<string, string>): LabData {
  const mode = fields.get('mode');
  if (mode !== 'explicit' && mode !== 'implicit')
    fail(
      mode === undefined
        ? 'it has a matrix but no mode (explicit or implicit)'
        : `its mode “${mode.slice(0, 40)}” is neither explicit nor implicit`,
    );
  const userIds = decodeSide(fields, 'users');
  const itemIds = decodeSide(fields, 'items');
  const m = userIds.length;
  const n = itemIds.length;
  if (m * n > LIMITS.maxCells)
    fail(`its matrix is ${m}×${n}, more than the ${formatCount(LIMITS.maxCells)} cells a lab can hold`);
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
  checkCells(cells, mode, hasC, scale, name);
  confidence?.forEach((row, i) =>
    row.forEach((c, j) => {
      if (c < 0) fail(`its confidence matrix C has ${c} in row ${i + 1}, column ${j + 1}, but a confidence is at least 0`);
    }),
  );
  const heldText = fields.get('held');
  return labDataFromDense({
    mode,
    userIds,
    itemIds,
    cells,
    confidence,
    scale,
    heldOut: heldText !== undefined ? decodeHeld(heldText, cells, m, n) : [],
    itemTitles: decodeTitles(fields.get('titles'), n),
    itemGenres: decodeGenres(fields.get('genres'), n),
  });
}
