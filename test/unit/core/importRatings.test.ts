/**
 * The app's importer: rating files in every common shape, read into the sparse R the lab
 * uses. Each refusal must name its line, because people fix these files by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  ImportCancelledError,
  RATING_SCALES,
  RatingsParseError,
  alignTestFile,
  datasetBuffers,
  importRatings,
  importRatingsAsync,
  importRatingsPair,
  ratingAt,
  syntheticRatingsText,
  type ImportProgress,
  type Ratings,
  type RatingsImportOptions,
} from '../../../src/core';

/** The error importRatings throws, which must be a RatingsParseError. */
function refusal(input: string | Uint8Array, options: RatingsImportOptions = {}): RatingsParseError {
  try {
    importRatings(input, options);
  } catch (e) {
    expect(e).toBeInstanceOf(RatingsParseError);
    return e as RatingsParseError;
  }
  throw new Error(`expected a refusal of ${JSON.stringify(input).slice(0, 80)}`);
}

/** r for (user label, item label), or null. */
function at(R: Ratings, user: string, item: string): number | null {
  const i = R.userIds.indexOf(user);
  const j = R.itemIds.indexOf(item);
  if (i < 0 || j < 0) return null;
  return ratingAt(R, i, j);
}

describe('importRatings reads the formats the command line reads', () => {
  it('MovieLens u.data: tabs, no header, timestamps kept in user order', () => {
    const { dataset, report } = importRatings('196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t51\t2\t881250950\n');
    expect(report.layout.delimiter).toBe('\t');
    expect(report.layout.header).toBeNull();
    // users and items in natural order of their ids: 186 before 196, 51 before 242
    expect(dataset.ratings.userIds).toEqual(['186', '196']);
    expect(dataset.ratings.itemIds).toEqual(['51', '242', '302']);
    expect(at(dataset.ratings, '196', '51')).toBe(2);
    // position p of userCol ↔ timestamps[p]: user 186 (item 302), then 196 (items 51, 242)
    expect(Array.from(dataset.timestamps!)).toEqual([891717742, 881250950, 881250949]);
    expect(dataset.scale).toEqual(RATING_SCALES.stars);
    expect(dataset.kind).toBe('explicit');
  });

  it('ratings.csv with a header and half stars; ratings.dat with "::"', () => {
    const csv = importRatings('userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.5,964981247\n2,1,0.5,964982224\n');
    expect(csv.report.layout.header).toEqual(['userId', 'movieId', 'rating', 'timestamp']);
    expect(csv.dataset.scale).toEqual(RATING_SCALES.halfStars);
    expect(at(csv.dataset.ratings, '2', '1')).toBe(0.5);
    const dat = importRatings('1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n');
    expect(dat.report.layout.delimiter).toBe('::');
    expect(dat.dataset.ratings.nnz).toBe(3);
  });

  it('quoted fields: "Smith, J",Heat,5 loads, with "" for a quote inside', () => {
    const { dataset } = importRatings('user,item,rating\n"Smith, J",Heat,5\n"O""Brien",Heat,3\nann,"Heat, the film",4\n');
    expect(dataset.ratings.userIds).toEqual(['O"Brien', 'Smith, J', 'ann']);
    expect(at(dataset.ratings, 'Smith, J', 'Heat')).toBe(5);
    expect(at(dataset.ratings, 'ann', 'Heat, the film')).toBe(4);
  });

  it('BOM, CRLF, lone CR, blank lines, comments, trailing separators and padded fields', () => {
    const crlf = importRatings('\uFEFFu,i,r\r\n\r\na, x ,5,\r\n# note\r\nb,y,4,\r\n');
    expect(crlf.dataset.ratings.userIds).toEqual(['a', 'b']);
    expect(at(crlf.dataset.ratings, 'a', 'x')).toBe(5);
    const mac = importRatings('a,x,5\rb,y,4\r\rc,x,3\r');
    expect(mac.dataset.ratings.nnz).toBe(3);
    // bytes with a UTF-8 BOM
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a;x;5\nb;y;4\n')]);
    const semi = importRatings(bytes);
    expect(semi.report.layout.delimiter).toBe(';');
    expect(semi.report.encoding).toBe('utf-8');
  });

  it('bytes in ISO-8859-1 (not valid UTF-8) are decoded as such, and UTF-16 with a BOM', () => {
    // "José" with é = 0xE9, as a Latin-1 export writes it
    const latin1 = new Uint8Array([...new TextEncoder().encode('Jos'), 0xe9, ...new TextEncoder().encode(',Heat,5\n')]);
    const { dataset, report } = importRatings(latin1);
    expect(report.encoding).toBe('iso-8859-1');
    expect(dataset.ratings.userIds).toEqual(['José']);
    const text = 'Zoë\tHeat\t4\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let k = 0; k < text.length; k++) utf16[2 + 2 * k] = text.charCodeAt(k);
    expect(importRatings(utf16).dataset.ratings.userIds).toEqual(['Zoë']);
  });

  it('ids keep their spelling: "0104257" and "104257" are two films, numbers sort by value', () => {
    const { dataset } = importRatings('10,0104257,8\n9,104257,7\n10,2,1\n');
    expect(dataset.ratings.userIds).toEqual(['9', '10']);
    expect(dataset.ratings.itemIds).toEqual(['2', '0104257', '104257']);
    const appearance = importRatings('10,0104257,8\n9,104257,7\n10,2,1\n', { idOrder: 'appearance' });
    expect(appearance.dataset.ratings.userIds).toEqual(['10', '9']);
  });

  it('dates as timestamps: ISO dates and date-times are read as Unix seconds (UTC)', () => {
    const { dataset } = importRatings('user,item,rating,date\na,x,5,2013-04-01\na,y,4,2013-04-01T10:00:00Z\n');
    expect(Array.from(dataset.timestamps!)).toEqual([Date.UTC(2013, 3, 1) / 1000, Date.UTC(2013, 3, 1, 10) / 1000]);
  });
});

