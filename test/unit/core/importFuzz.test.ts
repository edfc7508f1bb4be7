/**
 * Fuzzing what people open (issue 12): seeded and bounded, so it runs in a few seconds and
 * fails the same way every time. Whatever the input — junk text, binary bytes, mutated valid
 * files, quoted fields, BOMs, CRLF, NaN and Infinity, huge numbers, labels carrying HTML or
 * KaTeX — the importers either return a data set or refuse with a RatingsParseError whose
 * line (when it names one) exists; nothing else is thrown, and nothing hangs. Whatever they
 * accept writes out and reads back to the same entries, labels kept as the plain strings
 * they were.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  RatingsParseError,
  exportRatingsText,
  importRatings,
  parseRatingsText,
  parseTitles,
  previewRatings,
  type Ratings,
} from '../../../src/core';
import { openFileBytes } from '../../../src/io/zipArchive';

/** Every property's run count, summed in the last test's output for the report. */
const RUNS = { junkText: 400, junkBytes: 300, structured: 500, mutated: 400, titles: 300, zips: 100 };

/** Asserts that `run` returns, or throws a RatingsParseError that names a real line (or none). */
function acceptsOrRefuses<T>(text: string | null, run: () => T): T | null {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof RatingsParseError)) throw e;
    if (e.line > 0) {
      expect(e.message).toMatch(new RegExp(`^(.+: )?Line ${e.line}: `));
      if (text !== null) expect(e.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
    } else {
      expect(e.message).not.toMatch(/^Line/);
    }
    expect(e.message.length).toBeGreaterThan(10);
    return null;
  }
}

function entries(R: Ratings): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < R.m; i++)
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++)
      out.set(`${R.userIds[i]}\u0000${R.itemIds[R.userCol[p]!]}`, R.userVal[p]!);
  return out;
}

/** Labels a hostile or careless file may hold. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\\href{javascript:alert(1)}{click}',
  '\\url{javascript:alert(1)}',
  '$\\def\\x{\\x}\\x$',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  'toString',
  'Smith, J',
  '"quoted"',
  "O'Brien",
  '#hashtag',
  ' padded ',
  'tab\there',
  'a::b',
  'pipe|semi;colon',
  'Ünïcødé 映画 🎬',
  '\uFEFFbom',
  '0104257',
  '1e3',
];

const numberText = fc.oneof(
  fc.integer({ min: -5, max: 15 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e400',
    '-1e400',
    '9'.repeat(400),
    '0x10',
    '',
    ' 4 ',
    '4.5',
    '.5',
    '5.',
    '+3',
    '1_000',
  ),
);

const field = fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 30 }).map(String));

/** A rating-like file: rows of user, item, rating[, time] with hostile labels, odd separators and line ends. */
const structuredFile = fc
  .record({
    delimiter: fc.constantFrom(',', '\t', '::', ' ', ';', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    header: fc.boolean(),
    rows: fc.array(fc.tuple(field, field, numberText, fc.option(fc.integer({ min: 0, max: 2e9 }).map(String))), {
      maxLength: 25,
    }),
    quoteAll: fc.boolean(),
  })
  .map(({ delimiter, eol, bom, header, rows, quoteAll }) => {
    const q = (s: string) => (quoteAll || s.includes(delimiter) ? `"${s.replaceAll('"', '""')}"` : s);
    const lines = rows.map(([u, i, r, t]) => [q(u), q(i), r, ...(t === null ? [] : [t])].join(delimiter));
    return (bom ? '\uFEFF' : '') + (header ? `user${delimiter}item${delimiter}rating${eol}` : '') + lines.join(eol) + eol;
  });

/** A valid file to mutate. */
const VALID =
  'userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n"Smith, J",10,4.0,835355493\n2,"Heat, 1995",5,1\n';

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('"', ',', '\n', '\r', '\u0000', '::', '#')),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 50 }) }),
);

interface Mutation {
  kind: 'insert' | 'delete' | 'repeat';
  at: number;
  text?: string;
  length?: number;
  times?: number;
}

function mutate(text: string, steps: readonly Mutation[]): string {
  let out = text;
  for (const step of steps) {
    const at = out.length === 0 ? 0 : step.at % (out.length + 1);
    if (step.kind === 'insert') out = out.slice(0, at) + step.text + out.slice(at);
    else if (step.kind === 'delete') out = out.slice(0, at) + out.slice(at + step.length!);
    else {
      const start = out.lastIndexOf('\n', at - 1) + 1;
      const end = out.indexOf('\n', at);
      const line = out.slice(start, end < 0 ? out.length : end + 1);
      out = out.slice(0, start) + line.repeat(step.times!) + out.slice(start);
    }
  }
  return out;
}

