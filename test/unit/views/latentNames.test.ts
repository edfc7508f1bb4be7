/**
 * Which points of the latent picture are named: the chosen user, the item explained and the
 * top recommendation (the best-ranked item the user has not rated) always are, even when the
 * picture is too crowded to name everything.
 */
import { describe, expect, it } from 'vitest';
import { latentFrame } from '../../../src/views/LatentSpace/latentFrame';
import { latentLabels } from '../../../src/views/LatentSpace/latentLabels';

function crowd(m: number, n: number) {
  const coords = new Float64Array(2 * (m + n));
  // Everyone in a small cloud near (1, 1), as the taste groups are after one step.
  for (let k = 0; k < m + n; k++) {
    coords[2 * k] = 1 + ((k * 37) % 11) / 60;
    coords[2 * k + 1] = 1 + ((k * 53) % 13) / 60;
  }
  return coords;
}

describe('names in the latent picture', () => {
  it('always names the chosen user, the item explained and the top recommendation, even in a crowd', () => {
    const m = 60;
    const n = 80;
    const coords = crowd(m, n);
    const users = Array.from({ length: m }, (_, i) => i);
    const items = Array.from({ length: n }, (_, j) => j);
    const frame = latentFrame({ coords, m, users, items, modelPoint: [coords[0]!, coords[1]!], size: 420, line: false });
    const rankOf = new Map(items.map((j) => [j, j + 1]));
    const labels = latentLabels({
      frame,
      coords,
      m,
      user: 0,
      userIds: users.map((i) => `user${i}`),
      itemIds: items.map((j) => `film${j}`),
      users,
      items,
      rankOf,
      topCandidate: 17,
      focusItem: 42,
      handle: [frame.x(coords[0]!), frame.y(coords[1]!)],
      userName: 'user0',
      crowdedItems: true,
    });
    const keys = labels.map((l) => l.key);
    expect(keys).toContain('chosen');
    expect(keys).toContain('i42');
    expect(keys).toContain('i17');
    // A crowd names only what matters: no other users, at most the top five items besides.
    expect(keys.filter((k) => k.startsWith('u'))).toEqual([]);
    expect(keys.length).toBeLessThanOrEqual(3 + 5);
  });
});
