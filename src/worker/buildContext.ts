/** What a data-set builder is given: a way to report progress, and checkpoints where a cancel stops it. */

/** Thrown at a checkpoint when the build was cancelled. */
export class BuildCancelled extends Error {
  constructor() {
    super('The build was cancelled.');
  }
}

/** Fetches a file of the app (the built-in data), for builders that need one. */
export type FetchFile = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

export interface BuildContext {
  /** Reports what is being done and how far (done of total, in any unit). */
  progress(phase: string, done: number, total: number): void;
  /** Lets other messages (a cancel) in; throws BuildCancelled when the build was cancelled. */
  checkpoint(): Promise<void>;
  /** The app's base URL, against which its files (public/) are fetched; the worker's own by default. */
  baseUrl?: string | URL;
  /** How files are fetched (tests read them from disk); `fetch` by default. */
  fetchFile?: FetchFile;
}

/**
 * The app's base URL seen from a worker or a page: Vite's BASE_URL resolved against where
 * the script runs (a worker's `self.location` is its script's URL, under the app).
 */
export function appBaseUrl(): string | null {
  const here = (globalThis as { location?: { href: string } }).location?.href;
  if (!here) return null;
  return new URL(import.meta.env.BASE_URL || '/', here).href;
}
