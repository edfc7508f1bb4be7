import { useLab } from '../../state/LabContext';
import { currentEntry } from '../../state/labStore';

/** Step and reset, with the objective after the last action. */
export function RunControls() {
  const { step, reset } = useLab((s) => ({ step: s.step, reset: s.reset }));
  const entry = useLab((s) => currentEntry(s));
  return (
    <div className="run-controls">
      <button type="button" onClick={step}>
        Step
      </button>
      <button type="button" onClick={reset}>
        Reset
      </button>
      <output aria-label="Loss" className="loss-readout">
        {entry ? entry.metrics.total.toFixed(4) : '…'}
      </output>
      <span className="step-readout" aria-label="Step count">
        {entry ? `step ${entry.step}` : ''}
      </span>
    </div>
  );
}
