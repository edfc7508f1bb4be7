import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelRequest } from '../../../src/views/LatentSpace/labelLayout';

const box = (l: { x: number; y: number; anchor: 'start' | 'end'; text: string }) => {
  const w = l.text.length * 8.4;
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
});
