/** The content of each stage of the solve walk-through, explicit and implicit. */
import type { ExplicitSolveTrace, ImplicitSolveTrace, SolveTrace } from '../../core';
import { useLab } from '../../state/LabContext';
import { Tex, texNumber, texScientific } from '../common/Tex';
import { formatCount } from '../../core/formatCount';
import { texColumn, texDiag, texMatrixClipped } from '../common/texMatrix';
import type { Notation } from './notation';
import { useDisplayEntry } from '../../state/useDisplayEntry';

/** Stage titles, as TeX (typeset in the stage list and headings). */
export function explicitStages(N: Notation): string[] {
  const F = `${N.fixed}_{${N.omega}}`;
  return [
    `\\text{Fix } ${N.fixed}`,
    `\\text{Select } ${N.omega} \\text{ and } ${F}`,
    `\\text{Gram } ${F}^\\top ${F}`,
    `\\text{Add } \\lambda I`,
    `\\text{Right side } ${F}^\\top r_{${N.omega}}`,
    `\\text{Solve}`,
    `\\text{Write } ${N.row} \\text{ into } ${N.target}`,
  ];
}

export function implicitStages(N: Notation): string[] {
  return [
    `\\text{Fix } ${N.fixed}`,
    `${N.C} \\text{ and } ${N.p}`,
    `\\text{Shared } ${N.fixed}^\\top ${N.fixed}`,
    `\\text{Correction } ${N.fixed}^\\top(${N.C} - c_0 I)${N.fixed}`,
    `\\text{Add } \\lambda I`,
    `\\text{Right side } ${N.fixed}^\\top ${N.C} ${N.p}`,
    `\\text{Solve}`,
    `\\text{Write } ${N.row} \\text{ into } ${N.target}`,
  ];
}

/**
 * Stage names as plain text for the stage buttons: what the button shows is its accessible
 * name ("Stage 3 Gram matrix"), so that speech and sight agree (WCAG 2.5.3).
 */
export function stageNames(implicit: boolean, N: Notation): string[] {
  return implicit
    ? [
        `Fix ${N.fixed}`,
        `${N.Ctext} and ${N.pText}`,
        `Shared ${N.fixed}ᵀ${N.fixed}`,
        'Correction',
        'Add λI',
        'Right side',
        'Solve',
        `Write ${N.rowText} into ${N.target}`,
      ]
    : [
        `Fix ${N.fixed}`,
        `Select ${N.omegaText}`,
        'Gram matrix',
        'Add λI',
        'Right side',
        'Solve',
        `Write ${N.rowText} into ${N.target}`,
      ];
}

interface StageProps<T extends SolveTrace> {
  trace: T;
  stage: number;
  N: Notation;
  ids: readonly string[];
  otherIds: readonly string[];
}

function useFixedMatrix(N: Notation): number[][] {
  const entry = useDisplayEntry();
  if (!entry?.U || !entry.V) return [];
  const X = N.fixed === 'V' ? entry.V : entry.U;
  const rows = N.fixed === 'V' ? entry.n : entry.m;
  // Only the rows a clipped matrix shows (the first few and the last) are copied out.
  const out: number[][] = new Array<number[]>(rows);
  for (const r of [...Array.from({ length: Math.min(rows, 10) }, (_, k) => k), rows - 1]) {
    if (r >= 0) out[r] = Array.from(X.subarray(r * entry.d, r * entry.d + entry.d));
  }
  return out;
}

function Eq({ math }: { math: string }) {
  return <Tex block math={math} className="se-eq" />;
}

