/**
 * Kept data sets are stored in parts (one IndexedDB put per part, so no put clones a million
 * ratings in one main-thread task). The round trip must give the same data set back, with
 * every array in its own type; a value stored whole by an older version comes back as it is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingsFromTriples } from '../../../src/core';
import { joinFromStorage, partCount, splitForStorage } from '../../../src/state/storageParts';

const datasetOf = (triples: [number, number, number][], withTimes: boolean) => {
  const ratings = ratingsFromTriples(
    31,
    31,
    triples.map(([user, item, value]) => ({ user, item, value })),
  );
  return {
    name: 'test',
    kind: 'explicit',
    ratings,
    scale: { min: 1, max: 5, step: 1 },
    itemTitles: ratings.itemIds.map((id, j) => (j % 2 ? `Title ${id}` : null)),
    itemGenres: ratings.itemIds.map(() => ['Drama', 'Comedy']),
    timestamps: withTimes ? Float64Array.from({ length: ratings.nnz }, (_, p) => 1_600_000_000 + p) : null,
    test: null,
    source: { kind: 'generated', description: 'test' },
  };
};

describe('storing a data set in parts', () => {
  it('gives back the same data set, whatever the part size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 5 })),
          {
            minLength: 1,
            maxLength: 200,
            selector: ([u, i]) => `${u},${i}`,
          },
        ),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (triples, max, withTimes) => {
          const dataset = datasetOf(triples, withTimes);
          const { head, parts } = splitForStorage(dataset, max);
          for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
          expect(partCount(head)).toBe(parts.length);
          // What IndexedDB would give back: copies.
          const back = joinFromStorage(
            structuredClone(head),
            parts.map((p) => p.read()),
          ) as typeof dataset;
          expect(back).toEqual(dataset);
          expect(back.ratings.userVal).toBeInstanceOf(Float64Array);
          expect(back.ratings.userCol).toBeInstanceOf(Int32Array);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps small arrays in the head, and a value without markers comes back as it is', () => {
    const dataset = datasetOf(
      [
        [0, 0, 5],
        [1, 1, 3],
      ],
      true,
    );
    const { head, parts } = splitForStorage(dataset, 1000);
    expect(parts).toEqual([]);
    expect(joinFromStorage(head, [])).toEqual(dataset);
  });

  it('refuses to reassemble from a missing part, saying so', () => {
    const dataset = datasetOf(
      [
        [0, 0, 5],
        [1, 1, 3],
        [2, 2, 4],
        [3, 3, 1],
      ],
      false,
    );
    const { head, parts } = splitForStorage(dataset, 2);
    expect(() =>
      joinFromStorage(
        head,
        parts.slice(0, -1).map((p) => p.read()),
      ),
    ).toThrow(/missing/);
  });
});