describe('column mapping and implicit data', () => {
  it('no rating column: each row is one interaction (implicit, value 1)', () => {
    const { dataset, report } = importRatings('user,song\nann,s1\nann,s2\nbob,s1\n');
    expect(report.layout.mapping.value).toBeNull();
    expect(dataset.kind).toBe('implicit');
    expect(Array.from(dataset.ratings.userVal)).toEqual([1, 1, 1]);
    expect(dataset.scale).toEqual(RATING_SCALES.binary);
  });

  it('a plays column is implicit counts; repeated interactions can be summed', () => {
    const { dataset } = importRatings('user_id,artist,plays\nann,Bach,12\nann,Bach,3\nbob,Bach,40\n', { duplicates: 'sum' });
    expect(dataset.kind).toBe('implicit');
    expect(dataset.scale).toEqual(RATING_SCALES.counts);
    expect(at(dataset.ratings, 'ann', 'Bach')).toBe(15);
    const negative = refusal('user_id,artist,plays\nann,Bach,12\nann,Bach,-3\n');
    expect(negative.message).toBe('Line 3: the count -3 is negative; counts and plays are 0 or more.');
  });

  it('an explicit mapping: columns in any order, extra columns ignored', () => {
    const text = 'when|stars|title|who|note\n1000|4|Heat|ann|good\n1001|2|Alien|bob|meh\n';
    const { dataset } = importRatings(text, {
      mapping: { user: 3, item: 2, value: 1, valueKind: 'explicit', timestamp: 0 },
    });
    expect(at(dataset.ratings, 'ann', 'Heat')).toBe(4);
    expect(Array.from(dataset.timestamps!)).toEqual([1000, 1001]);
  });

  it('a mapping that reads a column the rows do not have is refused with the first row', () => {
    const e = refusal('a,x\nb,y\n', { mapping: { user: 0, item: 1, value: 2, valueKind: 'explicit', timestamp: null } });
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/reads column 3, but the rows have 2 fields/);
  });
});

