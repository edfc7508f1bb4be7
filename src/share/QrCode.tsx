/** A QR code drawn as SVG: crisp at any size, from a phone screen to a projector. */
import { useMemo } from 'react';
import { qrSymbol } from './qrSymbol';

export interface QrCodeProps {
  text: string;
  /** What the code opens, for screen readers (“QR code: link to this survey”). */
  label: string;
  className?: string;
}

export function QrCode({ text, label, className }: QrCodeProps) {
  const result = useMemo(() => qrSymbol(text), [text]);
  if (!result.ok)
    return (
      <p className="qr-error" role="alert">
        {result.error} Copy the text instead.
      </p>
    );
  const { size, path, version } = result.symbol;
  return (
    <svg
      className={className ? `qr-code ${className}` : 'qr-code'}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      data-qr-version={version}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
