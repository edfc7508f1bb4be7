/**
 * A rating file (text or bytes) to a {@link Dataset}: decode, find the layout, read the rows
 * into columns, settle the scale, resolve repeated pairs, build R. Every step can be watched
 * (progress) and stopped (cancel); a refusal names the line; nothing is returned half-built.
 *
 * Entry points: {@link importRatings} (synchronous), {@link importRatingsAsync} (pauses so a
 * worker's cancel message gets through), {@link importRatingsPair} (a training file and its
 * held-out file, e.g. MovieLens `u1.base` + `u1.test`).
 */
import type { Dataset, DatasetSource, RatingScaleSpec } from '../dataset';
import type { Ratings } from '../ratings';
import { buildRatingsSteps, type DuplicatePolicy } from './buildRatings';
import {
  DEFAULT_LIMITS,
  checkByteLimit,
  runSteps,
  runStepsAsync,
  type AsyncImportControl,
  type ImportControl,
  type ImportLimits,
  type ImportSteps,
} from './control';
import { textOf, type TextEncodingName } from './decodeText';
import { RatingsParseError, inFile } from './errors';
import { assertScale, describeScale, detectScale, scaleProblem, type ScaleGuess } from './ratingScale';
import { scanRatingsTable, sortTableIds, type LayoutOptions, type RatingsTable, type TableLayout } from './ratingsTable';
import { sha256Hex, utf8Bytes } from './sha256';

export interface RatingsImportOptions extends LayoutOptions, ImportControl {
  /** The data set's name (default: the file name). */
  name?: string;
  /** The file's name, for the data set's source and for messages. */
  fileName?: string;
  /** How bytes are decoded (default 'auto': UTF-8 when valid, else ISO-8859-1). */
  encoding?: TextEncodingName | 'auto';
  /** The scale the person chose; detected from the values when omitted. Values off it are refused. */
  scale?: RatingScaleSpec;
  /** Repeated (user, item) pairs: refused by default. */
  duplicates?: DuplicatePolicy;
  /** 'natural' (default): users and items sorted by id (numbers by value); 'appearance': as they first appear. */
  idOrder?: 'natural' | 'appearance';
  limits?: ImportLimits;
  /** Where it came from; by default a file named `fileName` with the SHA-256 of its bytes. */
  source?: DatasetSource;
}

/** What the import did, for the panel's summary ("1,000,209 ratings, 6,040 users × 3,706 items, 1–5"). */
export interface ImportReport {
  /** Rating rows read (before repeated pairs were merged). */
  rows: number;
  users: number;
  items: number;
  /** Known entries of R after merging. */
  ratings: number;
  /** Rows that repeated an earlier (user, item) pair (0 when refused: the import failed). */
  duplicateRows: number;
  duplicates: DuplicatePolicy;
  encoding: TextEncodingName;
  layout: TableLayout;
  scale: ScaleGuess;
  /** True when the scale was detected, false when the person chose it. */
  scaleDetected: boolean;
  /** Held-out rows read, and those skipped because their user or item is not in the training data. */
  testRows: number;
  skippedTestRows: number;
}

export interface ImportResult {
  dataset: Dataset;
  report: ImportReport;
}

interface ReadFile {
  table: RatingsTable;
  encoding: TextEncodingName;
}

function* readTable(
  input: string | Uint8Array,
  options: RatingsImportOptions,
  known?: { userIds: readonly string[]; itemIds: readonly string[] },
): ImportSteps<ReadFile> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const size = typeof input === 'string' ? input.length : input.length;
  checkByteLimit(size, limits, options.fileName ? `"${options.fileName}"` : 'The file');
  yield { phase: 'reading', done: 0, total: size };
  const { text, encoding } = textOf(input, options.encoding);
  yield { phase: 'reading', done: size, total: size };
  const table = yield* scanRatingsTable(text, { ...options, limits, known });
  return { table, encoding };
}

/** Refuses the first row (in file order) whose value the scale does not allow. */
function checkScale(table: RatingsTable, scale: RatingScaleSpec): void {
  const what = table.layout.mapping.valueKind === 'explicit' ? 'rating' : 'count';
  for (let r = 0; r < table.count; r++) {
    const problem = scaleProblem(table.values[r]!, scale, what);
    if (problem) throw new RatingsParseError(table.lines[r]!, problem);
  }
}

function settleScale(table: RatingsTable, chosen: RatingScaleSpec | undefined): ScaleGuess {
  const kind = table.layout.mapping.valueKind;
  if (!chosen) return detectScale(table.stats, kind);
  assertScale(chosen);
  checkScale(table, chosen);
  return { scale: { ...chosen }, kind, label: describeScale(chosen) };
}

function sourceOf(input: string | Uint8Array, options: RatingsImportOptions): DatasetSource {
  if (options.source) return options.source;
  const bytes = typeof input === 'string' ? utf8Bytes(input) : input;
  return { kind: 'file', fileName: options.fileName ?? 'pasted ratings', bytes: bytes.length, sha256: sha256Hex(bytes) };
}

