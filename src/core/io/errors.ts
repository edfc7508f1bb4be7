/**
 * The two ways an import ends without a data set: the input is refused (it is malformed or
 * too big, with the line that is wrong when there is one), or the person cancelled it.
 * Every importer in `src/core/io` throws only these (and `RangeError` for a programming
 * error in its options, such as a mapping that names a column the file does not have).
 */

/**
 * A refused input: names the line and what is wrong with it, as `Line N: …`. `line` is
 * 1-based and counts every physical line of the file (blank lines, comments and the header
 * included), so an editor's "go to line" finds it; 0 when no single line is at fault (an
 * empty file, a file over the size limit, a zip without the expected entries). `file` names
 * the member of an archive (or the titles file) the line belongs to.
 */
export class RatingsParseError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
    readonly file: string | null = null,
  ) {
    super((file ? `${file}: ` : '') + (line > 0 ? `Line ${line}: ${detail}` : detail));
    this.name = 'RatingsParseError';
  }
}

/** The import was cancelled through {@link ImportControl.shouldCancel}; nothing was built. */
export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled; the data on screen is unchanged.');
    this.name = 'ImportCancelledError';
  }
}

/** The same error, attributed to a file (an archive member, a titles file). */
export function inFile(error: unknown, file: string): unknown {
  if (error instanceof RatingsParseError && error.file === null) return new RatingsParseError(error.line, error.detail, file);
  return error;
}
