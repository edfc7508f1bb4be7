/**
 * MovieLens archives opened as downloaded. MovieLens may not be redistributed, so each test
 * builds a small archive of the same layout with fflate's zipSync: the same folders, file
 * names, separators and encodings as ml-100k.zip, ml-latest-small.zip and ml-1m.zip.
 */
import { gzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  RATING_SCALES,
  RatingsParseError,
  describeMovieLensArchive,
  openMovieLensArchive,
  openMovieLensArchiveAsync,
  ratingAt,
  type Ratings,
} from '../../../src/core';
import { gunzipIfNeeded, openFileBytes, openZip } from '../../../src/io/zipArchive';

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const flags = (...on: number[]) => Array.from({ length: 19 }, (_, g) => (on.includes(g) ? 1 : 0)).join('|');

function at(R: Ratings, user: string, item: string): number | null {
  const i = R.userIds.indexOf(user);
  const j = R.itemIds.indexOf(item);
  return i < 0 || j < 0 ? null : ratingAt(R, i, j);
}

/** An ml-100k.zip in miniature: u.data, u.item (Latin-1), u.genre, split 1 and split a, and macOS junk. */
function ml100k(extra: Zippable = {}): Uint8Array {
  const data = [
    '196\t242\t3\t881250949',
    '186\t302\t3\t891717742',
    '22\t377\t1\t878887116',
    '196\t302\t5\t881250950',
    '22\t242\t4\t878887117',
  ];
  return zipSync({
    'ml-100k/': {},
    'ml-100k/u.data': utf8(data.join('\n') + '\n'),
    'ml-100k/u.item': latin1(
      `242|Kolya (1996)|24-Jan-1997||http://us.imdb.com/M/title-exact?Kolya%20(1996)|${flags(5)}\n` +
        `302|L.A. Confidential (1997)|01-Jan-1997||http://us.imdb.com/|${flags(6, 10, 11, 14)}\n` +
        `377|Misérables, Les (1995)|01-Jan-1995||http://us.imdb.com/|${flags(8)}\n`,
    ),
    'ml-100k/u.genre': utf8(
      "unknown|0\nAction|1\nAdventure|2\nAnimation|3\nChildren's|4\nComedy|5\nCrime|6\nDocumentary|7\nDrama|8\nFantasy|9\nFilm-Noir|10\nHorror|11\nMusical|12\nMystery|13\nRomance|14\nSci-Fi|15\nThriller|16\nWar|17\nWestern|18\n\n",
    ),
    'ml-100k/u1.base': utf8([data[0], data[1], data[2], data[3]].join('\n') + '\n'),
    'ml-100k/u1.test': utf8([data[4], '999\t242\t2\t1'].join('\n') + '\n'),
    'ml-100k/ua.base': utf8([data[1], data[2], data[3], data[4]].join('\n') + '\n'),
    'ml-100k/ua.test': utf8(data[0] + '\n'),
    'ml-100k/README': utf8('SUMMARY & USAGE LICENSE\n'),
    '__MACOSX/ml-100k/._u.data': new Uint8Array([0, 5, 22, 7]),
    ...extra,
  });
}

