/**
 * Data sets in and out: rating files (preview, column mapping, scales, repeated pairs,
 * limits, progress, cancel), titles files, MovieLens archives, the built-in MovieTweetings
 * snapshot and its presets, held-out splits, dense cuts, and export. Pure TypeScript that
 * runs in the worker, in Node and in tests. `RatingsParseError` and `Delimiter` are exported
 * by `../parse`; zip and gzip bytes are opened by `src/io/zipArchive.ts` (fflate).
 *
 * In a worker, an import that can be cancelled looks like this:
 *
 * ```ts
 * let cancelled = false;
 * const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
 * // on { type: 'cancel' }: cancelled = true;
 * // on { type: 'open', bytes, fileName, options }:
 * cancelled = false;
 * const opened = openFileBytes(bytes); // src/io/zipArchive.ts: archive, or text (gunzipped if .gz)
 * const control = { pause, shouldCancel: () => cancelled, onProgress: (p) => postMessage({ type: 'progress', ...p }) };
 * const { dataset, report } =
 *   opened.kind === 'archive'
 *     ? await openMovieLensArchiveAsync(opened.reader, choiceId, { fileName, ...control })
 *     : await importRatingsAsync(opened.bytes, { fileName, ...options, ...control });
 * postMessage({ type: 'dataset', dataset, report }, datasetBuffers(dataset));
 * // RatingsParseError → show error.message ("Line 7: …"); ImportCancelledError → say it was cancelled.
 * ```
 */
export { ImportCancelledError, inFile } from './errors';
export * from './control';
export * from './decodeText';
export {
  DELIMITER_NAMES,
  FieldSplitter,
  LineReader,
  NUMBER_TEXT,
  detectDelimiter,
  detectHeader,
  isNumberText,
  normalizeLineEnds,
  parseNumberAt,
} from './delimited';
export * from './columnMapping';
export * from './ratingScale';
export * from './ratingsTable';
export * from './buildRatings';
export * from './previewRatings';
export * from './importRatings';
export * from './titles';
export * from './movieLensArchive';
export * from './heldOut';
export * from './denseCut';
export * from './movieTweetings';
export * from './exportText';
export * from './sha256';
export * from './syntheticRatingsText';
export * from './transfer';
export * from './appendUsers';
