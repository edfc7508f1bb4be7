/**
 * Real data in the lab's model: titles become the item labels the views show, and the 0–10
 * scale of MovieTweetings holds in validation and in the colour scale.
 */
import { describe, expect, it } from 'vitest';
import { ratingsFromDense, type Dataset } from '../../../src/core';
import { checkValue, validateEntry } from '../../../src/state/edits';
import { itemLabels, labDataFromDataset } from '../../../src/state/labData';
import { ratingColor } from '../../../src/views/common/colors';

function tenPoint(): Dataset {
  return {
    name: 'tiny MovieTweetings',
    kind: 'explicit',
    ratings: ratingsFromDense(
      [
        [9, null, 10],
        [0, 7, null],
      ],
      ['u1', 'u2'],
      ['1951264', '0770828', '1853728'],
    ),
    scale: { min: 0, max: 10, step: 1 },
    itemTitles: ['The Hunger Games: Catching Fire (2013)', 'Man of Steel (2013)', null],
    itemGenres: null,
    timestamps: null,
    test: null,
    source: { kind: 'builtin', id: 'movietweetings-100k', citation: '…', licence: 'MIT' },
  };
}

describe('item labels', () => {
  it('are the titles where known, else the ids — the same array each time for the same data', () => {
    const data = labDataFromDataset(tenPoint());
    expect(itemLabels(data)).toEqual(['The Hunger Games: Catching Fire (2013)', 'Man of Steel (2013)', '1853728']);
    expect(itemLabels(data)).toBe(itemLabels(data));
    const untitled = { ...data, itemTitles: null };
    expect(itemLabels(untitled)).toBe(untitled.itemIds);
  });
});

describe('the 0–10 scale', () => {
  it('accepts 0 and 10 and refuses 11 and 7.5, saying the scale', () => {
    const data = labDataFromDataset(tenPoint());
    expect(validateEntry(data, '10')).toEqual({ value: 10 });
    expect(validateEntry(data, '0')).toEqual({ value: 0 });
    expect(checkValue(data, 11)).toMatch(/outside the rating scale 0–10/);
    expect(checkValue(data, 7.5)).toMatch(/steps of 1 \(0–10\)/);
  });

  it('colours 5 as the middle and 0 and 10 as the two ends', () => {
    const c = ratingColor(0, 10);
    expect(c(0)).not.toBe(c(10));
    expect(c(5)).toBe(ratingColor(1, 9)(5));
    expect(c(10)).toBe(ratingColor(-10, 10)(10));
  });
});
