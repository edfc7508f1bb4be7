/**
 * The Open data panel: drop, pick or paste a rating file (or a MovieLens zip as downloaded,
 * a held-out file, a titles file), see its first rows, say which column is which and the
 * scale, and open it. Everything is read in this browser; the whole file is parsed in the
 * worker, with a progress bar and Cancel, and the data on screen stays until it succeeds.
 * Loaded on demand (the importers are not in the first-load script).
 */
import { useEffect, useId, useState } from 'react';
import { useLab } from '../../state/LabContext';
import type { ColumnMapping } from '../../core';
import type { FileRole } from '../../worker/fileDataset';
import {
  LIMITS_TEXT,
  ROLE_NAMES,
  SCALE_CHOICES,
  addFiles,
  inspect,
  openingLabel,
  pick,
  recipeOf,
  type Inspection,
  type PickedFile,
} from './openDataModel';
import { PreviewTable, MappingFields } from './PreviewTable';

export interface OpenDataPanelProps {
  /** Files dropped on the lab before the panel opened. */
  initial: File[] | null;
  onClose: () => void;
}

const readAll = (list: File[]) =>
  Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));

export default function OpenDataPanel({ initial, onClose }: OpenDataPanelProps) {
  const { openRecipe, cancelLoading, loading } = useLab((s) => ({
    openRecipe: s.openRecipe,
    cancelLoading: s.cancelLoading,
    loading: s.loading,
  }));
  const id = useId();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [inspection, setInspection] = useState<Inspection>({ kind: 'none' });
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [implicit, setImplicit] = useState(false);
  const [scaleKey, setScaleKey] = useState('detected');
  const [choice, setChoice] = useState('all');
  const [paste, setPaste] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const look = (next: PickedFile[], nextMapping: ColumnMapping | null) => {
    setFiles(next);
    setError(null);
    try {
      const found = inspect(next, nextMapping ?? undefined);
      setInspection(found);
      if (found.kind === 'ratings' && found.preview) {
        setMapping(found.preview.layout.mapping);
        if (!nextMapping) setImplicit(found.preview.layout.mapping.valueKind === 'implicit');
      }
      if (found.kind === 'archive' && !found.description.choices.some((c) => c.id === choice)) setChoice('all');
    } catch (e) {
      setInspection({ kind: 'none' });
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const take = (list: { name: string; bytes: Uint8Array }[]) => {
    const next = addFiles(files, pick(list));
    const main = (f: PickedFile) => f.role === 'ratings' || f.role === 'archive';
    // A new rating file or archive is a new start: its mapping is found afresh.
    const fresh = list.some((f) => main(pick([f])[0]!));
    look(fresh ? next.filter((f) => !main(f) || list.some((l) => l.name === f.name)) : next, fresh ? null : mapping);
  };
  const takeFiles = (list: File[]) => {
    readAll(list).then(take, (e: Error) => setError(`The file could not be read: ${e.message}`));
  };

  useEffect(() => {
    if (initial && initial.length > 0) takeFiles(initial);
    // Only the files the panel opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial]);

  const setRole = (name: string, role: FileRole) =>
    look(
      files.map((f) => (f.name === name ? { ...f, role } : f)),
      mapping,
    );
  const remove = (name: string) =>
    look(
      files.filter((f) => f.name !== name),
      mapping,
    );
  const changeMapping = (next: ColumnMapping) => {
    const used = [next.user, next.item, next.value, next.timestamp].filter((c) => c !== null);
    if (new Set(used).size !== used.length) {
      setMapping(next);
      setError('One column cannot be two things: choose a different column for each of user, item, rating and time.');
      return;
    }
    if (next.value === null) setImplicit(true);
    look(files, next);
  };

  const open = async () => {
    if (inspection.kind === 'none') return;
    setBusy(true);
    setError(null);
    const outcome = await openRecipe(recipeOf(files, inspection, { mapping, implicit, scaleKey, choice }), openingLabel(files));
    setBusy(false);
    if (!outcome) onClose();
    else if (!outcome.cancelled) setError(outcome.error);
  };

  const preview = inspection.kind === 'ratings' ? inspection.preview : null;
  const detected = preview ? preview.scale.label : null;
  return (
    <div className="od-panel">
      <h2 id={`${id}-title`}>Open data</h2>
      <p className="od-private">
        <strong>Nothing leaves your browser:</strong> files are read here, on this computer, and kept only in this browser.
      </p>
      <div className="od-drop" data-testid="open-data-drop">
        <p>
          Drop a rating file (<code>user item rating [time]</code>, separated by commas, tabs, <code>::</code> or spaces), a
          MovieLens zip, a held-out file or a titles file anywhere on the lab, or
        </p>
        <label className="od-pick">
          <span className="od-pick-button">Choose files…</span>
          <input
            type="file"
            multiple
            className="od-file-input"
            accept=".csv,.tsv,.txt,.dat,.data,.base,.test,.item,.zip,.gz,text/*,application/zip"
            onChange={(e) => {
              if (e.target.files) takeFiles([...e.target.files]);
              e.target.value = '';
            }}
          />
        </label>
        <p className="od-limits">{LIMITS_TEXT}</p>
      </div>
      <details className="od-paste">
        <summary>Paste ratings instead</summary>
        <label htmlFor={`${id}-paste`}>Ratings as text, one per line</label>
        <textarea id={`${id}-paste`} rows={4} value={paste} onChange={(e) => setPaste(e.target.value)} spellCheck={false} />
        <button
          type="button"
          disabled={paste.trim() === ''}
          onClick={() => take([{ name: 'pasted ratings.txt', bytes: new TextEncoder().encode(paste) }])}
        >
          Use the pasted text
        </button>
      </details>
      <details className="od-movielens">
        <summary>MovieLens: which file to drop</summary>
        <p>
          Download a data set from{' '}
          <a href="https://grouplens.org/datasets/movielens/" target="_blank" rel="noreferrer">
            grouplens.org/datasets/movielens
          </a>{' '}
          and drop the zip as it is: <code>ml-latest-small.zip</code> (100,836 ratings), <code>ml-100k.zip</code> (100,000) or{' '}
          <code>ml-1m.zip</code> (1,000,209). Titles come from the archive. In <code>ml-100k.zip</code> you can choose one of its
          own splits (<code>u1.base</code> + <code>u1.test</code>) as training and held-out data; two files such as{' '}
          <code>u1.base</code> and <code>u1.test</code> dropped together open the same way. MovieLens may not be passed on, so MF
          Lab does not ship it.
        </p>
      </details>
      {files.length > 0 && (
        <ul className="od-files" aria-label="Files to open">
          {files.map((f) => (
            <li key={f.name}>
              <span className="od-file-name">{f.name}</span>
              <select
                aria-label={`What ${f.name} is`}
                value={f.role}
                onChange={(e) => setRole(f.name, e.target.value as FileRole)}
              >
                {(Object.keys(ROLE_NAMES) as FileRole[]).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_NAMES[r]}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => remove(f.name)} aria-label={`Remove ${f.name}`}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {inspection.kind === 'archive' && (
        <fieldset className="od-choices">
          <legend>{inspection.description.label}: what to open</legend>
          {inspection.description.choices.map((c) => (
            <label key={c.id}>
              <input type="radio" name={`${id}-choice`} value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} />{' '}
              {c.label}
            </label>
          ))}
          <p className="od-note">
            {inspection.description.titles ? 'Titles and genres come from the archive.' : 'This archive has no titles.'}
          </p>
        </fieldset>
      )}
      {inspection.kind === 'ratings' && inspection.note && <p className="od-note">{inspection.note}</p>}
      {preview && mapping && (
        <>
          <PreviewTable
            preview={preview}
            mapping={mapping}
            fileName={inspection.kind === 'ratings' ? inspection.file.name : ''}
          />
          <MappingFields preview={preview} mapping={mapping} onChange={changeMapping} />
          <div className="od-kind">
            <fieldset>
              <legend>The numbers are</legend>
              <label>
                <input
                  type="radio"
                  name={`${id}-kind`}
                  checked={!implicit}
                  disabled={mapping.value === null}
                  onChange={() => setImplicit(false)}
                />{' '}
                ratings (explicit)
              </label>
              <label>
                <input type="radio" name={`${id}-kind`} checked={implicit} onChange={() => setImplicit(true)} /> counts or plays
                (implicit{mapping.value === null ? ': each row is one interaction' : ''})
              </label>
            </fieldset>
            <label className="od-scale">
              Rating scale{' '}
              <select value={scaleKey} disabled={implicit} onChange={(e) => setScaleKey(e.target.value)}>
                {SCALE_CHOICES.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.key === 'detected' && detected ? `Detected: ${detected}` : s.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </>
      )}
      <p role="alert" className={error ? 'od-error' : 'od-error-empty'}>
        {error ? `Not opened: ${error}` : null}
        {error && ' The data on screen is unchanged.'}
      </p>
      {busy && loading && (
        <div className="od-progress">
          <label htmlFor={`${id}-progress`}>
            {loading.label}: {loading.phase}
          </label>
          <progress id={`${id}-progress`} max={1} value={loading.progress ?? undefined} />
          <button type="button" onClick={cancelLoading}>
            Cancel
          </button>
        </div>
      )}
      <div className="od-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || inspection.kind === 'none' || (error !== null && error.startsWith('One column'))}
          onClick={() => void open()}
        >
          Open
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
