/**
 * Rating files: MovieLens `u.data` (tabs, no header), `ratings.csv` (commas, header) and
 * `ratings.dat` (`::`), plus plain space-separated text. A bad line must be named by its
 * line number and its problem, because students hand-edit these files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RatingsParseError,
  alignRows,
  parseRatings,
  parseRatingsText,
  ratingAt,
  ratingsFromTriples,
  serializeRatings,
  type Delimiter,
  type Ratings,
} from '../../../src/core';

/** The error parseRatingsText throws for `text`, which must be a RatingsParseError. */
function parseError(text: string): RatingsParseError {
  try {
    parseRatingsText(text);
  } catch (e) {
    expect(e).toBeInstanceOf(RatingsParseError);
    return e as RatingsParseError;
  }
  throw new Error(`expected a RatingsParseError for ${JSON.stringify(text)}`);
}

/** R's known entries keyed by labels: "user→item" → rating. */
function entriesByLabel(R: Ratings): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < R.m; i++) {
    for (let p = R.userPtr[i]!; p < R.userPtr[i + 1]!; p++) out.set(`${R.userIds[i]}→${R.itemIds[R.userCol[p]!]}`, R.userVal[p]!);
  }
  return out;
}

describe('parseRatingsText reads the common formats', () => {
  it('MovieLens u.data: tab-separated, no header, user item rating timestamp', () => {
    const parsed = parseRatingsText('196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.header).toBeNull();
    expect(parsed.rows).toEqual([
      { user: '196', item: '242', value: 3, timestamp: '881250949', line: 1 },
      { user: '186', item: '302', value: 3, timestamp: '891717742', line: 2 },
      { user: '22', item: '377', value: 1, timestamp: '878887116', line: 3 },
    ]);
  });

  it('MovieLens ratings.csv: commas, header userId,movieId,rating,timestamp, half stars', () => {
    const parsed = parseRatingsText('userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.5,964981247\n2,1,0.5,964982224\n');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.header).toEqual(['userId', 'movieId', 'rating', 'timestamp']);
    expect(parsed.rows.map((r) => [r.user, r.item, r.value, r.line])).toEqual([
      ['1', '1', 4, 2],
      ['1', '3', 4.5, 3],
      ['2', '1', 0.5, 4],
    ]);
    const R = parseRatings('userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.5,964981247\n2,1,0.5,964982224\n');
    // users and items are numbered in order of first appearance
    expect(R.userIds).toEqual(['1', '2']);
    expect(R.itemIds).toEqual(['1', '3']);
    expect(ratingAt(R, 0, 1)).toBe(4.5);
    expect(ratingAt(R, 1, 0)).toBe(0.5);
    expect(ratingAt(R, 1, 1)).toBeNull();
  });

  it('MovieLens ratings.dat: "::" separated', () => {
    const parsed = parseRatingsText('1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n');
    expect(parsed.delimiter).toBe('::');
    expect(parsed.header).toBeNull();
    expect(parsed.rows.map((r) => [r.user, r.item, r.value])).toEqual([
      ['1', '1193', 5],
      ['1', '661', 3],
      ['2', '1193', 4],
    ]);
  });

  it('space-separated, with a byte-order mark, comments, blank lines and Windows line ends', () => {
    const parsed = parseRatingsText('\uFEFF# my ratings\r\n\r\nalice  matrix 5\r\nbob inception   4\r\n');
    expect(parsed.delimiter).toBe(' ');
    expect(parsed.rows.map((r) => [r.user, r.item, r.value, r.timestamp, r.line])).toEqual([
      ['alice', 'matrix', 5, null, 3],
      ['bob', 'inception', 4, null, 4],
    ]);
  });
});

