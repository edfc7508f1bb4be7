/**
 * The latent picture's frame, as numbers: its size, the bound that holds every drawn point
 * (and the chosen user), the scales from the plane to pixels, the ticks, and for d = 1 the
 * two lanes (users above, items below the number line). Pure: no DOM.
 */
import { scaleLinear } from 'd3';

export interface FrameInput {
  /** (m + n)×2 positions: users first, then items. */
  coords: Float64Array;
  m: number;
  /** The points drawn (samples of big data, always with the chosen user and the top items). */
  users: readonly number[];
  items: readonly number[];
  /** The chosen user's model position (the what-if starts there). */
  modelPoint: readonly [number, number];
  size: number;
  /** d = 1: a number line. */
  line: boolean;
}

export interface LatentFrame {
  width: number;
  height: number;
  pad: number;
  bound: number;
  x: (v: number) => number;
  y: (v: number) => number;
  /** Pixel y of a user or an item (on a line: its lane). */
  sy: (v: number, kind: 'user' | 'item') => number;
  invertX: (px: number) => number;
  invertY: (py: number) => number;
  ticks: number[];
  mid: number;
  laneUser: number;
  laneItem: number;
}

const LINE_HEIGHT = 230;
const PAD = 44;

export function latentFrame({ coords, m, users, items, modelPoint, size, line }: FrameInput): LatentFrame {
  const width = size;
  const height = line ? LINE_HEIGHT : size;
  let bound = Math.max(Math.abs(modelPoint[0]), Math.abs(modelPoint[1]));
  for (const i of users) bound = Math.max(bound, Math.abs(coords[2 * i]!), Math.abs(coords[2 * i + 1]!));
  for (const j of items) bound = Math.max(bound, Math.abs(coords[2 * (m + j)]!), Math.abs(coords[2 * (m + j) + 1]!));
  bound = bound > 0 && Number.isFinite(bound) ? bound * 1.12 : 1;
  const x = scaleLinear()
    .domain([-bound, bound])
    .range([PAD, width - PAD]);
  const y = scaleLinear()
    .domain([-bound, bound])
    .range([height - PAD, PAD]);
  const mid = height / 2;
  const laneUser = mid - 42;
  const laneItem = mid + 42;
  return {
    width,
    height,
    pad: PAD,
    bound,
    x: (v) => x(v),
    y: (v) => y(v),
    sy: (v, kind) => (line ? (kind === 'user' ? laneUser : laneItem) : y(v)),
    invertX: (px) => x.invert(px),
    invertY: (py) => y.invert(py),
    ticks: x.ticks(size < 420 ? 5 : 7).filter((t) => t !== 0),
    mid,
    laneUser,
    laneItem,
  };
}
