/**
 * A modal <dialog> with a title: it opens when `open` turns true, Escape or a Close button
 * shuts it, and the focus goes back to whatever had it before (the button that opened it).
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import './ModalDialog.css';

export interface ModalDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  className?: string;
  /** Where the focus goes on close (default: what had it when the dialog opened). */
  returnFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

export function ModalDialog({ open, onClose, title, className, returnFocus, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
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
    const back = returnFocus?.current ?? opener.current;
    opener.current = null;
    if (back instanceof HTMLElement) back.focus();
  };
  return (
    // Keys stay in the dialog: Escape closes it, and must not also close a menu it was opened from (or
    // hide that menu with the dialog still open), nor reach the lab's shortcuts.
    <dialog
      ref={ref}
      className={`modal-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onClose={closed}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}

/** Closes the dialog this element sits in (its `close` event then runs onClose and returns the focus). */
export function closeDialogOf(element: Element | null): void {
  element?.closest('dialog')?.close();
}

/** A dialog form's buttons: Cancel closes the dialog (the focus goes back); the primary one submits the form. */
export function ModalActions({ submit, disabled = false }: { submit: ReactNode; disabled?: boolean }) {
  return (
    <div className="modal-actions">
      <button type="button" onClick={(e) => closeDialogOf(e.currentTarget)}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={disabled}>
        {submit}
      </button>
    </div>
  );
}
