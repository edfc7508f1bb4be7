/**
 * The objective of the model on screen with its terms filled in live: the data term, the
 * regularisation term and their sum after the step on screen — the lecture's, ALS-WR's
 * (λ per rating) or the biases variant's (μ + bᵢ + cⱼ + uᵢᵀvⱼ). Pointing at (or focusing)
 * a term lights up the cells it sums over in the factor views.
 */
import { useId, useMemo } from 'react';
import { useLab } from '../../state/LabContext';
import { heldOutCount, knownCount } from '../../state/labData';
import { Tex, texNumber } from '../common/Tex';
import './ObjectivePanel.css';
import { useDisplayEntry } from '../../state/useDisplayEntry';
import type { Variant } from '../../core';
import { effectiveAls } from '../../worker/modelOptions';

const DATA_TEX = {
  explicit: '\\sum_{(i,j)\\in\\Omega} \\big(r_{ij} - u_i^\\top v_j\\big)^2',
  implicit: '\\sum_{i=1}^{m}\\sum_{j=1}^{n} c_{ij}\\big(p_{ij} - u_i^\\top v_j\\big)^2',
  biases: '\\sum_{(i,j)\\in\\Omega} \\big(r_{ij} - \\mu - b_i - c_j - u_i^\\top v_j\\big)^2',
};
const REG_TEX: Record<Variant, string> = {
  lecture: '\\lambda\\Big(\\sum_{i} \\|u_i\\|^2 + \\sum_{j} \\|v_j\\|^2\\Big)',
  wr: '\\lambda\\Big(\\sum_{i} n_i\\|u_i\\|^2 + \\sum_{j} n_j\\|v_j\\|^2\\Big)',
  biases: '\\lambda\\Big(\\sum_{i} \\|u_i\\|^2 + \\sum_{j} \\|v_j\\|^2 + \\sum_i b_i^2 + \\sum_j c_j^2\\Big)',
};
const REG_WORDS: Record<Variant, string> = {
  lecture: 'Lambda times the squared norms of U and V.',
  wr: 'Lambda times the squared norm of each row of U and V, each weighted by its number of ratings.',
  biases: 'Lambda times the squared norms of U and V and of the user and item biases.',
};

const sumSquares = (x: Float64Array) => x.reduce((s, v) => s + v * v, 0);

/** The regularisation's sum of norms, filled in: one number, or factors + biases for the biases variant. */
function normsTex(variant: Variant, norms: number | null, biases: { user: Float64Array; item: Float64Array } | null): string {
  if (norms === null) return '(\\ldots)';
  if (variant !== 'biases' || !biases) return texNumber(norms, 4);
  const b = sumSquares(biases.user) + sumSquares(biases.item);
  return `(\\underbrace{${texNumber(norms - b, 4)}}_{U,\\,V} + \\underbrace{${texNumber(b, 4)}}_{b,\\,c})`;
}

/**
 * A term of the objective that lights up what it sums over while pointed at or focused.
 * Its name is its visible words first ("data term"), then the formula as KaTeX speaks it;
 * what it means is its description.
 */
function Term({
  tex,
  which,
  name,
  description,
}: {
  tex: string;
  which: 'data' | 'regularization';
  name: string;
  description: string;
}) {
  const emphasis = useLab((s) => s.emphasis);
  const setEmphasis = useLab((s) => s.setEmphasis);
  const id = useId();
  const on = emphasis === which;
  return (
    <span
      className={`obj-term ${on ? 'on' : ''}`}
      tabIndex={0}
      role="button"
      aria-pressed={on}
      aria-describedby={id}
      onPointerEnter={() => setEmphasis(which)}
      onPointerLeave={() => setEmphasis(null)}
      onFocus={() => setEmphasis(which)}
      onBlur={() => setEmphasis(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          setEmphasis(on ? null : which);
        }
      }}
    >
      <span className="obj-term-name">{name}</span>
      <Tex math={tex} />
      <span id={id} hidden>
        {description}
      </span>
    </span>
  );
}

/** What the variant's objective changes, with its numbers (μ for biases). */
function VariantNote({ variant, mu, implicit }: { variant: Variant; mu: number | null; implicit: boolean }) {
  if (variant === 'lecture') return null;
  return (
    <p className="obj-variant">
      {variant === 'wr' ? (
        <>
          ALS-WR: <Tex math="n_i" /> is user i’s number of {implicit ? 'observed interactions' : 'ratings'} (
          <Tex math="n_j" />, item j’s), so each half-step solves{' '}
          <Tex
            math={
              implicit
                ? 'u_i = (V^\\top C^i V + \\lambda n_i I)^{-1} V^\\top C^i p_i'
                : 'u_i = (V_{\\Omega^i}^\\top V_{\\Omega^i} + \\lambda n_i I)^{-1} V_{\\Omega^i}^\\top r_{\\Omega^i}'
            }
          />
          .
        </>
      ) : (
        <>
          Biases: <Tex math={`\\mu = ${mu === null ? '\\ldots' : texNumber(mu, 4)}`} /> is the mean training rating, fixed and not
          regularised; the user biases <Tex math="b_i" /> and item biases <Tex math="c_j" /> are learned with U and V and
          regularised by the same λ.
        </>
      )}
    </p>
  );
}

