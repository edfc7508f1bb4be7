/** The caption of a saved figure from the lab's state: the step on screen, λ, d (and α for implicit feedback). */
import { useLab } from '../../state/LabContext';
import { figureCaption } from './figureExport';
import type { FigureCaptionInfo } from './saveFigure';

export function useFigureCaption(): FigureCaptionInfo {
  const { step, lambda, factors, alpha } = useLab((s) => {
    const entry = s.timeline[s.cursor ?? s.timeline.length - 1];
    return {
      step: entry ? entry.step : null,
      lambda: s.settings.lambda,
      factors: entry?.d ?? s.settings.factors,
      alpha: s.data.mode === 'implicit' ? s.settings.alpha : null,
    };
  });
  return { text: figureCaption({ step, lambda, factors, alpha }), step };
}
