/**
 * The Open data panel in a modal dialog (loaded on demand), opened from the data menu's
 * "Open data…" or by files dropped anywhere on the page. While a data set is built or read,
 * a progress bar and Cancel sit beside the data menu (the data on screen stays until it is ready).
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useLab } from '../../state/LabContext';
import './OpenData.css';

const OpenDataPanel = lazy(() => import('./OpenDataPanel'));

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export interface OpenDataDialogProps {
  open: boolean;
  /** Asked to open (files were dropped on the page). */
  onOpen(): void;
  /** Closed: the opener takes the focus back. */
  onClose(): void;
}

export function OpenDataDialog({ open, onOpen, onClose }: OpenDataDialogProps) {
  const [dropped, setDropped] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const openRef = useRef(onOpen);
  useEffect(() => {
    openRef.current = onOpen;
  });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);

  // Drag and drop anywhere on the page: the panel opens with the dropped files.
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      setDropped(files);
      openRef.current();
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const close = () => {
    setDropped(null);
    onClose();
  };

  return (
    <>
      <LoadingBar />
      {dragging && !open && (
        <div className="od-drag-overlay" aria-hidden="true">
          Drop to open in MF Lab — nothing leaves your browser
        </div>
      )}
      <dialog ref={dialog} className="od-dialog" aria-label="Open data" onClose={() => open && close()}>
        {open && (
          <Suspense fallback={<p>Loading the Open data panel…</p>}>
            <OpenDataPanel initial={dropped} onClose={close} />
          </Suspense>
        )}
      </dialog>
    </>
  );
}

/** Progress of the data set being built or read, with Cancel. */
export function LoadingBar() {
  const { loading, cancelLoading } = useLab((s) => ({ loading: s.loading, cancelLoading: s.cancelLoading }));
  if (!loading) return null;
  const percent = loading.progress === null ? null : Math.round(loading.progress * 100);
  return (
    <span className="od-loading" role="group" aria-label={loading.label}>
      <progress max={100} value={percent ?? undefined} aria-label={`${loading.label}: ${loading.phase}`} />
      <span className="od-loading-text" aria-live="polite">
        {loading.phase}
        {percent !== null ? ` ${percent} %` : ''}
      </span>
      <button type="button" onClick={cancelLoading}>
        Cancel
      </button>
    </span>
  );
}
