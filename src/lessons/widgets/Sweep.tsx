/**
 * The supervised-learning view: fit ALS for several values of λ (or d) on a seeded split
 * and plot the training and held-out RMSE. Runs in its own worker.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { scaleLinear, scaleLog, scaleSymlog, line } from 'd3';
import { toProblemSpec } from '../../state/labData';
import { presetData, type PresetId } from '../../state/presets';
import { LabClient } from '../../worker/client';
import type { SweepResult } from '../../worker/protocol';
import type { Attrs } from '../parseLesson';

const W = 560;
const H = 260;
const M = { left: 76, right: 16, top: 16, bottom: 44 };
/** Axis labels closer than this (px) would overlap. */
const TICK_GAP = 22;

/** The y-axis ticks: powers of ten on a log axis (else d3's), never closer than TICK_GAP. */
export function sweepTicks(scale: { ticks(n?: number): number[]; (v: number): number }, log: boolean): number[] {
  const all = scale.ticks(5);
  const powers = all.filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const candidates = log && powers.length >= 2 ? powers : all;
  const kept: number[] = [];
  for (const t of candidates) if (kept.every((k) => Math.abs(scale(k) - scale(t)) >= TICK_GAP)) kept.push(t);
  return kept;
}

export function Sweep({ attrs }: { attrs: Attrs }) {
  const param = attrs.param === 'factors' ? 'factors' : 'lambda';
  const values = (attrs.values ?? (param === 'lambda' ? '0,0.01,0.1,0.5,1,2,5' : '1,2,3,4,6,8')).split(',').map(Number);
  const preset = (attrs.preset ?? 'tastes') as PresetId;
  const holdout = Number(attrs.holdout ?? 0.2);
  const seed = Number(attrs.seed ?? 1);
  const client = useRef<LabClient | null>(null);
  const [result, setResult] = useState<SweepResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => client.current?.dispose(), []);

  const run = () => {
    client.current ??= new LabClient();
    setBusy(true);
    const start = presetData(preset);
    client.current
      .sweep(toProblemSpec(start.data), {
        param,
        values,
        holdout,
        seed,
        factors: Number(attrs.d ?? start.settings.factors ?? 3),
        lambda: Number(attrs.lambda ?? start.settings.lambda ?? 0.1),
        initScale: 0.5,
        iterations: 40,
      })
      .then((r) => {
        setResult(r);
        setError(null);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  const chart = useMemo(() => {
    if (!result) return null;
    const xs = result.points.map((p) => p.value);
    const x = (param === 'lambda' ? scaleSymlog().constant(0.01) : scaleLinear()).domain([Math.min(...xs), Math.max(...xs)]).range([M.left, W - M.right]);
    const all = result.points.flatMap((p) => [p.trainRmse, p.testRmse]).filter((v) => Number.isFinite(v) && v > 0);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    // λ = 0 can overfit so badly that a linear axis would flatten every other point: go logarithmic.
    const log = hi / lo > 20;
    const y = (log ? scaleLog().domain([lo / 1.2, hi * 1.2]) : scaleLinear().domain([0, hi * 1.1]).nice()).range([H - M.bottom, M.top]);
    const path = (key: 'trainRmse' | 'testRmse') =>
      line<(typeof result.points)[number]>()
        .x((p) => x(p.value))
        .y((p) => y(p[key]))(result.points) ?? '';
    const best = result.points.reduce((a, b) => (b.testRmse < a.testRmse ? b : a));
    return { x, y, log, ticks: sweepTicks(y, log), train: path('trainRmse'), test: path('testRmse'), best };
  }, [result, param]);

  const name = param === 'lambda' ? 'λ' : 'd';
  return (
    <div className="widget sweep">
      <p>
        {result ? `${result.train} training ratings, ${result.test} held out (${Math.round(holdout * 100)}%, seed ${seed}). ` : ''}
        For each {name} in {values.join(', ')}: 40 ALS iterations on the training ratings, then the RMSE on both parts.
      </p>
      <button type="button" className="primary" onClick={run} disabled={busy}>
        {busy ? 'Fitting…' : result ? 'Run again' : 'Run the sweep'}
      </button>
      {error && <p role="alert">{error}</p>}
      {chart && result && (
        <>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            style={{ width: '100%', maxWidth: W }}
            role="img"
            aria-label={`Train and held-out RMSE for each ${name}${chart.log ? ' (logarithmic RMSE axis)' : ''}`}
            className="sweep-chart"
          >
            <text transform={`translate(18,${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis">
              {chart.log ? 'RMSE (log scale)' : 'RMSE'}
            </text>
            {chart.ticks.map((t) => (
              <g key={t} transform={`translate(0,${chart.y(t)})`}>
                <line x1={M.left} x2={W - M.right} stroke="#e2e8f0" />
                <text x={M.left - 8} dy="0.35em" textAnchor="end" className="axis">
                  {t >= 10 ? t.toFixed(0) : t >= 1 ? t.toFixed(1) : t.toPrecision(2)}
                </text>
              </g>
            ))}
            {result.points.map((p) => (
              <text key={p.value} x={chart.x(p.value)} y={H - M.bottom + 20} textAnchor="middle" className="axis">
                {p.value}
              </text>
            ))}
            <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis">
              {name}
            </text>
            <path d={chart.train} fill="none" stroke="#0072B2" strokeWidth={3} />
            <path d={chart.test} fill="none" stroke="#D55E00" strokeWidth={3} strokeDasharray="8 4" />
            {result.points.map((p) => (
              <g key={p.value}>
                <circle cx={chart.x(p.value)} cy={chart.y(p.trainRmse)} r={5} fill="#0072B2" />
                <rect x={chart.x(p.value) - 5} y={chart.y(p.testRmse) - 5} width={10} height={10} fill="#D55E00" />
              </g>
            ))}
            <circle cx={chart.x(chart.best.value)} cy={chart.y(chart.best.testRmse)} r={11} fill="none" stroke="#111" strokeWidth={2} />
          </svg>
          <p className="sweep-legend">
            <span style={{ color: '#0072B2' }}>● training RMSE</span> &nbsp; <span style={{ color: '#D55E00' }}>■ held-out RMSE</span> — the best held-out RMSE is at{' '}
            {name} = <strong aria-label="Best value">{chart.best.value}</strong> ({chart.best.testRmse.toFixed(3)}).
          </p>
          <table className="visually-hidden" aria-label="Sweep results">
            <tbody>
              {result.points.map((p) => (
                <tr key={p.value}>
                  <th scope="row">{p.value}</th>
                  <td>{p.trainRmse.toFixed(4)}</td>
                  <td>{p.testRmse.toFixed(4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
