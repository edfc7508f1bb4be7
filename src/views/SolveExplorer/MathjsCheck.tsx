import { useEffect, useState } from 'react';
import type { SolveTrace } from '../../core';
import { Tex } from '../common/Tex';
import { texColumn } from '../common/texMatrix';
import { checkWithMathjs, type CheckResult } from './mathjsCheck';

/** The same closed form evaluated by mathjs from the displayed numbers, and how far it is from the worker's. */
export function MathjsCheck({ trace }: { trace: SolveTrace }) {
  const [result, setResult] = useState<CheckResult | null | 'pending'>('pending');
  useEffect(() => {
    let live = true;
    setResult('pending');
    checkWithMathjs(trace)
      .then((r) => live && setResult(r))
      .catch(() => live && setResult(null));
    return () => {
      live = false;
    };
  }, [trace]);
  if (!trace.solution) return null;
  if (result === 'pending') return <p className="muted se-check">Checking with mathjs…</p>;
  if (result === null) return <p className="se-check se-error">mathjs could not evaluate the formula.</p>;
  const ok = result.maxDifference < 1e-9;
  return (
    <div className={`se-check ${ok ? 'ok' : 'bad'}`} aria-label="Independent check">
      <span>
        Independent check: the formula evaluated by mathjs (<code>inv</code>, <code>multiply</code>, <code>transpose</code>) from
        these numbers gives <Tex math={texColumn(result.solution, 4)} />
      </span>
      <span>
        largest difference from the worker's Cholesky solve:{' '}
        <output aria-label="Difference from mathjs">{result.maxDifference.toExponential(1)}</output>{' '}
        {ok ? '— the same up to rounding.' : '— they disagree!'}
      </span>
    </div>
  );
}
