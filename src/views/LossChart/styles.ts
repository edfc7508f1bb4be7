/**
 * The loss chart's look: the Okabe–Ito palette (safe for the common colour-vision
 * deficiencies) plus a distinct dash pattern and marker shape for each line and kind, so
 * that they also differ in greyscale or on a washed-out projector.
 */
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, type SymbolType } from 'd3';
import type { StepKind } from '../../worker/protocol';

export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  purple: '#CC79A7',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  ink: '#14213d',
  grey: '#6b7280',
} as const;

export interface LineStyle {
  key: string;
  color: string;
  width: number;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash: string | undefined;
}

export const LINE_STYLES = {
  total: { key: 'total', color: OKABE_ITO.blue, width: 4, dash: undefined },
  data: { key: 'data', color: OKABE_ITO.green, width: 3, dash: '12 6' },
  regularization: { key: 'regularization', color: OKABE_ITO.purple, width: 3.5, dash: '2 6' },
  trainRmse: { key: 'trainRmse', color: OKABE_ITO.blue, width: 3.5, dash: undefined },
  testRmse: { key: 'testRmse', color: OKABE_ITO.orange, width: 3.5, dash: '12 6' },
} satisfies Record<string, LineStyle>;

export interface KindStyle {
  /** An SVG path centred on (0, 0). */
  symbol: string;
  fill: string;
  stroke: string;
}

const shape = (type: SymbolType, size: number) => symbol(type, size)() ?? '';

export const KIND_STYLES: Record<StepKind, KindStyle> = {
  init: { symbol: shape(symbolCircle, 110), fill: '#ffffff', stroke: OKABE_ITO.ink },
  users: { symbol: shape(symbolCircle, 110), fill: OKABE_ITO.blue, stroke: '#ffffff' },
  items: { symbol: shape(symbolSquare, 100), fill: OKABE_ITO.orange, stroke: OKABE_ITO.ink },
  row: { symbol: shape(symbolTriangle, 100), fill: OKABE_ITO.purple, stroke: OKABE_ITO.ink },
  gd: { symbol: shape(symbolDiamond, 100), fill: OKABE_ITO.sky, stroke: OKABE_ITO.ink },
  update: { symbol: shape(symbolCross, 110), fill: OKABE_ITO.grey, stroke: '#ffffff' },
  restore: { symbol: shape(symbolStar, 110), fill: '#ffffff', stroke: OKABE_ITO.ink },
};
