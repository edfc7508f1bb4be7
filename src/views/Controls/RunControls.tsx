/**
 * Running ALS: reset, the two half-steps (fix V and solve U; fix U and solve V), a full
 * step, play/pause with a speed, and the objective after the last action.
 */
import { useLab } from '../../state/LabContext';
import { currentEntry, SPEEDS } from '../../state/labStore';
import { Tex } from '../common/Tex';
import './Controls.css';

export interface RunControlsProps {
  /** Hide play and speed (a lesson that wants single steps only). */
  stepsOnly?: boolean;
}

export function RunControls({ stepsOnly = false }: RunControlsProps) {
  const { step, reset, halfStep, togglePlay, setSpeed } = useLab((s) => ({
    step: s.step,
    reset: s.reset,
    halfStep: s.halfStep,
    togglePlay: s.togglePlay,
    setSpeed: s.setSpeed,
  }));
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const solver = useLab((s) => s.settings.solver);
  const entry = useLab((s) => currentEntry(s));
  const gd = solver === 'gd';
  return (
    <div className="run-controls" role="group" aria-label="Run controls">
      <button type="button" onClick={reset} title="Back to the random start (R)">
        Reset
      </button>
      <button type="button" onClick={() => halfStep('users')} title={gd ? 'One gradient step on U' : 'Fix V, solve every u_i'}>
        {gd ? 'Step U' : 'Solve U'} <small>(fix V)</small>
      </button>
      <button type="button" onClick={() => halfStep('items')} title={gd ? 'One gradient step on V' : 'Fix U, solve every v_j'}>
        {gd ? 'Step V' : 'Solve V'} <small>(fix U)</small>
      </button>
      <button type="button" className="primary" onClick={step} title="A full step (→)">
        Step
      </button>
      {!stepsOnly && (
        <>
          <button type="button" className="primary" onClick={togglePlay} aria-pressed={playing} title="Play or pause (Space)">
            {playing ? 'Pause' : 'Play'}
          </button>
          <label className="speed">
            Speed
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
      <div className="readouts">
        <span className="readout">
          <Tex math="\mathcal{L}" /> ={' '}
          <output aria-label="Loss" className="loss-readout">
            {entry ? entry.metrics.total.toPrecision(6) : '…'}
          </output>
        </span>
        <span className="readout step-readout" aria-label="Step count">
          {entry ? `step ${entry.step}` : ''}
        </span>
      </div>
    </div>
  );
}
