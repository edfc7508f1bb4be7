/**
 * Limits, progress and cancellation shared by every importer.
 *
 * Importers are written as generators that yield an {@link ImportProgress} every
 * {@link CHECK_EVERY_LINES} lines (or a comparable amount of work). {@link runSteps} drives
 * one to the end synchronously (tests, the command line); {@link runStepsAsync} awaits a
 * `pause()` between steps so that a Web Worker's message handler gets to run — that is how
 * a "Cancel" message posted while a file is being parsed can flip the flag that
 * `shouldCancel()` reads. Both check `shouldCancel()` after every step and stop with
 * {@link ImportCancelledError}, having built nothing.
 */
import { ImportCancelledError, RatingsParseError } from './errors';

/** Largest input accepted, in bytes (ML-1M's ratings.dat is 24 MB; ML-25M's 646 MB is refused). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Most ratings (rows) accepted: ML-1M's 1,000,209 fit 2.5 times; ML-10M's 10 M do not. */
export const MAX_IMPORT_RATINGS = 2_500_000;
/** How often (in lines) a long loop reports progress and checks for cancellation. */
export const CHECK_EVERY_LINES = 8192;

/** The limits an import enforces; tests lower them, the app uses the defaults. */
export interface ImportLimits {
  maxBytes: number;
  maxRatings: number;
}

export const DEFAULT_LIMITS: ImportLimits = { maxBytes: MAX_IMPORT_BYTES, maxRatings: MAX_IMPORT_RATINGS };

export type ImportPhase = 'reading' | 'parsing' | 'building' | 'titles';

/** Where a long import is: `done` of `total` units (bytes when reading, lines when parsing, ratings when building). */
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
  /** The file being worked on, for archives with several members. */
  file?: string;
}

export interface ImportControl {
  /** Called after each step (about every {@link CHECK_EVERY_LINES} lines); cheap to ignore. */
  onProgress?: (progress: ImportProgress) => void;
  /** Read after each step; `true` stops the import with {@link ImportCancelledError}. */
  shouldCancel?: () => boolean;
}

export interface AsyncImportControl extends ImportControl {
  /**
   * Lets the event loop run (e.g. `() => new Promise((r) => setTimeout(r, 0))` in a worker),
   * awaited at most every `pauseEveryMs` milliseconds of work so a cancel message can arrive.
   */
  pause: () => Promise<void>;
  /** Work time between pauses (default 40 ms: progress stays smooth, pauses cost little). */
  pauseEveryMs?: number;
}

/** An importer: yields progress, returns its result. */
export type ImportSteps<T> = Generator<ImportProgress, T, void>;

/** Runs an importer to its end on this thread, reporting progress and honouring cancellation. */
export function runSteps<T>(steps: ImportSteps<T>, control: ImportControl = {}): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    control.onProgress?.(next.value);
    if (control.shouldCancel?.()) throw new ImportCancelledError();
  }
}

/** Runs an importer, pausing now and then so the caller's event loop (and its cancel message) can run. */
export async function runStepsAsync<T>(steps: ImportSteps<T>, control: AsyncImportControl): Promise<T> {
  const every = control.pauseEveryMs ?? 40;
  let last = Date.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    control.onProgress?.(next.value);
    if (Date.now() - last >= every) {
      await control.pause();
      last = Date.now();
    }
    if (control.shouldCancel?.()) throw new ImportCancelledError();
  }
}

/** Refuses an input over the byte limit before any work is done on it. */
export function checkByteLimit(bytes: number, limits: ImportLimits, what = 'The file'): void {
  if (bytes > limits.maxBytes) {
    throw new RatingsParseError(
      0,
      `${what} is ${formatMegabytes(bytes)}; MF Lab opens files up to ${formatMegabytes(limits.maxBytes)} ` +
        `(about ${limits.maxRatings.toLocaleString('en-US')} ratings). Cut it down (fewer users or items) and open it again.`,
    );
  }
}

/** Refuses a file with more rating rows than the limit, before they are parsed. */
export function checkRatingsLimit(rows: number, limits: ImportLimits, what = 'The file'): void {
  if (rows > limits.maxRatings) {
    throw new RatingsParseError(
      0,
      `${what} has about ${rows.toLocaleString('en-US')} rating rows; MF Lab holds up to ` +
        `${limits.maxRatings.toLocaleString('en-US')} ratings in a tab. Cut it down (fewer users or items) and open it again.`,
    );
  }
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}
