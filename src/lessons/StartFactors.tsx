/**
 * Start the run from chosen factors instead of the seed's random ones: the lecture's toy U and
 * Vᵀ (so a hand calculation such as lesson 11's 41 and 501.1 can be checked live), or any U and
 * Vᵀ the student types. Bad input says what is wrong and keeps the text.
 */
import { useId, useState } from 'react';
import { useLab } from '../state/LabContext';
import { useLessonLab } from './useLessonLabStore';
import { toyFactors } from './toyFactors';
import { LECTURE_U, LECTURE_VT } from '../core/lecture';

/** Reads a matrix typed as rows on lines (or separated by ";"), numbers by spaces or commas. */
export function parseMatrix(text: string, name: string): number[][] | { error: string } {
  const rows = text
    .split(/[\n;]/)
    .map((r) => r.trim())
    .filter(Boolean);
  if (rows.length === 0) return { error: `${name} is empty.` };
  const out: number[][] = [];
  for (const [k, row] of rows.entries()) {
    const cells = row.split(/[\s,]+/).filter(Boolean);
    const values = cells.map((c) => Number(c.replace('−', '-')));
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) return { error: `${name}, row ${k + 1}: “${cells[bad]}” is not a number.` };
    out.push(values);
  }
  const width = out[0]!.length;
  const ragged = out.findIndex((r) => r.length !== width);
  if (ragged >= 0) return { error: `${name}: row ${ragged + 1} has ${out[ragged]!.length} numbers but row 1 has ${width}.` };
  return out;
}

/** U (m×d) and Vᵀ (d×n) as the worker's row-major U and V, or what is wrong with them. */
export function factorsFrom(
  uText: string,
  vtText: string,
  m: number,
  n: number,
): { U: Float64Array; V: Float64Array; d: number } | { error: string } {
  const U = parseMatrix(uText, 'U');
  if ('error' in U) return U;
  const VT = parseMatrix(vtText, 'Vᵀ');
  if ('error' in VT) return VT;
  const d = U[0]!.length;
  if (U.length !== m) return { error: `U needs one row per user: ${m} rows, not ${U.length}.` };
  if (VT.length !== d) return { error: `Vᵀ needs one row per factor: U has d = ${d} columns, so Vᵀ needs ${d} rows, not ${VT.length}.` };
  if (VT[0]!.length !== n) return { error: `Vᵀ needs one column per item: ${n} columns, not ${VT[0]!.length}.` };
  if (d > 20) return { error: `d = ${d} is more factors than a lesson lab allows (20).` };
  const V = new Float64Array(n * d);
  for (let j = 0; j < n; j++) for (let a = 0; a < d; a++) V[j * d + a] = VT[a]![j]!;
  return { U: Float64Array.from(U.flat()), V, d };
}

const toText = (rows: readonly (readonly number[])[]) => rows.map((r) => r.join(' ')).join('\n');

export function StartFactors() {
  const lab = useLessonLab();
  const m = useLab((s) => s.data.userIds.length);
  const n = useLab((s) => s.data.itemIds.length);
  const id = useId();
  const [uText, setU] = useState(() => toText(LECTURE_U));
  const [vtText, setVT] = useState(() => toText(LECTURE_VT));
  const [error, setError] = useState<string | null>(null);
  if (!lab) return null;
  const toyFits = m === LECTURE_U.length && n === LECTURE_VT[0]!.length;
  const start = (f: ReturnType<typeof factorsFrom>) => {
    if ('error' in f) return setError(f.error);
    setError(null);
    void lab.startFrom(f.U, f.V, f.d);
  };
  return (
    <details className="start-factors">
      <summary>Start from your own U and Vᵀ</summary>
      {toyFits && (
        <button type="button" onClick={() => start(toyFactors())}>
          Start from the lecture’s toy U and Vᵀ
        </button>
      )}
      <div className="start-factors-fields">
        <label htmlFor={`${id}-u`}>
          U ({m} × d)
        </label>
        <textarea id={`${id}-u`} rows={m} value={uText} onChange={(e) => setU(e.target.value)} spellCheck={false} />
        <label htmlFor={`${id}-vt`}>
          Vᵀ (d × {n})
        </label>
        <textarea id={`${id}-vt`} rows={3} value={vtText} onChange={(e) => setVT(e.target.value)} spellCheck={false} />
      </div>
      <p className="muted">One row per line, numbers separated by spaces.</p>
      <button type="button" className="primary" onClick={() => start(factorsFrom(uText, vtText, m, n))}>
        Start from these
      </button>
      {error && (
        <p role="alert" className="start-factors-error">
          {error}
        </p>
      )}
    </details>
  );
}
