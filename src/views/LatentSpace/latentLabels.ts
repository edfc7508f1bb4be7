/**
 * Which points of the latent picture get a name, and where: the chosen user first, then
 * the item explained, then the top recommendation (the best-ranked item the user has not
 * rated), then the other items by rank, then the other users. Placed so that no two names
 * overlap nor cover a point (labelLayout). Pure: no DOM.
 */
import { placeLabels, type LabelRequest, type PlacedLabel } from './labelLayout';
import type { LatentFrame } from './latentFrame';

/** Beyond this many points, only the top items (and the ones that matter) are named. */
const MAX_LABELS = 40;

export interface LabelInput {
  frame: LatentFrame;
  coords: Float64Array;
  m: number;
  user: number;
  userIds: readonly string[];
  itemIds: readonly string[];
  users: readonly number[];
  items: readonly number[];
  /** Rank of each item (1 = best), and the top recommendation (null when every item is rated). */
  rankOf: ReadonlyMap<number, number>;
  topCandidate: number | null;
  focusItem: number | null;
  /** The chosen user's point in pixels, and its name. */
  handle: readonly [number, number];
  userName: string;
  crowdedItems: boolean;
}

export function latentLabels(q: LabelInput): PlacedLabel[] {
  const { frame, coords, m, users, items, focusItem, topCandidate, rankOf } = q;
  const itemAt = (j: number): [number, number] => [frame.x(coords[2 * (m + j)]!), frame.sy(coords[2 * (m + j) + 1]!, 'item')];
  const userAt = (i: number): [number, number] => [frame.x(coords[2 * i]!), frame.sy(coords[2 * i + 1]!, 'user')];
  const crowded = users.length + items.length > MAX_LABELS;
  const requests: LabelRequest[] = [{ key: 'chosen', text: q.userName, x: q.handle[0], y: q.handle[1], r: 10, priority: 0 }];
  for (const j of items) {
    const rank = rankOf.get(j) ?? items.length + 1;
    const key = j === focusItem ? 1 : j === topCandidate ? 2 : null;
    // A crowded picture names only the items that matter: the explained one, the top recommendation, the top five.
    if (crowded && key === null && rank > 5) continue;
    const [x, y] = itemAt(j);
    requests.push({ key: `i${j}`, text: q.itemIds[j] ?? '', x, y, r: 7, priority: key ?? 3 + rank });
  }
  if (!crowded)
    for (const i of users) {
      if (i === q.user) continue;
      const [x, y] = userAt(i);
      requests.push({ key: `u${i}`, text: q.userIds[i] ?? '', x, y, r: 7, priority: 10_000 + i });
    }
  const obstacles = [
    ...items.map((j) => {
      const [x, y] = itemAt(j);
      return { x, y, r: q.crowdedItems ? 4 : 6 };
    }),
    ...users.map((i) => {
      const [x, y] = i === q.user ? q.handle : userAt(i);
      return { x, y, r: i === q.user ? 10 : 5 };
    }),
  ];
  return placeLabels(requests, { width: frame.width, height: frame.height, obstacles });
}
