// @vitest-environment jsdom
/**
 * Fuzzing what a link or the browser's storage can hand the lab (issue 12): truncated and
 * mutated links, huge sizes, non-numbers, unknown versions, labels carrying HTML and KaTeX
 * payloads, corrupted and full localStorage. Seeded and bounded (a few seconds). The
 * invariants: reading never throws; the lab always has data (never blank); every refusal
 * comes with a message in words; a broken link falls back to the lecture's R, and a link
 * whose data is fine keeps it, dropping only the damaged parts.
 *
 * Case counts (fixed by the seeds and numRuns below): 1,500 truncations, 3,000 mutations,
 * 40 huge or non-numeric links, 12 versions, 300 label round trips with payloads,
 * 1,000 corrupted storage texts, 120 labs opened from fuzzed links, 200 storage failures.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import { knownCount, labDataFromDense, type LabData } from '../../../src/state/labData';
import { createLabStore, type LabOptions, type LabState } from '../../../src/state/labStore';
import { readInitialOptions, startPersistence, STORAGE_KEY } from '../../../src/state/persist';
import { lecturePC, lectureR } from '../../../src/state/presets';
import { decodeLab, encodeLab, type SharedLab } from '../../../src/state/urlCodec';
import { decodeRun } from '../../../src/worker/actions';

const run = (text: string) => {
  const r = decodeRun(text);
  if (!r.ok) throw new Error(r.error);
  return r.actions;
};

const U = Float64Array.from({ length: 8 }, (_, k) => k / 3 - 1);
const V = Float64Array.from({ length: 12 }, (_, k) => Math.sin(k));
const SEEDS: SharedLab[] = [
  { source: { kind: 'data', data: lectureR() }, settings: { factors: 2, lambda: 0.1 }, run: { actions: run('ui*3.U2.I5') } },
  { source: { kind: 'data', data: lecturePC() }, settings: { factors: 2, solver: 'gd' }, run: { actions: run('gpq'), U, V } },
  { source: { kind: 'preset', preset: 'tastes' }, settings: { factors: 3 }, run: { actions: run('uiuiU11') } },
  {
    source: { kind: 'preset', preset: 'random', random: { users: 5, items: 7, density: 0.4, seed: 3 } },
    settings: {},
    run: { actions: [] },
  },
  {
    source: { kind: 'dataset', dataset: { name: 'ml-1m.zip', key: 'a'.repeat(64), m: 6040, n: 3706 } },
    settings: { factors: 10 },
    run: { actions: run('ui*4') },
  },
];
const LINKS = SEEDS.map((lab) => encodeLab(lab, { maxFactors: Infinity }));

/** The invariants every reading of a text must keep. */
function checkOptions(options: LabOptions, what: 'link' | 'stored') {
  const sources = [options.data, options.preset, options.dataset].filter((x) => x !== undefined);
  expect(sources.length).toBe(1);
  if (options.status) {
    expect(options.status.text.length).toBeGreaterThan(20);
    expect(options.status.text).toMatch(what === 'link' ? /^This link / : /^The lab saved in this browser /);
    // Nothing of the program's own leaks into the words (what the link itself says is quoted “…”).
    expect(options.status.text.replace(/“[^”]*”/g, '')).not.toMatch(/undefined|NaN|\[object/);
  }
  if (options.data) {
    expect(options.data.ratings.m).toBe(options.data.userIds.length);
    expect(options.data.ratings.n).toBe(options.data.itemIds.length);
    for (const v of options.data.ratings.userVal) expect(Number.isFinite(v)).toBe(true);
  }
  for (const v of Object.values(options.settings ?? {})) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  if (options.run?.U) expect(options.run.U.every(Number.isFinite)).toBe(true);
}

function read(text: string, what: 'link' | 'stored' = 'link'): LabOptions {
  const options = what === 'link' ? readInitialOptions('#' + text, null) : readInitialOptions('', text);
  checkOptions(options, what);
  return options;
}

describe('fuzzed links never throw, never leave the lab without data, and say why', () => {
  it('every truncation of five kinds of links (1,500 cases)', () => {
    let cases = 0;
    for (const link of LINKS) {
      for (let k = 0; k < 300; k++) {
        const options = read(link.slice(0, Math.floor((k * link.length) / 300)));
        if (options.status?.tone === 'error') expect(options.preset).toBe('lecture-r');
        cases++;
      }
    }
    expect(cases).toBe(1500);
  });

  it('random mutations: replaced, inserted and deleted characters (3,000 cases)', () => {
    const mutation = fc.record({
      link: fc.constantFrom(...LINKS),
      at: fc.nat(10_000),
      kind: fc.constantFrom('replace', 'insert', 'delete', 'swap-separator'),
      junk: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(mutation, ({ link, at, kind, junk }) => {
        const k = at % link.length;
        const text =
          kind === 'replace'
            ? link.slice(0, k) + junk + link.slice(k + 1)
            : kind === 'insert'
              ? link.slice(0, k) + junk + link.slice(k)
              : kind === 'delete'
                ? link.slice(0, k) + link.slice(k + junk.length)
                : link.replace(/&/g, (m, offset: number) => (offset === k ? ';' : m));
        read(text);
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });

  it.each([
    'v=1&preset=random&random=2000x2000,1,1',
    'v=1&preset=random&random=99999999x2,0.5,1',
    'v=1&mode=explicit&users=u1..u99999999&items=i1..i2&R=?&scale=1..5',
    'v=1&mode=explicit&users=u1..u20000&items=i1..i20000&R=?&scale=1..5',
    'v=1&mode=explicit&users=a&items=b&R=?*99999999999&scale=1..5',
    'v=1&preset=lecture-r&d=1000000000',
    'v=1&preset=lecture-r&d=2&run=ui*9999999',
    'v=1&preset=lecture-r&run=U999999',
    'v=1&preset=lecture-r&d=2&U=' + 'A'.repeat(200_000) + '&V=AAAA',
    'v=1&preset=lecture-r&lambda=NaN',
    'v=1&preset=lecture-r&lambda=Infinity',
    'v=1&preset=lecture-r&lambda=1e999',
    'v=1&preset=lecture-r&lambda=0x10',
    'v=1&preset=lecture-r&lambda=',
    'v=1&preset=lecture-r&alpha=-0',
    'v=1&preset=lecture-r&seed=1.5',
    'v=1&preset=lecture-r&init=--1',
    'v=1&preset=lecture-r&eta=1e-400',
    'v=1&mode=explicit&users=u1..u4&items=i1..i6&R=NaN*24&scale=1..5',
    'v=1&mode=explicit&users=u1..u4&items=i1..i6&R=?*24&scale=-Infinity..5',
    'v=1&mode=explicit&users=u1..u4&items=i1..i6&R=?*24&scale=1..5:0',
    'v=1&mode=explicit&users=u1..u4&items=i1..i6&R=?*24&scale=1..5:NaN',
    'v=1&mode=implicit&users=u1..u2&items=i1..i2&R=1,1;1,1&C=1e999,1;1,1&scale=0..1',
    'v=1&dataset=x&key=zz&shape=1x1',
    'v=1&dataset=x&key=' + 'a'.repeat(64) + '&shape=99999999x99999999',
    'v=1&dataset=%E0&key=' + 'a'.repeat(64) + '&shape=2x2',
    'v=1&dataset=&key=' + 'a'.repeat(64) + '&shape=2x2',
    'v=1&preset=lecture-r&run=' + 'ui'.repeat(60_000),
    'v=1&preset=lecture-r&' + 'x=1&'.repeat(5000),
    'v=1&preset=lecture-r&titles=' + 'a,'.repeat(100000),
    '&&&&&&&',
    '=',
    'v',
    '%',
    '%%%%',
    '#'.repeat(1000),
    '\u0000\u0001v=1',
    'v=1&preset=constructor',
    'v=1&preset=__proto__',
    'v=1&preset=lecture-r&__proto__=1',
  ])('huge sizes and non-numbers: %#', (text) => {
    const options = read(text.length > 300 ? text : text);
    if (options.preset === 'lecture-r' && options.status?.tone === 'error')
      expect(options.status.text).toMatch(/Showing the lecture's example instead\.$/);
  });

  it('unknown versions say which format this MF Lab reads (12 cases)', () => {
    for (const v of ['0', '2', '3', '99', '1.0', '01', 'abc', '', '-1', '1e0', '２', '1 ']) {
      const options = read(`v=${v}&preset=lecture-r`);
      expect(options.preset).toBe('lecture-r');
      expect(options.status?.text).toMatch(/format/);
    }
  });
});

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '\\href{javascript:alert(1)}{click}',
  '$\\href{javascript:alert(1)}{x}$',
  '\\url{javascript:alert(1)}',
  '\\def\\x{\\x}\\x',
  '\\htmlData{x=1}{y}',
  '</textarea><b>',
  '&amp;&lt;',
  '{{constructor}}',
  '%s%n',
];

describe('labels carrying HTML and KaTeX payloads travel as plain text (300 cases)', () => {
  it('they read back exactly as typed, never as markup', () => {
    const label = fc.oneof(
      fc.constantFrom(...PAYLOADS),
      fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 4 })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(label, { minLength: 2, maxLength: 4 }),
        fc.uniqueArray(label, { minLength: 2, maxLength: 4 }),
        (users, items) => {
          const data = labDataFromDense({
            mode: 'explicit',
            userIds: users,
            itemIds: items,
            cells: users.map((_, i) => items.map((_, j) => ((i + j) % 2 ? null : 3))),
            scale: { min: 1, max: 5 },
            itemTitles: items.map((t) => `${t} (title)`),
          });
          const text = encodeLab({ source: { kind: 'data', data }, settings: {}, run: { actions: [] } });
          expect(text).not.toMatch(/[<>"{}\\$]/);
          const options = read(text);
          expect(options.data!.userIds).toEqual(users);
          expect(options.data!.itemIds).toEqual(items);
          expect(options.data!.itemTitles).toEqual(items.map((t) => `${t} (title)`));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('corrupted storage (1,000 cases)', () => {
  it('a saved lab that is garbage, truncated or of another version warns and opens the lecture’s R', () => {
    const stored = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.tuple(fc.constantFrom(...LINKS), fc.nat(4000)).map(([l, k]) => l.slice(0, k % l.length)),
      fc.constantFrom('null', '{}', '[]', 'undefined', '{"v":1}', 'v=1', 'v=1&preset=', JSON.stringify({ a: 1 })),
    );
    fc.assert(
      fc.property(stored, (text) => {
        const options = read(text, 'stored');
        const usable = decodeLab(text);
        if (!usable.ok && text.trim() !== '') expect(options.status?.tone).toBe('warning');
      }),
      { numRuns: 1000, seed: 99 },
    );
  });
});

const stores: StoreApi<LabState>[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.getState().dispose());
  localStorage.clear();
  history.replaceState(null, '', '/');
});

describe('a lab opened from any fuzzed link is never blank (120 cases)', () => {
  it('it gets data, a first snapshot, and at most a message', async () => {
    const texts = fc.sample(
      fc.tuple(fc.constantFrom(...LINKS), fc.nat(10_000), fc.string({ unit: 'binary', maxLength: 3 })).map(([l, k, j]) => {
        const at = k % l.length;
        return l.slice(0, at) + j + l.slice(at + 1);
      }),
      { numRuns: 120, seed: 5 },
    );
    for (const text of texts) {
      const options = read(text);
      const store = createLabStore(options);
      stores.push(store);
      await vi.waitFor(() => expect(store.getState().timeline.length).toBeGreaterThan(0), { timeout: 5000, interval: 5 });
      const s = store.getState();
      const data: LabData = s.data;
      expect(data.userIds.length).toBeGreaterThan(0);
      expect(data.itemIds.length).toBeGreaterThan(0);
      expect(Number.isFinite(s.timeline.at(-1)!.metrics.total)).toBe(true);
      if (options.data) expect(knownCount(data)).toBe(knownCount(options.data));
      store.getState().dispose();
      stores.pop();
    }
  }, 60_000);
});

describe('a storage that refuses or fills up never breaks the lab (200 cases)', () => {
  it('writes are tried, a warning is said at most once, and the lab keeps running', async () => {
    const behaviours = fc.sample(fc.array(fc.constantFrom('ok', 'quota', 'security', 'weird'), { minLength: 4, maxLength: 4 }), {
      numRuns: 200,
      seed: 11,
    });
    const store = createLabStore({ preset: 'lecture-r' });
    stores.push(store);
    await vi.waitFor(() => expect(store.getState().timeline.length).toBeGreaterThan(0));
    let warnings = 0;
    for (const pattern of behaviours) {
      let call = 0;
      const storage = {
        getItem: () => {
          throw new DOMException('no', 'SecurityError');
        },
        setItem: () => {
          const b = pattern[call++ % pattern.length];
          if (b === 'quota') throw new DOMException('full', 'QuotaExceededError');
          if (b === 'security') throw new DOMException('no', 'SecurityError');
          if (b === 'weird') throw new TypeError('weird');
        },
        removeItem: () => {},
      } as unknown as Storage;
      const seen = new Set<string>();
      const unsubscribe = store.subscribe((st) => {
        if (st.status?.tone === 'warning' && /storage/.test(st.status.text)) seen.add(st.status.text);
      });
      const stop = startPersistence(store, { storage, opened: {}, reload: () => {} });
      expect(() => (window as Window).dispatchEvent(new Event('pagehide'))).not.toThrow();
      stop();
      unsubscribe();
      expect(seen.size).toBeLessThanOrEqual(1);
      warnings += seen.size;
      store.getState().setStatus(null);
    }
    expect(warnings).toBeLessThanOrEqual(200);
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });
});
