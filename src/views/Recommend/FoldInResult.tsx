/**
 * The new user's u, solved with the lecture's closed form against the current V and shown
 * with the student's own numbers — or, when the system is singular, why: with fewer ratings
 * than d and λ = 0, V_ΩᵀV_Ω has no inverse, and λ is what keeps a new user's solve possible.
 */
import type { FoldIn, AlsOptions } from '../../core';
import { Tex, texMatrix } from '../common/Tex';
import { score } from './recommendData';

/** Above this system size the matrices are not written out (the vector u still is). */
const WRITE_OUT = 4;

function closedForm(fold: FoldIn, options: AlsOptions): string {
  const lambda = options.variant === 'wr' ? '\\lambda n_u I' : '\\lambda I';
  if (fold.trace.mode === 'implicit') return `u = \\left(V^\\top C^u V + ${lambda}\\right)^{-1} V^\\top C^u p_u`;
  if (options.variant === 'biases')
    return `\\begin{pmatrix} b_u \\\\ u \\end{pmatrix} = \\left(\\tilde V_{\\Omega}^\\top \\tilde V_{\\Omega} + ${lambda}\\right)^{-1} \\tilde V_{\\Omega}^\\top (r_{\\Omega} - \\mu - c_{\\Omega})`;
  return `u = \\left(V_{\\Omega}^\\top V_{\\Omega} + ${lambda}\\right)^{-1} V_{\\Omega}^\\top r_{\\Omega}`;
}

export function FoldInResult({ fold, options, count }: { fold: FoldIn; options: AlsOptions; count: number }) {
  const t = fold.trace;
  const d = t.d;
  const formula = closedForm(fold, options);
  if (fold.singular) {
    return (
      <div className="rc-singular" role="group" aria-label="Why there is no u yet">
        <Tex math={formula} block />
        <p>
          <strong>No unique u.</strong> {fold.singular.reason}
        </p>
        {t.lambda === 0 && count < t.size && (
          <p>
            You have rated {count} {count === 1 ? 'item' : 'items'}, and u has {t.size} unknowns. With λ = 0 the matrix{' '}
            <Tex math="V_\Omega^\top V_\Omega = \sum_{l\in\Omega} v_l v_l^\top" /> is a sum of {count} rank-one{' '}
            {count === 1 ? 'matrix' : 'matrices'}: its rank is at most {count} &lt; {t.size}, it has no inverse, and infinitely
            many u fit your ratings exactly. λ &gt; 0 adds <Tex math="\lambda I" />, which makes it invertible (every eigenvalue
            at least λ): that is what lets a recommender place a new user after a handful of ratings — the cold-start problem.
            Raise λ in the settings, or rate more items.
          </p>
        )}
      </div>
    );
  }
  const solution = t.solution!;
  const written = t.size <= WRITE_OUT;
  // One equality per line, so that a phone shows each whole (aligned at "=").
  const lines = [formula.replace(' = ', ' &= ')];
  if (written) {
    const column = (v: readonly number[], digits: number) =>
      texMatrix(
        v.map((x) => [x]),
        digits,
      );
    lines.push(`&= ${texMatrix(t.system, 2)}^{-1} ${column(t.rhs, 2)}`, `&= ${column(solution, 3)}`);
  }
  const math = `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
  return (
    <div className="rc-foldin" role="group" aria-label="Your u, solved">
      <Tex math={math} block />
      <p className="rc-u">
        {options.variant === 'biases' && fold.bias !== null && (
          <>
            Your bias <Tex math="b_u" /> = {score(fold.bias)}.{' '}
          </>
        )}
        Your <Tex math="u" /> = ({(fold.u ?? []).map((v) => score(v)).join(', ')}) — {d} numbers, one per latent factor.
      </p>
      {count < t.size && t.lambda > 0 && (
        <p className="rc-note">
          With {count} {count === 1 ? 'rating' : 'ratings'} for {t.size} unknowns, it is λ = {t.settingLambda} that makes this
          solve possible: with λ = 0 the matrix would have no inverse (the cold-start lesson).
        </p>
      )}
    </div>
  );
}
