/**
 * What a model variant changes in one row's solve: the closed form at the top of the explorer
 * (ALS-WR's λnᵢI, the biases variant's augmented (d+1)×(d+1) system), the numbers that differ
 * (λ·nᵢ; μ, c_Ω and the shifted targets), and — with conjugate gradient — the iterates walking
 * towards the exact solution. Everything shown comes from the worker's trace.
 */
import type { RowSolver, SolveTrace, Variant } from '../../core';
import { Tex, texNumber } from '../common/Tex';
import { texColumn, texMatrixClipped } from '../common/texMatrix';
import type { Notation } from './notation';

/** The closed form being solved, dimensionally consistent: (d×d)(d×|Ω|)(|Ω|×1) = d×1, or d + 1 with biases. */
export function closedFormTex(N: Notation, variant: Variant, implicit: boolean): string {
  const lam = variant === 'wr' ? `\\lambda n_{${N.idx}} I` : '\\lambda I';
  if (implicit)
    return `${N.row} = \\big(${N.fixed}^\\top ${N.C} ${N.fixed} + ${lam}\\big)^{-1} ${N.fixed}^\\top ${N.C}\\, ${N.p}`;
  const O = `{${N.omega}}`;
  if (variant === 'biases') {
    const bias = N.idx === 'i' ? 'b_i' : 'c_j';
    const other = N.idx === 'i' ? 'c' : 'b';
    const X = `\\tilde ${N.fixed}_${O}`;
    return `\\begin{bmatrix} ${bias} \\\\ ${N.row} \\end{bmatrix} = \\underbrace{\\big(${X}^\\top ${X} + \\lambda I\\big)^{-1}}_{(d+1)\\times(d+1)}\\;\\underbrace{${X}^\\top}_{(d+1)\\times|${N.omega}|}\\;\\underbrace{\\big(r_${O} - \\mu - ${other}_${O}\\big)}_{|${N.omega}|\\times 1},\\quad \\tilde ${N.fixedRow} = \\begin{bmatrix} 1 \\\\ ${N.fixedRow} \\end{bmatrix}`;
  }
  return `\\hat ${N.row} = \\underbrace{\\big(${N.fixed}_${O}^\\top ${N.fixed}_${O} + ${lam}\\big)^{-1}}_{d\\times d}\\;\\underbrace{${N.fixed}_${O}^\\top}_{d\\times|${N.omega}|}\\;\\underbrace{r_${O}}_{|${N.omega}|\\times 1}`;
}

/** One sentence under the closed form: what this variant and row solve change. */
export function VariantSolveNote({
  variant,
  solver,
  steps,
  implicit,
  N,
}: {
  variant: Variant;
  solver: RowSolver;
  steps: number;
  implicit: boolean;
  N: Notation;
}) {
  const parts: React.ReactNode[] = [];
  if (variant === 'wr')
    parts.push(
      <span key="wr">
        ALS-WR: the diagonal gets <Tex math={`\\lambda n_${N.idx}`} />, λ times this {N.who}’s number of{' '}
        {implicit ? 'observed interactions' : 'ratings'}, instead of one λ for every row.{' '}
      </span>,
    );
  if (variant === 'biases')
    parts.push(
      <span key="b">
        Biases: the unknowns are the bias and the factors together, each fixed row gets a leading 1, and the targets are the
        ratings minus μ and the other side’s bias. The bias is regularised by the same λ as the factors (μ is not).{' '}
      </span>,
    );
  if (implicit && solver === 'cg')
    parts.push(
      <span key="cg">
        Row solve: {steps} conjugate-gradient step{steps === 1 ? '' : 's'} from the current row (Takács et al. 2011) instead of
        the exact Cholesky solve — see the solve stage.
      </span>,
    );
  return parts.length ? <p className="se-variant">{parts}</p> : null;
}

/** The numbers a variant adds to a stage: λ·nᵢ when λ is added, μ and the shifted targets when Ω is selected. */
export function VariantStageNumbers({ trace, stage, N }: { trace: SolveTrace; stage: number; N: Notation }) {
  const lambdaStage = trace.mode === 'explicit' ? 4 : 5;
  if (trace.wrCount !== null && stage === lambdaStage)
    return (
      <p className="se-variant">
        ALS-WR:{' '}
        <Tex
          math={`\\lambda n_${N.idx} = ${texNumber(trace.settingLambda, 4)} \\times ${trace.wrCount} = ${texNumber(trace.lambda, 4)}`}
        />{' '}
        on the diagonal.
      </p>
    );
  if (trace.bias && stage === 2 && trace.mode === 'explicit' && trace.omega.length > 0) {
    const other = N.idx === 'i' ? 'c' : 'b';
    const O = `{${N.omega}}`;
    return (
      <div className="se-variant">
        <p>
          Biases: the targets are the ratings minus <Tex math={`\\mu = ${texNumber(trace.bias.mu, 4)}`} /> (the mean training
          rating) and minus the other side’s biases; the fixed rows are augmented with a leading 1, so the system is {trace.size}×
          {trace.size}.
        </p>
        <Tex
          block
          className="se-eq"
          math={`r_${O} - \\mu - ${other}_${O} = ${texColumn(trace.bias.ratings, 2)} - ${texNumber(trace.bias.mu, 2)} - ${texColumn(trace.bias.otherBiases, 2)} = ${texColumn(trace.values, 2)},\\qquad \\tilde ${N.fixed}_${O} = ${texMatrixClipped(trace.fixedRows, 2)}`}
        />
      </div>
    );
  }
  return null;
}

/**
 * Conjugate gradient's path for this row: from the current row (step 0), each step lowers the
 * residual ‖b − Az‖ and moves towards the exact solution z* = A⁻¹b; the half-step writes step K.
 */
export function CgPath({ trace, N }: { trace: SolveTrace; N: Notation }) {
  const cg = trace.cg;
  if (!cg) return null;
  const last = cg.path[cg.path.length - 1]!;
  return (
    <div className="se-cg">
      <p>
        <strong>Conjugate gradient, K = {cg.steps}.</strong> The half-step does not solve the system exactly: it starts from the
        current <Tex math={N.row} /> and takes {cg.steps} conjugate-gradient step{cg.steps === 1 ? '' : 's'}, each one
        matrix–vector product with <Tex math="A" /> instead of a factorisation. Each step lowers the row’s objective, so the run
        still never goes up; with K = {trace.size} steps CG would reach the exact solution (in exact arithmetic).
      </p>
      <table className="se-cg-table">
        <caption>Conjugate-gradient iterates towards the exact solve</caption>
        <thead>
          <tr>
            <th scope="col">step</th>
            <th scope="col">residual ‖b − Az‖</th>
            <th scope="col">distance to the exact solve ‖z − z*‖</th>
          </tr>
        </thead>
        <tbody>
          {cg.path.map((s) => (
            <tr key={s.step}>
              <th scope="row">{s.step === 0 ? '0 (current row)' : s.step}</th>
              <td>{s.residual.toExponential(2)}</td>
              <td>{s.error === null ? '—' : s.error.toExponential(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cg.exact && (
        <Tex
          block
          className="se-eq"
          math={`z_{${last.step}} = ${texColumn(last.x, 4)} \\quad\\text{vs.}\\quad z^* = ${texColumn(cg.exact, 4)}`}
        />
      )}
      {cg.path.length - 1 < cg.steps && (
        <p className="muted">CG stopped after {cg.path.length - 1} steps: the residual reached zero.</p>
      )}
    </div>
  );
}
