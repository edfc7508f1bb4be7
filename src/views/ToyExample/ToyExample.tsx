/**
 * The lecture's toy example: the student types U (4×2) and Vᵀ (2×6) — preloaded with the
 * slide's numbers — and sees UVᵀ, with the predictions at R's `?` in bold, exactly as on
 * the slide ("the 3rd user's prediction for the 4th item is 1.6"). Row i of U and column j
 * of Vᵀ meet at cell (i, j); the chosen cell is written out as u_iᵀv_j with its numbers.
 * A sandbox: it never touches the lab's model.
 */
import { useMemo, useState } from 'react';
import { LECTURE_ITEM_IDS, LECTURE_R, LECTURE_U, LECTURE_USER_IDS, LECTURE_VT } from '../../core';
import { ColorLegend } from '../common/ColorLegend';
import { ratingColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { ScrollRegion } from '../common/ScrollRegion';
import { EntryInput } from './EntryInput';
import { ProductGrid } from './ProductGrid';
import { formatNumber, isPrediction, predictionTex, productOf, productTex, shown, texRatings, type Matrix } from './toyMath';
import './ToyExample.css';

const copy = (M: readonly (readonly number[])[]): Matrix => M.map((row) => [...row]);
const legendColor = ratingColor(1, 5);
const users = LECTURE_USER_IDS;
const items = LECTURE_ITEM_IDS;

function setEntry(M: Matrix, r: number, c: number, value: number): Matrix {
  return M.map((row, k) => (k === r ? row.map((x, l) => (l === c ? value : x)) : row));
}

export function ToyExample() {
  const [U, setU] = useState<Matrix>(() => copy(LECTURE_U));
  const [VT, setVT] = useState<Matrix>(() => copy(LECTURE_VT));
  // The slide's own example first: the 3rd user and the 4th item.
  const [cell, setCell] = useState({ i: 2, j: 3 });
  const [exact, setExact] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const P = useMemo(() => productOf(U, VT), [U, VT]);
  const edited = useMemo(
    () => JSON.stringify(U) !== JSON.stringify(LECTURE_U) || JSON.stringify(VT) !== JSON.stringify(LECTURE_VT),
    [U, VT],
  );
  const predicted = (i: number, j: number) => isPrediction(LECTURE_R, i, j);
  const onRefuse = (label: string, reason: string, kept: number) => setRefused(`${reason} ${label} keeps ${formatNumber(kept)}.`);

  const { i, j } = cell;
  const u = U[i]!;
  const v = VT.map((row) => row[j]!);
  const value = P[i]![j]!;
  const known = LECTURE_R[i]![j];
  const who = `${users[i]}, ${items[j]}`;

  return (
    <div className="toy">
      <p className="toy-intro">
        The lecture pretends that ALS returned these <Tex math="U" /> (4×2) and <Tex math="V^\top" /> (2×6) for its 4×6{' '}
        <Tex math="R" />. Type any entry: <Tex math="UV^\top" /> follows. Row <Tex math="i" /> of <Tex math="U" /> and column{' '}
        <Tex math="j" /> of <Tex math="V^\top" /> meet at cell <Tex math="(i, j)" />; pick a cell to see its dot product.
      </p>
      <div className="toy-toolbar">
        <button
          type="button"
          onClick={() => {
            setU(copy(LECTURE_U));
            setVT(copy(LECTURE_VT));
            setRefused(null);
          }}
          disabled={!edited}
        >
          Back to the lecture’s numbers
        </button>
        <label className="toy-exact">
          <input type="checkbox" checked={exact} onChange={(e) => setExact(e.target.checked)} /> Show exact values (the slide
          rounds to one decimal)
        </label>
      </div>
      <div className="toy-refused" role="alert">
        {refused && (
          <>
            <span aria-hidden="true">⚠ </span>
            {refused}
            <button type="button" className="link-button" onClick={() => setRefused(null)}>
              Dismiss
            </button>
          </>
        )}
      </div>

      <div className="toy-layout">
        <div className="toy-cap toy-cap-vt">
          <Tex math="V^\top" />{' '}
          <span className="toy-sub">
            2×6: item vectors <Tex math="v_j" /> as columns
          </span>
        </div>
        <div className="toy-legend">
          <ColorLegend color={legendColor} label="rating / prediction" />
        </div>
        <table className="toy-vt" aria-label="V transposed">
          <thead>
            <tr>
              {items.map((id, c) => (
                <th key={id} scope="col" className={c === j ? 'toy-head-on' : undefined}>
                  {id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {VT.map((row, r) => (
              <tr key={r}>
                {row.map((x, c) => (
                  <td key={c}>
                    <EntryInput
                      label={`V transposed row ${r + 1}, column ${c + 1}`}
                      value={x}
                      highlighted={c === j}
                      onChange={(next) => setVT((M) => setEntry(M, r, c, next))}
                      onRefuse={onRefuse}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>

        <div className="toy-cap toy-cap-u">
          <Tex math="U" />{' '}
          <span className="toy-sub">
            4×2: user vectors <Tex math="u_i" /> as rows
          </span>
        </div>
        <div className="toy-cap toy-cap-p">
          <Tex math="UV^\top" /> <span className="toy-sub">bold, dashed: a prediction where R has ?</span>
        </div>
        <div className="toy-cap toy-cap-r">
          <Tex math="R" /> <span className="toy-sub">the lecture’s ratings</span>
        </div>

        <table className="toy-u" aria-label="U">
          <tbody>
            {U.map((row, r) => (
              <tr key={r}>
                <th scope="row" className={r === i ? 'toy-head-on' : undefined}>
                  {users[r]}
                </th>
                {row.map((x, c) => (
                  <td key={c}>
                    <EntryInput
                      label={`U row ${r + 1}, column ${c + 1}`}
                      value={x}
                      highlighted={r === i}
                      onChange={(next) => setU((M) => setEntry(M, r, c, next))}
                      onRefuse={onRefuse}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="toy-p">
          <ProductGrid
            P={P}
            userIds={users}
            itemIds={items}
            isPrediction={predicted}
            exact={exact}
            cell={cell}
            onCell={setCell}
          />
        </div>
        <table className="toy-r" aria-label="R, the lecture’s ratings">
          <thead className="visually-hidden">
            <tr>
              <td />
              {items.map((id) => (
                <th key={id} scope="col">
                  {id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LECTURE_R.map((row, r) => (
              <tr key={r}>
                <th scope="row" className="visually-hidden">
                  {users[r]}
                </th>
                {row.map((x, c) => (
                  <td key={c} className={`${x === null ? 'toy-unknown' : ''}${r === i && c === j ? ' toy-r-on' : ''}`}>
                    {x === null ? '?' : x}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="toy-readout" aria-label="The chosen prediction">
        <Tex math={predictionTex(i, j, u, v, exact)} block className="toy-formula" />
        <p>
          Prediction for {who}: <output aria-label={`Prediction for ${who}`}>{formatNumber(shown(value, exact))}</output>
          {'. '}
          {known === null || known === undefined ? (
            <>
              <strong>R has ? here</strong>, so this number is the model’s prediction of the missing rating.
            </>
          ) : (
            <>
              R has <strong>{known}</strong> here: <Tex math="UV^\top" /> approximates it, with residual{' '}
              <Tex math={`r_{${i + 1},${j + 1}} - \\hat r_{${i + 1},${j + 1}} = ${shown(known - value, exact, 2)}`} />.
            </>
          )}
        </p>
      </section>

      <section className="toy-slide" aria-label="As on the slide">
        <h3>As on the slide</h3>
        <ScrollRegion className="toy-slide-row" label="R and UVᵀ as on the slide">
          <Tex math={`R = ${texRatings(LECTURE_R)}`} />
          <Tex math={productTex(U, VT, P, LECTURE_R, exact)} />
        </ScrollRegion>
        <p className="toy-sub">The predictions — where R has ? — are the slide’s red numbers.</p>
      </section>
    </div>
  );
}
