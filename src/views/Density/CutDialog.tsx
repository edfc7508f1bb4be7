/**
 * "Cut a dense core…": big real data is too sparse to step through by hand, so a dense piece
 * is cut out and opened in the small editable grid — the top N most active users × the top M
 * most rated items, the users and items with at least so many ratings (applied until stable),
 * or the density view's zoomed region. The size and share of known cells show before anything
 * changes (the worker chooses the users and items); a cut too big for the grid or empty is
 * refused with the reason. Applying it is one undoable change: Undo brings the big data back.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useLab, useLabStore } from '../../state/LabContext';
import { applyCut, cutRefusal, percent } from '../../state/cutData';
import { clientOf } from '../../state/labStore';
import type { LabData } from '../../state/labData';
import type { CutSpec } from '../../worker/protocol';
import { closeDialogOf, ModalActions, ModalDialog } from '../common/ModalDialog';
import type { RegionCut } from './DensityView';
import './Density.css';
import { formatCount as n } from '../../core/formatCount';

export interface CutDialogProps {
  open: boolean;
  onClose: () => void;
  /** The density view's zoomed region, when there is one. */
  region?: RegionCut | null;
  /** Open with the region chosen. */
  chooseRegion?: boolean;
}

export function CutDialog({ open, onClose, region = null, chooseRegion = false }: CutDialogProps) {
  return (
    <ModalDialog open={open} onClose={onClose} title="Cut a dense core into the grid" className="cut-dialog">
      <CutForm region={region} chooseRegion={chooseRegion} />
    </ModalDialog>
  );
}

type Kind = 'top' | 'min' | 'region';

interface Preview {
  key: string;
  data: LabData;
  users: Int32Array;
  items: Int32Array;
  known: number;
}

/** The spec the fields describe, or why they do not describe one. */
export function specOf(kind: 'top' | 'min', a: string, b: string): CutSpec | { error: string } {
  const [x, y] = [Number(a), Number(b)];
  const min = kind === 'top' ? 1 : 0;
  const names = kind === 'top' ? ['The number of users', 'The number of items'] : ['Ratings per user', 'Ratings per item'];
  for (const [v, name, text] of [
    [x, names[0], a],
    [y, names[1], b],
  ] as const)
    if (text.trim() === '' || !Number.isInteger(v) || v < min) return { error: `${name} must be a whole number ≥ ${min}.` };
  return kind === 'top' ? { kind, users: x, items: y } : { kind, perUser: x, perItem: y };
}

function describeSpec(spec: CutSpec): string {
  return spec.kind === 'top'
    ? `the top ${n(spec.users)} users × ${n(spec.items)} items`
    : `users with ≥ ${n(spec.perUser)} and items with ≥ ${n(spec.perItem)} ratings`;
}