describe('rating scales: detected, or chosen and enforced', () => {
  it.each([
    ['1,a,1\n2,a,5\n', RATING_SCALES.stars],
    ['1,a,0.5\n2,a,4.5\n', RATING_SCALES.halfStars],
    ['1,a,0\n2,a,10\n', RATING_SCALES.tenPoint],
    ['1,a,0\n2,a,1\n', RATING_SCALES.binary],
    ['1,a,0\n2,a,4\n', RATING_SCALES.zeroToFive],
    ['1,a,-10\n2,a,9.87\n', { min: -10, max: 10, step: null }],
  ])('%j is on %j', (text, scale) => {
    expect(importRatings(text).dataset.scale).toEqual(scale);
  });

  it('a chosen scale refuses the first value off it, naming the line', () => {
    const text = 'u,i,r\na,x,4\na,y,0\nb,x,6\n';
    const e = refusal(text, { scale: RATING_SCALES.stars });
    expect(e.message).toBe('Line 3: the rating 0 lies outside the chosen scale 1–5.');
    const halves = refusal('a,x,4.5\n', { scale: RATING_SCALES.stars });
    expect(halves.message).toMatch(/^Line 1: the rating 4.5 is not one of the chosen scale's values/);
    const ok = importRatings(text, { scale: RATING_SCALES.tenPoint });
    expect(ok.report.scaleDetected).toBe(false);
    expect(ok.dataset.scale).toEqual(RATING_SCALES.tenPoint);
  });
});

describe('refusals name the line and what is wrong', () => {
  it('fields, empty ids, numbers', () => {
    expect(refusal('a,x,5\nb,y\n').message).toBe(
      'Line 2: expected 3 fields (user, item, rating) separated by commas, found 2: "b,y".',
    );
    expect(refusal('a,x,5\n,y,3\n').message).toBe('Line 2: the user field is empty.');
    expect(refusal('a,x,5\nb,,3\n').message).toBe('Line 2: the item field is empty.');
    expect(refusal('a,x,5\nb,y,NaN\n').message).toBe('Line 2: the rating "NaN" is not a number.');
    expect(refusal('a,x,5\nb,y,Infinity\n').message).toBe('Line 2: the rating "Infinity" is not a number.');
    expect(refusal('a,x,5\nb,y,1e400\n').message).toBe('Line 2: the rating "1e400" is too large.');
    expect(refusal('a,x,5,100\nb,y,3,yesterday\n').message).toMatch(/^Line 2: the timestamp "yesterday" is neither/);
    expect(refusal('a,x,5\n"b,y,3\n').message).toMatch(/^Line 2: a quoted field is not closed/);
    expect(refusal('a,x,5\n"b"c,y,3\n').message).toMatch(/^Line 2: a quoted field is followed by text/);
  });

  it('no rows, only a header, binary bytes', () => {
    expect(refusal('').line).toBe(0);
    expect(refusal('\n# nothing\n').message).toMatch(/no rating rows/);
    expect(refusal('user,item,rating\n').message).toBe('The file has a header but no rating rows.');
    expect(refusal(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])).message).toMatch(/zip archive/);
    expect(refusal(new Uint8Array([0x31, 0x2c, 0, 0x2c, 0x35])).message).toMatch(/binary/);
  });
});

describe('repeated (user, item) pairs', () => {
  const text = 'u,i,r,t\na,x,2,10\nb,x,3,11\na,x,4,12\na,y,1,13\na,x,5,9\n';

  it('are refused by default, naming the first repeat, its original and how many', () => {
    const e = refusal(text);
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^Line 4: user "a" rated item "x" again \(first on line 2\); each pair may appear once\./);
    expect(e.message).toMatch(/2 rows in all repeat an earlier pair \(lines 4, 6\)/);
  });

  it('keep the last, or average, and say how many rows were merged', () => {
    const last = importRatings(text, { duplicates: 'last' });
    expect(at(last.dataset.ratings, 'a', 'x')).toBe(5);
    expect(last.report.duplicateRows).toBe(2);
    expect(last.report.rows).toBe(5);
    expect(last.dataset.ratings.nnz).toBe(3);
    // the last row's timestamp (9), even though it is earlier than 12
    expect(last.dataset.timestamps![0]).toBe(9);
    const mean = importRatings(text, { duplicates: 'average' });
    expect(at(mean.dataset.ratings, 'a', 'x')).toBeCloseTo(11 / 3, 12);
    expect(mean.dataset.timestamps![0]).toBe(12);
  });

  it('a million identical lines are refused quickly, or merged under a policy', () => {
    const lines = 'ann,Heat,5\n'.repeat(1_000_000);
    const source = { kind: 'generated', description: 'a million identical lines' } as const;
    const e = refusal(lines, { source });
    expect(e.message).toMatch(/^Line 2: user "ann" rated item "Heat" again \(first on line 1\)/);
    expect(e.message).toMatch(/999,999 rows in all/);
    const merged = importRatings(lines, { duplicates: 'average', source });
    expect(merged.dataset.ratings.nnz).toBe(1);
    expect(merged.report.duplicateRows).toBe(999_999);
  });
});

