/**
 * The class's answers as a data set: one row per student, one column per survey item, the
 * ratings on the survey's scale and `?` for skipped items. MovieTweetings films keep their
 * IMDb ids (tt…) as item ids, so the rows can later be set beside the real raters; other
 * items are identified by their titles. Pure.
 */
import { ratingsFromTriples, type Dataset, type NewUserRow, type Triple } from '../core';
import { rowLabels, type CollectedRow } from './collectAnswers';
import type { Survey } from './surveySpec';

export function classDataset(survey: Survey, rows: readonly CollectedRow[]): Dataset {
  const triples: Triple[] = [];
  rows.forEach((row, user) =>
    row.answer.ratings.forEach((value, item) => {
      if (value !== null) triples.push({ user, item, value });
    }),
  );
  const itemIds = survey.items.map((item) => item.id ?? item.title);
  const ratings = ratingsFromTriples(rows.length, survey.items.length, triples, rowLabels(rows), itemIds);
  const { min, max } = survey.spec.scale;
  const list = survey.listLabel ? `${survey.listLabel}, ` : '';
  return {
    name: `Class survey ${survey.id} (${rows.length} ${rows.length === 1 ? 'answer' : 'answers'})`,
    kind: 'explicit',
    ratings,
    scale: { min, max, step: 1 },
    itemTitles: survey.items.map((item) => item.title),
    itemGenres: null,
    timestamps: null,
    test: null,
    source: {
      kind: 'generated',
      description: `The class's answers to survey ${survey.id} (${list}${survey.items.length} items, ratings ${min}–${max}).`,
    },
  };
}

/**
 * Whether the class's rows can sit beside MovieTweetings' real raters: every item is a
 * MovieTweetings film (it has an IMDb id) and the survey's scale lies inside IMDb's 0–10 —
 * a 1–5 answer would read as a strong dislike there. The reason when they cannot.
 */
export function movieTweetingsFit(survey: Survey): { ok: true } | { ok: false; why: string } {
  if (survey.items.some((item) => item.id === null || !/^tt\d+$/.test(item.id)))
    return {
      ok: false,
      why: 'Only a survey of MovieTweetings films (the “MovieTweetings films” list) can join its real raters.',
    };
  const { min, max } = survey.spec.scale;
  if (min < 0 || max > 10 || max - min < 9)
    return {
      ok: false,
      why: `MovieTweetings rates 0–10; this survey's ${min}–${max} answers would not mean the same there. Use the 0–10 or 1–10 scale.`,
    };
  return { ok: true };
}

/**
 * The class's rows as new users for MovieTweetings: each rated film by its id in the data
 * (the IMDb id without “tt”, as ratings.dat writes it), skipped films left out.
 */
export function classRowsForMovieTweetings(survey: Survey, rows: readonly CollectedRow[]): NewUserRow[] {
  const labels = rowLabels(rows);
  return rows.map((row, k) => ({
    label: labels[k]!,
    ratings: row.answer.ratings.flatMap((value, item) => {
      const id = survey.items[item]?.id;
      return value === null || !id ? [] : [{ itemId: id.replace(/^tt/, ''), value }];
    }),
  }));
}
