/**
 * Running the model: reset, the two half-steps (ALS: fix V and solve U, fix U and solve V;
 * gradient descent: a step on U or on V), a full step, play/pause with a speed, and what the
 * step on screen is — "iteration 2 · half-step 4" — with its objective. The readouts are
 * not live regions: a screen reader hears the step and the loss when the run pauses, after
 * a step the student took, or on request (L), never on every half-step while playing.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLab, useLabStore } from '../../state/LabContext';
import { SPEEDS } from '../../state/labStore';
import { Tex } from '../common/Tex';
import { onAnnounceRequest } from './announce';
import { countSteps, stepText, stepWords } from './stepWords';
import './Controls.css';

export interface RunControlsProps {
  /** Hide play and speed (a lesson that wants single steps only). */
  stepsOnly?: boolean;
  /** Where to show the step and the objective instead of beside the buttons (the lab's loss panel). */
  readoutsInto?: Element | null;
}

/** The step and objective on screen, in words (the same for the readout and for announcements). */
function useReadout() {
  const solver = useLab((s) => s.settings.solver);
  // Only what the readout shows: the words and the loss, so that a long timeline is not walked needlessly.
  return useLab((s) => {
    const index = s.cursor ?? s.timeline.length - 1;
    const entry = s.timeline[index] ?? null;
    const words = stepWords(countSteps(s.timeline, index, solver), solver);
    return {
      ready: entry !== null,
      prefix: words.prefix,
      count: words.count,
      detail: words.detail,
      loss: entry ? entry.metrics.total : Number.NaN,
      step: entry?.step ?? -1,
    };
  });
}

/** Snapshots that arrive this soon after a pause are still "paused at" (ms). */
const PAUSE_SETTLE_MS = 800;

export function RunControls({ stepsOnly = false, readoutsInto }: RunControlsProps) {
  const store = useLabStore();
  const { step, reset, halfStep, togglePlay, setSpeed } = useLab((s) => ({
    step: s.step,
    reset: s.reset,
    halfStep: s.halfStep,
    togglePlay: s.togglePlay,
    setSpeed: s.setSpeed,
  }));
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const gd = useLab((s) => s.settings.solver === 'gd');
  const r = useReadout();
  const lossText = r.ready ? r.loss.toPrecision(6) : '…';
  const said = `${stepText(r)}: objective ${lossText}`;

  // What a screen reader hears: set when the run stops, after a step taken by hand, or on request.
  const [announcement, setAnnouncement] = useState('');
  const wasPlaying = useRef(playing);
  const lastStep = useRef(r.step);
  // The worker's last batch can land just after the pause: it still belongs to the pause.
  const stoppedAt = useRef(-Infinity);
  useEffect(() => {
    const stopped = wasPlaying.current && !playing;
    const stepped = !playing && r.step !== lastStep.current && r.step > 0;
    wasPlaying.current = playing;
    lastStep.current = r.step;
    if (stopped) stoppedAt.current = performance.now();
    const pausing = performance.now() - stoppedAt.current < PAUSE_SETTLE_MS;
    if (stopped || (stepped && pausing)) setAnnouncement(`Paused at ${said}`);
    else if (stepped) setAnnouncement(said);
  }, [playing, r.step, said]);
  const saidRef = useRef(said);
  useEffect(() => {
    saidRef.current = said;
  });
  useEffect(
    () =>
      onAnnounceRequest(store, () =>
        // The same words twice in a row are not re-announced: a trailing space makes them new.
        setAnnouncement((a) => (a === saidRef.current ? `${saidRef.current} ` : saidRef.current)),
      ),
    [store],
  );

  const readouts = (
    <div className="readouts">
      <span className="readout step-readout">
        {r.prefix && (
          <>
            <span className="step-iteration">{r.prefix} ·</span>{' '}
          </>
        )}
        <output aria-live="off" aria-label="Step count">
          {r.ready ? r.count : ''}
        </output>
        {r.detail && <span className="step-detail"> ({r.detail})</span>}
      </span>
      <span className="readout">
        <Tex math="\mathcal{L}" /> ={' '}
        <output aria-live="off" aria-label="Loss" className="loss-readout">
          {lossText}
        </output>
      </span>
    </div>
  );

  return (
    <div className="run-controls" role="group" aria-label="Run controls">
      <div className="run-buttons">
        <button type="button" onClick={reset} title="Back to the random start (R)">
          Reset
        </button>
        <button type="button" onClick={() => halfStep('users')} title={gd ? 'One gradient step on U' : 'Fix V, solve every u_i'}>
          {gd ? 'Step U' : 'Solve U'} <small>(fix V)</small>
        </button>
        <button type="button" onClick={() => halfStep('items')} title={gd ? 'One gradient step on V' : 'Fix U, solve every v_j'}>
          {gd ? 'Step V' : 'Solve V'} <small>(fix U)</small>
        </button>
        <button
          type="button"
          className="primary"
          onClick={step}
          title={gd ? 'One gradient step on U and V (→)' : 'A full iteration: solve U, then V (→)'}
        >
          Step
        </button>
        {!stepsOnly && (
          <>
            <button type="button" className="primary" onClick={togglePlay} aria-pressed={playing} title="Play or pause (Space)">
              {playing ? 'Pause' : 'Play'}
            </button>
            <label className="speed">
              <span className="speed-label">Speed</span>
              <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
                {SPEEDS.map((s, k) => (
                  <option key={s.label} value={k}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
      {readoutsInto ? createPortal(readouts, readoutsInto) : readouts}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
