/** What became of each code added, newest first: added, duplicate, changed answer, refused and why. */
import type { LoggedReport } from './useCollection';

const MARK: Record<LoggedReport['kind'], { sign: string; word: string }> = {
  added: { sign: '✓', word: 'Added' },
  duplicate: { sign: '=', word: 'Duplicate' },
  conflict: { sign: '!', word: 'Changed answer' },
  empty: { sign: '∅', word: 'Empty' },
  invalid: { sign: '✗', word: 'Refused' },
};

export function CodeLog({ log, onReplace }: { log: LoggedReport[]; onReplace: (report: LoggedReport) => void }) {
  if (log.length === 0) return null;
  const refused = log.filter((r) => r.kind !== 'added').length;
  return (
    <section className="code-log" aria-labelledby="code-log-title">
      <h3 id="code-log-title">
        Codes added here: {log.length - refused} used{refused > 0 ? `, ${refused} not used` : ''}
      </h3>
      <ol className="code-log-list">
        {log.map((r) => (
          <li key={r.id} className={`code-report ${r.kind}`}>
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
        ))}
      </ol>
    </section>
  );
}
