/** A horizontal colour bar with its three ticks (low, middle, high); ▼ / ▲ when values lie beyond an end. */
import { useId } from 'react';
import { formatCell, type ColorScale } from './colors';

export interface ColorLegendProps {
  color: ColorScale;
  label: string;
  width?: number;
  /** Some values lie below / above the scale and are drawn at its end colour. */
  clampedBelow?: boolean;
  clampedAbove?: boolean;
}

export function ColorLegend({ color, label, width = 140, clampedBelow = false, clampedAbove = false }: ColorLegendProps) {
  // useId's characters are not all valid in url(#…): keep letters and digits.
  const id = `legend-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [lo, mid, hi] = color.domain;
  const stops = Array.from({ length: 11 }, (_, k) => lo + ((hi - lo) * k) / 10);
  const x0 = clampedBelow ? 22 : 10;
  const clampText = [
    clampedBelow ? `values below ${formatCell(lo)} marked ▼` : '',
    clampedAbove ? `above ${formatCell(hi)} marked ▲` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <figure className="color-legend">
      <svg
        width={width + x0 + (clampedAbove ? 22 : 10)}
        height={32}
        role="img"
        aria-label={`${label}: colour scale from ${formatCell(lo)} to ${formatCell(hi)}${clampText ? ` (clamped: ${clampText})` : ''}`}
      >
        <defs>
          <linearGradient id={id}>
            {stops.map((v, k) => (
              <stop key={k} offset={`${k * 10}%`} stopColor={color(v)} />
            ))}
          </linearGradient>
        </defs>
        <rect x={x0} y={2} width={width} height={12} fill={`url(#${id})`} stroke="#888" strokeWidth={0.5} />
        {clampedBelow && (
          <text x={10} y={13} textAnchor="middle" className="legend-tick">
            ▼
          </text>
        )}
        {clampedAbove && (
          <text x={x0 + width + 12} y={13} textAnchor="middle" className="legend-tick">
            ▲
          </text>
        )}
        {[lo, mid, hi].map((v, k) => (
          <text
            key={k}
            x={x0 + (k * width) / 2}
            y={28}
            textAnchor={k === 0 ? 'start' : k === 2 ? 'end' : 'middle'}
            className="legend-tick"
          >
            {formatCell(v)}
          </text>
        ))}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
