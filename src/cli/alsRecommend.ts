/** The command line's --recommend USER --top N: top-N unrated items, by title when titles are given. */
import { recommend, type Factors, type Problem, type Ratings } from '../core';

export interface CliRecommendation {
  rank: number;
  item: string;
  title: string | null;
  score: number;
}

export interface CliRecommendations {
  user: string;
  items: CliRecommendation[];
}

export function recommendationsFor(
  problem: Problem,
  F: Factors,
  train: Ratings,
  user: string,
  top: number,
  titles: Map<string, string> | null,
): CliRecommendations {
  const index = train.userIds.indexOf(user);
  const items = recommend(problem, F, index, top).map((r, n) => ({
    rank: n + 1,
    item: r.id,
    title: titles?.get(r.id) ?? null,
    score: r.score,
  }));
  return { user, items };
}

export function printRecommendations(recs: CliRecommendations): void {
  console.log(`top ${recs.items.length} for user ${recs.user} (items they have not rated):`);
  for (const r of recs.items) {
    console.log(
      `  ${String(r.rank).padStart(3)}. ${r.score.toFixed(3).padStart(8)}  ${r.title ? `${r.title} (${r.item})` : r.item}`,
    );
  }
}
