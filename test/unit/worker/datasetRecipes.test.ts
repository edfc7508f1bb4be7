/**
 * The worker's data-set recipes: the built-in MovieTweetings cuts (fetched from the app's
 * own files, here read from public/), and files a person opens — rating files with a column
 * mapping, titles files, train + held-out pairs, and MovieLens archives in their downloaded
 * layouts. MovieLens may not be redistributed: each archive is built here with fflate.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ratingAt, type Dataset, type Ratings } from '../../../src/core';
import { BuildCancelled, buildDataset, type BuildContext } from '../../../src/worker/datasetBuilders';
import { createDispatcher } from '../../../src/worker/dispatcher';
import { checkFileSet, roleOf } from '../../../src/worker/fileDataset';
import { forgetMovieTweetings } from '../../../src/worker/movieTweetingsDataset';
import type { DatasetRecipe, Envelope, Reply } from '../../../src/worker/protocol';
import { PRESETS, isMovieTweetingsPreset, presetRecipe, presetShape, presetLoadingLabel } from '../../../src/state/presets';

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Serves public/ as the app would, counting the requests. */
function publicFiles() {
  const asked: string[] = [];
  const fetchFile = async (url: string) => {
    asked.push(url);
    const path = new URL(url).pathname;
    try {
      const bytes = readFileSync(`public${path}`);
      return {
        ok: true,
        status: 200,
        arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      };
    } catch {
      return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
    }
  };
  return { asked, fetchFile };
}

function context(extra: Partial<BuildContext> = {}) {
  const phases: string[] = [];
  const ctx: BuildContext = {
    progress: (phase) => phases.push(phase),
    checkpoint: async () => {},
    baseUrl: 'http://mf-lab.test/',
    ...extra,
  };
  return { ctx, phases };
}

function at(R: Ratings, user: string, item: string): number | null {
  const i = R.userIds.indexOf(user);
  const j = R.itemIds.indexOf(item);
  return i < 0 || j < 0 ? null : ratingAt(R, i, j);
}

const titleOf = (d: Dataset, item: string) => d.itemTitles?.[d.ratings.itemIds.indexOf(item)] ?? null;

afterEach(() => forgetMovieTweetings());

describe('the movietweetings recipe', () => {
  it('cuts the projector preset: 20 fans × the 12 most-rated films, 0–10, with real titles — fetched once for two cuts', async () => {
    const files = publicFiles();
    const { ctx } = context({ fetchFile: files.fetchFile });
    const projector = await buildDataset({ kind: 'movietweetings', cut: 'projector' }, ctx);
    expect([projector.ratings.m, projector.ratings.n]).toEqual([20, 12]);
    const known = projector.ratings.nnz / 240;
    expect(known).toBeGreaterThan(0.8);
    expect(known).toBeLessThan(0.9);
    expect(projector.scale).toEqual({ min: 0, max: 10, step: 1 });
    expect(projector.itemTitles).toContain('Man of Steel (2013)');
    expect(projector.itemTitles!.every((t) => typeof t === 'string')).toBe(true);
    const core = await buildDataset({ kind: 'movietweetings', cut: 'core20' }, ctx);
    expect([core.ratings.m, core.ratings.n, core.ratings.nnz]).toEqual([196, 99, 5191]);
    expect(files.asked).toHaveLength(2);
    expect(files.asked.every((u) => u.startsWith('http://mf-lab.test/data/movietweetings-100k/'))).toBe(true);
  }, 60_000);

  it('hands out a copy of the whole snapshot, so a transfer cannot empty the one it keeps', async () => {
    const { ctx } = context({ fetchFile: publicFiles().fetchFile });
    const first = await buildDataset({ kind: 'movietweetings', cut: 'whole' }, ctx);
    expect([first.ratings.m, first.ratings.n, first.ratings.nnz]).toEqual([16_554, 10_506, 100_000]);
    first.ratings.userVal.fill(-1);
    const second = await buildDataset({ kind: 'movietweetings', cut: 'whole' }, ctx);
    expect(second.ratings.userVal.every((v) => v >= 0 && v <= 10)).toBe(true);
    expect(second.ratings.userVal.buffer).not.toBe(first.ratings.userVal.buffer);
  }, 60_000);

  it('every MovieTweetings preset in the list has the shape it states, and the list says it is loaded, not generated', async () => {
    const { ctx } = context({ fetchFile: publicFiles().fetchFile });
    const real = PRESETS.filter((p) => isMovieTweetingsPreset(p.id));
    expect(real.map((p) => p.id)).toEqual(['movietweetings', 'mt-core20', 'mt-core10', 'mt-core5', 'mt-whole']);
    for (const p of real) {
      const d = await buildDataset(presetRecipe(p.id)!, ctx);
      expect([d.ratings.m, d.ratings.n], p.id).toEqual([...presetShape(p.id)]);
      expect(presetLoadingLabel(p.id)).toMatch(/^Loading MovieTweetings/);
    }
    expect(presetLoadingLabel('ml100k')).toBe('Generating MovieLens-100k shape (synthetic)');
  }, 60_000);

  it('says when the files cannot be fetched, and tries again next time', async () => {
    let fail = true;
    const files = publicFiles();
    const { ctx } = context({
      fetchFile: (url) =>
        fail ? Promise.resolve({ ok: false, status: 503, arrayBuffer: async () => new ArrayBuffer(0) }) : files.fetchFile(url),
    });
    await expect(buildDataset({ kind: 'movietweetings', cut: 'projector' }, ctx)).rejects.toThrow(
      /could not be loaded \(HTTP 503\)/,
    );
    fail = false;
    const d = await buildDataset({ kind: 'movietweetings', cut: 'projector' }, ctx);
    expect(d.ratings.m).toBe(20);
  }, 60_000);
});