export function ExplicitStage({ trace, stage, N, otherIds }: StageProps<ExplicitSolveTrace>) {
  const fixed = useFixedMatrix(N);
  const k = trace.omega.length;
  const O = `{${N.omega}}`;
  switch (stage) {
    case 1:
      return (
        <>
          <p>
            With <Tex math={N.fixed} /> held fixed, the objective splits into one small problem per {N.who}: for{' '}
            <Tex math={N.row} /> it is a ridge regression of its known ratings on the fixed vectors <Tex math={N.fixedRow} />, and
            it is convex.
          </p>
          <Eq
            math={`\\min_{${N.row}}\\ \\sum_{${N.idx === 'i' ? 'j' : 'i'}\\in ${N.omega}} (r_{ij} - u_i^\\top v_j)^2 + \\lambda\\|${N.row}\\|^2`}
          />
          <Eq
            math={`${N.fixed} = ${texMatrixClipped(fixed, 2, 10)} \\quad (${fixed.length}\\times ${trace.d},\\ \\text{fixed})`}
          />
        </>
      );
    case 2:
      return (
        <>
          <p>
            <Tex math={N.omega} /> holds the {k} {N.others} this {N.who} has rated:{' '}
            <strong>{trace.omegaIds.length ? trace.omegaIds.join(', ') : 'none'}</strong>. Only their rows of{' '}
            <Tex math={N.fixed} /> enter the solve (lit up in the views above).
          </p>
          {k > 0 ? (
            <Eq
              math={`r_${O} = ${texColumn(trace.values, 2)},\\qquad ${N.fixed}_${O} = ${texMatrixClipped(trace.fixedRows, 2)}\\quad(${k}\\times ${trace.d})`}
            />
          ) : (
            <p className="se-warn">
              No known ratings: the data term does not involve <Tex math={N.row} /> at all, so only{' '}
              <Tex math="\lambda\|\cdot\|^2" /> decides it
              {trace.lambda > 0 ? ' and the solution is the zero vector.' : ', and with λ = 0 nothing decides it.'}
            </p>
          )}
        </>
      );
    case 3:
      return (
        <>
          <p>
            The Gram matrix adds up <Tex math={`${N.fixedRow} ${N.fixedRow}^\\top`} /> over the rated {N.others}: {trace.d}×
            {trace.d}, whatever the number of ratings.
          </p>
          <Eq
            math={`${N.fixed}_${O}^\\top ${N.fixed}_${O} = \\sum_{${N.idx === 'i' ? 'j' : 'i'}\\in ${N.omega}} ${N.fixedRow}${N.fixedRow}^\\top = ${texMatrixClipped(trace.gram, 3)}`}
          />
          {k < trace.d && (
            <p className="se-warn">
              With {k} rating{k === 1 ? '' : 's'} and d = {trace.d}, this matrix has rank at most {k}: it is singular on its own.
            </p>
          )}
        </>
      );
    case 4:
      return (
        <>
          <p>
            Adding <Tex math="\lambda I" /> (λ = {trace.lambda}) lifts every eigenvalue by λ: for λ &gt; 0 the matrix is positive
            definite, so the solve always has exactly one answer.
          </p>
          <Eq math={`${N.fixed}_${O}^\\top ${N.fixed}_${O} + \\lambda I = ${texMatrixClipped(trace.system, 3)}`} />
        </>
      );
    case 5:
      return (
        <>
          <p>The right-hand side weighs each rated {N.who === 'user' ? 'item' : 'user'}'s vector by its rating.</p>
          <Eq
            math={`${N.fixed}_${O}^\\top r_${O} = \\sum_{${N.idx === 'i' ? 'j' : 'i'}\\in ${N.omega}} r_{ij}\\, ${N.fixedRow} = ${texColumn(trace.rhs, 3)}`}
          />
        </>
      );
    case 6:
      return <SolveStage trace={trace} N={N} otherIds={otherIds} />;
    default:
      return <WriteStage trace={trace} N={N} />;
  }
}

