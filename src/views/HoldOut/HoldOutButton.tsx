/**
 * "Hold out…": a dialog that splits the lab's ratings into training and held-out cells — a
 * seeded random share of each user's, or each user's latest ones when the data has
 * timestamps — as one undoable change. It says why: a model is judged on ratings it never saw.
 */
import { useId, useState } from 'react';
import { useLab, useLabStore } from '../../state/LabContext';
import { applyHoldOut } from '../../state/holdOutSplit';
import { timestampsOf } from '../../state/labData';
import { ModalActions, ModalDialog } from '../common/ModalDialog';
import './HoldOut.css';
import { formatCount } from '../../core/formatCount';

export interface HoldOutButtonProps {
  /** The button's text (default "Hold out…"). */
  label?: string;
  className?: string;
}

export function HoldOutButton({ label = 'Hold out…', className }: HoldOutButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title="Hold out ratings for evaluation" className="holdout-dialog">
        <HoldOutForm onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

type Kind = 'random' | 'time';

function HoldOutForm({ onDone }: { onDone: () => void }) {
  const store = useLabStore();
  const { data } = useLab((s) => ({ data: s.data }));
  const times = timestampsOf(data);
  const [kind, setKind] = useState<Kind>('random');
  const [share, setShare] = useState('20');
  const [seed, setSeed] = useState('1');
  const [latest, setLatest] = useState('2');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const what = data.mode === 'implicit' ? 'interactions' : 'ratings';
  const n = (x: number) => formatCount(x);

  const submit = async () => {
    const s = Number(share) / 100;
    const k = Number(latest);
    if (kind === 'random' && !(s > 0 && s < 1)) return setError('The share must be between 1 and 99 %.');
    if (kind === 'random' && !Number.isInteger(Number(seed))) return setError('The seed must be a whole number.');
    if (kind === 'time' && !(Number.isInteger(k) && k >= 1))
      return setError('The number of latest ratings must be a whole number ≥ 1.');
    setBusy(true);
    try {
      await applyHoldOut(store, kind === 'random' ? { kind, share: s, seed: Number(seed) } : { kind, latest: k });
      setError(null);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="holdout-why">
        A model is judged on {what} it has not seen: fitting the training {what} well is easy (more factors, less λ), predicting
        new ones is the point. Part of each user’s {what} are set aside, so every user still has some to learn from and some to be
        judged on. The loss chart then shows the held-out RMSE after every half-step, and the Evaluate tab compares the factors
        with simple baselines.
      </p>
      <p className="muted">
        {n(data.ratings.nnz)} {what} from {n(data.ratings.m)} users
        {data.heldOut.length > 0 ? `; ${n(data.heldOut.length)} are held out now and return to the pool first` : ''}.
      </p>
      <fieldset>
        <legend>Which {what} to hold out</legend>
        <div className="holdout-choice">
          <label>
            <input type="radio" name={`${id}-kind`} checked={kind === 'random'} onChange={() => setKind('random')} /> At random,
            per user
          </label>
          <span className="holdout-fields">
            <label>
              Share{' '}
              <input
                type="number"
                min={1}
                max={99}
                value={share}
                disabled={kind !== 'random'}
                onChange={(e) => setShare(e.target.value)}
              />{' '}
              %
            </label>
            <label>
              Seed <input type="number" value={seed} disabled={kind !== 'random'} onChange={(e) => setSeed(e.target.value)} />
            </label>
          </span>
        </div>
        <div className="holdout-choice">
          <label>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'time'}
              disabled={!times}
              aria-describedby={`${id}-time`}
              onChange={() => setKind('time')}
            />{' '}
            By time: each user’s latest
          </label>
          <span className="holdout-fields">
            <label>
              Latest{' '}
              <input
                type="number"
                min={1}
                value={latest}
                disabled={kind !== 'time'}
                onChange={(e) => setLatest(e.target.value)}
              />{' '}
              {what}
            </label>
          </span>
          <p id={`${id}-time`} className="muted small">
            {times
              ? 'Predict what each person rated next from what they rated before: the honest test for a recommender.'
              : 'Needs timestamps: this data has none (or was edited since it was opened).'}
          </p>
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="holdout-error">
          {error}
        </p>
      )}
      <ModalActions submit={busy ? 'Splitting…' : 'Hold out'} disabled={busy} />
    </form>
  );
}