describe('malformed lines are reported as "Line N: <problem>"', () => {
  it('a rating that is not a number', () => {
    const e = parseError('userId,movieId,rating\n1,1,4\n1,2,four\n');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^Line 3: /);
    expect(e.message).toMatch(/"four" is not a number/);
  });

  it('too few or too many fields', () => {
    const few = parseError('1\t10\t3\n1\t11\n');
    expect(few.message).toMatch(/^Line 2: /);
    expect(few.message).toMatch(/expected 3 or 4 fields/);
    expect(few.message).toMatch(/found 2/);
    const many = parseError('1,10,3\n1,11,4,5,6\n');
    expect(many.message).toMatch(/^Line 2: .*found 5/);
  });

  it('the same (user, item) pair twice, naming the first occurrence', () => {
    const e = parseError('1,1,4\n2,1,3\n1,1,5\n');
    expect(e.message).toMatch(/^Line 3: /);
    expect(e.message).toMatch(/user "1" rated item "1" again \(first on line 1\)/);
  });

  it('line numbers count blank and comment lines (they are lines of the file)', () => {
    const e = parseError('# header comment\n\n1,1,4\n\n1,x\n');
    expect(e.message).toMatch(/^Line 5: /);
  });

  it('empty fields are named', () => {
    expect(parseError('1,1,4\n,2,3\n').message).toMatch(/^Line 2: the user field is empty/);
    expect(parseError('1,1,4\n1,,3\n').message).toMatch(/^Line 2: the item field is empty/);
  });

  it('a file without rating rows is an error that names no line', () => {
    const empty = parseError('\n# nothing\n');
    expect(empty.line).toBe(0);
    expect(empty.message).not.toMatch(/^Line/);
    expect(parseError('user,item,rating\n').message).toMatch(/header but no rating rows/);
  });
});

describe('alignRows: held-out rows against a training matrix', () => {
  it('keeps rows whose user and item are known, skips and counts the others', () => {
    const train = parseRatings('u1,a,5\nu1,b,3\nu2,b,4\nu2,c,1\n');
    const held = parseRatingsText('u2,a,2\nu3,a,4\nu1,z,1\nu1,c,5\nu9,q,3\n').rows;
    const { test, skipped } = alignRows(train, held);
    // u3 (unknown user), z (unknown item), u9/q (both unknown)
    expect(skipped).toBe(3);
    expect(test.nnz).toBe(2);
    // same shape and labels as the training matrix, so U and V line up
    expect([test.m, test.n]).toEqual([train.m, train.n]);
    expect(test.userIds).toEqual(train.userIds);
    expect(test.itemIds).toEqual(train.itemIds);
    expect(ratingAt(test, train.userIds.indexOf('u2'), train.itemIds.indexOf('a'))).toBe(2);
    expect(ratingAt(test, train.userIds.indexOf('u1'), train.itemIds.indexOf('c'))).toBe(5);
  });
});

// ------------------------------------------------------------- round trip

const delimiters: Delimiter[] = [',', '\t', '::', ' '];

/** Labels from a safe alphabet: no separators, no spaces, no ':' and no leading '#'. */
const label = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,5}$/);

/** A rating matrix in which every user and every item has at least one rating. */
const fileMatrixArb = fc
  .record({
    users: fc.uniqueArray(label, { minLength: 1, maxLength: 6 }),
    items: fc.uniqueArray(label, { minLength: 1, maxLength: 6 }),
  })
  .chain(({ users, items }) =>
    fc.record({
      users: fc.constant(users),
      items: fc.constant(items),
      known: fc.array(fc.array(fc.boolean(), { minLength: items.length, maxLength: items.length }), {
        minLength: users.length,
        maxLength: users.length,
      }),
      values: fc.array(
        fc.oneof(
          fc.integer({ min: 1, max: 5 }),
          fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
          fc.constantFrom(0.5, 1e-7, 1e21, 123456789.123),
        ),
        { minLength: users.length * items.length, maxLength: users.length * items.length },
      ),
    }),
  )
  .map(({ users, items, known, values }) => {
    const m = users.length;
    const n = items.length;
    const triples = [];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        // guarantee a rating for every user (item i mod n) and every item (user j mod m)
        if (known[i]![j]! || j === i % n || i === j % m) triples.push({ user: i, item: j, value: values[i * n + j]! });
      }
    }
    return ratingsFromTriples(m, n, triples, users, items);
  });

