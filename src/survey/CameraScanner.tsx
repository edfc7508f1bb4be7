/**
 * Scanning students' answer QR codes with the laptop's camera, where the browser can: a live
 * picture, read a few times a second; each new code goes to the collection at once.
 */
import { useEffect, useRef, useState } from 'react';
import { cameraErrorMessage, cameraSupport, type CameraSupport } from './cameraSupport';

export interface CameraScannerProps {
  /** Called with each code read (a code held in front of the camera is passed once). */
  onCode: (text: string) => void;
}

/** How long the same code is ignored after it was read (ms): a phone held still is one answer. */
const REPEAT_MS = 4000;
const SCAN_EVERY_MS = 250;

export function CameraScanner({ onCode }: CameraScannerProps) {
  const [support, setSupport] = useState<CameraSupport | null>(null);
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let alive = true;
    void cameraSupport().then((s) => alive && setSupport(s));
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    if (!on || !support?.ok) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const seen = new Map<string, number>();
    const detector = support.create();
    const scan = async () => {
      const v = video.current;
      if (stopped || !v) return;
      if (v.readyState >= 2) {
        try {
          for (const barcode of await detector.detect(v)) {
            const now = Date.now();
            if ((seen.get(barcode.rawValue) ?? -Infinity) > now - REPEAT_MS) continue;
            seen.set(barcode.rawValue, now);
            onCodeRef.current(barcode.rawValue);
          }
        } catch {
          // A frame the detector could not read: try the next one.
        }
      }
      if (!stopped) timer = setTimeout(scan, SCAN_EVERY_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then(async (s) => {
        if (stopped) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        const v = video.current!;
        v.srcObject = s;
        await v.play().catch(() => undefined);
        void scan();
      })
      .catch((e: unknown) => {
        if (stopped) return;
        setError(cameraErrorMessage(e));
        setOn(false);
      });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [on, support]);

  if (!support) return null;
  if (!support.ok)
    return (
      <p className="scan-unsupported" role="note">
        {support.reason}
      </p>
    );
  return (
    <div className="camera-scanner">
      <button
        type="button"
        aria-pressed={on}
        onClick={() => {
          setError(null);
          setOn((o) => !o);
        }}
      >
        {on ? 'Stop the camera' : 'Scan with the camera'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {on && (
        <div className="scan-view">
          <video ref={video} muted playsInline aria-label="The camera's picture: hold a student's answer QR code up to it" />
          <p className="muted small">Hold each phone’s answer QR code up to the camera; every code read is added below.</p>
        </div>
      )}
    </div>
  );
}
