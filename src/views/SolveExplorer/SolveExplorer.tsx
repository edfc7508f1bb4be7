/**
 * The closed-form solve of one row, step by step, with the lecture's formula and the
 * actual numbers at every stage: fix V, select Ωᵢ, form V_ΩᵢᵀV_Ωᵢ, add λI, form the
 * right-hand side, solve, write u_i into U. The implicit walk-through shows Cⁱ, p_i and
 * the shared VᵀV that makes it cheap. A singular system is explained, never shown as NaN.
 */
import { useEffect, useRef, useState } from 'react';
import type { Side } from '../../core';
import { useLab } from '../../state/LabContext';
import { Tex } from '../common/Tex';
import { ExplicitStage, ImplicitStage, explicitStages, implicitStages, stageNames } from './stages';
import { MathjsCheck } from './MathjsCheck';
import { ConfidenceComparison } from './ConfidenceComparison';
import { notation } from './notation';
import { useSolveTrace } from './useSolveTrace';
import { CgPath, closedFormTex, VariantSolveNote, VariantStageNumbers } from './variantSolve';
import { effectiveAls } from '../../worker/modelOptions';
import './SolveExplorer.css';

export interface SolveExplorerProps {
  /** Start on this row (otherwise the lab's selection, else user 1). */
  side?: Side;
  index?: number;
  /** Start at this stage (1-based). */
  stage?: number;
}

