/**
 * The codes collected for one survey: rows of R and a log of what became of every code
 * (added, duplicate, refused and why). Kept in this browser as the codes themselves, so a
 * reload rebuilds exactly the same rows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { addCodes, type CodeReport, type CollectedRow } from './collectAnswers';
import { keepCodes, keptCodes } from './surveyStorage';
import type { Survey } from './surveySpec';

export interface LoggedReport extends CodeReport {
  /** Increasing id, for React keys and for "replace" actions. */
  id: number;
}

let nextId = 1;

function restore(survey: Survey): { rows: CollectedRow[]; lost: number } {
  const text = keptCodes(survey.id);
  if (!text) return { rows: [], lost: 0 };
  const { rows, reports } = addCodes([], text, survey);
  return { rows, lost: reports.filter((r) => r.kind !== 'added').length };
}

export function useCollection(survey: Survey) {
  const [initial] = useState(() => restore(survey));
  const [rows, setRows] = useState<CollectedRow[]>(initial.rows);
  // The rows as of the last change, read synchronously: codes scanned in quick succession
  // must each see the ones before them (duplicates are judged against every earlier row).
  const current = useRef(initial.rows);
  const [log, setLog] = useState<LoggedReport[]>([]);
  const [storageFailed, setStorageFailed] = useState(false);

  useEffect(() => {
    setStorageFailed(
      !keepCodes(
        survey.id,
        rows.map((r) => r.code),
      ),
    );
  }, [survey.id, rows]);

  const commit = useCallback((next: CollectedRow[]) => {
    current.current = next;
    setRows(next);
  }, []);

  /** Adds the codes in `text`; returns the reports (they also go to the top of the log). */
  const add = useCallback(
    (text: string): LoggedReport[] => {
      const result = addCodes(current.current, text, survey);
      const reports = result.reports.map((r) => ({ ...r, id: nextId++ }));
      commit(result.rows);
      if (reports.length > 0) setLog((l) => [...[...reports].reverse(), ...l].slice(0, 500));
      return reports;
    },
    [survey, commit],
  );

  const remove = useCallback((index: number) => commit(current.current.filter((_, k) => k !== index)), [commit]);

  const replace = useCallback(
    (report: LoggedReport) => {
      const replacement = report.replacement;
      if (!replacement) return;
      const rowsNow = current.current;
      const k = rowsNow.findIndex((r) => r.answer.respondent === replacement.answer.respondent);
      commit(k < 0 ? [...rowsNow, replacement] : rowsNow.map((r, j) => (j === k ? replacement : r)));
      setLog((l) =>
        l.map((r) =>
          r.id === report.id
            ? {
                ...r,
                kind: 'added',
                replacement: undefined,
                message: `A changed answer from the same phone: it now stands in row ${r.row}.`,
              }
            : r,
        ),
      );
    },
    [commit],
  );

  const clear = useCallback(() => {
    commit([]);
    setLog([]);
  }, [commit]);

  return { rows, log, add, remove, replace, clear, storageFailed, restoredRefused: initial.lost };
}
