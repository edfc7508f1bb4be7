/**
 * Whether the lab's first model has been on screen and the browser has had an idle moment since:
 * parts that nobody needs before then (the export menu, the variant comparison) wait for it, so
 * their code is fetched after the lab is usable rather than with the first load. Once true it
 * stays true (a new data set that empties the timeline does not unmount them and lose what the
 * student set).
 */
import { useEffect, useState } from 'react';
import { useLab } from '../../state/LabContext';

export function useAfterFirstModel(): boolean {
  const shown = useLab((s) => s.timeline.length > 0);
  const [later, setLater] = useState(false);
  useEffect(() => {
    if (!shown || later) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setLater(true), { timeout: 1500 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(() => setLater(true), 300);
    return () => clearTimeout(id);
  }, [shown, later]);
  return later;
}
