/**
 * What each cell of the grid shows, per layer: the text, a light background by value
 * (ColorBrewer's PuOr, colour-blind-safe, as in the other views) and whether it is muted.
 * Pure: the component asks for the cells in view only.
 */
import { interpolateRgb } from 'd3';
import { cellAt, confidenceAt, isHeldOut, maxCell, maxConfidence, type LabData } from '../../state/labData';
import { dataKind, formatNumber, type DataKind } from '../../state/edits';
import { divergingColor, ratingColor, textOn, type ColorScale } from '../common/colors';

/**
 * The matrix a grid layer shows: the stored cells (R, the observations r or P), the
 * lecture's C, or — for observations — the p = [r > 0] and c = 1 + α·r they imply.
 */
export type GridLayer = 'cells' | 'confidence' | 'p' | 'c';

export interface CellView {
  text: string;
  muted: boolean;
  background: string | null;
  color: string | null;
  heldOut: boolean;
}

export interface LayerInfo {
  id: GridLayer;
  /** The button's text: the lecture's letter. */
  short: string;
  /** What the layer is, for its button and the grid's description. */
  long: string;
  editable: boolean;
}

/** The layers a kind of data has, the first one being the stored cells. */
export function layersOf(kind: DataKind): LayerInfo[] {
  switch (kind) {
    case 'explicit':
      return [{ id: 'cells', short: 'R', long: 'the ratings R', editable: true }];
    case 'alpha':
      return [
        { id: 'cells', short: 'r', long: 'the observations r (counts, shares watched)', editable: true },
        { id: 'p', short: 'P', long: 'the preferences p = [r > 0]', editable: false },
        { id: 'c', short: 'C', long: 'the confidences c = 1 + α·r', editable: false },
      ];
    case 'matrix':
      return [
        { id: 'cells', short: 'P', long: 'the preferences P', editable: true },
        { id: 'confidence', short: 'C', long: 'the confidences C', editable: true },
      ];
  }
}

/** Backgrounds are the scale's colour mixed halfway to white: light enough for dark text. */
const LIGHTEN = 0.55;

function lightTable(color: ColorScale) {
  const cache = new Map<number, { background: string; color: string }>();
  return (v: number) => {
    let hit = cache.get(v);
    if (!hit) {
      const background = interpolateRgb(color(v), '#ffffff')(LIGHTEN);
      hit = { background, color: textOn(background) };
      if (cache.size < 4096) cache.set(v, hit);
    }
    return hit;
  };
}

/** The value a layer holds at (i, j) (null = `?` / no interaction). */
export function layerValue(data: LabData, layer: GridLayer, alpha: number, i: number, j: number): number | null {
  const v = cellAt(data, i, j);
  switch (layer) {
    case 'cells':
      return v;
    case 'confidence':
      return confidenceAt(data, i, j);
    case 'p':
      return v !== null && v > 0 ? 1 : 0;
    case 'c':
      return 1 + alpha * (v ?? 0);
  }
}

/** A function giving the view of cell (i, j) for one layer of the data. */
export function cellViews(data: LabData, layer: GridLayer, alpha: number): (i: number, j: number) => CellView {
  const kind = dataKind(data);
  let color: ColorScale;
  if (kind === 'explicit') color = ratingColor(data.scale.min, data.scale.max);
  else if (layer === 'cells' && kind === 'alpha') {
    // Observations: white at none, purple for more (one side of the diverging scale).
    const top = Math.max(1, maxCell(data));
    color = divergingColor(-top, 0, top);
  } else if (layer === 'confidence') {
    const top = Math.max(1e-9, maxConfidence(data));
    color = divergingColor(-top, 0, top);
  } else if (layer === 'c') {
    const top = 1 + alpha * maxCell(data);
    color = divergingColor(-top, 0, top);
  } else color = divergingColor(-1, 0, 1);
  const light = lightTable(color);
  const unknownText = kind === 'alpha' ? '' : '?';
  return (i, j) => {
    const v = layerValue(data, layer, alpha, i, j);
    const heldOut = isHeldOut(data, i, j);
    if (v === null) return { text: unknownText, muted: true, background: null, color: null, heldOut };
    const derivedFromNothing = (layer === 'p' || layer === 'c') && cellAt(data, i, j) === null;
    const { background, color: ink } = light(v);
    return {
      text: formatNumber(v),
      muted: derivedFromNothing,
      background: derivedFromNothing ? null : background,
      color: derivedFromNothing ? null : ink,
      heldOut,
    };
  };
}

/** The text an editor starts from when the student presses Enter on a cell. */
export function editText(data: LabData, layer: GridLayer, alpha: number, i: number, j: number): string {
  const v = layerValue(data, layer, alpha, i, j);
  return v === null ? '' : String(v);
}
