/**
 * The service worker that keeps MF Lab working without a network (generated at build time by
 * vite-plugin-pwa: see vite.config.ts). Registered here with workbox-window rather than the
 * plugin's virtual module, so that tests and tools importing the app need no plugin.
 *
 * Updates never interrupt a lecture: a new version waits until every MF Lab tab is closed (the
 * next visit), or until the person clicks “Update now” in this tab. Another tab's update never
 * reloads this one; it only says so.
 */
import type { Workbox } from 'workbox-window';

export type UpdateState = 'none' | 'ready' | 'updated-elsewhere';

type Listener = (state: UpdateState) => void;

let workbox: Workbox | null = null;
let scheduled = false;
let state: UpdateState = 'none';
let requestedHere = false;
const listeners = new Set<Listener>();

function set(next: UpdateState) {
  state = next;
  for (const l of listeners) l(state);
}

/** The service worker is registered this long after the page has loaded, when the browser is idle (ms). */
export const REGISTER_DELAY_MS = 4000;

/**
 * Registers the service worker once (production builds, browsers that have them), a few
 * seconds after the page has loaded and when it is idle: precaching fetches about 1.5 MB,
 * which should not compete with the first seconds of a lab starting its worker.
 */
export function registerServiceWorker(): void {
  if (scheduled || !import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  scheduled = true;
  const start = () =>
    setTimeout(() => {
      const go = () => void register();
      if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: REGISTER_DELAY_MS });
      else go();
    }, REGISTER_DELAY_MS);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

async function register(): Promise<void> {
  // workbox-window is fetched only now, off the first load's critical path.
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  workbox.addEventListener('waiting', () => set('ready'));
  // A new version took over (this tab's "Update now", or another tab's): only the tab that asked reloads.
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const previous = controller;
    controller = navigator.serviceWorker.controller;
    if (!previous) return; // the first install taking control: the page is the version it was
    if (requestedHere) location.reload();
    else set('updated-elsewhere');
  });
  workbox.register().catch(() => {
    // No offline copy this time (private mode, storage full): the app works online as before.
  });
}

export function subscribeUpdates(listener: Listener): () => void {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

/** Activates the waiting version and reloads this tab once it controls it. */
export function updateNow(): void {
  if (!workbox) return;
  requestedHere = true;
  workbox.messageSkipWaiting();
}
