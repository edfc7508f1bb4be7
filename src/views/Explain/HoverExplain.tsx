/**
 * The linked-hover readout: pointing at cell (i, j) of UVᵀ or of R — with a mouse, a tap
 * (it stays until the next tap or Escape) or the keyboard in R's grid — shows
 * r̂ᵢⱼ = uᵢᵀvⱼ with its numbers, rounded so that they add up, and the residual when rᵢⱼ is known.
 */
import { useLab } from '../../state/LabContext';
import { cellAt, isHeldOut } from '../common/labAccess';
import { Tex, texNumber } from '../common/Tex';
import { ScrollRegion } from '../common/ScrollRegion';
import { useDisplayEntry } from '../../state/useDisplayEntry';
import { dotProductTex, dotProductText } from './explainMath';
import { BiasReadout } from '../Factors/BiasReadout';

/** "+ 0.25" or "- 0.25" for a term of a sum. */
function signed(x: number): string {
  return x < 0 ? `- ${texNumber(-x, 2)}` : `+ ${texNumber(x, 2)}`;
}

export function HoverExplain() {
  const hover = useLab((s) => s.hover);
  const data = useLab((s) => s.data);
  const entry = useDisplayEntry();
  if (!hover || !entry?.U || !entry.V || hover.i >= entry.m || hover.j >= entry.n) {
    return (
      <div className="hover-explain muted" aria-live="polite">
        Point at or tap a cell of <Tex math="UV^\top" /> or R to see{' '}
        <Tex math={entry?.biases ? '\\hat r_{ij} = \\mu + b_i + c_j + u_i^\\top v_j' : '\\hat r_{ij} = u_i^\\top v_j'} />. Dashed:{' '}
        {data.mode === 'implicit' ? 'where p = 0' : 'where R has ?'}.
        {entry?.biases && (
          <>
            {' '}
            <BiasReadout biases={entry.biases} className="he-biases" />
          </>
        )}
      </div>
    );
  }
  const { i, j } = hover;
  const d = entry.d;
  const u = Array.from(entry.U.subarray(i * d, i * d + d));
  const v = Array.from(entry.V.subarray(j * d, j * d + d));
  const dot = dotProductText(u, v);
  // The biases variant predicts μ + bᵢ + cⱼ + uᵢᵀvⱼ: the three numbers come first.
  const b = entry.biases && entry.biases.user.length === entry.m && entry.biases.item.length === entry.n ? entry.biases : null;
  const offset = b ? b.mu + b.user[i]! + b.item[j]! : 0;
  const exactDot = u.reduce((s, x, a) => s + x * v[a]!, 0);
  const shown = b ? Number((offset + exactDot).toFixed(dot.digits)) : Number(dot.value);
  const sub = `{${i + 1},${j + 1}}`;
  const r = cellAt(data, i, j);
  const heldOut = isHeldOut(data, i, j);
  const known = r !== null;
  const symbol = data.mode === 'implicit' ? 'p' : 'r';
  return (
    <div className="hover-explain" aria-live="polite" aria-label="Prediction explained">
      <p className="he-who">
        user <strong>{data.userIds[i]}</strong>, item <strong>{data.itemIds[j]}</strong>
        {known ? (heldOut ? ' — a held-out rating' : ' — a known rating') : ' — unknown: this is a prediction'}
      </p>
      <ScrollRegion as="span" className="he-math" label="The prediction's formula">
        {b ? (
          <Tex
            math={`\\hat r_${sub} = \\mu + b_${i + 1} + c_${j + 1} + u_${i + 1}^\\top v_${j + 1} = ${texNumber(b.mu, 2)} ${signed(b.user[i]!)} ${signed(b.item[j]!)} ${signed(exactDot)} \\approx \\mathbf{${texNumber(shown, dot.digits)}}`}
          />
        ) : (
          <Tex math={`\\hat r_${sub} = u_${i + 1}^\\top v_${j + 1} = ${dotProductTex(dot)}`} />
        )}
        {known && (
          <>
            <span className="he-sep" aria-hidden="true">
              {' '}
              ·{' '}
            </span>
            <Tex
              math={`${symbol}_${sub} - \\hat r_${sub} = ${texNumber(r)} - ${texNumber(shown, dot.digits)} = ${texNumber(r - shown, dot.digits)}${heldOut ? '\\quad\\text{(held out: not fitted)}' : ''}`}
            />
          </>
        )}
        {!dot.addsUp && dot.hidden === 0 && <span className="he-note"> (factors rounded)</span>}
      </ScrollRegion>
    </div>
  );
}
