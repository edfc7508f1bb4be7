/** The survey's QR code and short link, for the projector: phones open the survey from it. */
import { lazy, Suspense, useState } from 'react';
import { CopyButton } from '../share/CopyButton';
import { QrCode } from '../share/QrCode';
import { takeLink } from './surveyRoute';
import type { Survey } from './surveySpec';

const QrDialog = lazy(() => import('../share/QrDialog'));

export function SurveyInvite({ survey }: { survey: Survey }) {
  const link = takeLink(survey.token);
  const [big, setBig] = useState(false);
  const { min, max } = survey.spec.scale;
  return (
    <section className="panel survey-invite" aria-labelledby="invite-title">
      <QrCode text={link} label="QR code of the link to this survey" className="invite-qr" />
      <div className="invite-side">
        <h2 id="invite-title">Survey {survey.id}: scan to answer</h2>
        <p>
          {survey.listLabel ?? 'Your own list'}: {survey.items.length} items, rated {min}–{max}.
        </p>
        <p className="invite-link">
          <a href={link} target="_blank" rel="noreferrer">
            {link}
          </a>
        </p>
        <div className="invite-actions">
          <CopyButton text={link} label="Copy link" />
          <button type="button" aria-haspopup="dialog" onClick={() => setBig(true)}>
            Show the QR code full screen
          </button>
        </div>
        <p className="muted small">
          Students get a short answer code at the end and send it back to you (chat, course page) or show its QR code to this
          laptop’s camera.
        </p>
      </div>
      {big && (
        <Suspense fallback={null}>
          <QrDialog
            open
            title={`Survey ${survey.id}: scan to answer`}
            text={link}
            qrLabel="QR code of the link to this survey"
            onClose={() => setBig(false)}
          >
            <p>
              {survey.items.length} items, rated {min}–{max}. About a minute on a phone.
            </p>
          </QrDialog>
        </Suspense>
      )}
    </section>
  );
}