describe('ml-100k.zip', () => {
  it('is recognised, with all the data and its splits as choices', () => {
    const info = describeMovieLensArchive(openZip(ml100k()).names);
    expect(info.kind).toBe('ml-100k');
    expect(info.label).toBe('MovieLens 100K');
    expect(info.choices.map((c) => c.id)).toEqual(['all', 'u1', 'ua']);
    expect(info.choices[1]!.label).toBe('Split 1 of 5: u1.base + u1.test (80 % train, 20 % held out)');
    expect(info.titles).toBe('ml-100k/u.item');
  });

  it('opens u.data with titles (Latin-1 decoded) and genres named by u.genre', () => {
    const { dataset, report } = openMovieLensArchive(openZip(ml100k()), 'all', { fileName: 'ml-100k.zip' });
    expect(dataset.name).toBe('MovieLens 100K');
    expect(dataset.ratings.userIds).toEqual(['22', '186', '196']);
    expect(dataset.ratings.itemIds).toEqual(['242', '302', '377']);
    expect(dataset.itemTitles).toEqual(['Kolya (1996)', 'L.A. Confidential (1997)', 'Misérables, Les (1995)']);
    expect(dataset.itemGenres![1]).toEqual(['Crime', 'Film-Noir', 'Horror', 'Romance']);
    expect(dataset.scale).toEqual(RATING_SCALES.stars);
    expect(dataset.timestamps).not.toBeNull();
    expect(report.ratings).toBe(5);
    expect(dataset.source).toMatchObject({ kind: 'file', fileName: 'ml-100k.zip' });
    expect((dataset.source as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('opens a split as training data plus its held-out part, skipping unknown users', () => {
    const { dataset, report } = openMovieLensArchive(openZip(ml100k()), 'u1');
    expect(dataset.name).toBe('MovieLens 100K (u1.base + u1.test)');
    expect(dataset.ratings.nnz).toBe(4);
    expect(dataset.test!.nnz).toBe(1);
    expect(at(dataset.test!, '22', '242')).toBe(4);
    expect(report.skippedTestRows).toBe(1);
    expect(dataset.itemTitles).toHaveLength(dataset.ratings.n);
  });

  it('names the member and the line of a malformed row', () => {
    const zip = ml100k({ 'ml-100k/u.data': utf8('1\t2\t3\t4\n1\t3\tfive\t5\n') });
    expect(() => openMovieLensArchive(openZip(zip))).toThrow('ml-100k/u.data: Line 2: the rating "five" is not a number.');
    const off = ml100k({ 'ml-100k/u.data': utf8('1\t2\t3\t4\n1\t3\t6\t5\n') });
    expect(() => openMovieLensArchive(openZip(off))).toThrow(/^ml-100k\/u.data: Line 2: the rating 6 lies outside/);
  });

  it('refuses a member over the size limit before inflating it', () => {
    expect(() => openMovieLensArchive(openZip(ml100k()), 'all', { limits: { maxBytes: 50, maxRatings: 1e6 } })).toThrow(
      /^u.data is 1 kB; MF Lab opens files up to 1 kB/,
    );
  });
});

describe('ml-latest-small.zip and ml-1m.zip', () => {
  it('ml-latest-small: ratings.csv on the half-star scale, movies.csv titles with commas', () => {
    const zip = zipSync({
      'ml-latest-small/ratings.csv': utf8(
        'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,11,2.5,964981247\n2,1,0.5,964982224\n',
      ),
      'ml-latest-small/movies.csv': utf8(
        'movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n11,"American President, The (1995)",Comedy|Drama|Romance\n',
      ),
      'ml-latest-small/links.csv': utf8('movieId,imdbId,tmdbId\n1,0114709,862\n'),
      'ml-latest-small/tags.csv': utf8('userId,movieId,tag,timestamp\n'),
    });
    const { dataset } = openMovieLensArchive(openZip(zip));
    expect(dataset.name).toBe('MovieLens latest small');
    expect(dataset.scale).toEqual(RATING_SCALES.halfStars);
    expect(dataset.itemTitles).toEqual(['Toy Story (1995)', 'American President, The (1995)']);
    expect(at(dataset.ratings, '1', '11')).toBe(2.5);
  });

  it('ml-1m: ratings.dat and movies.dat with "::", titles in ISO-8859-1', async () => {
    const zip = zipSync({
      'ml-1m/ratings.dat': utf8('1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n'),
      'ml-1m/movies.dat': latin1(
        "661::James and the Giant Peach (1996)::Animation|Children's|Musical\n1193::Misérables (1998)::Drama\n",
      ),
      'ml-1m/users.dat': utf8('1::F::1::10::48067\n'),
      'ml-1m/README': utf8('SUMMARY\n'),
    });
    const reader = openZip(zip);
    expect(describeMovieLensArchive(reader.names).kind).toBe('ml-1m');
    const { dataset } = await openMovieLensArchiveAsync(reader, 'all', { pause: () => Promise.resolve() });
    expect(dataset.name).toBe('MovieLens 1M');
    expect(dataset.itemTitles).toEqual(['James and the Giant Peach (1996)', 'Misérables (1998)']);
    expect(dataset.itemGenres![0]).toEqual(['Animation', "Children's", 'Musical']);
  });
});

describe('other inputs', () => {
  it('an unknown zip says what it holds and what was expected', () => {
    const zip = zipSync({ 'photos/cat.jpg': new Uint8Array([1, 2, 3]), 'notes.txt': utf8('hello') });
    const opened = () => openFileBytes(zip);
    expect(opened).toThrow(RatingsParseError);
    expect(opened).toThrow(
      /^This zip holds photos\/cat.jpg, notes.txt\. MF Lab opens MovieLens archives as downloaded: ml-100k.zip/,
    );
  });

  it('bytes that start like a zip but are not one are refused, not thrown as something else', () => {
    expect(() => openFileBytes(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]))).toThrow(RatingsParseError);
  });

  it('a .gz file is unpacked; plain text passes through; the limit applies to the unpacked size', () => {
    const text = utf8('1,2,3\n4,5,1\n');
    const opened = openFileBytes(gzipSync(text));
    expect(opened.kind).toBe('text');
    expect(opened.kind === 'text' && new TextDecoder().decode(opened.bytes)).toBe('1,2,3\n4,5,1\n');
    expect(gunzipIfNeeded(text)).toBe(text);
    expect(() => gunzipIfNeeded(gzipSync(new Uint8Array(5000)), { maxBytes: 4000, maxRatings: 10 })).toThrow(
      /^The unpacked file is 5 kB; MF Lab opens files up to 4 kB/,
    );
  });

  it('a MovieLens zip is sorted as an archive, not read as text', () => {
    expect(openFileBytes(ml100k()).kind).toBe('archive');
  });
});
