/**
 * The linked-hover readout: pointing at cell (i, j) of UVᵀ (or of R) shows
 * r̂_ij = u_iᵀ v_j with the numbers, and the residual when r_ij is known.
 */
import { useLab } from '../../state/LabContext';
import { cellAt, isHeldOut } from '../../state/labData';
import { Tex, texNumber } from '../common/Tex';
import { predict } from '../../core';
import { useDisplayEntry } from '../../state/useDisplayEntry';

export function HoverExplain() {
  const hover = useLab((s) => s.hover);
  const data = useLab((s) => s.data);
  const entry = useDisplayEntry();
  if (!hover || !entry?.U || !entry.V || hover.i >= entry.m || hover.j >= entry.n) {
    return (
      <div className="hover-explain muted" aria-live="polite">
        Point at a cell of <Tex math="UV^\top" /> or R to see how its prediction <Tex math="\hat r_{ij} = u_i^\top v_j" /> is
        made.
      </div>
    );
  }
  const { i, j } = hover;
  const d = entry.d;
  const u = Array.from(entry.U.subarray(i * d, i * d + d));
  const v = Array.from(entry.V.subarray(j * d, j * d + d));
  const F = { m: entry.m, n: entry.n, d, U: entry.U, V: entry.V };
  const rhat = predict(F, i, j);
  const sub = `{${i + 1},${j + 1}}`;
  const terms = u.map((ua, a) => `(${texNumber(ua)})(${texNumber(v[a]!)})`).join(' + ');
  const shownTerms =
    d <= 4
      ? terms
      : `${u
          .slice(0, 3)
          .map((ua, a) => `(${texNumber(ua)})(${texNumber(v[a]!)})`)
          .join(' + ')} + \\dots`;
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
      <Tex block math={`\\hat r_${sub} = u_${i + 1}^\\top v_${j + 1} = ${shownTerms} = \\mathbf{${texNumber(rhat, 3)}}`} />
      {known && (
        <Tex
          block
          math={`${symbol}_${sub} - \\hat r_${sub} = ${texNumber(r)} - ${texNumber(rhat, 3)} = ${texNumber(r - rhat, 3)}${heldOut ? '\\quad\\text{(held out: not fitted)}' : ''}`}
        />
      )}
    </div>
  );
}
