/**
 * Export: R as a rating file that reads back to the same entries under the same labels
 * (quoted when they need it), with its timestamps; U and V as CSV with their ids; and the
 * core's SHA-256 against Node's.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportDatasetText,
  exportFactorsCsv,
  exportRatingsText,
  factorsCsv,
  formatField,
  importRatings,
  initFactors,
  parseRatings,
  parseTitles,
  ratingsFromTriples,
  sha256Hex,
  type Delimiter,
  type Ratings,
} from '../../../src/core';

function entries(R: Ratings): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < R.m; i++)
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) out.set(`${R.userIds[i]}→${R.itemIds[R.userCol[p]!]}`, R.userVal[p]!);
  return out;
}

/** Labels as people write them: commas, quotes, spaces, colons, '#', HTML and KaTeX. */
const label = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).filter((s) => !/[\r\n]/.test(s)),
  fc.constantFrom('Smith, J', '"quoted"', ' padded ', '#1', 'a:', '::', '<b>x</b>', '\\href{javascript:alert(1)}{x}', 'é ü'),
);

const datasetArb = fc
  .record({
    users: fc.uniqueArray(label, { minLength: 1, maxLength: 5 }),
    items: fc.uniqueArray(label, { minLength: 1, maxLength: 5 }),
  })
  .chain(({ users, items }) =>
    fc.record({
      users: fc.constant(users),
      items: fc.constant(items),
      values: fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), {
        minLength: users.length * items.length,
        maxLength: users.length * items.length,
      }),
    }),
  )
  .map(({ users, items, values }) => {
    // every user and item gets a rating (a label with no rating is not in a rating file)
    const triples = [];
    for (let i = 0; i < users.length; i++)
      for (let j = 0; j < items.length; j++)
        if (i % items.length === j || j % users.length === i || values[i * items.length + j]! > 5)
          triples.push({ user: i, item: j, value: values[i * items.length + j]! });
    return ratingsFromTriples(users.length, items.length, triples, users, items);
  });

describe('exportRatingsText', () => {
  it('reads back to the same labelled entries, for every separator, through both readers', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.constantFrom<Delimiter>(',', '\t', '::', ' ', ';', '|'),
        fc.boolean(),
        (R, delimiter, header) => {
          const text = exportRatingsText(R, { delimiter, header });
          const { dataset } = importRatings(text, { idOrder: 'appearance' });
          expect(dataset.ratings.userIds).toEqual(R.userIds);
          expect(entries(dataset.ratings)).toEqual(entries(R));
          expect(entries(parseRatings(text))).toEqual(entries(R));
        },
      ),
      { numRuns: 400, seed: 1201 },
    );
  });

  it('writes timestamps as a fourth column that comes back in user order', () => {
    const { dataset } = importRatings('u,i,r,t\nb,x,4,30\na,y,3,20\na,x,5,10\n');
    const text = exportDatasetText(dataset);
    expect(text).toBe('user,item,rating,timestamp\na,x,5,10\na,y,3,20\nb,x,4,30\n');
    const back = importRatings(text);
    expect(Array.from(back.dataset.timestamps!)).toEqual(Array.from(dataset.timestamps!));
    expect(exportDatasetText(dataset, { timestamps: false, header: false, delimiter: '\t' })).toBe('a\tx\t5\na\ty\t3\nb\tx\t4\n');
  });

  it('quotes only what needs it', () => {
    expect(formatField('plain', ',')).toBe('plain');
    expect(formatField('Smith, J', ',')).toBe('"Smith, J"');
    expect(formatField('Smith, J', '\t')).toBe('"Smith, J"');
    expect(formatField('two words', ',')).toBe('two words');
    expect(formatField('say "hi"', '\t')).toBe('"say ""hi"""');
    expect(formatField('#7', ',')).toBe('"#7"');
    expect(formatField('a:', '::')).toBe('"a:"');
    expect(formatField('two words', ' ')).toBe('"two words"');
    expect(() => formatField('', ',')).toThrow(RangeError);
  });
});

describe('factorsCsv', () => {
  it('U and V as CSV with ids, every number exact', () => {
    const R = ratingsFromTriples(
      2,
      1,
      [
        { user: 0, item: 0, value: 1 },
        { user: 1, item: 0, value: 2 },
      ],
      ['ann', 'Smith, J'],
      ['Heat'],
    );
    const F = initFactors(2, 1, 3, { seed: 4, scale: 1 });
    const { U, V } = exportFactorsCsv(R, F);
    const lines = U.trim().split('\n');
    expect(lines[0]).toBe('user,f1,f2,f3');
    expect(lines[2]!.startsWith('"Smith, J",')).toBe(true);
    // read back with the titles reader's CSV splitting: id, then numbers equal to the buffer's
    const table = parseTitles(lines.slice(1).join('\n'), { format: 'csv' });
    expect(table.ids).toEqual(['ann', 'Smith, J']);
    expect(Number(table.titles[1])).toBe(F.U[3]);
    expect(V.split('\n')[1]).toBe(`Heat,${Array.from(F.V).join(',')}`);
    expect(factorsCsv(['x'], new Float64Array([-0, 1e-300]), 2)).toBe('id,f1,f2\nx,-0,1e-300\n');
  });
});

describe('sha256Hex', () => {
  it('matches Node for every length around the block boundaries, and a large buffer', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, k) => (k * 131 + n) & 255);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const big = Uint8Array.from({ length: 1 << 20 }, (_, k) => (k * 7) & 255);
    expect(sha256Hex(big)).toBe(createHash('sha256').update(big).digest('hex'));
  });
});
