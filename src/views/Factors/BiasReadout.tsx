/** The biases variant's μ and the range of b and c (each cell's own are in the hover readout). */
import type { Biases } from '../../core';

function range(x: Float64Array): string {
  if (x.length === 0) return '—';
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return `${lo.toFixed(2)} to ${hi.toFixed(2)}`;
}

export function BiasReadout({ biases, className = 'fp-sub fp-biases' }: { biases: Biases; className?: string }) {
  return (
    <span className={className} aria-label="Biases">
      μ = {biases.mu.toFixed(3)} (the mean training rating) · user biases b from {range(biases.user)} · item biases c from{' '}
      {range(biases.item)}
    </span>
  );
}
