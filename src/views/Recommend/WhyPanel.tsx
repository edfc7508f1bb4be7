/**
 * Why, exactly: one predicted score taken apart two ways, both exact — by latent factor
 * (r̂ᵢⱼ = Σₖ uᵢₖvⱼₖ, plus μ + bᵢ + cⱼ with biases) and by the user's own ratings (the closed
 * form uᵢ = A⁻¹V_ΩᵢᵀR_Ωᵢ is linear in the ratings, so r̂ᵢⱼ = Σₗ r_il·wₗ). The core computes
 * both; this view draws them and shows that the parts add up to the score.
 */
import { useId, useMemo } from 'react';
import { explainByFactors, explainByRatings, type AlsOptions, type FactorExplanation, type RatingsExplanation } from '../../core';
import { formatCell } from '../common/colors';
import { Tex } from '../common/Tex';
import { BarKey, PartsTable, type PartRow } from './PartsTable';
import { score, shortenParts, topReasons, type UserModel } from './recommendData';

/** Beyond this many parts, the largest are listed and the rest summed in one row. */
const MAX_PARTS = 12;

export interface WhyPanelProps {
  one: UserModel;
  item: number;
  options: AlsOptions;
  labels: readonly string[];
  implicit: boolean;
  /** Who the user is in sentences: a label ("u3") or "you". */
  who: string;
  /** Solves the user's row in the lab (a users half-step for this row alone), when it is a row of R. */
  onSolveRow?: () => void;
}

