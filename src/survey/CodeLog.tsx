/**
 * What became of each code added, newest first. Codes that were not used (duplicate, changed
 * answer, empty, refused) are always listed with their reason; the ones used fold away.
 */
import type { LoggedReport } from './useCollection';

const MARK: Record<LoggedReport['kind'], { sign: string; word: string }> = {
  added: { sign: '✓', word: 'Added' },
  duplicate: { sign: '=', word: 'Duplicate' },
  conflict: { sign: '!', word: 'Changed answer' },
  empty: { sign: '∅', word: 'Empty' },
  invalid: { sign: '✗', word: 'Refused' },
};

function Report({ r, onReplace }: { r: LoggedReport; onReplace: (report: LoggedReport) => void }) {
  return (
    <li className={`code-report ${r.kind}`}>
      <span className="code-report-sign" aria-hidden="true">
        {MARK[r.kind].sign}
      </span>
      <span className="code-report-body">
        <strong>
          {MARK[r.kind].word}
          {r.kind === 'added' && r.row ? ` as row ${r.row}` : ''}:
        </strong>{' '}
        {r.message} <code className="code-report-text">{r.text}</code>
        {r.kind === 'conflict' && r.replacement && (
          <button type="button" className="link-button" onClick={() => onReplace(r)}>
            Use this one instead
          </button>
        )}
      </span>
    </li>
  );
}

export function CodeLog({ log, onReplace }: { log: LoggedReport[]; onReplace: (report: LoggedReport) => void }) {
  if (log.length === 0) return null;
  const unused = log.filter((r) => r.kind !== 'added');
  const used = log.filter((r) => r.kind === 'added');
  return (
    <section className="code-log" aria-labelledby="code-log-title">
      <h3 id="code-log-title">
        Codes added here: {used.length} used{unused.length > 0 ? `, ${unused.length} not used` : ''}
      </h3>
      {unused.length > 0 && (
        <ol className="code-log-list" aria-label="Codes not used, and why">
          {unused.map((r) => (
            <Report key={r.id} r={r} onReplace={onReplace} />
          ))}
        </ol>
      )}
      {used.length > 0 && (
        <details className="code-log-used">
          <summary>{used.length === 1 ? 'The code used' : `The ${used.length} codes used`}</summary>
          <ol className="code-log-list" aria-label="Codes used">
            {used.map((r) => (
              <Report key={r.id} r={r} onReplace={onReplace} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