export function ImplicitStage({ trace, stage, N, otherIds }: StageProps<ImplicitSolveTrace>) {
  const n = trace.fixedRows.length;
  const half = (trace.d * (trace.d + 1)) / 2;
  switch (stage) {
    case 1:
      return (
        <>
          <p>
            With <Tex math={N.fixed} /> fixed, <Tex math={N.row} /> minimises a weighted least-squares problem over{' '}
            <strong>all</strong> {n} {N.others}, not only the observed ones:
          </p>
          <Eq
            math={`\\mathcal L_{${N.idx}} = \\sum_{${N.idx === 'i' ? 'j' : 'i'}} c_{ij}(p_{ij} - u_i^\\top v_j)^2 + \\lambda\\|${N.row}\\|^2 = \\big\\|\\sqrt{${N.C}}\\,(${N.p} - ${N.fixed}${N.row})\\big\\|^2 + \\lambda\\|${N.row}\\|^2`}
          />
          <Eq math={`${N.fixed} = ${texMatrixClipped(trace.fixedRows, 2, 10)}\\quad(${n}\\times ${trace.d},\\ \\text{fixed})`} />
        </>
      );
    case 2:
      return (
        <>
          <p>
            <Tex math={N.C} /> is diagonal with this {N.who}'s confidences; <Tex math={N.p} /> holds the preferences. Pairs that
            are not observed have <Tex math={`p = 0`} /> and confidence <Tex math={`c_0 = ${texNumber(trace.c0)}`} />
            {trace.c0 === 0
              ? ': with the lecture’s C they drop out of the loss entirely.'
              : ': they still pull the prediction towards 0.'}
          </p>
          <Eq
            math={`${N.C} = \\operatorname{diag}(c_{${N.idx}\\cdot}) = ${texDiag(trace.confidence, 2)},\\qquad ${N.p} = ${texColumn(trace.preference, 0)}`}
          />
        </>
      );
    case 3:
      return (
        <>
          <p>
            Forming <Tex math={`${N.fixed}^\\top ${N.C} ${N.fixed}`} /> directly costs about n·d(d+1)/2 = {formatCount(n * half)}{' '}
            multiply-adds for <em>every</em> {N.who}. But <Tex math={`${N.fixed}^\\top ${N.fixed}`} /> is the same for all of
            them: it is computed once per half-step.
          </p>
          <Eq math={`${N.fixed}^\\top ${N.fixed} = ${texMatrixClipped(trace.sharedGram, 3)}`} />
        </>
      );
    case 4:
      return (
        <>
          <p>
            Only the {trace.omega.length} listed pairs differ from the baseline <Tex math="c_0" />, so
          </p>
          <Eq
            math={`${N.fixed}^\\top ${N.C} ${N.fixed} = c_0\\, ${N.fixed}^\\top ${N.fixed} + ${N.fixed}^\\top (${N.C} - c_0 I) ${N.fixed} = ${texNumber(trace.c0)}\\cdot${texMatrixClipped(trace.sharedGram, 2)} + ${texMatrixClipped(trace.correction, 2)} = ${texMatrixClipped(trace.weightedGram, 3)}`}
          />
          <table className="se-work" aria-label="Work for this row">
            <tbody>
              <tr>
                <th scope="row">formed directly</th>
                <td>{formatCount(trace.work.direct)} multiply-adds per row</td>
              </tr>
              <tr>
                <th scope="row">
                  with {N.fixed}ᵀ{N.fixed} shared
                </th>
                <td>
                  {formatCount(trace.work.shared)} per row (+ {formatCount(trace.work.sharedOnce)} once per half-step)
                </td>
              </tr>
            </tbody>
          </table>
        </>
      );
    case 5:
      return (
        <>
          <Eq math={`${N.fixed}^\\top ${N.C} ${N.fixed} + \\lambda I = ${texMatrixClipped(trace.system, 3)}`} />
          <p>
            λ = {trace.lambda}. With c₀ = 0 and λ = 0, a {N.who} with fewer observed pairs than d has no unique solution.
          </p>
        </>
      );
    case 6:
      return (
        <Eq
          math={`${N.fixed}^\\top ${N.C}\\, ${N.p} = \\sum_{${N.idx === 'i' ? 'j' : 'i'}} c_{ij}\\,p_{ij}\\, ${N.fixedRow} = ${texColumn(trace.rhs, 3)}`}
        />
      );
    case 7:
      return <SolveStage trace={trace} N={N} otherIds={otherIds} />;
    default:
      return <WriteStage trace={trace} N={N} />;
  }
}

