/**
 * New people appended to a data set by item id: the class's survey rows beside the real
 * MovieTweetings raters. The old rows are untouched, the new ones hold exactly what was rated,
 * and the survey's twelve films are all in the k = 10 core.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MOVIETWEETINGS_FILES,
  appendUsers,
  loadMovieTweetings,
  movieTweetingsPreset,
  ratingsFromDense,
  ratingsToDense,
  type Dataset,
} from '../../../src/core';
import { gunzipIfNeeded } from '../../../src/io/zipArchive';
import { ITEM_LISTS } from '../../../src/survey/itemLists';

function small(rows: (number | null)[][], withTimes = false): Dataset {
  const ratings = ratingsFromDense(rows, undefined, ['a', 'b', 'c']);
  return {
    name: 'small',
    kind: 'explicit',
    ratings,
    scale: { min: 1, max: 5, step: 1 },
    itemTitles: ['A', 'B', 'C'],
    itemGenres: null,
    timestamps: withTimes ? Float64Array.from({ length: ratings.nnz }, (_, p) => 100 + p) : null,
    test: null,
    source: { kind: 'generated', description: 'test' },
  };
}

describe('appendUsers', () => {
  it('puts each new row below the old ones, by item id, and reports ids it does not know', () => {
    const base = small([
      [5, null, 1],
      [null, 4, 2],
    ]);
    const { dataset, firstNewUser, unknownItems } = appendUsers(
      base,
      [
        {
          label: 'Ada',
          ratings: [
            { itemId: 'c', value: 3 },
            { itemId: 'zz', value: 5 },
          ],
        },
        { label: '', ratings: [] },
      ],
      'small + class',
    );
    expect(firstNewUser).toBe(2);
    expect(unknownItems).toEqual(['zz']);
    expect(dataset.name).toBe('small + class');
    expect(dataset.ratings.userIds).toEqual(['u1', 'u2', 'Ada', 'New user 2']);
    expect(ratingsToDense(dataset.ratings)).toEqual([
      [5, null, 1],
      [null, 4, 2],
      [null, null, 3],
      [null, null, null],
    ]);
    expect(dataset.itemTitles).toEqual(['A', 'B', 'C']);
  });

  it('refuses a rating off the scale or an item rated twice, naming the row', () => {
    const base = small([[5, null, 1]]);
    expect(() => appendUsers(base, [{ label: 'Bo', ratings: [{ itemId: 'a', value: 9 }] }], 'x')).toThrow(
      /Bo rated a 9, outside this data set's scale 1–5/,
    );
    expect(() =>
      appendUsers(
        base,
        [
          {
            label: 'Bo',
            ratings: [
              { itemId: 'a', value: 2 },
              { itemId: 'a', value: 3 },
            ],
          },
        ],
        'x',
      ),
    ).toThrow(/Bo rated a twice/);
  });

  it('keeps labels apart from the data set’s own user ids, and old timestamps where they were', () => {
    const base = small([[5, null, 1]], true);
    const { dataset } = appendUsers(base, [{ label: 'u1', ratings: [{ itemId: 'b', value: 2 }] }], 'x', 999);
    expect(dataset.ratings.userIds).toEqual(['u1', 'u1 (2)']);
    expect([...dataset.timestamps!]).toEqual([100, 101, 999]);
  });

  it('never changes the old rows, whatever is appended (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'q'), fc.integer({ min: 1, max: 5 })), { maxLength: 3 }), {
          maxLength: 4,
        }),
        (rows, added) => {
          const base = small(rows);
          const newRows = added.map((pairs, k) => {
            const once = new Map(pairs);
            return { label: `s${k}`, ratings: [...once].map(([itemId, value]) => ({ itemId, value })) };
          });
          const { dataset } = appendUsers(base, newRows, 'x');
          const dense = ratingsToDense(dataset.ratings);
          expect(dense.slice(0, rows.length)).toEqual(rows);
          newRows.forEach((row, k) => {
            const known = row.ratings.filter((r) => r.itemId !== 'q');
            expect(dense[rows.length + k]!.filter((v) => v !== null)).toHaveLength(known.length);
            for (const { itemId, value } of known) expect(dense[rows.length + k]![['a', 'b', 'c'].indexOf(itemId)]).toBe(value);
          });
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('the class beside MovieTweetings', () => {
  const read = (path: string) => gunzipIfNeeded(new Uint8Array(readFileSync(`public/${path}`)));
  const all = loadMovieTweetings({ ratings: read(MOVIETWEETINGS_FILES.ratings), movies: read(MOVIETWEETINGS_FILES.movies) });
  const core = movieTweetingsPreset(all, 'core10');

  it('finds every film of the survey’s MovieTweetings list in the k = 10 core, by IMDb id', () => {
    const list = ITEM_LISTS.find((l) => l.id === 'mt12')!;
    const student = {
      label: 'Student 1',
      ratings: list.items.map((item, k) => ({ itemId: item.id!.replace(/^tt/, ''), value: k % 11 })),
    };
    const { dataset, firstNewUser, unknownItems } = appendUsers(core, [student], 'MovieTweetings + class');
    expect(unknownItems).toEqual([]);
    expect(firstNewUser).toBe(core.ratings.m);
    const row = dataset.ratings;
    const i = firstNewUser;
    const titles = [];
    for (let p = row.userPtr[i]!; p < row.userPtr[i + 1]!; p++) titles.push(dataset.itemTitles![row.userCol[p]!]);
    expect(titles.sort()).toEqual(list.items.map((item) => item.title).sort());
  });
});
