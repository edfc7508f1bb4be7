/**
 * Whether this browser can read QR codes from the camera: getUserMedia for the picture and the
 * Shape Detection API's BarcodeDetector for the reading. Chrome and Edge have the detector on
 * Android, macOS and ChromeOS; Firefox, Safari and Chrome on Windows and Linux do not.
 */

export interface DetectedBarcode {
  rawValue: string;
}

export interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

export type CameraSupport = { ok: true; create: () => BarcodeDetectorLike } | { ok: false; reason: string };

const NO_DETECTOR =
  'This browser cannot read QR codes from a camera (it has no BarcodeDetector: Chrome and Edge on Android, macOS and ChromeOS do; Firefox, Safari and Chrome on Windows or Linux do not). Paste or type the codes instead.';

export async function cameraSupport(): Promise<CameraSupport> {
  if (typeof window === 'undefined') return { ok: false, reason: NO_DETECTOR };
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia)
    return {
      ok: false,
      reason:
        'This page cannot use the camera: browsers allow it only on https:// pages (or localhost). Paste or type the codes instead.',
    };
  const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return { ok: false, reason: NO_DETECTOR };
  try {
    const formats = (await Detector.getSupportedFormats?.()) ?? ['qr_code'];
    if (!formats.includes('qr_code')) return { ok: false, reason: NO_DETECTOR };
  } catch {
    return { ok: false, reason: NO_DETECTOR };
  }
  return { ok: true, create: () => new Detector({ formats: ['qr_code'] }) };
}

/** A camera error in plain words. */
export function cameraErrorMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'The camera was not allowed. Allow it in the address bar’s site settings and try again, or paste the codes.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found on this computer.';
  if (name === 'NotReadableError') return 'The camera is busy in another application: close it there and try again.';
  return `The camera could not be started (${error instanceof Error ? error.message : String(error)}).`;
}
