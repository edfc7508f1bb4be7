/**
 * A QR code as an SVG path, computed locally with the `qrcode` library (no network, no canvas):
 * the symbol's dark modules merged into horizontal runs, with the standard 4-module quiet zone.
 */
import QRCode from 'qrcode';
import { QR_MAX_BYTES } from './qrLimits';
import { formatCount } from '../core/formatCount';

export interface QrSymbol {
  /** Modules per side, quiet zone included. */
  size: number;
  /** Dark modules as one path in module units. */
  path: string;
  /** QR version (1–40): the higher, the denser and the closer a phone must be. */
  version: number;
}

const QUIET = 4;

export type QrResult = { ok: true; symbol: QrSymbol } | { ok: false; error: string };

/**
 * The symbol for `text`, at medium error correction when it fits (a projector's glare and a
 * phone's shaky hand are forgiven) and low error correction for long texts.
 */
export function qrSymbol(text: string): QrResult {
  const bytes = new TextEncoder().encode(text).length;
  for (const errorCorrectionLevel of ['M', 'L'] as const) {
    try {
      const qr = QRCode.create(text, { errorCorrectionLevel });
      const n = qr.modules.size;
      let path = '';
      for (let y = 0; y < n; y++) {
        for (let x = 0; x < n;) {
          if (!qr.modules.get(y, x)) {
            x++;
            continue;
          }
          let run = 1;
          while (x + run < n && qr.modules.get(y, x + run)) run++;
          path += `M${x + QUIET} ${y + QUIET}h${run}v1h-${run}z`;
          x += run;
        }
      }
      return { ok: true, symbol: { size: n + 2 * QUIET, path, version: qr.version } };
    } catch {
      // Too long at this level: try a lower one.
    }
  }
  return {
    ok: false,
    error: `This text is ${formatCount(bytes)} bytes, more than a QR code can hold (${formatCount(QR_MAX_BYTES)}).`,
  };
}
