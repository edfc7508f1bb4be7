/**
 * What the grid holds: explicit ratings on a scale, or implicit feedback (observations
 * with c = 1 + α·r, or the lecture's P and C); which layer is shown; and the threshold
 * conversion from explicit to implicit.
 */
import { usePopover } from '../common/usePopover';
import { useId, useState } from 'react';
import { useLab } from '../../state/LabContext';
import { dataKind, formatNumber, parseEntry, setKind, setScale, type DataKind } from '../../state/edits';
import type { GridLayer, LayerInfo } from './cellView';
import type { Notice } from './RatingGrid';

const KINDS: { id: DataKind; label: string; short: string; title: string }[] = [
  { id: 'explicit', label: 'Explicit ratings', short: 'explicit', title: 'Known ratings r_ij on a scale; ? = unknown' },
  {
    id: 'alpha',
    label: 'Implicit, c = 1 + α·r',
    short: 'implicit, c = 1 + α·r',
    title: 'Observations r ≥ 0 (counts, shares watched): p = [r > 0], c = 1 + α·r',
  },
  {
    id: 'matrix',
    label: 'Implicit, P and C',
    short: 'implicit, P and C',
    title: 'Preferences P (0/1) and confidences C, entry by entry (the lecture’s)',
  },
];

export interface DataSettingsProps {
  layers: LayerInfo[];
  layer: GridLayer;
  onLayer(layer: GridLayer): void;
  onConvert(): void;
  onNotice(notice: Notice | null): void;
}

export function DataSettings({ layers, layer, onLayer, onConvert, onNotice }: DataSettingsProps) {
  const { data, alpha, setData } = useLab((s) => ({ data: s.data, alpha: s.settings.alpha, setData: s.setData }));
  const kind = dataKind(data);
  const { open, setOpen, root, opener, onKeyDown } = usePopover();
  const panelId = useId();
  const current = KINDS.find((k) => k.id === kind)!;
  return (
    <div className="rg-settings">
      {/* Escape bubbles up here from the buttons and fields inside; the wrapper takes no focus. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div ref={root} className="rg-options" onKeyDown={onKeyDown}>
        <button
          ref={opener}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          title={current.title}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="rg-setting-name">Feedback:</span> {current.short}
          {kind === 'explicit' ? ` ${formatNumber(data.scale.min)}–${formatNumber(data.scale.max)}` : ''}{' '}
          <span aria-hidden="true">▾</span>
        </button>
        <div id={panelId} className="rg-options-panel" role="group" aria-label="Feedback options" hidden={!open}>
          <label className="rg-kind" title={current.title}>
            <span className="rg-setting-name">Feedback</span>
            <select
              value={kind}
              onChange={(e) => {
                const result = setKind(data, e.target.value as DataKind, alpha);
                if (result.ok) {
                  setData(result.data);
                  onNotice(null);
                } else onNotice({ tone: 'error', text: result.error });
              }}
            >
              {KINDS.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          {kind === 'explicit' && <ScaleEditor onNotice={onNotice} key={`${data.scale.min}:${data.scale.max}`} />}
          {kind === 'explicit' && (
            <button
              type="button"
              onClick={() => {
                // The dialog hands the focus back to what opened it: the options button, not this hidden one.
                setOpen(false);
                opener.current?.focus();
                onConvert();
              }}
              title="The lecture's “from explicit to implicit”: ≥ threshold → 1, else 0, ? stays ?"
            >
              Convert to implicit…
            </button>
          )}
        </div>
      </div>
      {layers.length > 1 && (
        <div className="rg-layers" role="group" aria-label="Show layer">
          <span className="rg-layers-label">Show</span>
          {layers.map((l) => (
            <button
              key={l.id}
              type="button"
              aria-pressed={layer === l.id}
              className={layer === l.id ? 'rg-toggle-on' : undefined}
              title={l.long + (l.editable ? '' : ' (computed)')}
              aria-label={`${l.short}: ${l.long}`}
              onClick={() => onLayer(l.id)}
            >
              {l.short}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function ScaleEditor({ onNotice }: { onNotice(notice: Notice | null): void }) {
  const { data, setData } = useLab((s) => ({ data: s.data, setData: s.setData }));
  const initialMin = formatNumber(data.scale.min).replace('−', '-');
  const initialMax = formatNumber(data.scale.max).replace('−', '-');
  const [min, setMin] = useState(initialMin);
  const [max, setMax] = useState(initialMax);
  const submit = () => {
    const lo = parseEntry(min);
    const hi = parseEntry(max);
    if ('error' in lo || 'error' in hi || lo.value === null || hi.value === null) {
      onNotice({ tone: 'error', text: 'The scale needs two numbers, e.g. 1 and 5' });
      return;
    }
    const result = setScale(data, { min: lo.value, max: hi.value });
    if (result.ok) {
      if (result.data !== data) setData(result.data);
      onNotice(null);
    } else onNotice({ tone: 'error', text: result.error });
  };
  const dirty = min !== initialMin || max !== initialMax;
  return (
    <form
      className="rg-scale"
      aria-label="Rating scale"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <span className="rg-setting-name">Scale</span>
      <input aria-label="Lowest rating" inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)} size={3} />
      <span aria-hidden="true">–</span>
      <input aria-label="Highest rating" inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} size={3} />
      <button type="submit" disabled={!dirty} title="Apply the new scale (Enter)">
        Set scale
      </button>
    </form>
  );
}