describe('fuzzing the importers (seeded, bounded)', () => {
  it('junk text: a data set or a RatingsParseError naming a real line, from every reader', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        acceptsOrRefuses(text, () => importRatings(text));
        acceptsOrRefuses(text, () => parseRatingsText(text));
        acceptsOrRefuses(text, () => previewRatings(text));
      }),
      { numRuns: RUNS.junkText, seed: 12_001 },
    );
  });

  it('junk bytes (binary, Latin-1, broken UTF-8, UTF-16 marks): the same', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, utf16) => {
        const input = utf16 ? Uint8Array.from([0xff, 0xfe, ...bytes]) : bytes;
        acceptsOrRefuses(null, () => importRatings(input));
        acceptsOrRefuses(null, () => previewRatings(input));
      }),
      { numRuns: RUNS.junkBytes, seed: 12_002 },
    );
  });

  it('rating-like files with hostile labels: accepted ones round-trip through export, labels untouched', () => {
    fc.assert(
      fc.property(
        structuredFile,
        fc.constantFrom('refuse', 'last', 'average', 'sum') as fc.Arbitrary<'refuse' | 'last' | 'average' | 'sum'>,
        (text, duplicates) => {
          const result = acceptsOrRefuses(text, () => importRatings(text, { duplicates }));
          if (!result) return;
          const R = result.dataset.ratings;
          // Nothing was interpreted: every label is a substring of the file as written (or unquoted from it).
          for (const id of [...R.userIds, ...R.itemIds])
            expect(text.includes(id) || text.includes(id.replaceAll('"', '""'))).toBe(true);
          for (const v of R.userVal) expect(Number.isFinite(v)).toBe(true);
          const again = importRatings(exportRatingsText(R, { timestamps: result.dataset.timestamps }), { duplicates: 'refuse' });
          expect(entries(again.dataset.ratings)).toEqual(entries(R));
          expect(again.dataset.ratings.userIds).toEqual(R.userIds);
          expect(again.dataset.ratings.itemIds).toEqual(R.itemIds);
        },
      ),
      { numRuns: RUNS.structured, seed: 12_003 },
    );
  });

  it('mutated valid files (inserted quotes, separators, line ends, NULs; deleted spans; repeated lines)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (steps) => {
        const text = mutate(VALID, steps);
        acceptsOrRefuses(text, () => importRatings(text, { duplicates: 'last' }));
        acceptsOrRefuses(text, () => importRatings(text));
      }),
      { numRuns: RUNS.mutated, seed: 12_004 },
    );
  });

  it('titles files: a table or a RatingsParseError, titles kept as plain strings', () => {
    const titleLine = fc.tuple(field, fc.constantFrom(...PAYLOADS), fc.constantFrom('Drama', 'A|B', '', '(no genres listed)'));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 150 }),
          fc.array(titleLine, { maxLength: 8 }).map((rows) => rows.map((r) => r.join('::')).join('\n')),
        ),
        fc.constantFrom(undefined, 'u.item', 'movies.csv', 'movies.dat', 'csv') as fc.Arbitrary<
          'u.item' | 'movies.csv' | 'movies.dat' | 'csv' | undefined
        >,
        (text, format) => {
          const table = acceptsOrRefuses(text, () => parseTitles(text, { format }));
          if (table) for (const title of table.titles) expect(typeof title).toBe('string');
        },
      ),
      { numRuns: RUNS.titles, seed: 12_005 },
    );
  });

  it('zip-like bytes and damaged archives are refused with a RatingsParseError', () => {
    const good = zipSync({ 'ml-100k/u.data': new TextEncoder().encode('1\t2\t3\t4\n2\t2\t5\t5\n') });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (junk, at, byte) => {
        acceptsOrRefuses(null, () => openFileBytes(Uint8Array.from([0x50, 0x4b, 3, 4, ...junk])));
        const damaged = good.slice();
        damaged[at % damaged.length] = byte;
        acceptsOrRefuses(null, () => {
          const opened = openFileBytes(damaged);
          return opened.kind === 'archive' ? opened.reader.read(opened.description.choices[0]!.ratings) : opened;
        });
      }),
      { numRuns: RUNS.zips, seed: 12_006 },
    );
  });

  it('reports its case counts', () => {
    const total = Object.values(RUNS).reduce((a, b) => a + b, 0);
    console.info(
      `import fuzz: ${total} cases (${Object.entries(RUNS)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    );
    expect(total).toBe(2000);
  });
});
