/**
 * The stage's figures for "Save figure": R as drawn (the grid with its `?` cells), U, Vᵀ, UVᵀ
 * and the whole product with its colour legends. Each is found inside the stage when saved, so
 * whatever form it has then (numbers in SVG, or pixels on a canvas for big data) is what is saved.
 */
import type { FigureSpec } from '../common/saveFigure';

export interface StageShape {
  m: number;
  n: number;
  d: number;
  implicit: boolean;
}

export function stageFigures(stage: () => Element | null, { m, n, d, implicit }: StageShape): FigureSpec[] {
  const find = (selector: string) => () => [stage()?.querySelector(selector)];
  const R = implicit ? 'P' : 'R';
  return [
    {
      key: implicit ? 'P' : 'R',
      name: implicit ? 'the interactions P' : 'the ratings R',
      title: `${R}, the ${implicit ? 'interactions' : 'ratings'} (${m} users × ${n} items; ? unknown)`,
      roots: find('.rating-grid-view [role="grid"]'),
    },
    {
      key: 'U',
      name: 'U',
      title: `U, the users’ factors (${m} × ${d})`,
      roots: find('.fp-u .heatmap'),
    },
    {
      key: 'Vt',
      name: 'Vᵀ',
      title: `Vᵀ, the items’ factors (${d} × ${n})`,
      roots: find('.fp-vt .heatmap'),
    },
    {
      key: 'UVt',
      name: 'UVᵀ',
      title: `UVᵀ, the predicted ${implicit ? 'preferences' : 'ratings'} (${m} × ${n})`,
      roots: find('.fp-uvt .heatmap'),
    },
    {
      key: 'product',
      name: 'the product',
      title: `${R} ≈ UVᵀ: U (${m} × ${d}) times Vᵀ (${d} × ${n})`,
      roots: () => [stage()?.querySelector('.factor-product'), stage()?.querySelector('.fp-legend-set')],
    },
  ];
}
