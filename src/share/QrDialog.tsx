/**
 * A QR code big enough for a projector, in a modal dialog: the text it holds (a link, an
 * answer code) beside it, with a copy button. Escape or Close shuts it, and focus goes back to
 * what opened it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { QrCode } from './QrCode';
import { CopyButton } from './CopyButton';
import './share.css';
import { formatCount } from '../core/formatCount';

export interface QrDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What the QR code holds. */
  text: string;
  /** Read out for the QR image (“QR code of the link to this lab”). */
  qrLabel: string;
  /** A line or two under the title: what a phone will open. */
  children?: ReactNode;
}

/** Past this many characters a QR code has small modules: say how to get it read. */
const DENSE = 800;

export default function QrDialog({ open, onClose, title, text, qrLabel, children }: QrDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const isLink = /^https?:/.test(text);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal?.();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const closed = () => {
    onClose();
    const back = opener.current;
    opener.current = null;
    if (back instanceof HTMLElement) back.focus();
  };
  return (
    <dialog ref={ref} className="qr-dialog" aria-labelledby={titleId} onClose={closed}>
      {open && (
        <div className="qr-dialog-body">
          <QrCode text={text} label={qrLabel} className="qr-dialog-code" />
          <div className="qr-dialog-side">
            <h2 id={titleId}>{title}</h2>
            {children}
            {text.length > DENSE && (
              <p className="muted small">
                This code is dense ({formatCount(text.length)} characters): phones read it best from a few metres, or send the
                link in the class chat.
              </p>
            )}
            <p className="qr-dialog-text">{isLink ? <a href={text}>{text}</a> : <code>{text}</code>}</p>
            <div className="qr-dialog-actions">
              <CopyButton text={text} label={isLink ? 'Copy link' : 'Copy'} className="primary" />
              <button type="button" onClick={() => ref.current?.close()} autoFocus>
                Close
              </button>
            </div>
          </div>
        </div>
      )}
    </dialog>
  );
}
