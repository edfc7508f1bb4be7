/**
 * An exported script in a dialog: one line on how the target's conventions meet the lab's,
 * the iterations to run, the script itself (its comments explain the rest), Copy and Download,
 * and the files it reads, one click each.
 */
import { useId, useMemo, useState, type RefObject } from 'react';
import { exportCode, exportFileName, type ExportTarget } from '../../core';
import { CopyButton } from '../../share/CopyButton';
import { useLab, useLabStore } from '../../state/LabContext';
import { closeDialogOf, ModalDialog } from '../common/ModalDialog';
import { downloadText } from './download';
import {
  exportSpecOf,
  exportSummary,
  factorsJson,
  FILE_NAMES,
  initialFactors,
  ratingsFiles,
  runIterations,
  TARGET_LABELS,
} from './exportFiles';

export interface CodeDialogProps {
  target: ExportTarget | null;
  onClose: () => void;
  returnFocus?: RefObject<HTMLElement | null>;
}

export function CodeDialog({ target, onClose, returnFocus }: CodeDialogProps) {
  return (
    <ModalDialog
      open={target !== null}
      onClose={onClose}
      title={target ? `${TARGET_LABELS[target]} script` : 'Script'}
      className="code-dialog"
      returnFocus={returnFocus}
    >
      {target && <CodeBody target={target} />}
    </ModalDialog>
  );
}

function CodeBody({ target }: { target: ExportTarget }) {
  const store = useLabStore();
  const { data, settings, latest } = useLab((s) => ({
    data: s.data,
    settings: s.settings,
    latest: s.timeline[s.timeline.length - 1] ?? null,
  }));
  const [iterations, setIterations] = useState(() => String(runIterations(latest)));
  const id = useId();
  const its = Number(iterations);
  const valid = Number.isInteger(its) && its >= 1 && its <= 10_000;
  const spec = useMemo(() => exportSpecOf(data, settings, valid ? its : 10, true), [data, settings, valid, its]);
  const built = useMemo(() => {
    try {
      return { code: exportCode(target, spec), error: null };
    } catch (e) {
      return { code: '', error: (e as Error).message };
    }
  }, [target, spec]);
  const fileName = exportFileName(target);
  const lecturesC = data.mode === 'implicit' && data.confidence !== null;
  const files = () => ratingsFiles(store.getState().data);

  return (
    <div className="code-body">
      <p className="code-summary">{exportSummary(target, spec)}</p>
      {lecturesC && (
        <p className="muted small">
          The lab’s C is given entry by entry here; every script uses c = 1 + α·r on P instead, so its confidences differ.
        </p>
      )}
      <div className="code-settings">
        <span>
          {spec.mode}, {spec.variant === 'wr' ? 'ALS-WR' : spec.variant}, d = {spec.factors}, λ = {spec.lambda}
          {spec.mode === 'implicit' ? `, α = ${spec.alpha}` : ''}, seed {spec.seed}
        </span>
        <label htmlFor={`${id}-its`}>
          Iterations{' '}
          <input
            id={`${id}-its`}
            type="number"
            min={1}
            value={iterations}
            aria-invalid={!valid || undefined}
            onChange={(e) => setIterations(e.target.value)}
          />
        </label>
      </div>
      {built.error ? (
        <p role="alert" className="export-error">
          {built.error}
        </p>
      ) : (
        // The script scrolls: it takes the focus so that a keyboard can scroll it.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <pre className="code-text" tabIndex={0} aria-label={`The ${TARGET_LABELS[target]} script, ${fileName}`}>
          {built.code}
        </pre>
      )}
      <div className="modal-actions code-actions">
        <CopyButton text={built.code} label="Copy" />
        <button
          type="button"
          className="primary"
          disabled={!!built.error}
          onClick={() => downloadText(fileName, built.code, target === 'cli' ? 'text/x-shellscript' : 'text/x-python')}
        >
          Download {fileName}
        </button>
        <button type="button" onClick={(e) => closeDialogOf(e.currentTarget)}>
          Close
        </button>
      </div>
      <p className="code-files">
        It reads{' '}
        <button type="button" className="link-button" onClick={() => downloadText(FILE_NAMES.ratings, files().train)}>
          {FILE_NAMES.ratings}
        </button>
        {spec.testFile && (
          <>
            ,{' '}
            <button type="button" className="link-button" onClick={() => downloadText(FILE_NAMES.heldOut, files().heldOut ?? '')}>
              {FILE_NAMES.heldOut}
            </button>
          </>
        )}
        {(target === 'numpy' || target === 'cli') && (
          <>
            {' '}
            and{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                const s = store.getState();
                downloadText(FILE_NAMES.init, factorsJson(initialFactors(s.timeline, s.data, s.settings), s.data));
              }}
            >
              {FILE_NAMES.init}
            </button>
          </>
        )}{' '}
        from the same folder: download them beside it.
      </p>
    </div>
  );
}
