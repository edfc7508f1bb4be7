/**
 * A score taken apart: one row per part with its signed value and a bar drawn from zero —
 * purple to the right for a part that pushes the score up, orange to the left for one that
 * pulls it down (ColorBrewer's PuOr, colour-blind safe), and the sign written out, so colour
 * is never the only cue. A table, so that a screen reader reads it row by row.
 */
import type { ReactNode } from 'react';
import { ScrollRegion } from '../common/ScrollRegion';
import { signed } from './recommendData';

export const UP_COLOR = '#5e3c99';
export const DOWN_COLOR = '#e66101';

export interface PartRow {
  key: string;
  label: ReactNode;
  /** Extra cells between the label and the value (uᵢₖ and vⱼₖ, r_il and w_l). */
  cells: ReactNode[];
  value: number;
  /** A summary row ("the other 40 ratings"), shown in italics. */
  summary?: boolean;
}

export interface PartsTableProps {
  caption: ReactNode;
  /** The label column's heading, then the extra columns' headings. */
  head: ReactNode[];
  valueHead: ReactNode;
  rows: readonly PartRow[];
  /** Extra columns (by index into `cells`) that a phone leaves out: the value and its bar come first. */
  detail?: readonly number[];
}

const BAR_WIDTH = 96;
const BAR_HEIGHT = 14;

function Bar({ value, max }: { value: number; max: number }) {
  const half = BAR_WIDTH / 2;
  const w = max > 0 ? (Math.min(Math.abs(value), max) / max) * (half - 1) : 0;
  const x = value >= 0 ? half : half - w;
  return (
    <svg
      viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
      className="rc-bar"
    >
      <line x1={half} x2={half} y1={0} y2={BAR_HEIGHT} stroke="#64748b" strokeWidth={1} />
      {w > 0 && <rect x={x} y={2} width={w} height={BAR_HEIGHT - 4} fill={value >= 0 ? UP_COLOR : DOWN_COLOR} />}
    </svg>
  );
}

export function PartsTable({ caption, head, valueHead, rows, detail = [] }: PartsTableProps) {
  const max = rows.reduce((m, r) => Math.max(m, Number.isFinite(r.value) ? Math.abs(r.value) : 0), 0);
  return (
    <ScrollRegion label={typeof caption === 'string' ? caption : 'the parts'}>
      <table className="rc-table rc-parts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, k) => (
              <th key={k} scope="col" className={k > 0 && detail.includes(k - 1) ? 'rc-detail' : undefined}>
                {h}
              </th>
            ))}
            <th scope="col">{valueHead}</th>
            <th scope="col">
              <span className="visually-hidden">bar: up or down</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.summary ? 'rc-summary' : undefined}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, k) => (
                <td key={k} className={detail.includes(k) ? 'rc-num rc-detail' : 'rc-num'}>
                  {c}
                </td>
              ))}
              <td className="rc-num rc-part" data-part={r.value}>
                {signed(r.value)}
              </td>
              <td className="rc-bar-cell">
                <Bar value={r.value} max={max} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The key to the bars' colours, in words as well. */
export function BarKey() {
  return (
    <p className="rc-key">
      <span className="rc-swatch" style={{ background: UP_COLOR }} aria-hidden="true" /> + pushes the score up{' '}
      <span className="rc-swatch" style={{ background: DOWN_COLOR }} aria-hidden="true" /> − pulls it down
    </p>
  );
}
