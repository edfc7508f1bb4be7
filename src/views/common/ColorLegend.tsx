/** A horizontal colour bar with its three ticks (low, middle, high). */
import { useId } from 'react';
import { formatCell, type ColorScale } from './colors';

export function ColorLegend({ color, label, width = 180 }: { color: ColorScale; label: string; width?: number }) {
  // useId's characters are not all valid in url(#…): keep letters and digits.
  const id = `legend-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [lo, mid, hi] = color.domain;
  const stops = Array.from({ length: 11 }, (_, k) => lo + ((hi - lo) * k) / 10);
  return (
    <figure className="color-legend">
      <svg
        width={width + 20}
        height={44}
        role="img"
        aria-label={`${label}: colour scale from ${formatCell(lo)} to ${formatCell(hi)}`}
      >
        <defs>
          <linearGradient id={id}>
            {stops.map((v, k) => (
              <stop key={k} offset={`${k * 10}%`} stopColor={color(v)} />
            ))}
          </linearGradient>
        </defs>
        <rect x={10} y={4} width={width} height={14} fill={`url(#${id})`} stroke="#888" strokeWidth={0.5} />
        {[lo, mid, hi].map((v, k) => (
          <text
            key={k}
            x={10 + (k * width) / 2}
            y={36}
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