export function ObjectivePanel() {
  const entry = useDisplayEntry();
  const settings = useLab((s) => s.settings);
  const lambda = settings.lambda;
  const mode = useLab((s) => s.data.mode);
  const variant = effectiveAls(settings, mode).variant;
  const data = useLab((s) => s.data);
  const heldOut = heldOutCount(data);
  // Counting the cells (1.6 M for ML-100k) belongs in a memo on the data, not in a selector run on every update.
  const known = useMemo(() => knownCount(data) - heldOutCount(data), [data]);
  if (!entry) return <p className="muted">Preparing the model…</p>;
  const { data: dataTerm, regularization, total, trainRmse, testRmse } = entry.metrics;
  const norms = lambda > 0 ? regularization / lambda : null;
  const share = total > 0 ? dataTerm / total : 0;
  return (
    <div className="objective-panel">
      <div className="obj-formula" aria-label="The objective">
        <Tex math={variant === 'biases' ? '\\mathcal{L}(U,V,b,c) \\;=\\;' : '\\mathcal{L}(U,V) \\;=\\;'} />
        <Term
          tex={variant === 'biases' ? DATA_TEX.biases : DATA_TEX[mode]}
          which="data"
          name="data term"
          description={mode === 'explicit' ? 'Squared errors over the known ratings.' : 'Weighted squared errors over all pairs.'}
        />
        <Tex math="\;+\;" />
        <Term tex={REG_TEX[variant]} which="regularization" name="regularisation" description={REG_WORDS[variant]} />
      </div>
      <div className="obj-numbers">
        <Tex
          block
          math={`\\mathcal{L} = \\underbrace{${texNumber(dataTerm, 4)}}_{\\text{data}} + \\underbrace{${texNumber(lambda, 4)}\\times ${normsTex(variant, norms, entry.biases ?? null)}}_{\\text{regularisation} \\,=\\, ${texNumber(regularization, 4)}} = \\mathbf{${texNumber(total, 4)}}`}
        />
      </div>
      <div
        className="obj-bar"
        role="img"
        aria-label={`Data term ${(share * 100).toFixed(0)}% of the objective, regularisation ${(100 - share * 100).toFixed(0)}%`}
      >
        <span className="obj-bar-data" style={{ width: `${share * 100}%` }} />
        <span className="obj-bar-reg" style={{ width: `${(1 - share) * 100}%` }} />
      </div>
      <p className="obj-legend">
        <span className="swatch data" /> data term {(share * 100).toFixed(0)}% &nbsp; <span className="swatch reg" />{' '}
        regularisation {(100 - share * 100).toFixed(0)}% — after step {entry.step}. Point at a term to light up what it sums over:{' '}
        {mode === 'explicit' ? `the ${known} known training ratings` : 'every pair of UVᵀ'} or all of U and V.
      </p>
      <VariantNote variant={variant} mu={entry.biases?.mu ?? null} implicit={mode === 'implicit'} />
      <dl className="obj-metrics">
        <div>
          <dt>train RMSE</dt>
          <dd aria-label="Train RMSE">{Number.isFinite(trainRmse) ? trainRmse.toFixed(4) : '—'}</dd>
        </div>
        <div>
          <dt>held-out RMSE</dt>
          <dd aria-label="Held-out RMSE">
            {testRmse !== null ? testRmse.toFixed(4) : heldOut ? '—' : 'hold out some cells of R to measure it'}
          </dd>
        </div>
      </dl>
      <p className="muted obj-supervised">
        The supervised-learning view: U and V are learned from the training ratings for a given d and λ; d and λ themselves are
        hyperparameters, chosen by the error on ratings the model did not see (held out).
      </p>
      {mode === 'implicit' && (
        <details className="se-note">
          <summary>How this relates to the slides</summary>
          <p>
            The slide writes <Tex math="\sum_{i,j} C_{ij}(P_{ij} - u_i^\top v_j)^2 + \lambda\|u_i\|^2 + \lambda\|v_j\|^2" />; read
            literally, the penalty sits inside the double sum and each <Tex math="u_i" /> would be penalised n times. The loss
            meant — and the one Hu, Koren and Volinsky use — penalises each vector once, as above. Later the per-user loss appears
            as <Tex math="\|\sqrt{C^i}P_i - \sqrt{C^i}Vu_i\|^2 + \lambda + \|u_i\|^2" /> with a stray <Tex math="+" />: it is{' '}
            <Tex math="\|\sqrt{C^i}(p_i - Vu_i)\|^2 + \lambda\|u_i\|^2" />, whose gradient{' '}
            <Tex math="-2(\sqrt{C^i}V)^\top\sqrt{C^i}(p_i - Vu_i) + 2\lambda u_i" /> vanishes at{' '}
            <Tex math="u_i = (V^\top C^i V + \lambda I)^{-1} V^\top C^i p_i" />.
          </p>
        </details>
      )}
    </div>
  );
}
