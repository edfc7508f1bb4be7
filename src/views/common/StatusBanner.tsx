/** The lab's message line: what just happened and why (singular solves, divergence, notes, broken links). */
import { useLab } from '../../state/LabContext';
import { statusText } from './statusText';

export function StatusBanner() {
  const status = useLab((s) => s.status);
  const setStatus = useLab((s) => s.setStatus);
  const solver = useLab((s) => s.settings.solver);
  if (!status) return <div className="status-banner empty" role="status" aria-live="polite" />;
  const urgent = status.tone !== 'info';
  return (
    <div
      className={`status-banner ${status.tone}`}
      role={urgent ? 'alert' : 'status'}
      aria-live={urgent ? 'assertive' : 'polite'}
    >
      <span className="status-icon" aria-hidden="true">
        {status.tone === 'error' ? '⚠' : status.tone === 'warning' ? '!' : 'i'}
      </span>
      <p>{statusText(status.text, solver)}</p>
      <button type="button" className="status-close" aria-label="Dismiss message" onClick={() => setStatus(null)}>
        ×
      </button>
    </div>
  );
}
