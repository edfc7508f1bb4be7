/** The student's answer code: large, copied with one tap, and as a QR code for the laptop's camera. */
import { CopyButton } from '../share/CopyButton';
import { QrCode } from '../share/QrCode';

export interface AnswerCodeViewProps {
  code: string;
  onChange: () => void;
}

export function AnswerCodeView({ code, onChange }: AnswerCodeViewProps) {
  return (
    <section className="answer-code-view" aria-labelledby="code-title">
      <h2 id="code-title" tabIndex={-1}>
        Your answer code
      </h2>
      <p className="answer-code" aria-label={`Answer code ${code}`}>
        {code}
      </p>
      <div className="take-actions">
        <CopyButton text={code} label="Copy code" className="primary big" />
      </div>
      <p>Send it to your instructor in the class chat or the course page — or show this QR code to the laptop’s camera.</p>
      <QrCode text={code} label={`QR code of your answer code ${code}`} className="answer-qr" />
      <p className="muted small">Nothing was sent anywhere: the code is your answer. Your nickname, if any, is in it.</p>
      <button type="button" className="link-button" onClick={onChange}>
        Change my answers
      </button>
    </section>
  );
}