function CutForm({ region, chooseRegion }: { region: RegionCut | null; chooseRegion: boolean }) {
  const store = useLabStore();
  const data = useLab((s) => s.data);
  const id = useId();
  const [kind, setKind] = useState<Kind>(region && chooseRegion ? 'region' : 'top');
  const [users, setUsers] = useState('20');
  const [items, setItems] = useState('12');
  const [perUser, setPerUser] = useState('20');
  const [perItem, setPerItem] = useState('20');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const asked = useRef(0);

  const spec: CutSpec | { error: string } | null =
    kind === 'region' ? null : kind === 'top' ? specOf('top', users, items) : specOf('min', perUser, perItem);
  const key = kind === 'region' ? `region:${region?.words}` : JSON.stringify(spec);

  // The size of the cut, asked of the worker a moment after the fields stop changing.
  useEffect(() => {
    const ticket = ++asked.current;
    if (kind === 'region') {
      if (region) setPreview({ key, data, users: region.users, items: region.items, known: region.known });
      return;
    }
    if (!spec || 'error' in spec) return;
    const timer = setTimeout(() => {
      clientOf(store)
        .cut(spec)
        .then(
          (cut) => ticket === asked.current && setPreview({ key, data, ...cut }),
          (e: Error) => ticket === asked.current && setFailure(e.message),
        );
    }, 150);
    return () => clearTimeout(timer);
    // The spec is described by its key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, data, store, region, kind]);

  const current = preview && preview.key === key && preview.data === data ? preview : null;
  const fieldError = spec && 'error' in spec ? spec.error : null;
  const refusal = current ? cutRefusal(current.users.length, current.items.length, current.known) : null;
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (fieldError || !current || refusal) {
      setError(fieldError ?? refusal ?? 'The size of the cut is still being counted: try again in a moment.');
      return;
    }
    try {
      const what = kind === 'region' ? `the region ${region?.words ?? ''}` : describeSpec(spec as CutSpec);
      applyCut(store, current.data, { users: current.users, items: current.items }, what);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    closeDialogOf(document.getElementById(`${id}-form`));
  };

  const radio = (value: Kind, label: string, disabled = false) => (
    <label>
      <input
        type="radio"
        name={`${id}-kind`}
        value={value}
        checked={kind === value}
        disabled={disabled}
        onChange={() => {
          setKind(value);
          setError(null);
        }}
      />{' '}
      {label}
    </label>
  );
  const field = (label: string, value: string, set: (v: string) => void, on: Kind, min: number) => (
    <label>
      {label}{' '}
      <input
        type="number"
        min={min}
        value={value}
        disabled={kind !== on}
        aria-invalid={kind === on && fieldError?.startsWith(label) ? true : undefined}
        onChange={(e) => {
          set(e.target.value);
          setError(null);
        }}
      />
    </label>
  );

  return (
    <form
      id={`${id}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="muted">
        Real data is too sparse to step through by hand ({n(data.ratings.m)} users × {n(data.ratings.n)} items,{' '}
        {percent(data.ratings.nnz / Math.max(1, data.ratings.m * data.ratings.n))} known). Cut out a dense piece, with its titles,
        and watch ALS fill in its ? cells in the grid. Undo brings all of it back.
      </p>
      <fieldset>
        <legend>Which users and items to keep</legend>
        <div className="cut-choice">
          {radio('top', 'The most active users × the most rated items')}
          <span className="cut-fields">
            {field('The number of users', users, setUsers, 'top', 1)}
            {field('The number of items', items, setItems, 'top', 1)}
          </span>
        </div>
        <div className="cut-choice">
          {radio('min', 'At least so many ratings per user and per item (repeated until every one has them)')}
          <span className="cut-fields">
            {field('Ratings per user', perUser, setPerUser, 'min', 0)}
            {field('Ratings per item', perItem, setPerItem, 'min', 0)}
          </span>
        </div>
        <div className="cut-choice">
          {radio('region', region ? `This region of the density view: ${region.words}` : 'A region of the density view', !region)}
          {!region && <span className="cut-fields muted">Zoom into the density view first.</span>}
        </div>
      </fieldset>
      <p className="cut-preview" role="status">
        {fieldError ? (
          <span className="cut-refusal">{fieldError}</span>
        ) : failure ? (
          <span className="cut-refusal">The cut could not be counted: {failure}</span>
        ) : current ? (
          <>
            The cut: <strong>{n(current.users.length)}</strong> users × <strong>{n(current.items.length)}</strong> items,{' '}
            {n(current.known)} known ratings ({percent(current.known / Math.max(1, current.users.length * current.items.length))}{' '}
            of its cells).
            {refusal && (
              <>
                {' '}
                <span className="cut-refusal">{refusal}</span>
              </>
            )}
          </>
        ) : (
          'Counting…'
        )}
      </p>
      {error && (
        <p role="alert" className="cut-refusal">
          {error}
        </p>
      )}
      <ModalActions submit="Open in the grid" />
    </form>
  );
}