describe('the file recipe: rating files', () => {
  const csv = 'userId,movieId,rating,timestamp\nana,m1,8,1\nana,m2,3,2\nben,m1,10,3\nben,m3,0,4\ncleo,m2,7,5\n';

  it('reads a rating file with a header; the 0–10 scale is detected', async () => {
    const d = await buildDataset({ kind: 'file', files: [{ name: 'mine.csv', bytes: utf8(csv) }] }, context().ctx);
    expect([d.ratings.m, d.ratings.n, d.ratings.nnz]).toEqual([3, 3, 5]);
    expect(d.scale).toEqual({ min: 0, max: 10, step: 1 });
    expect(at(d.ratings, 'ben', 'm3')).toBe(0);
    expect(d.name).toBe('mine.csv');
    expect(d.source).toMatchObject({ kind: 'file', fileName: 'mine.csv' });
  });

  it('follows the column mapping and the scale the person chose', async () => {
    const text = '5|ana|m1\n4|ben|m2\n2|ana|m2\n';
    const recipe: DatasetRecipe = {
      kind: 'file',
      files: [{ name: 'odd.txt', bytes: utf8(text) }],
      mapping: { user: 1, item: 2, value: 0, valueKind: 'explicit', timestamp: null },
      scale: { min: 1, max: 5, step: 1 },
    };
    const d = await buildDataset(recipe, context().ctx);
    expect(at(d.ratings, 'ana', 'm1')).toBe(5);
    expect(at(d.ratings, 'ana', 'm2')).toBe(2);
    expect(d.scale).toEqual({ min: 1, max: 5, step: 1 });
  });

  it('reads implicit data: a count column, or no value column (one row, one interaction)', async () => {
    const counts = await buildDataset(
      { kind: 'file', files: [{ name: 'plays.tsv', bytes: utf8('u1\ta\t12\nu1\tb\t3\nu2\ta\t1\n') }], implicit: true },
      context().ctx,
    );
    expect(counts.kind).toBe('implicit');
    expect(at(counts.ratings, 'u1', 'a')).toBe(12);
    const clicks = await buildDataset(
      { kind: 'file', files: [{ name: 'clicks.csv', bytes: utf8('u1,a\nu1,b\nu2,a\n') }] },
      context().ctx,
    );
    expect(clicks.kind).toBe('implicit');
    expect(clicks.ratings.nnz).toBe(3);
    expect(at(clicks.ratings, 'u2', 'a')).toBe(1);
  });

  it('attaches a titles file given beside the ratings', async () => {
    const d = await buildDataset(
      {
        kind: 'file',
        files: [
          { name: 'titles.csv', bytes: utf8('id,title\nm1,Heat (1995)\nm2,"Big, the film"\n') },
          { name: 'mine.csv', bytes: utf8(csv) },
        ],
      },
      context().ctx,
    );
    expect(titleOf(d, 'm1')).toBe('Heat (1995)');
    expect(titleOf(d, 'm2')).toBe('Big, the film');
    expect(titleOf(d, 'm3')).toBeNull();
  });

  it('opens a train + held-out pair: the smaller file, or the one named .test, is held out', async () => {
    const base = '1\t10\t4\n1\t11\t3\n2\t10\t5\n2\t12\t1\n3\t11\t2\n';
    const test = '1\t12\t2\n3\t10\t4\n9\t10\t5\n';
    for (const files of [
      [
        { name: 'u1.test', bytes: utf8(test) },
        { name: 'u1.base', bytes: utf8(base) },
      ],
      [
        { name: 'a.tsv', bytes: utf8(base) },
        { name: 'b.tsv', bytes: utf8(test) },
      ],
    ]) {
      const d = await buildDataset({ kind: 'file', files }, context().ctx);
      expect(d.ratings.nnz).toBe(5);
      // User 9 is not in the training data: that row is skipped.
      expect(d.test!.nnz).toBe(2);
      expect(at(d.test!, '3', '10')).toBe(4);
    }
  });

  it('refuses a malformed file with the file, the line and what is wrong — no data set', async () => {
    const bad = 'user,item,rating\na,x,4\nb,y,five\nc,z,3\n';
    await expect(buildDataset({ kind: 'file', files: [{ name: 'bad.csv', bytes: utf8(bad) }] }, context().ctx)).rejects.toThrow(
      /^bad\.csv: Line 3: .*five/,
    );
  });

  it('refuses a value off the chosen scale with its line', async () => {
    await expect(
      buildDataset(
        { kind: 'file', files: [{ name: 'r.csv', bytes: utf8('a,x,4\nb,y,7\n') }], scale: { min: 1, max: 5, step: 1 } },
        context().ctx,
      ),
    ).rejects.toThrow(/Line 2: .*7/);
  });

  it('states its limits: a file over the size or ratings limit is refused in words', async () => {
    const big = utf8('a,x,4\n'.repeat(50));
    await expect(
      buildDataset(
        { kind: 'file', files: [{ name: 'big.csv', bytes: big }], limits: { maxBytes: 100, maxRatings: 1000 } },
        context().ctx,
      ),
    ).rejects.toThrow(/MF Lab opens files up to/);
    const many = utf8(Array.from({ length: 40 }, (_, k) => `u${k},x,4`).join('\n'));
    await expect(
      buildDataset(
        { kind: 'file', files: [{ name: 'many.csv', bytes: many }], limits: { maxBytes: 1e6, maxRatings: 10 } },
        context().ctx,
      ),
    ).rejects.toThrow(/holds up to 10 ratings/);
  });

  it('refuses a set of files it cannot pair up, saying what to open', () => {
    const f = (name: string, text = 'a,b,1\n') => ({ name, bytes: utf8(text) });
    expect(() => checkFileSet([])).toThrow(/No file/);
    expect(() => checkFileSet([f('titles.csv')])).toThrow(/titles file: open a rating file with it/);
    expect(() => checkFileSet([f('a.csv'), f('b.csv'), f('c.csv')])).toThrow(/one rating file at a time/);
    expect(roleOf(f('movies.dat'))).toBe('titles');
    expect(roleOf(f('u.item'))).toBe('titles');
    expect(roleOf(f('ratings.dat'))).toBe('ratings');
    expect(roleOf(f('u1.test'))).toBe('test');
  });

  it('stops at a checkpoint when cancelled, having built nothing', async () => {
    let calls = 0;
    const { ctx } = context({
      checkpoint: async () => {
        if (++calls > 1) throw new BuildCancelled();
      },
    });
    const rows = Array.from({ length: 200_000 }, (_, k) => `u${k % 977},i${k % 1499},${(k % 5) + 1}`).join('\n');
    await expect(buildDataset({ kind: 'file', files: [{ name: 'big.csv', bytes: utf8(rows) }] }, ctx)).rejects.toBeInstanceOf(
      BuildCancelled,
    );
  });
});

