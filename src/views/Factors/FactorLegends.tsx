/**
 * The product's colour legends: one scale for the entries of U and V, one for ratings and
 * predictions. When predictions fall outside the rating scale the legend says so: they take
 * its end colour (the scale is clamped), and those far outside are marked ▼ / ▲ in their
 * cells, so −44.8 never passes for a 1.
 */
import { ColorLegend } from '../common/ColorLegend';
import { formatCell } from '../common/colors';
import type { ProductModel } from './useProductModel';
import { formatCount } from '../../core/formatCount';

export function FactorLegends({ model }: { model: ProductModel }) {
  const { factorScale, ratingScale, beyond, implicit, sample } = model;
  // A big UVᵀ is drawn (and counted) at a sample of its rows and columns.
  const of = sample ? ` of the ${formatCount(sample.rows.length * sample.cols.length)} drawn` : '';
  const [lo, , hi] = ratingScale.domain;
  const clamped = beyond.below + beyond.above;
  const far = beyond.farBelow + beyond.farAbove;
  return (
    <div className="fp-legend-set">
      <ColorLegend color={factorScale} label="U and V entries" />
      <ColorLegend
        color={ratingScale}
        label={implicit ? 'predicted preference' : 'rating / prediction'}
        clampedBelow={beyond.farBelow > 0}
        clampedAbove={beyond.farAbove > 0}
      />
      {clamped > 0 && (
        <p className="fp-clamped" role="note">
          {`The scale is clamped: ${formatCount(clamped)}${of} prediction${clamped === 1 ? '' : 's'} outside ${formatCell(lo)}…${formatCell(hi)} take its end colour`}
          {far > 0 ? `; ${formatCount(far)} far outside are marked ▼ / ▲` : ''}.
        </p>
      )}
    </div>
  );
}