describe('limits, progress and cancel', () => {
  const text = syntheticRatingsText({ users: 40, items: 50, ratings: 1000, seed: 3 });

  it('a file over the size limit is refused before it is read', () => {
    const e = refusal(text, { fileName: 'big.csv', limits: { maxBytes: 1000, maxRatings: 1e6 } });
    expect(e.line).toBe(0);
    expect(e.message).toMatch(/^"big.csv" is \d+ kB; MF Lab opens files up to 1 kB \(about 1,000,000 ratings\)\./);
  });

  it('a file over the ratings limit is refused before its rows are parsed', () => {
    const e = refusal(text, { limits: { maxBytes: 1e9, maxRatings: 999 } });
    expect(e.message).toMatch(/has about 1,000 rating rows; MF Lab holds up to 999 ratings/);
    expect(importRatings(text, { limits: { maxBytes: 1e9, maxRatings: 1000 } }).dataset.ratings.nnz).toBe(1000);
  });

  it('reports progress through every phase, and stops when cancelled', () => {
    const big = syntheticRatingsText({ users: 300, items: 400, ratings: 40_000, seed: 4 });
    const seen: ImportProgress[] = [];
    importRatings(big, { onProgress: (p) => seen.push(p) });
    expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['reading', 'parsing', 'building']));
    const parsing = seen.filter((p) => p.phase === 'parsing');
    expect(parsing.length).toBeGreaterThanOrEqual(4);
    expect(parsing.every((p, k) => k === 0 || p.done >= parsing[k - 1]!.done)).toBe(true);
    let calls = 0;
    expect(() => importRatings(big, { shouldCancel: () => ++calls >= 3 })).toThrow(ImportCancelledError);
  });

  it('the async import pauses between steps, so a cancel flag set meanwhile stops it', async () => {
    const big = syntheticRatingsText({ users: 300, items: 400, ratings: 40_000, seed: 5 });
    let cancelled = false;
    let pauses = 0;
    const run = importRatingsAsync(big, {
      pause: () => {
        pauses++;
        // What a worker's onmessage would do when "Cancel" arrives during the pause.
        cancelled = true;
        return Promise.resolve();
      },
      pauseEveryMs: 0,
      shouldCancel: () => cancelled,
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
    expect(pauses).toBe(1);
    const done = await importRatingsAsync(big, { pause: () => Promise.resolve(), pauseEveryMs: 0 });
    expect(done.dataset.ratings.nnz).toBe(40_000);
  });
});

describe('a training file and its held-out file', () => {
  it('aligns the held-out rows to the training ids, skipping and counting unknown ones', () => {
    const { dataset, report } = importRatingsPair('u1,a,5\nu1,b,3\nu2,b,4\nu2,c,1\n', 'u2,a,2\nu3,a,4\nu1,z,1\nu1,c,5\n', {
      fileName: 'u1.base',
      testFileName: 'u1.test',
    });
    expect(report.skippedTestRows).toBe(2);
    expect(report.testRows).toBe(4);
    const test = dataset.test!;
    expect([test.m, test.n, test.nnz]).toEqual([dataset.ratings.m, dataset.ratings.n, 2]);
    expect(test.userIds).toEqual(dataset.ratings.userIds);
    expect(at(test, 'u2', 'a')).toBe(2);
    expect(at(test, 'u1', 'c')).toBe(5);
  });

  it('a held-out value off the training scale is refused, naming the file and line', () => {
    expect(() => importRatingsPair('a,x,1\nb,y,5\n', 'a,y,3\nb,x,9\n', { testFileName: 'u1.test' })).toThrow(
      'u1.test: Line 2: the rating 9 lies outside the chosen scale 1–5.',
    );
  });

  it('a held-out file can be added to a data set already open', () => {
    const { dataset } = importRatings('a,x,1\nb,y,5\n');
    const added = alignTestFile(dataset, 'a,y,3\nc,x,2\n', { fileName: 'test.csv' });
    expect(added.skipped).toBe(1);
    expect(added.dataset.test!.nnz).toBe(1);
    expect(() => alignTestFile(dataset, 'a,y,3\nb,x,oops\n', { fileName: 'test.csv' })).toThrow(/^test.csv: Line 2: /);
  });
});

describe('datasetBuffers: the worker hands a data set over without copying', () => {
  it('lists each typed-array buffer once; a transfer moves them and the copy reads the same', () => {
    const { dataset } = importRatingsPair('a,x,1,5\nb,y,5,6\nb,x,2,7\n', 'a,y,3\n');
    const before = { userVal: Array.from(dataset.ratings.userVal), test: Array.from(dataset.test!.userVal) };
    const buffers = datasetBuffers(dataset);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(15);
    const moved = structuredClone(dataset, { transfer: buffers });
    expect(Array.from(moved.ratings.userVal)).toEqual(before.userVal);
    expect(Array.from(moved.test!.userVal)).toEqual(before.test);
    expect(moved.ratings.userIds).toEqual(['a', 'b']);
    // the sender's arrays are gone: it must not use the data set again
    expect(dataset.ratings.userVal.length).toBe(0);
  });
});
