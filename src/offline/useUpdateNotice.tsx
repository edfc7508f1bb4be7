/**
 * A quiet line when a new version of MF Lab is ready: it starts on the next visit, or now if
 * the person chooses. Nothing reloads by itself, so an open lecture is never interrupted.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { registerServiceWorker, subscribeUpdates, updateNow, type UpdateState } from './serviceWorker';
import './offline.css';

export function useUpdateNotice(): ReactNode {
  const [update, setUpdate] = useState<UpdateState>('none');
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    registerServiceWorker();
    return subscribeUpdates(setUpdate);
  }, []);
  if (update === 'none' || dismissed) return null;
  return (
    <div className="update-notice" role="status">
      {update === 'ready' ? (
        <>
          A new version of MF Lab is ready. It starts the next time you open MF Lab.{' '}
          <button type="button" onClick={updateNow}>
            Update now
          </button>
        </>
      ) : (
        <>
          MF Lab was updated in another tab. Reload this one when it suits you.{' '}
          <button type="button" onClick={() => location.reload()}>
            Reload
          </button>
        </>
      )}{' '}
      <button type="button" onClick={() => setDismissed(true)} aria-label="Dismiss the update notice">
        ✕
      </button>
    </div>
  );
}