const flags = (...on: number[]) => Array.from({ length: 19 }, (_, g) => (on.includes(g) ? 1 : 0)).join('|');

function ml100kZip(): Uint8Array {
  const data = [
    '196\t242\t3\t881250949',
    '186\t302\t3\t891717742',
    '22\t377\t1\t878887116',
    '196\t302\t5\t881250950',
    '22\t242\t4\t878887117',
  ];
  return zipSync({
    'ml-100k/u.data': utf8(data.join('\n') + '\n'),
    'ml-100k/u.item': latin1(
      `242|Kolya (1996)|24-Jan-1997||http://us.imdb.com/|${flags(5)}\n` +
        `302|L.A. Confidential (1997)|01-Jan-1997||http://us.imdb.com/|${flags(6, 10)}\n` +
        `377|Misérables, Les (1995)|01-Jan-1995||http://us.imdb.com/|${flags(8)}\n`,
    ),
    'ml-100k/u1.base': utf8(data.slice(0, 4).join('\n') + '\n'),
    'ml-100k/u1.test': utf8(data[4] + '\n'),
  });
}

describe('the file recipe: MovieLens archives as downloaded (built here, never shipped)', () => {
  it('ml-100k.zip: u.data with titles from u.item (ISO-8859-1)', async () => {
    const d = await buildDataset({ kind: 'file', files: [{ name: 'ml-100k.zip', bytes: ml100kZip() }] }, context().ctx);
    expect([d.ratings.m, d.ratings.n, d.ratings.nnz]).toEqual([3, 3, 5]);
    expect(titleOf(d, '377')).toBe('Misérables, Les (1995)');
    expect(d.scale).toEqual({ min: 1, max: 5, step: 1 });
    expect(d.test).toBeNull();
  });

  it('ml-100k.zip split u1: u1.base as training data, u1.test held out', async () => {
    const d = await buildDataset(
      { kind: 'file', files: [{ name: 'ml-100k.zip', bytes: ml100kZip() }], choice: 'u1' },
      context().ctx,
    );
    expect(d.ratings.nnz).toBe(4);
    expect(d.test!.nnz).toBe(1);
    expect(at(d.test!, '22', '242')).toBe(4);
  });

  it('ml-latest-small.zip and ml-1m.zip', async () => {
    const small = zipSync({
      'ml-latest-small/ratings.csv': utf8(
        'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,3.5,964981247\n2,1,0.5,964982224\n',
      ),
      'ml-latest-small/movies.csv': utf8(
        'movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n3,"American President, The (1995)",Comedy\n',
      ),
    });
    const s = await buildDataset({ kind: 'file', files: [{ name: 'ml-latest-small.zip', bytes: small }] }, context().ctx);
    expect(s.scale).toEqual({ min: 0.5, max: 5, step: 0.5 });
    expect(titleOf(s, '3')).toBe('American President, The (1995)');
    const oneM = zipSync({
      'ml-1m/ratings.dat': utf8('1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n'),
      'ml-1m/movies.dat': latin1(
        "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James and the Giant Peach (1996)::Animation\n",
      ),
    });
    const m = await buildDataset({ kind: 'file', files: [{ name: 'ml-1m.zip', bytes: oneM }] }, context().ctx);
    expect(m.ratings.nnz).toBe(3);
    expect(titleOf(m, '661')).toBe('James and the Giant Peach (1996)');
  });

  it('a malformed archive member is refused with its name and line', async () => {
    const zip = zipSync({ 'ml-1m/ratings.dat': utf8('1::1193::5::978300760\n1::661\n') });
    await expect(buildDataset({ kind: 'file', files: [{ name: 'ml-1m.zip', bytes: zip }] }, context().ctx)).rejects.toThrow(
      /ratings\.dat: Line 2:/,
    );
  });

  it('a zip that is not MovieLens says what it expected', async () => {
    const zip = zipSync({ 'photos/cat.jpg': new Uint8Array([1, 2, 3]) });
    await expect(buildDataset({ kind: 'file', files: [{ name: 'cats.zip', bytes: zip }] }, context().ctx)).rejects.toThrow(
      /ml-100k\.zip/,
    );
  });
});

