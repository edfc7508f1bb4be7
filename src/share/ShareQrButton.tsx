/**
 * The lab's “QR code” button: the link to exactly this lab (data, settings, run), as a QR code
 * big enough for a projector, so a room of phones opens the same demo in seconds.
 */
import { lazy, Suspense, useState } from 'react';
import { useLabStore } from '../state/LabContext';
import { labShareLink, type ShareLink } from './shareLink';
import './share.css';

const QrDialog = lazy(() => import('./QrDialog'));

export function ShareQrButton() {
  const store = useLabStore();
  const [link, setLink] = useState<ShareLink | null>(null);
  const [hide, setHide] = useState(false);
  const linkFor = (hideControls: boolean) => labShareLink({ ...store.getState(), hideControls });
  return (
    <>
      <button
        type="button"
        className="share-qr-button"
        aria-haspopup="dialog"
        title="Show the link to this lab as a QR code, for phones in the room"
        onClick={() => {
          const hidden = store.getState().hideControls;
          setHide(hidden);
          setLink(linkFor(hidden));
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <path d="M1 1h6v6H1zM2 2v4h4V2zM9 1h6v6H9zm1 1v4h4V2zM1 9h6v6H1zm1 1v4h4v-4zM3 3h2v2H3zm8 0h2v2h-2zM3 11h2v2H3zm6-2h2v2H9zm2 2h2v2h-2zm2-2h2v2h-2zm-4 4h2v2H9zm4 0h2v2h-2z" />
        </svg>{' '}
        QR code
      </button>
      {link && (
        <Suspense fallback={null}>
          <QrDialog
            open
            title="Open this lab on a phone"
            text={link.url}
            qrLabel="QR code of the link to this lab"
            onClose={() => setLink(null)}
          >
            <p className="muted">
              Point a phone’s camera at the code: it opens this lab — the same data, settings and run.
              {link.withoutFactors && ' The factors are too many for a QR code, so phones replay the run from its seed.'}
            </p>
            <label className="qr-hide-controls">
              <input
                type="checkbox"
                checked={hide}
                onChange={(e) => {
                  setHide(e.target.checked);
                  setLink(linkFor(e.target.checked));
                }}
              />{' '}
              Hide the controls: the link shows only the run buttons, the matrices and the tabs (hide=controls), with a button to
              show everything again
            </label>
          </QrDialog>
        </Suspense>
      )}
    </>
  );
}
