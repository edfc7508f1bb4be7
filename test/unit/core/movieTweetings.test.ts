/**
 * The built-in MovieTweetings 100K snapshot, read from the files the app serves
 * (public/data/movietweetings-100k/*.dat.gz), checked against the figures its README
 * publishes: checksums, shape, the rating histogram, and every preset's size.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MOVIETWEETINGS_FILES,
  MOVIETWEETINGS_PRESETS,
  MOVIETWEETINGS_SHA256,
  RATING_SCALES,
  density,
  loadMovieTweetings,
  movieTweetingsPreset,
  sha256Hex,
  type Dataset,
} from '../../../src/core';
import { fetchMovieTweetings } from '../../../src/io/fetchMovieTweetings';
import { gunzipIfNeeded } from '../../../src/io/zipArchive';

const read = (path: string) => gunzipIfNeeded(new Uint8Array(readFileSync(`public/${path}`)));
const files = { ratings: read(MOVIETWEETINGS_FILES.ratings), movies: read(MOVIETWEETINGS_FILES.movies) };
const all = loadMovieTweetings(files);

const shape = (d: Dataset) => [d.ratings.m, d.ratings.n, d.ratings.nnz];

describe('the MovieTweetings 100K files', () => {
  it('are the published snapshot, byte for byte, with their licence and citation beside them', () => {
    expect(sha256Hex(files.ratings)).toBe(MOVIETWEETINGS_SHA256.ratings);
    expect(sha256Hex(files.movies)).toBe(MOVIETWEETINGS_SHA256.movies);
    expect(readFileSync('public/data/movietweetings-100k/LICENSE', 'utf8')).toMatch(/MIT License[\s\S]*Simon Dooms/);
    expect(readFileSync('public/data/movietweetings-100k/README.md', 'utf8')).toMatch(
      /MovieTweetings: a Movie Rating Dataset Collected From\s+Twitter/,
    );
  });
});

describe('loadMovieTweetings', () => {
  it('is 16,554 users × 10,506 films, 100,000 ratings on the 0–10 scale, with titles, genres and times', () => {
    expect(shape(all)).toEqual([16_554, 10_506, 100_000]);
    expect(all.scale).toEqual(RATING_SCALES.tenPoint);
    expect(all.kind).toBe('explicit');
    expect(all.source).toMatchObject({ kind: 'builtin', id: 'movietweetings-100k', licence: 'MIT' });
    expect(all.itemTitles!.every((t) => t !== null)).toBe(true);
    expect(all.itemTitles![all.ratings.itemIds.indexOf('0002844')]).toBe("Fantômas - À l'ombre de la guillotine (1913)");
    expect(all.itemGenres![all.ratings.itemIds.indexOf('0004972')]).toEqual(['Drama', 'History', 'Romance', 'War']);
    expect(all.timestamps).toHaveLength(100_000);
    expect(density(all.ratings) * 100).toBeCloseTo(0.057, 3);
  });

  it("has the README's rating histogram", () => {
    const histogram = new Array<number>(11).fill(0);
    for (const v of all.ratings.userVal) histogram[v]!++;
    expect(histogram).toEqual([12, 1_212, 1_124, 1_844, 3_367, 6_726, 12_944, 22_229, 24_145, 14_005, 12_392]);
  });
});

describe('the MovieTweetings presets', () => {
  it.each([
    ['core20', 196, 99, 5_191],
    ['core10', 2_059, 1_099, 44_613],
    ['core5', 4_333, 2_414, 68_055],
  ] as const)('%s is %i users × %i films, %i ratings', (id, users, films, ratings) => {
    const preset = movieTweetingsPreset(all, id);
    expect(shape(preset)).toEqual([users, films, ratings]);
    // a core: everyone left has at least k ratings inside it
    const k = Number(id.slice(4));
    for (let i = 0; i < preset.ratings.m; i++)
      expect(preset.ratings.userPtr[i + 1]! - preset.ratings.userPtr[i]!).toBeGreaterThanOrEqual(k);
    for (let j = 0; j < preset.ratings.n; j++)
      expect(preset.ratings.itemPtr[j + 1]! - preset.ratings.itemPtr[j]!).toBeGreaterThanOrEqual(k);
    expect(preset.itemTitles).toHaveLength(films);
    expect(preset.timestamps).toHaveLength(ratings);
  });

  it('the k = 20 core is 27 % known', () => {
    expect(density(movieTweetingsPreset(all, 'core20').ratings)).toBeCloseTo(0.268, 3);
  });

  it('the headline: the 12 most-rated films × the 20 users who rated most of them, 204 of 240 known (85 %)', () => {
    const headline = movieTweetingsPreset(all, 'headline');
    expect(shape(headline)).toEqual([20, 12, 204]);
    expect(density(headline.ratings)).toBeCloseTo(0.85, 10);
    expect(headline.itemTitles).toEqual([
      'Man of Steel (2013)',
      'Iron Man 3 (2013)',
      'Star Trek Into Darkness (2013)',
      'Oblivion (2013)',
      'World War Z (2013)',
      'Now You See Me (2013)',
      'The Great Gatsby (2013)',
      'Fast & Furious 6 (2013)',
      'Pacific Rim (2013)',
      'Olympus Has Fallen (2013)',
      'Silver Linings Playbook (2012)',
      'Django Unchained (2012)',
    ]);
    // Films most-rated first (in the whole snapshot), users by how many of the 12 they rated.
    const filmCount = (j: number) => all.ratings.itemPtr[j + 1]! - all.ratings.itemPtr[j]!;
    const counts = headline.ratings.itemIds.map((id) => filmCount(all.ratings.itemIds.indexOf(id)));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const within = Array.from({ length: 20 }, (_, i) => headline.ratings.userPtr[i + 1]! - headline.ratings.userPtr[i]!);
    expect(within).toEqual([...within].sort((a, b) => b - a));
    // Nobody left out rated more of the 12 than the 20th user did.
    const films = new Set(headline.ratings.itemIds.map((id) => all.ratings.itemIds.indexOf(id)));
    const chosen = new Set(headline.ratings.userIds);
    let bestLeftOut = 0;
    for (let i = 0; i < all.ratings.m; i++) {
      if (chosen.has(all.ratings.userIds[i]!)) continue;
      let c = 0;
      for (let p = all.ratings.userPtr[i]!; p < all.ratings.userPtr[i + 1]!; p++) if (films.has(all.ratings.userCol[p]!)) c++;
      bestLeftOut = Math.max(bestLeftOut, c);
    }
    expect(within[19]).toBeGreaterThanOrEqual(bestLeftOut);
    expect(headline.scale).toEqual(RATING_SCALES.tenPoint);
  });

  it('every preset listed for the panel can be cut', () => {
    for (const preset of MOVIETWEETINGS_PRESETS) expect(movieTweetingsPreset(all, preset.id).ratings.nnz).toBeGreaterThan(0);
    expect(movieTweetingsPreset(all, 'all')).toBe(all);
  });
});

describe('fetchMovieTweetings', () => {
  it('fetches both files relative to the base URL and unpacks them (gzip or already inflated)', async () => {
    const asked: string[] = [];
    const files = await fetchMovieTweetings('https://example.org/mf-lab/', async (url) => {
      asked.push(url);
      const path = `public/${url.replace('https://example.org/mf-lab/', '')}`;
      // the movies file arrives inflated, as from a server that honours Content-Encoding: gzip
      const body = url.endsWith('movies.dat.gz')
        ? gunzipIfNeeded(new Uint8Array(readFileSync(path)))
        : new Uint8Array(readFileSync(path));
      return { ok: true, status: 200, arrayBuffer: async () => body.slice().buffer };
    });
    expect(asked).toEqual([
      'https://example.org/mf-lab/data/movietweetings-100k/ratings.dat.gz',
      'https://example.org/mf-lab/data/movietweetings-100k/movies.dat.gz',
    ]);
    expect(sha256Hex(files.ratings)).toBe(MOVIETWEETINGS_SHA256.ratings);
    expect(sha256Hex(files.movies)).toBe(MOVIETWEETINGS_SHA256.movies);
    await expect(
      fetchMovieTweetings('https://example.org/', async () => ({
        ok: false,
        status: 404,
        arrayBuffer: async () => new ArrayBuffer(0),
      })),
    ).rejects.toThrow('The built-in MovieTweetings file data/movietweetings-100k/ratings.dat.gz could not be loaded (HTTP 404).');
  });
});
