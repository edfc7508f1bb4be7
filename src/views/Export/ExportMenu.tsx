/**
 * "Export ▾" beside the data menu: R as rating files (training, held-out), U and V as CSV with
 * ids and as the command line's JSON, and code that trains the same model elsewhere — PySpark,
 * implicit, numpy, the command line — shown in a dialog with Copy and Download; and the figures on
 * screen (the stage's matrices, the loss chart, …) as SVG or PNG for slides. Everything is
 * written in the browser and saved through a Blob link: no network.
 */
import { usePopover } from '../common/usePopover';
import { useId, useState, useSyncExternalStore } from 'react';
import { figuresOnScreen, subscribeFigures } from '../common/figureRegistry';
import { useFigureSaver } from '../common/SaveFigure';
import { EXPORT_TARGETS, type ExportTarget } from '../../core';
import { useLab, useLabStore } from '../../state/LabContext';
import { CodeDialog } from './CodeDialog';
import { downloadText } from './download';
import { factorsCsvFiles, factorsJson, factorsOf, FILE_NAMES, initialFactors, ratingsFiles, TARGET_LABELS } from './exportFiles';
import './Export.css';
import { formatCount } from '../../core/formatCount';

export function ExportMenu() {
  const store = useLabStore();
  const { heldOut, latest } = useLab((s) => ({
    heldOut: s.data.heldOut.length,
    latest: s.timeline[s.timeline.length - 1] ?? null,
  }));
  const { open, setOpen, root, opener, panel, onKeyDown } = usePopover();
  const [code, setCode] = useState<ExportTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const menuId = useId();
  const figures = useSyncExternalStore(subscribeFigures, figuresOnScreen, figuresOnScreen);
  const figureSaver = useFigureSaver();

  const F = factorsOf(latest);

  /** Runs an export; a refusal (a label a file cannot hold) is shown, not thrown. */
  const save = (write: () => void) => {
    try {
      write();
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const data = () => store.getState().data;
  const items: { label: string; hint: string; disabled?: boolean; run: () => void }[] = [
    {
      label: 'Ratings R (training)',
      hint: `${FILE_NAMES.ratings}: user, item, value per line, tab-separated`,
      run: () => save(() => downloadText(FILE_NAMES.ratings, ratingsFiles(data()).train, 'text/tab-separated-values')),
    },
    ...(heldOut > 0
      ? [
          {
            label: 'Held-out ratings',
            hint: `${FILE_NAMES.heldOut}: the ${formatCount(heldOut)} held-out cells`,
            run: () =>
              save(() => downloadText(FILE_NAMES.heldOut, ratingsFiles(data()).heldOut ?? '', 'text/tab-separated-values')),
          },
        ]
      : []),
    {
      label: 'U as CSV',
      hint: `${FILE_NAMES.U}: one row per user, with its id`,
      disabled: !F,
      run: () => save(() => downloadText(FILE_NAMES.U, factorsCsvFiles(F!, data()).U, 'text/csv')),
    },
    {
      label: 'V as CSV',
      hint: `${FILE_NAMES.V}: one row per item, with its id`,
      disabled: !F,
      run: () => save(() => downloadText(FILE_NAMES.V, factorsCsvFiles(F!, data()).V, 'text/csv')),
    },
    {
      label: 'U and V as JSON',
      hint: `${FILE_NAMES.factors}: the command line’s format (--json, --init)`,
      disabled: !F,
      run: () => save(() => downloadText(FILE_NAMES.factors, factorsJson(F!, data()), 'application/json')),
    },
    {
      label: 'Initial U and V as JSON',
      hint: `${FILE_NAMES.init}: step 0, for the scripts’ --init`,
      run: () =>
        save(() => {
          const s = store.getState();
          downloadText(FILE_NAMES.init, factorsJson(initialFactors(s.timeline, s.data, s.settings), s.data), 'application/json');
        }),
    },
  ];

  return (
    // Escape bubbles up here from the menu's buttons; the wrapper takes no focus.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div ref={root} className="export-menu" onKeyDown={onKeyDown}>
      <button ref={opener} type="button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        Export <span aria-hidden="true">▾</span>
      </button>
      <div ref={panel} id={menuId} className="export-list" role="group" aria-label="Export" hidden={!open}>
        <p className="export-heading">Data and factors{latest ? ` (step ${latest.step})` : ''}</p>
        <ul>
          {items.map((item, t) => (
            <li key={item.label}>
              <button type="button" disabled={item.disabled} onClick={item.run} aria-describedby={`${menuId}-hint${t}`}>
                {item.label}
              </button>
              <span id={`${menuId}-hint${t}`} className="export-hint">
                {item.hint}
              </span>
            </li>
          ))}
        </ul>
        <p className="export-heading">Code that trains this model elsewhere</p>
        <ul>
          {EXPORT_TARGETS.map((t) => (
            <li key={t}>
              <button
                type="button"
                aria-haspopup="dialog"
                onClick={() => {
                  setOpen(false);
                  setCode(t);
                }}
              >
                {TARGET_LABELS[t]} script…
              </button>
            </li>
          ))}
        </ul>
        {figures.length > 0 && (
          <>
            <p className="export-heading">Figures on screen, for slides (PNG 1920 px wide)</p>
            <ul className="export-figures">
              {figures.map((f, k) => (
                <li key={`${k}-${f.key}`}>
                  <span className="export-figure-name">{f.name.charAt(0).toUpperCase() + f.name.slice(1)}</span>
                  {(['svg', 'png'] as const).map((format) => (
                    <button
                      key={format}
                      type="button"
                      aria-label={`Save ${f.name} as ${format.toUpperCase()}`}
                      onClick={() => void figureSaver.save(f, format)}
                    >
                      {format.toUpperCase()}
                    </button>
                  ))}
                </li>
              ))}
            </ul>
            {figureSaver.message && (
              <p
                role={figureSaver.message.error ? 'alert' : 'status'}
                className={figureSaver.message.error ? 'export-error' : 'export-done'}
              >
                {figureSaver.message.text}
              </p>
            )}
          </>
        )}
        {error && (
          <p role="alert" className="export-error">
            {error}
          </p>
        )}
      </div>
      <CodeDialog target={code} onClose={() => setCode(null)} returnFocus={opener} />
    </div>
  );
}