describe('serializeRatings then parseRatings gives back the same ratings', () => {
  it('for every delimiter, with and without a header (parse → serialize → parse is the identity)', () => {
    fc.assert(
      fc.property(
        fileMatrixArb,
        fc.constantFrom(...delimiters),
        fc.boolean(),
        fc.constantFrom(...delimiters),
        fc.boolean(),
        (R, delim, header, delim2, header2) => {
          const text = serializeRatings(R, delim, header);
          const A = parseRatings(text);
          // same users (in order: every user has a rating and rows are written user by user)
          expect(A.userIds).toEqual(R.userIds);
          // same items (numbered by first appearance, so possibly in another order)
          expect([...A.itemIds].sort()).toEqual([...R.itemIds].sort());
          // same entries
          expect(A.nnz).toBe(R.nnz);
          expect(entriesByLabel(A)).toEqual(entriesByLabel(R));
          expect(parseRatingsText(text).delimiter).toBe(delim);
          expect(parseRatingsText(text).header !== null).toBe(header);

          // and once parsed, writing and reading again changes nothing at all
          const B = parseRatings(serializeRatings(A, delim2, header2));
          expect(B.userIds).toEqual(A.userIds);
          expect(B.itemIds).toEqual(A.itemIds);
          expect(Array.from(B.userPtr)).toEqual(Array.from(A.userPtr));
          expect(Array.from(B.userCol)).toEqual(Array.from(A.userCol));
          expect(Array.from(B.userVal)).toEqual(Array.from(A.userVal));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('quotes labels that hold a separator, a space or a quote, and reads them back', () => {
    const R = ratingsFromTriples(
      2,
      2,
      [
        { user: 0, item: 0, value: 1 },
        { user: 1, item: 1, value: 2 },
      ],
      ['a b', 'Smith, "J"'],
      ['x,y', 'plain'],
    );
    for (const delim of delimiters) {
      const back = parseRatings(serializeRatings(R, delim));
      expect(back.userIds).toEqual(R.userIds);
      expect(entriesByLabel(back)).toEqual(entriesByLabel(R));
    }
    expect(serializeRatings(R)).toContain('"Smith, ""J""",plain,2\n');
  });

  it('refuses labels no line can hold: empty, or with a line break', () => {
    const empty = ratingsFromTriples(1, 1, [{ user: 0, item: 0, value: 1 }], [''], ['x']);
    expect(() => serializeRatings(empty)).toThrow(RangeError);
    const broken = ratingsFromTriples(1, 1, [{ user: 0, item: 0, value: 1 }], ['a'], ['two\nlines']);
    expect(() => serializeRatings(broken)).toThrow(/line break/);
  });

  /**
   * Labels serializeRatings accepts must come back. Either refusing the label (RangeError)
   * or reading it back unchanged is correct; writing a file that reads back differently
   * is not.
   */
  function expectRoundTripOrRefusal(R: Ratings, delim: Delimiter, header: boolean): void {
    let text: string;
    try {
      text = serializeRatings(R, delim, header);
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      return;
    }
    const back = parseRatings(text);
    expect(back.userIds).toEqual(R.userIds);
    expect(entriesByLabel(back)).toEqual(entriesByLabel(R));
  }

  // With "::" a label ending in ':' would merge with the separator ("a:" + "::" + "x" =
  // "a:::x", split as "a" | ":x"): it is quoted.
  it('with "::", a label that ends in ":" is either refused or read back unchanged', () => {
    const R = ratingsFromTriples(
      2,
      2,
      [
        { user: 0, item: 0, value: 3 },
        { user: 1, item: 1, value: 4 },
      ],
      ['a:', 'b'],
      ['x', 'y:'],
    );
    expectRoundTripOrRefusal(R, '::', false);
  });

  // A user label starting with '#' would make its lines look like comments, which
  // parseRatingsText skips: it is quoted.
  it('a user label that starts with "#" is either refused or read back unchanged', () => {
    const R = ratingsFromTriples(
      2,
      1,
      [
        { user: 0, item: 0, value: 3 },
        { user: 1, item: 0, value: 4 },
      ],
      ['#1', 'u2'],
      ['x'],
    );
    expectRoundTripOrRefusal(R, ',', true);
  });
});
