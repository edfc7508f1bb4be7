import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelRequest } from '../../../src/views/LatentSpace/labelLayout';

const box = (l: { x: number; y: number; anchor: 'start' | 'end'; text: string }) => {
  const w = l.text.length * 9.2;
  const x0 = l.anchor === 'start' ? l.x : l.x - w;
  return { x0, x1: x0 + w, y0: l.y - 16 * 0.8, y1: l.y + 16 * 0.25 };
};

describe('point labels that do not overlap', () => {
  it('places a lone label to the upper right of its point', () => {
    const [l] = placeLabels([{ key: 'a', text: 'u1', x: 100, y: 100, r: 6, priority: 0 }], { width: 400, height: 400 });
    expect(l).toMatchObject({ key: 'a', anchor: 'start' });
    expect(l!.x).toBeGreaterThan(100);
    expect(l!.y).toBeLessThan(100);
  });

  it('moves a label aside, or drops it, rather than overlap — and the important one keeps its spot', () => {
    const requests: LabelRequest[] = Array.from({ length: 12 }, (_, k) => ({
      key: `i${k}`,
      text: `item${k}`,
      x: 200 + (k % 3) * 4,
      y: 200 + Math.floor(k / 3) * 4,
      r: 6,
      priority: k === 7 ? 0 : 1 + k,
    }));
    const placed = placeLabels(requests, { width: 400, height: 400 });
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThan(12);
    expect(placed[0]!.key).toBe('i7');
    for (let a = 0; a < placed.length; a++)
      for (let b = a + 1; b < placed.length; b++) {
        const p = box(placed[a]!);
        const q = box(placed[b]!);
        const overlap = p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
        expect(overlap, `${placed[a]!.key} and ${placed[b]!.key}`).toBe(false);
      }
  });

  it('keeps labels inside the picture: a point at the right edge is labelled on its left', () => {
    const [l] = placeLabels([{ key: 'a', text: 'Airplane!', x: 395, y: 200, r: 6, priority: 0 }], { width: 400, height: 400 });
    expect(l!.anchor).toBe('end');
    expect(box(l!).x1).toBeLessThanOrEqual(400);
  });

  it('keeps off other points’ markers when it can', () => {
    // A marker right where the first choice (upper right) would go: the label moves to another side.
    const q = { key: 'a', text: 'u1', x: 100, y: 100, r: 6, priority: 0 };
    const free = placeLabels([q], { width: 400, height: 400 })[0]!;
    const blocked = placeLabels([q], { width: 400, height: 400, obstacles: [{ x: free.x + 8, y: free.y - 5, r: 6 }] })[0]!;
    expect([blocked.x, blocked.y]).not.toEqual([free.x, free.y]);
  });

  it('puts a crowded label a little farther out with a leader line back to its point, rather than drop it', () => {
    const requests: LabelRequest[] = [
      { key: 'a', text: 'Alien', x: 200, y: 200, r: 6, priority: 0 },
      { key: 'b', text: 'Rambo', x: 204, y: 203, r: 6, priority: 1 },
      { key: 'c', text: 'Ronin', x: 198, y: 205, r: 6, priority: 2 },
      { key: 'd', text: 'Speed', x: 202, y: 198, r: 6, priority: 3 },
      { key: 'e', text: 'Heat', x: 201, y: 201, r: 6, priority: 4 },
      { key: 'f', text: 'Fargo', x: 199, y: 199, r: 6, priority: 5 },
      { key: 'g', text: 'Clue', x: 203, y: 204, r: 6, priority: 6 },
    ];
    const placed = placeLabels(requests, { width: 400, height: 400 });
    expect(placed.length).toBe(7);
    const led = placed.filter((l) => l.leader);
    expect(led.length).toBeGreaterThan(0);
    for (const l of led) {
      const q = requests.find((r) => r.key === l.key)!;
      expect(l.leader).toEqual({ x: q.x, y: q.y });
    }
  });
});
