/**
 * Point labels that do not sit on each other: a greedy placement, most important first,
 * trying a few spots around each point — beside it, then a little farther out with a thin
 * leader line back to it — and dropping a label when none is free (its point keeps a
 * tooltip, and the ranking table names every item). Pure: no DOM.
 */

export interface LabelRequest {
  key: string;
  text: string;
  /** The point, in screen pixels. */
  x: number;
  y: number;
  /** Half the marker's size: labels keep clear of it. */
  r: number;
  /** Lower goes first (and wins a contested spot). */
  priority: number;
}

export interface PlacedLabel {
  key: string;
  text: string;
  /** Text anchor position (baseline), as SVG <text> wants it. */
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** The point, when the label sits away from it (a leader line joins them). */
  leader?: { x: number; y: number };
}

export interface LabelOptions {
  /** Average width of one character and the line height, in pixels (16px text). */
  charWidth?: number;
  lineHeight?: number;
  width: number;
  height: number;
  /** Other markers a label should not cover: points (x, y) with half-size r, in pixels. */
  obstacles?: readonly { x: number; y: number; r: number }[];
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Extra distance of each ring of spots from the point: beside it, then farther out with a leader line. */
const RINGS = [0, 14, 30];

export function placeLabels(requests: readonly LabelRequest[], options: LabelOptions): PlacedLabel[] {
  const { charWidth = 9.2, lineHeight = 16, width, height, obstacles = [] } = options;
  const taken: Box[] = [];
  const markers: Box[] = obstacles.map((o) => ({ x0: o.x - o.r, y0: o.y - o.r, x1: o.x + o.r, y1: o.y + o.r }));
  const placed: PlacedLabel[] = [];
  const order = [...requests].sort((a, b) => a.priority - b.priority);
  for (const q of order) {
    const w = q.text.length * charWidth;
    const spot = place(q, w);
    if (spot) placed.push(spot);
  }
  return placed;

  /** The first free spot for q's label, ring by ring. */
  function place(q: LabelRequest, w: number): PlacedLabel | null {
    for (const extra of RINGS) {
      const g = q.r + 3 + extra;
      // Right-above, right, left-above, left, right-below, left-below (baseline positions).
      const spots: [number, number, 'start' | 'end'][] = [
        [q.x + g, q.y - g, 'start'],
        [q.x + g + 2, q.y + lineHeight * 0.35, 'start'],
        [q.x - g, q.y - g, 'end'],
        [q.x - g - 2, q.y + lineHeight * 0.35, 'end'],
        [q.x + g, q.y + g + lineHeight * 0.75, 'start'],
        [q.x - g, q.y + g + lineHeight * 0.75, 'end'],
      ];
      for (const [x, y, anchor] of spots) {
        const x0 = anchor === 'start' ? x : x - w;
        // Two pixels of air around each name.
        const box = { x0: x0 - 2, y0: y - lineHeight * 0.8, x1: x0 + w + 2, y1: y + lineHeight * 0.25 };
        if (box.x0 < -2 || box.x1 > width + 2 || box.y0 < 0 || box.y1 > height) continue;
        if (taken.some((t) => overlaps(t, box)) || markers.some((t) => overlaps(t, box))) continue;
        taken.push(box);
        return { key: q.key, text: q.text, x, y, anchor, ...(extra > 0 ? { leader: { x: q.x, y: q.y } } : {}) };
      }
    }
    return null;
  }
}
