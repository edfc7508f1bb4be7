/**
 * The preview the Open data panel shows before importing: the first rows split into columns,
 * a guessed mapping and scale, an estimate of the size, and the problems of bad rows shown
 * rather than thrown.
 */
import { describe, expect, it } from 'vitest';
import {
  RATING_SCALES,
  RatingsParseError,
  guessMapping,
  importRatings,
  previewRatings,
  syntheticRatingsText,
} from '../../../src/core';

describe('previewRatings', () => {
  it('splits the first rows of ratings.csv and guesses its mapping and half-star scale', () => {
    const preview = previewRatings(
      'userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n2,10,4.0,835355493\n',
    );
    expect(preview.layout.delimiter).toBe(',');
    expect(preview.layout.header).toEqual(['userId', 'movieId', 'rating', 'timestamp']);
    expect(preview.layout.mapping).toEqual({ user: 0, item: 1, value: 2, valueKind: 'explicit', timestamp: 3 });
    expect(preview.rows[0]).toEqual({ line: 2, fields: ['1', '31', '2.5', '1260759144'], problem: null });
    expect(preview.scale.scale).toEqual(RATING_SCALES.halfStars);
    expect(preview.scale.label).toBe('0.5–5 in halves');
    expect(preview.estimatedRows).toBe(3);
  });

  it('shows a bad row with its problem instead of refusing the whole preview', () => {
    const preview = previewRatings('a,x,5\nb,y\nc,z,five\n"d,w,3\n');
    expect(preview.rows.map((r) => r.problem)).toEqual([
      null,
      'expected 3 fields, found 2.',
      'the rating "five" is not a number.',
      expect.stringMatching(/quoted field is not closed/),
    ]);
  });

  it('respects an override of separator, header and mapping', () => {
    const text = 'ann item1 4\nbob item1 2\n';
    const preview = previewRatings(text, {
      header: false,
      mapping: { user: 1, item: 0, value: null, valueKind: 'implicit', timestamp: null },
    });
    expect(preview.layout.delimiter).toBe(' ');
    expect(preview.layout.mapping.user).toBe(1);
    expect(preview.scale.kind).toBe('implicit');
    // the same choices carried into the import give what the preview promised
    const { dataset } = importRatings(text, { header: false, mapping: preview.layout.mapping });
    expect(dataset.ratings.userIds).toEqual(['item1']);
    expect(dataset.kind).toBe('implicit');
  });

  it('reads only a prefix of a big file, estimating its rows from the line ends', () => {
    const text = syntheticRatingsText({ users: 2000, items: 300, ratings: 60_000, seed: 2, delimiter: '\t' });
    const bytes = new TextEncoder().encode(text);
    const preview = previewRatings(bytes, { rows: 5 });
    expect(preview.rows).toHaveLength(5);
    expect(preview.estimatedRows).toBe(60_000);
    expect(preview.sampledRows).toBe(1000);
    expect(preview.layout.delimiter).toBe('\t');
  });

  it('refuses only what cannot be shown at all', () => {
    expect(() => previewRatings('')).toThrow(RatingsParseError);
    expect(() => previewRatings(new Uint8Array([0, 1, 2]))).toThrow(/binary/);
    expect(() => previewRatings('a,b,1\n', { limits: { maxBytes: 3, maxRatings: 10 } })).toThrow(/MF Lab opens files up to/);
  });
});

describe('guessMapping', () => {
  it('by names: plays and counts are implicit, any column order', () => {
    expect(guessMapping(['timestamp', 'artist_id', 'user_id', 'plays'], 4)).toEqual({
      user: 2,
      item: 1,
      value: 3,
      valueKind: 'implicit',
      timestamp: 0,
    });
    expect(guessMapping(['Customer', 'Product'], 2)).toEqual({
      user: 0,
      item: 1,
      value: null,
      valueKind: 'implicit',
      timestamp: null,
    });
  });

  it('by position without a header: 2 columns implicit, 3 explicit, 4 with a timestamp', () => {
    expect(guessMapping(null, 2).value).toBeNull();
    expect(guessMapping(null, 3)).toEqual({ user: 0, item: 1, value: 2, valueKind: 'explicit', timestamp: null });
    expect(guessMapping(null, 4).timestamp).toBe(3);
  });
});
