/**
 * The chart's legend: each line with its swatch (colour and dash), its symbol from the
 * lecture (typeset by KaTeX) and its name; then the marker of each kind of step.
 */
import { memo, useMemo } from 'react';
import type { StepKind } from '../../worker/protocol';
import { texToHtml } from '../common/Tex';
import { useKatex } from '../common/katexLoader';
import { KIND_LABELS } from './lossSeries';
import { KIND_STYLES, OKABE_ITO, type LineStyle } from './styles';

export interface LegendLine {
  style: LineStyle;
  name: string;
  tex?: string;
}

function Swatch({ style }: { style: LineStyle }) {
  return (
    <svg className="loss-swatch" width={48} height={16} aria-hidden="true">
      <line x1={2} x2={46} y1={8} y2={8} stroke={style.color} strokeWidth={style.width} strokeDasharray={style.dash} />
    </svg>
  );
}

function KindSymbol({ kind }: { kind: StepKind }) {
  const s = KIND_STYLES[kind];
  return (
    <svg className="loss-swatch" width={24} height={24} viewBox="-12 -12 24 24" aria-hidden="true">
      <path d={s.symbol} fill={s.fill} stroke={s.stroke === '#ffffff' ? OKABE_ITO.ink : s.stroke} strokeWidth={1.5} />
    </svg>
  );
}

function Formula({ tex }: { tex: string }) {
  const katex = useKatex();
  const html = useMemo(() => texToHtml(tex, false, katex), [tex, katex]);
  return <span className="legend-tex" dangerouslySetInnerHTML={{ __html: html }} />;
}

function LossLegendImpl({
  lines,
  kinds,
  rises,
  label = 'Legend',
}: {
  lines: LegendLine[];
  kinds: StepKind[];
  rises: boolean;
  label?: string;
}) {
  return (
    <ul className="loss-legend" aria-label={label}>
      {lines.map((l) => (
        <li key={l.style.key} className="legend-line">
          <Swatch style={l.style} />
          <span className="legend-text">
            <span className="legend-name">{l.name}</span>
            {l.tex && <Formula tex={l.tex} />}
          </span>
        </li>
      ))}
      {kinds.map((kind) => (
        <li key={kind} className="legend-kind" data-kind={kind}>
          <KindSymbol kind={kind} />
          <span className="legend-name">{KIND_LABELS[kind]}</span>
        </li>
      ))}
      {rises && (
        <li className="legend-rise">
          <svg className="loss-swatch" width={48} height={16} aria-hidden="true">
            <line x1={2} x2={46} y1={8} y2={8} className="rise-swatch" />
          </svg>
          <span className="legend-name">the objective rose</span>
        </li>
      )}
    </ul>
  );
}

export const LossLegend = memo(LossLegendImpl);
