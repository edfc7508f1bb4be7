/** Copies a text with one tap and says so (clipboard API; a selected field where it is refused). */
import { useEffect, useRef, useState } from 'react';

export interface CopyButtonProps {
  text: string;
  label?: string;
  className?: string;
}

/** Copies with the Clipboard API, else with the older execCommand on a hidden field. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.appendChild(field);
    field.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    field.remove();
    return ok;
  }
}

export function CopyButton({ text, label = 'Copy', className }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const copy = async () => {
    const ok = await copyText(text);
    setState(ok ? 'copied' : 'failed');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2500);
  };
  return (
    <>
      <button type="button" className={className} onClick={copy}>
        {state === 'copied' ? 'Copied ✓' : label}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'failed'
            ? 'This browser refused to copy: select the text and copy it by hand.'
            : ''}
      </span>
      {state === 'failed' && (
        <span className="copy-failed" aria-hidden="true">
          Copying was refused: select the text and copy it by hand.
        </span>
      )}
    </>
  );
}
