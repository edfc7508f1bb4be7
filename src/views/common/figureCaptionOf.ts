/**
 * The caption of a saved figure from the lab's state, read when the figure is saved (not on every
 * snapshot: a chart that streams the run must not re-render for its Save button): the step on
 * screen, λ, d, and α for implicit feedback.
 */
import type { LabState } from '../../state/labStore';
import { figureCaption } from './figureExport';
import type { FigureCaptionInfo } from './saveFigure';

export function figureCaptionOf(s: Pick<LabState, 'timeline' | 'cursor' | 'settings' | 'data'>): FigureCaptionInfo {
  const entry = s.timeline[s.cursor ?? s.timeline.length - 1];
  const step = entry ? entry.step : null;
  const settings = s.settings ?? { lambda: Number.NaN, factors: entry?.d ?? Number.NaN, alpha: Number.NaN };
  const text = figureCaption({
    step,
    lambda: settings.lambda,
    factors: entry?.d ?? settings.factors,
    alpha: s.data?.mode === 'implicit' ? settings.alpha : null,
  });
  return { text, step };
}
