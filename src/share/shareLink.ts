/**
 * The lab's share link, as the address bar holds it (the URL codec, through the store's state):
 * with U and V when they fit a link, so that every phone shows the exact same factors.
 */
import type { LabState } from '../state/labStore';
import { sharedLabOf } from '../state/persist';
import { encodeLab, URL_FACTOR_LIMIT } from '../state/urlCodec';
import { QR_MAX_BYTES } from './qrLimits';

export interface ShareLink {
  url: string;
  /** True when U and V had to be left out for the QR code (phones replay the run instead). */
  withoutFactors: boolean;
}

type ShareState = Pick<LabState, 'data' | 'origin' | 'pristine' | 'settings' | 'timeline'> & { hideControls?: boolean };

/** The page's address without its fragment: where a link opens MF Lab. */
export function appBase(): string {
  return `${location.origin}${location.pathname}`;
}

/**
 * The link to a lab's state. A QR code holds at most ~2,900 bytes, so when the factors make
 * the link longer the run's actions stand in for them (a phone replays them from the seed).
 */
export function labShareLink(state: ShareState, base: string = appBase()): ShareLink {
  const full = `${base}#${encodeLab(sharedLabOf(state, URL_FACTOR_LIMIT))}`;
  if (full.length <= QR_MAX_BYTES) return { url: full, withoutFactors: false };
  const compact = `${base}#${encodeLab(sharedLabOf(state, 0), { maxFactors: 0 })}`;
  return { url: compact, withoutFactors: compact.length < full.length };
}