function SolveStage({ trace, N }: { trace: SolveTrace; N: Notation; otherIds: readonly string[] }) {
  const setSettings = useLab((s) => s.setSettings);
  if (trace.singular) {
    const eig = trace.singular.eigenvalues;
    return (
      <div className="se-singular" role="alert">
        <p>
          <strong>No unique solution.</strong> {trace.singular.reason}
        </p>
        <Eq
          math={`\\det(\\cdot) = ${texScientific(trace.singular.determinant)},\\qquad \\text{eigenvalues } ${eig.map((e) => texNumber(e, 4)).join(',\\ ')}`}
        />
        <p>
          A zero eigenvalue means there is a direction <Tex math="w" /> with <Tex math={`(\\cdot)\\,w = 0`} />: moving{' '}
          <Tex math={N.row} /> along <Tex math="w" /> changes no prediction the data can check, so every point on that line fits
          equally well. The {N.target} row is left as it was.
        </p>
        <button type="button" className="primary" onClick={() => setSettings({ lambda: 0.1 })}>
          Set λ = 0.1 and solve again
        </button>
      </div>
    );
  }
  return (
    <>
      <p>
        The system is symmetric positive definite, so it is solved by a Cholesky factorisation <Tex math="A = LL^\top" /> and two
        triangular solves — cheaper and more stable than forming the inverse, which is shown only to match the formula.
      </p>
      <Eq math={`L = ${texMatrixClipped(trace.cholesky!, 3)},\\qquad A^{-1} = ${texMatrixClipped(trace.inverse!, 3)}`} />
      <Eq math={`\\hat ${N.row} = A^{-1}\\,b = ${texColumn(trace.solution!, 4)}`} />
    </>
  );
}

function WriteStage({ trace, N }: { trace: SolveTrace; N: Notation }) {
  const solveRow = useLab((s) => s.solveRow);
  const cursor = useLab((s) => s.cursor);
  if (!trace.solution) return <p className="se-warn">This system is singular: there is nothing unique to write.</p>;
  // With conjugate gradient the half-step writes CG's last iterate, not the exact solution.
  const written = trace.cg ? trace.cg.path[trace.cg.path.length - 1]!.x : trace.solution;
  const moved = Math.max(...written.map((v, a) => Math.abs(v - trace.previous[a]!)));
  return (
    <>
      <Eq
        math={`\\text{now: } ${trace.bias ? `[\\text{bias}, ${N.row}]` : N.row} = ${texColumn(trace.previous, 4)} \\quad\\longrightarrow\\quad ${trace.cg ? `z_{${trace.cg.path.length - 1}}` : `\\hat ${N.row}`} = ${texColumn(written, 4)}`}
      />
      {moved < 1e-12 ? (
        <p>
          <Tex math={N.row} /> already equals its closed form: given this <Tex math={N.fixed} />, nothing can lower the objective
          by changing it.
        </p>
      ) : (
        <p>
          {trace.cg
            ? 'Writing it lowers the objective (or leaves it unchanged): each CG step lowers this row’s objective with the rest fixed, without reaching its exact minimiser.'
            : 'Writing it lowers the objective (or leaves it unchanged): it is the exact minimiser over this row with the rest fixed.'}
        </p>
      )}
      <button type="button" className="primary" onClick={() => solveRow(trace.side, trace.index)}>
        Write {N.row.replace('_i', 'ᵢ').replace('_j', 'ⱼ')} into {N.target}
      </button>
      {cursor !== null && <p className="muted">You are viewing an earlier step: writing continues the run from here.</p>}
    </>
  );
}
