/**
 * Whether the lab's first model has been on screen and the browser has had an idle moment since:
 * parts that nobody needs before then (the export menu, the variant comparison) wait for it, so
 * their code is fetched after the lab is usable rather than with the first load. Once true it
 * stays true (a new data set that empties the timeline does not unmount them and lose what the
 * student set).
 *
 * `turn` spreads the parts that wait over several idle moments (turn k waits for k + 1 of
 * them), so each is built and laid out in a task of its own instead of one long task that
 * holds the page (the lab's product of matrices, then the panels below it). The change is a
 * transition: React builds the part in slices and yields to input between them.
 */
import { startTransition, useEffect, useState } from 'react';
import { useLab } from '../../state/LabContext';
import { whenIdle } from './whenIdle';

export function useAfterFirstModel(turn = 0): boolean {
  const shown = useLab((s) => s.timeline.length > 0);
  const [later, setLater] = useState(false);
  useEffect(() => {
    if (!shown || later) return;
    let cancel = () => {};
    const wait = (left: number) => {
      cancel = whenIdle(() => (left > 0 ? wait(left - 1) : startTransition(() => setLater(true))));
    };
    wait(turn);
    return () => cancel();
  }, [shown, later, turn]);
  return later;
}
