/**
 * Collecting the class's answer codes: pasted in bulk (a chat transcript, an LMS export, one
 * per line), typed, or scanned. Every code gets a line saying what became of it; the rows of R
 * are counted as they arrive, and open in the lab when the instructor is ready.
 */
import { useId, useState } from 'react';
import { CameraScanner } from './CameraScanner';
import { classDataset, classRowsForMovieTweetings, movieTweetingsFit } from './classDataset';
import { sendRecipeToLab, sendToLab } from './openInLab';
import { CodeLog } from './CodeLog';
import { CollectedRows } from './CollectedRows';
import type { Survey } from './surveySpec';
import { useCollection } from './useCollection';

export function AnswerCollector({ survey }: { survey: Survey }) {
  const { rows, log, add, remove, replace, clear, storageFailed, restoredRefused } = useCollection(survey);
  const [text, setText] = useState('');
  const boxId = useId();
  const helpId = useId();

  /** Adds the codes in the box; what could not be used stays in the box to be fixed. */
  const submit = () => {
    const reports = add(text);
    const refused = reports.filter((r) => r.kind === 'invalid').map((r) => r.text);
    setText(refused.join('\n'));
  };

  const m = rows.length;
  const n = survey.items.length;
  const fit = movieTweetingsFit(survey);
  return (
    <section className="panel answer-collector" aria-labelledby="collect-title">
      <h2 id="collect-title">Answers</h2>
      <p className="row-count" role="status" aria-live="polite">
        <strong>{m}</strong> {m === 1 ? 'answer' : 'answers'} so far
        {m > 0 && (
          <>
            {' '}
            — R is {m} × {n}
          </>
        )}
      </p>
      <form
        className="collect-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={boxId}>Paste or type answer codes</label>
        <textarea
          id={boxId}
          rows={5}
          value={text}
          aria-describedby={helpId}
          spellCheck={false}
          placeholder="MF1-…"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <p id={helpId} className="muted small">
          One per line, or a whole chat transcript: MF Lab finds the codes in it. Codes it cannot use stay here, with the reason
          below, so you can fix them. Ctrl+Enter adds.
        </p>
        <div className="collect-actions">
          <button type="submit" className="primary" disabled={text.trim() === ''}>
            Add codes
          </button>
          <CameraScanner onCode={add} />
        </div>
      </form>
      {storageFailed && (
        <p className="field-error" role="alert">
          This browser refused to keep the codes: keep this tab open (or copy the codes somewhere) until you open them in the lab.
        </p>
      )}
      {restoredRefused > 0 && (
        <p className="muted small">
          {restoredRefused} kept {restoredRefused === 1 ? 'code' : 'codes'} could not be read back and were left out.
        </p>
      )}
      <CodeLog log={log} onReplace={replace} />
      <CollectedRows rows={rows} survey={survey} onRemove={remove} />
      <div className="collect-finish">
        <button type="button" className="primary big" disabled={m === 0} onClick={() => sendToLab(classDataset(survey, rows))}>
          Open in the lab
        </button>
        <span className="muted small">
          {m === 0
            ? 'Needs at least one answer.'
            : `ALS, the latent space and the rest run on the class’s R (${m} × ${n}). The lab’s “QR code” button then sends it back to every phone.`}
        </span>
        {fit.ok && (
          <button
            type="button"
            className="big"
            disabled={m === 0}
            onClick={() =>
              sendRecipeToLab(
                {
                  kind: 'classInMovieTweetings',
                  cut: 'core10',
                  rows: classRowsForMovieTweetings(survey, rows),
                  name: `MovieTweetings (k = 10 core) + class survey ${survey.id}`,
                },
                'The class beside MovieTweetings',
              )
            }
          >
            Open beside MovieTweetings’ real raters
          </button>
        )}
        {!fit.ok && survey.items.every((item) => item.id !== null) && <span className="muted small">{fit.why}</span>}
        {fit.ok && m > 0 && (
          <span className="muted small">
            The class’s {m} {m === 1 ? 'row joins' : 'rows join'} the 2,059 real raters of MovieTweetings’ k = 10 core (1,099
            films): ALS solves each student against item factors learned from thousands of strangers, and recommends from the
            whole catalogue, with titles. The students are the last rows.
          </span>
        )}
        {m > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              if (window.confirm(`Remove all ${m} answers of survey ${survey.id}?`)) clear();
            }}
          >
            Remove all answers
          </button>
        )}
      </div>
    </section>
  );
}