describe('through the dispatcher', () => {
  it('a refused file is an error reply (not a cancel) naming the line; a good one a data set with its key', async () => {
    const replies: Reply[] = [];
    const dispatch = createDispatcher((reply) => replies.push(reply));
    const send = (id: number, request: Envelope['request']) => dispatch({ id, generation: 1, request });
    send(1, { type: 'buildDataset', recipe: { kind: 'file', files: [{ name: 'x.csv', bytes: utf8('a,b,4\nc,d\n') }] } });
    send(2, { type: 'buildDataset', recipe: { kind: 'file', files: [{ name: 'y.csv', bytes: utf8('a,b,4\nc,d,2\n') }] } });
    const start = Date.now();
    while (replies.filter((r) => r.type === 'error' || r.type === 'dataset').length < 2 && Date.now() - start < 10_000)
      await new Promise((r) => setTimeout(r, 5));
    const error = replies.find((r) => r.id === 1 && r.type === 'error');
    expect(error).toMatchObject({ type: 'error', message: expect.stringMatching(/^x\.csv: Line 2:/) });
    expect(error && 'cancelled' in error).toBe(false);
    const done = replies.find((r) => r.id === 2 && r.type === 'dataset');
    expect(done && done.type === 'dataset' && done.dataset.ratings.nnz).toBe(2);
  });
});