export function WhyPanel({ one, item, options, labels, implicit, who, onSolveRow }: WhyPanelProps) {
  const headingId = useId();
  const byFactor = useMemo(() => explainByFactors(one.F, one.row, item), [one, item]);
  const byRatings = useMemo((): RatingsExplanation | string => {
    try {
      return explainByRatings(one.problem, one.F, one.row, item, options);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [one, item, options]);
  const title = labels[item] ?? `item ${item + 1}`;
  const hat = implicit ? '\\hat p_{ij}' : '\\hat r_{ij}';
  return (
    <section className="rc-why-panel" aria-labelledby={headingId}>
      <h4 id={headingId}>
        Why {title}? <Tex math={`${hat} = ${texScore(byFactor.score)}`} />
      </h4>
      {typeof byRatings !== 'string' && <Because e={byRatings} labels={labels} implicit={implicit} who={who} />}
      <BarKey />
      <FactorParts e={byFactor} implicit={implicit} />
      {typeof byRatings === 'string' ? (
        <p className="rc-note">{byRatings}</p>
      ) : (
        <RatingParts
          e={byRatings}
          labels={labels}
          implicit={implicit}
          options={options}
          onSolveRow={onSolveRow}
          own={who === 'you' ? 'your own' : 'the user’s own'}
        />
      )}
    </section>
  );
}

const partsWord = (count: number) => (count === 1 ? 'The one part is' : `The ${count} parts add up to`);

const texScore = (v: number) => score(v).replace('−', '-');

function Because({
  e,
  labels,
  implicit,
  who,
}: {
  e: RatingsExplanation;
  labels: readonly string[];
  implicit: boolean;
  who: string;
}) {
  if (e.singular) return null;
  const reasons = topReasons(e.parts, 3);
  const they = who === 'you' ? 'you' : who;
  if (reasons.length === 0)
    return (
      <p className="rc-because">
        None of {they === 'you' ? 'your' : `${they}’s`} {implicit ? 'interactions' : 'ratings'} pushes this score up; it is on the
        list because every other unrated item scores lower.
      </p>
    );
  return (
    <p className="rc-because">
      Recommended because {they} {implicit ? 'interacted with' : 'rated'}{' '}
      {reasons.map((r, k) => (
        <span key={r.item}>
          {k > 0 && (k === reasons.length - 1 ? ' and ' : ', ')}
          <em>{labels[r.item] ?? r.id}</em>
          {!implicit && ` ${formatCell(r.rating)}`}
        </span>
      ))}
      .
    </p>
  );
}

function factorFormula(e: FactorExplanation, implicit: boolean): string {
  const hat = implicit ? '\\hat p_{ij}' : '\\hat r_{ij}';
  const bias = e.bias ? '\\mu + b_i + c_j + ' : '';
  const general = `${hat} &= ${bias}u_i^\\top v_j = ${bias}\\sum_{k=1}^{${e.terms.length}} u_{ik}\\,v_{jk}`;
  if (e.terms.length > 4) return `\\begin{aligned}${general}\\end{aligned}`;
  const n = (v: number) => {
    const s = texScore(v);
    return v < 0 ? `(${s})` : s;
  };
  const biasNumbers = e.bias ? `${n(e.bias.mu)} + ${n(e.bias.user)} + ${n(e.bias.item)} + ` : '';
  const numbers = `&= ${biasNumbers}${e.terms.map((t) => `${n(t.user)}\\cdot${n(t.item)}`).join(' + ')} = ${texScore(e.score)}`;
  return `\\begin{aligned}${general} \\\\ ${numbers}\\end{aligned}`;
}

function FactorParts({ e, implicit }: { e: FactorExplanation; implicit: boolean }) {
  const { shown, rest } = shortenParts(e.terms, (t) => t.product, MAX_PARTS);
  const rows: PartRow[] = [];
  if (e.bias) {
    rows.push({ key: 'mu', label: 'μ, the mean rating', cells: ['', ''], value: e.bias.mu });
    rows.push({ key: 'bi', label: 'bᵢ, the user’s bias', cells: ['', ''], value: e.bias.user });
    rows.push({ key: 'cj', label: 'cⱼ, the item’s bias', cells: ['', ''], value: e.bias.item });
  }
  for (const t of shown)
    rows.push({ key: `k${t.factor}`, label: `factor ${t.factor + 1}`, cells: [score(t.user), score(t.item)], value: t.product });
  if (rest) rows.push({ key: 'rest', label: `the other ${rest.count} factors`, cells: ['', ''], value: rest.sum, summary: true });
  const sum = e.terms.reduce((s, t) => s + t.product, 0) + (e.bias ? e.bias.mu + e.bias.user + e.bias.item : 0);
  return (
    <div className="rc-explain" role="group" aria-label="By latent factor">
      <h5>By latent factor</h5>
      <Tex math={factorFormula(e, implicit)} block />
      <PartsTable
        caption="The score by latent factor"
        head={['part', <Tex key="u" math="u_{ik}" />, <Tex key="v" math="v_{jk}" />]}
        valueHead={<Tex math="u_{ik}v_{jk}" />}
        rows={rows}
        detail={[0, 1]}
      />
      <p className="rc-sum">
        {partsWord(rows.length)} <strong className="rc-sum-value">{score(sum)}</strong>, the score in the list ({score(e.score)}).
      </p>
    </div>
  );
}

function ratingsFormula(e: RatingsExplanation, options: AlsOptions): string {
  const lambda = options.variant === 'wr' ? '\\lambda n_i I' : '\\lambda I';
  if (e.mode === 'implicit')
    return `\\begin{gathered}\\hat p_{ij} = \\sum_{l:\\,p_{il}=1} c_{il}\\,w_l, \\\\ w_l = v_j^\\top\\left(V^\\top C^i V + ${lambda}\\right)^{-1} v_l\\end{gathered}`;
  if (e.variant === 'biases')
    return `\\begin{gathered}\\hat r_{ij} = \\mu + c_j + \\sum_{l\\in\\Omega_i} (r_{il} - \\mu - c_l)\\,w_l, \\\\ w_l = \\tilde v_j^\\top\\left(\\tilde V_{\\Omega_i}^\\top \\tilde V_{\\Omega_i} + ${lambda}\\right)^{-1} \\tilde v_l,\\quad \\tilde v = (1, v)\\end{gathered}`;
  return `\\begin{gathered}\\hat r_{ij} = \\sum_{l\\in\\Omega_i} r_{il}\\,w_l, \\\\ w_l = v_j^\\top\\left(V_{\\Omega_i}^\\top V_{\\Omega_i} + ${lambda}\\right)^{-1} v_l\\end{gathered}`;
}

function RatingParts({
  e,
  labels,
  implicit,
  options,
  onSolveRow,
  own,
}: {
  own: string;
  e: RatingsExplanation;
  labels: readonly string[];
  implicit: boolean;
  options: AlsOptions;
  onSolveRow?: () => void;
}) {
  const noun = implicit ? 'interactions' : 'ratings';
  if (e.singular)
    return (
      <div className="rc-explain" role="group" aria-label={`By ${own} ${noun}`}>
        <h5>
          By {own} {noun}
        </h5>
        <p className="rc-note">{e.singular}</p>
      </div>
    );
  if (e.parts.length === 0 && e.variant !== 'biases')
    return (
      <div className="rc-explain" role="group" aria-label={`By ${own} ${noun}`}>
        <h5>
          By {own} {noun}
        </h5>
        <p className="rc-note">
          No {noun} yet: the closed form gives u = 0 (the right-hand side is empty), so the score after a users half-step is 0.
        </p>
      </div>
    );
  const biases = e.variant === 'biases';
  const { shown, rest } = shortenParts(e.parts, (p) => p.contribution, MAX_PARTS);
  const rows: PartRow[] = [];
  const blank = biases ? ['', '', ''] : ['', ''];
  if (biases) rows.push({ key: 'base', label: 'μ + cⱼ, the baseline', cells: blank, value: e.baseline });
  for (const p of shown) {
    const cells = implicit
      ? [score(p.value, 1), score(p.weight, 4)]
      : biases
        ? [formatCell(p.rating), score(p.value), score(p.weight, 4)]
        : [formatCell(p.rating), score(p.weight, 4)];
    rows.push({ key: `l${p.item}`, label: labels[p.item] ?? p.id, cells, value: p.contribution });
  }
  if (rest) rows.push({ key: 'rest', label: `the other ${rest.count} ${noun}`, cells: blank, value: rest.sum, summary: true });
  const head = implicit
    ? [`${implicit ? 'interaction' : 'rated item'}`, <Tex key="c" math="c_{il}" />, <Tex key="w" math="w_l" />]
    : biases
      ? ['rated item', <Tex key="r" math="r_{il}" />, <Tex key="y" math="r_{il} - \mu - c_l" />, <Tex key="w" math="w_l" />]
      : ['rated item', <Tex key="r" math="r_{il}" />, <Tex key="w" math="w_l" />];
  const valueHead = <Tex math={implicit ? 'c_{il} w_l' : biases ? '(r_{il} - \\mu - c_l) w_l' : 'r_{il} w_l'} />;
  return (
    <div className="rc-explain" role="group" aria-label={`By ${own} ${noun}`}>
      <h5>
        By {own} {noun}
      </h5>
      <Tex math={ratingsFormula(e, options)} block />
      <p className="rc-note">
        {implicit
          ? 'Implicit feedback has its own closed form, uᵢ = (VᵀCⁱV + λI)⁻¹VᵀCⁱpᵢ: only the interactions (p = 1) add to the sum, each weighted by its confidence c = 1 + α·r; the pairs never seen shape the matrix, not the sum.'
          : 'uᵢ’s closed form is linear in the ratings, so the score splits exactly into one part per rating: wₗ says how much one point of rating l moves this score.'}
      </p>
      <PartsTable
        caption={`The score by ${own} ${noun}`}
        head={head}
        valueHead={valueHead}
        rows={rows}
        detail={biases ? [1, 2] : [1]}
      />
      <p className="rc-sum">
        {partsWord(rows.length)} <strong className="rc-sum-value">{score(e.closedFormScore)}</strong>
        {e.matchesStored ? `, the score in the list (${score(e.storedScore)}).` : '.'}
      </p>
      {e.note && (
        <div className="rc-mismatch">
          <p className="rc-note">{e.note}</p>
          {onSolveRow && (
            <button type="button" onClick={onSolveRow}>
              Solve this user’s row now
            </button>
          )}
        </div>
      )}
    </div>
  );
}