/** The steps of {@link importRatings}, for a caller that drives them itself. */
export function* importRatingsSteps(input: string | Uint8Array, options: RatingsImportOptions = {}): ImportSteps<ImportResult> {
  const read = yield* readTable(input, options);
  const table = options.idOrder === 'appearance' ? read.table : sortTableIds(read.table);
  const scale = settleScale(table, options.scale);
  const policy = options.duplicates ?? 'refuse';
  const built = yield* buildRatingsSteps({ ...table, m: table.userIds.length, n: table.itemIds.length }, policy);
  const dataset: Dataset = {
    name: options.name ?? options.fileName ?? 'Pasted ratings',
    kind: scale.kind,
    ratings: built.ratings,
    scale: scale.scale,
    itemTitles: null,
    itemGenres: null,
    timestamps: built.timestamps,
    test: null,
    source: sourceOf(input, options),
  };
  const report: ImportReport = {
    rows: table.count,
    users: built.ratings.m,
    items: built.ratings.n,
    ratings: built.ratings.nnz,
    duplicateRows: built.duplicateRows,
    duplicates: policy,
    encoding: read.encoding,
    layout: table.layout,
    scale,
    scaleDetected: !options.scale,
    testRows: 0,
    skippedTestRows: 0,
  };
  return { dataset, report };
}

/**
 * Imports a rating file: `user item rating [timestamp]` rows separated by commas, tabs,
 * "::", semicolons, "|" or spaces, with or without a header, quoted fields allowed — or any
 * layout given by `options.mapping` (from {@link previewRatings}). Throws
 * {@link RatingsParseError} ("Line N: …") for a malformed file or one over the limits, and
 * {@link ImportCancelledError} when `shouldCancel()` turns true.
 */
export function importRatings(input: string | Uint8Array, options: RatingsImportOptions = {}): ImportResult {
  return runSteps(importRatingsSteps(input, options), options);
}

/** {@link importRatings}, pausing between steps so a worker can receive a cancel message meanwhile. */
export function importRatingsAsync(
  input: string | Uint8Array,
  options: RatingsImportOptions & AsyncImportControl,
): Promise<ImportResult> {
  return runStepsAsync(importRatingsSteps(input, options), options);
}

/**
 * Held-out rows aligned to a training matrix: read with the training data's ids, rows whose
 * user or item the training data does not know are skipped (a factor model has no vector for
 * them) and counted; values must lie on the training data's scale.
 */
export function* alignTestSteps(
  train: Ratings,
  scale: RatingScaleSpec,
  input: string | Uint8Array,
  options: RatingsImportOptions,
): ImportSteps<{ test: Ratings; rows: number; skipped: number }> {
  const { table } = yield* readTable(input, options, { userIds: train.userIds, itemIds: train.itemIds });
  checkScale(table, scale);
  const built = yield* buildRatingsSteps({ ...table, m: train.m, n: train.n }, options.duplicates ?? 'refuse');
  return { test: built.ratings, rows: table.count + table.skipped, skipped: table.skipped };
}

export interface PairOptions extends RatingsImportOptions {
  /** The held-out file's name, for messages. */
  testFileName?: string;
}

/** The steps of {@link importRatingsPair}. */
export function* importRatingsPairSteps(
  trainInput: string | Uint8Array,
  testInput: string | Uint8Array,
  options: PairOptions = {},
): ImportSteps<ImportResult> {
  const trainName = options.fileName ?? 'the training file';
  const testName = options.testFileName ?? 'the held-out file';
  let result: ImportResult;
  try {
    result = yield* importRatingsSteps(trainInput, options);
  } catch (error) {
    throw inFile(error, trainName);
  }
  // The held-out file has its own separator and header (or none), and the training file's
  // columns; its timestamps are not kept (a data set has them for training only), so it need not have them.
  const mapping = { ...result.report.layout.mapping, timestamp: null };
  const sameColumns = { ...options, fileName: testName, mapping, header: undefined, delimiter: undefined };
  let aligned: { test: Ratings; rows: number; skipped: number };
  try {
    aligned = yield* alignTestSteps(result.dataset.ratings, result.dataset.scale, testInput, sameColumns);
  } catch (error) {
    throw inFile(error, testName);
  }
  return {
    dataset: { ...result.dataset, test: aligned.test },
    report: { ...result.report, testRows: aligned.rows, skippedTestRows: aligned.skipped },
  };
}

/** A training file and its held-out file (MovieLens `u1.base` + `u1.test`): the held-out part becomes `dataset.test`. */
export function importRatingsPair(
  trainInput: string | Uint8Array,
  testInput: string | Uint8Array,
  options: PairOptions = {},
): ImportResult {
  return runSteps(importRatingsPairSteps(trainInput, testInput, options), options);
}

/** {@link importRatingsPair}, pausing between steps. */
export function importRatingsPairAsync(
  trainInput: string | Uint8Array,
  testInput: string | Uint8Array,
  options: PairOptions & AsyncImportControl,
): Promise<ImportResult> {
  return runStepsAsync(importRatingsPairSteps(trainInput, testInput, options), options);
}

/**
 * A held-out file for a data set already open (its "test" half): aligned to the data set's
 * users and items, rows naming others skipped and counted, values checked against its scale.
 * Replaces any held-out part the data set had.
 */
export function alignTestFile(
  dataset: Dataset,
  input: string | Uint8Array,
  options: RatingsImportOptions = {},
): { dataset: Dataset; rows: number; skipped: number } {
  try {
    const aligned = runSteps(alignTestSteps(dataset.ratings, dataset.scale, input, options), options);
    return { dataset: { ...dataset, test: aligned.test }, rows: aligned.rows, skipped: aligned.skipped };
  } catch (error) {
    throw inFile(error, options.fileName ?? 'the held-out file');
  }
}
