/**
 * The class's answers as a data set: one row per student, one column per survey item, the
 * ratings on the survey's scale and `?` for skipped items. MovieTweetings films keep their
 * IMDb ids (tt…) as item ids, so the rows can later be set beside the real raters; other
 * items are identified by their titles. Pure.
 */
import { ratingsFromTriples, type Dataset, type Triple } from '../core';
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
