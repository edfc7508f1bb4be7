/**
 * The density view's controls: what the colour shows, how users and items are ordered (a
 * latent factor once the model has stepped), the zoom buttons, and the breadcrumb of zoomed
 * regions (each one a way back).
 */
import type { Region } from '../../core';
import type { OrderBy } from '../../worker/protocol';
import { regionWords, type Measure } from './densityModel';
import { formatCount as num } from '../../core/formatCount';

export interface DensityControlsProps {
  idBase: string;
  measure: Measure;
  onMeasure: (m: Measure) => void;
  order: OrderBy;
  onOrder: (o: OrderBy) => void;
  /** Latent factors to offer (0 before the model has stepped). */
  factors: number;
  valueWord: string;
  canZoomIn: boolean;
  zoomed: boolean;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onWhole: () => void;
}

export function DensityControls(props: DensityControlsProps) {
  const { idBase, measure, order, factors, valueWord, zoomed } = props;
  return (
    <div className="dv-controls">
      <span>
        <label htmlFor={`${idBase}-measure`}>Colour by</label>{' '}
        <select id={`${idBase}-measure`} value={measure} onChange={(e) => props.onMeasure(e.target.value as Measure)}>
          <option value="share">Known cells (%)</option>
          <option value="mean">Mean {valueWord}</option>
        </select>
      </span>
      <span>
        <label htmlFor={`${idBase}-order`}>Order by</label>{' '}
        <select
          id={`${idBase}-order`}
          value={order.kind === 'factor' ? `f${order.k}` : order.kind}
          onChange={(e) => {
            const v = e.target.value;
            props.onOrder(v.startsWith('f') ? { kind: 'factor', k: Number(v.slice(1)) } : { kind: v as 'activity' | 'original' });
          }}
        >
          <option value="activity">Activity (number of ratings)</option>
          <option value="original">The data’s own order</option>
          {Array.from({ length: factors }, (_, k) => (
            <option key={k} value={`f${k}`}>
              Latent factor {k + 1} (U and V)
            </option>
          ))}
          {factors === 0 && (
            <option value="factor-later" disabled>
              A latent factor (after a step)
            </option>
          )}
        </select>
      </span>
      <span className="dv-zoom" role="group" aria-label="Zoom">
        <button type="button" onClick={props.onZoomIn} disabled={!props.canZoomIn} aria-keyshortcuts="+">
          Zoom in
        </button>
        <button type="button" onClick={props.onZoomOut} disabled={!zoomed} aria-keyshortcuts="-">
          Zoom out
        </button>
        <button type="button" onClick={props.onWhole} disabled={!zoomed} aria-keyshortcuts="0">
          Whole R
        </button>
      </span>
    </div>
  );
}

/** Where the view is: all of R, then each zoomed region; `onGo(k)` keeps the first k regions. */
export function DensityCrumbs({ m, n, regions, onGo }: { m: number; n: number; regions: Region[]; onGo: (k: number) => void }) {
  return (
    <nav className="dv-crumbs" aria-label="Zoomed region">
      <ol>
        <li>
          {regions.length === 0 ? (
            <span aria-current="location">
              All of R: {num(m)} users × {num(n)} items
            </span>
          ) : (
            <button type="button" className="link-button" onClick={() => onGo(0)}>
              All of R: {num(m)} × {num(n)}
            </button>
          )}
        </li>
        {regions.map((r, k) => (
          <li key={k}>
            {k === regions.length - 1 ? (
              <span aria-current="location">{regionWords(r)}</span>
            ) : (
              <button type="button" className="link-button" onClick={() => onGo(k + 1)}>
                {regionWords(r)}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
