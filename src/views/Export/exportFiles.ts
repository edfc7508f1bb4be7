/**
 * What the Export menu writes, as pure functions over the lab's state: R (training, and the
 * held-out part) as rating files the command line and the exported scripts read
 * (`user<TAB>item<TAB>value`), U and V as CSV with ids and as the command line's JSON, and the
 * scripts' spec built from the lab's settings, with a one-line summary of each target's
 * conventions.
 */
import {
  exportFactorsCsv,
  exportRatingsText,
  factorFile,
  initFactors,
  type ExportSpec,
  type ExportTarget,
  type Factors,
} from '../../core';
import { datasetOfLabData, type LabData } from '../../state/labData';
import type { TimelineEntry } from '../../state/labStore';
import type { ModelSettings } from '../../worker/protocol';

export const FILE_NAMES = {
  ratings: 'mf_lab_ratings.tsv',
  heldOut: 'mf_lab_heldout.tsv',
  init: 'mf_lab_init.json',
  factors: 'mf_lab_factors.json',
  U: 'mf_lab_U.csv',
  V: 'mf_lab_V.csv',
} as const;

export const TARGET_LABELS: Record<ExportTarget, string> = {
  spark: 'PySpark',
  implicit: 'implicit (Python)',
  numpy: 'numpy',
  cli: 'Command line',
};

/** The training ratings and the held-out ones (null when none) as tab-separated rating files without a header. */
export function ratingsFiles(data: LabData): { train: string; heldOut: string | null } {
  const ds = datasetOfLabData(data, 'export', { kind: 'generated', description: 'MF Lab export' });
  const write = (R: typeof ds.ratings) => exportRatingsText(R, { delimiter: '\t', header: false });
  return { train: write(ds.ratings), heldOut: ds.test ? write(ds.test) : null };
}

/** A timeline entry's factors (null when it has not kept them). */
export function factorsOf(entry: TimelineEntry | null): Factors | null {
  if (!entry?.U || !entry.V) return null;
  return { m: entry.m, n: entry.n, d: entry.d, U: entry.U, V: entry.V };
}

/** U and V as the command line's JSON (what --json prints and --init reads). */
export function factorsJson(F: Factors, data: LabData): string {
  return JSON.stringify(factorFile(F, data.ratings)) + '\n';
}

export function factorsCsvFiles(F: Factors, data: LabData): { U: string; V: string } {
  return exportFactorsCsv(data.ratings, F);
}

/**
 * The run's initial factors: step 0 as the timeline kept it, else the seeded start the lab
 * draws on a reset (the same random numbers: U and V depend only on the seed, the scale and the shape).
 */
export function initialFactors(timeline: readonly TimelineEntry[], data: LabData, settings: ModelSettings): Factors {
  const first = timeline[0];
  if (first && first.kind === 'init' && first.U && first.V && first.d === settings.factors) return factorsOf(first)!;
  return initFactors(data.ratings.m, data.ratings.n, settings.factors, { seed: settings.seed, scale: settings.initScale });
}

/** Full ALS iterations the run has made (two half-steps each), or 10 before any. */
export function runIterations(latest: TimelineEntry | null): number {
  const full = latest ? Math.floor(latest.step / 2) : 0;
  return full > 0 ? full : 10;
}

/** The scripts' spec: the lab's settings, the exported files' names, the data's shape. */
export function exportSpecOf(data: LabData, settings: ModelSettings, iterations: number, withInit: boolean): ExportSpec {
  const train = data.ratings.nnz - data.heldOut.length;
  return {
    mode: data.mode,
    variant: data.mode === 'implicit' && settings.variant === 'biases' ? 'lecture' : settings.variant,
    factors: settings.factors,
    lambda: settings.lambda,
    alpha: settings.alpha,
    iterations,
    seed: settings.seed,
    initScale: settings.initScale,
    solver: settings.rowSolver,
    cgSteps: settings.cgSteps,
    ratingsFile: FILE_NAMES.ratings,
    testFile: data.heldOut.length > 0 ? FILE_NAMES.heldOut : null,
    initFile: withInit ? FILE_NAMES.init : null,
    shape: { users: data.ratings.m, items: data.ratings.n, ratings: train },
  };
}

/** How a target's conventions meet the lab's, in one line (the script's comments say it in full). */
export function exportSummary(target: ExportTarget, spec: ExportSpec): string {
  switch (target) {
    case 'spark':
      if (spec.variant === 'wr')
        return 'Spark scales λ by each row’s count, as the lab’s ALS-WR does: same objective, same λ (numbers close, not identical: Spark starts from its own random factors, in 32-bit floats).';
      if (spec.variant === 'biases')
        return 'Spark has no biases and scales λ by each row’s count: it fits a different model from the lab’s biases variant.';
      return 'Spark scales λ by each row’s count: the lab’s ALS-WR matches, the lecture’s variant will differ (the script suggests an equivalent λ).';
    case 'implicit':
      if (spec.mode === 'explicit')
        return 'implicit fits implicit feedback only: your ratings are read as amounts of interaction, a different model from the lab’s explicit one.';
      if (spec.variant === 'wr')
        return 'implicit does not scale λ by each row’s count: the lecture’s variant matches, ALS-WR will differ. c = 1 + α·r is passed as the value, with alpha = 1.';
      return 'Same objective as the lab: implicit stores c itself, so c = 1 + α·r is passed as the value with alpha = 1, and the exact solve (use_cg=False) is asked for unless the lab used CG.';
    case 'numpy':
      return spec.initFile
        ? `The lecture’s closed form row by row: started from ${spec.initFile} it reproduces the lab’s objective after every half-step.`
        : 'The lecture’s closed form row by row, from numpy’s own random start: close to the lab’s numbers, not identical (the lab’s initial factors are no longer kept).';
    case 'cli':
      return spec.initFile
        ? `MF Lab’s own command line on the same core: with --init ${spec.initFile} it ends at the lab’s objective.`
        : 'MF Lab’s own command line on the same core, from its own seeded start.';
  }
}