export function SolveExplorer(props: SolveExplorerProps) {
  const data = useLab((s) => s.data);
  const selected = useLab((s) => s.selected);
  const { select, setFocus } = useLab((s) => ({ select: s.select, setFocus: s.setFocus }));
  const side: Side = selected?.side ?? props.side ?? 'users';
  const count = side === 'users' ? data.userIds.length : data.itemIds.length;
  const index = Math.min(selected?.index ?? props.index ?? 0, Math.max(0, count - 1));
  const implicit = data.mode === 'implicit';
  const settings = useLab((s) => s.settings);
  const running = effectiveAls(settings, data.mode);
  const stages = (implicit ? implicitStages : explicitStages)(notation(side));
  const [chosen, setStage] = useState(props.stage ?? 1);
  // Another kind of data may have fewer stages (implicit has 8, explicit 7): never show one past the last.
  const stage = Math.min(Math.max(1, chosen), stages.length);
  const names = stageNames(implicit, notation(side));
  const { trace: rawTrace, error } = useSolveTrace(side, index);
  // A trace of the other mode (still arriving after the data changed) is not drawn with this mode's stages.
  const trace = rawTrace && rawTrace.mode === data.mode ? rawTrace : null;
  const previousButton = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const goTo = (k: number) => {
    setStage(k);
    // The last stage disables "Next stage": the focus moves to "Previous stage" instead of dropping to the page.
    if (k >= stages.length && document.activeElement === nextButton.current) previousButton.current?.focus();
    if (k <= 1 && document.activeElement === previousButton.current) nextButton.current?.focus();
  };
  const N = notation(side);
  const ids = side === 'users' ? data.userIds : data.itemIds;

  useEffect(() => {
    // From stage 2 on the other views light up the row and its Ω; on stage 1 (just "fix V") nothing is picked out yet,
    // so a lab whose explorer sits unopened below does not highlight user 1 for no visible reason.
    if (stage < 2) setFocus(null);
    else if (trace && trace.side === side && trace.index === index) setFocus({ side, index, omega: trace.omega, stage });
  }, [trace, side, index, stage, setFocus]);
  useEffect(() => () => setFocus(null), [setFocus]);

  const formula = closedFormTex(N, running.variant, implicit);

  return (
    <div className="solve-explorer">
      <div className="se-pick" role="group" aria-label="Which row to solve">
        <label>
          Solve for
          <select
            aria-label="Solve for users or items"
            value={side}
            onChange={(e) => select({ side: e.target.value as Side, index: 0 })}
          >
            <option value="users">a user (row of U)</option>
            <option value="items">an item (row of V)</option>
          </select>
        </label>
        <label>
          {side === 'users' ? 'User' : 'Item'}
          <select
            aria-label={side === 'users' ? 'User to solve' : 'Item to solve'}
            value={index}
            onChange={(e) => select({ side, index: Number(e.target.value) })}
          >
            {ids.map((id, k) => (
              <option key={`${id}-${k}`} value={k}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">or click a row of U, a column of Vᵀ, or a header of R.</span>
      </div>

      <div className="se-formula">
        <Tex block math={formula} />
      </div>
      <VariantSolveNote variant={running.variant} solver={running.solver} steps={running.cgSteps} implicit={implicit} N={N} />

      <ol className="se-stages" aria-label="Stages of the solve">
        {stages.map((_, k) => (
          <li key={k}>
            <button type="button" aria-current={stage === k + 1 ? 'step' : undefined} onClick={() => setStage(k + 1)}>
              <span className="visually-hidden">Stage </span>
              <span className="se-num">{k + 1}</span> {names[k]}
            </button>
          </li>
        ))}
      </ol>

      <div className="se-body" aria-live="polite">
        {error && (
          <p role="alert" className="se-error">
            {error}
          </p>
        )}
        {!trace && !error && <p className="muted">Computing the solve…</p>}
        {trace && (
          <>
            <h3 className="se-stage-title">
              {stage}. <Tex math={stages[stage - 1]!} /> — {N.who} {ids[index]}
            </h3>
            <VariantStageNumbers trace={trace} stage={stage} N={N} />
            {trace.mode === 'explicit' ? (
              <ExplicitStage
                trace={trace}
                stage={stage}
                N={N}
                ids={ids}
                otherIds={side === 'users' ? data.itemIds : data.userIds}
              />
            ) : (
              <ImplicitStage
                trace={trace}
                stage={stage}
                N={N}
                ids={ids}
                otherIds={side === 'users' ? data.itemIds : data.userIds}
              />
            )}
            {stage === stages.length - 1 && <CgPath trace={trace} N={N} />}
            {stage >= stages.length - 1 && <MathjsCheck trace={trace} />}
          </>
        )}
      </div>

      <div className="se-nav">
        <button ref={previousButton} type="button" onClick={() => goTo(Math.max(1, stage - 1))} disabled={stage <= 1}>
          ← Previous stage
        </button>
        <button
          ref={nextButton}
          type="button"
          className="primary"
          onClick={() => goTo(Math.min(stages.length, stage + 1))}
          disabled={stage >= stages.length}
        >
          Next stage →
        </button>
      </div>

      {!implicit && <SlideNote />}
      {implicit && <ConfidenceComparison />}
    </div>
  );
}

function SlideNote() {
  return (
    <details className="se-note">
      <summary>How this relates to the slide</summary>
      <p>
        The slide writes{' '}
        <Tex math="\hat u_i = (V_{\Omega^i} V_{\Omega^i}^\top + \lambda I)^{-1} V_{\Omega^i}^\top R_{\Omega^i}" />. With{' '}
        <Tex math="V_{\Omega^i}" /> the <Tex math="|\Omega^i|\times d" /> matrix of the rated items' rows (as in the slide's own{' '}
        <Tex math="R_{\Omega^i} = V_{\Omega^i} u_i" />
        ), <Tex math="V_{\Omega^i}V_{\Omega^i}^\top" /> is <Tex math="|\Omega^i|\times|\Omega^i|" />, and it cannot multiply{' '}
        <Tex math="V_{\Omega^i}^\top R_{\Omega^i}" />, which is <Tex math="d\times 1" />. Setting the gradient of{' '}
        <Tex math="\|r_{\Omega^i} - V_{\Omega^i}u_i\|^2 + \lambda\|u_i\|^2" /> to zero gives{' '}
        <Tex math="(V_{\Omega^i}^\top V_{\Omega^i} + \lambda I)\,u_i = V_{\Omega^i}^\top r_{\Omega^i}" />: the transpose belongs
        on the left factor, and every shape agrees — <Tex math="(d\times d)(d\times|\Omega^i|)(|\Omega^i|\times 1) = d\times 1" />
        . MF Lab stores <Tex math="V" /> as <Tex math="n\times d" /> (row <Tex math="v_j" /> per item) everywhere.
      </p>
    </details>
  );
}
