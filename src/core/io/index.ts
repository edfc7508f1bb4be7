/**
 * Data sets in and out: rating files (preview, column mapping, scales, repeated pairs,
 * limits, progress, cancel), titles files, MovieLens archives, the built-in MovieTweetings
 * snapshot and its presets, held-out splits, dense cuts, and export. Pure TypeScript that
 * runs in the worker, in Node and in tests. `RatingsParseError` and `Delimiter` are exported
 * by `../parse`.
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
