/**
 * Scrubbing through the run: a slider over every entry of the timeline (keyboard: arrows,
 * Page Up/Down, Home, End; Escape goes back to live). Moving it puts that step's model on
 * screen in every view; Step or Play then continues from there and drops the later steps.
 */
import { useId, type KeyboardEvent } from 'react';
import { useLab } from '../../state/LabContext';
import { KIND_LABELS } from '../LossChart/lossSeries';
import { useFrameLab } from '../LossChart/useFrameLab';
import './Timeline.css';

export function Timeline() {
  const id = useId();
  // The run grows with every batch from the worker: read it once per frame. The cursor moves
  // only when the student scrubs, and the slider (a controlled input) must follow at once.
  const timeline = useFrameLab((s) => s.timeline);
  const { cursor, scrub } = useLab((s) => ({ cursor: s.cursor, scrub: s.scrub }));
  const length = timeline.length;
  const index = cursor !== null && cursor < length ? cursor : Math.max(0, length - 1);
  const entry = timeline[index] ?? null;
  const last = timeline[length - 1] ?? null;
  const scrubbed = cursor !== null;
  const k = entry?.step ?? 0;
  const n = last?.step ?? 0;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && scrubbed) {
      e.preventDefault();
      scrub(null);
    }
  };

  return (
    <div className={`timeline${scrubbed ? ' scrubbed' : ''}`} role="group" aria-labelledby={`${id}-label`}>
      <div className="timeline-row">
        <label id={`${id}-label`} htmlFor={`${id}-slider`} className="timeline-label">
          Timeline step
        </label>
        <input
          id={`${id}-slider`}
          type="range"
          min={0}
          max={Math.max(0, length - 1)}
          step={1}
          value={index}
          disabled={length <= 1}
          aria-valuetext={entry ? `step ${k} of ${n}: ${KIND_LABELS[entry.kind]}` : 'no steps yet'}
          onChange={(e) => scrub(Number(e.target.value))}
          onKeyDown={onKeyDown}
        />
        <span className="timeline-position" aria-hidden="true">
          {k} / {n}
        </span>
        {scrubbed && (
          <button type="button" className="back-to-live" onClick={() => scrub(null)}>
            Back to live
          </button>
        )}
      </div>
      <p className="timeline-status" role="status">
        {scrubbed
          ? `Viewing step ${k} of ${n} — press Step or Play to continue from here (later steps are discarded).`
          : length > 1
            ? 'Live: following the latest step. Drag the slider or click the chart to look back.'
            : 'Live: the run’s steps will appear here.'}
      </p>
    </div>
  );
}
