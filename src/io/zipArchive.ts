/**
 * Compressed inputs, opened with fflate (pure JavaScript, runs in a Web Worker): zip archives
 * as an {@link ArchiveReader} for the core's MovieLens layouts, and single `.gz` files. This is
 * the one place outside the core that the importers need; the core stays free of packages.
 */
import { gunzipSync, unzipSync } from 'fflate';
import {
  DEFAULT_LIMITS,
  RatingsParseError,
  checkByteLimit,
  describeMovieLensArchive,
  type ArchiveDescription,
  type ArchiveReader,
  type ImportLimits,
} from '../core';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Opens a zip: its directory is read now (names and sizes, nothing inflated); each entry is
 * inflated when read. Refuses bytes that are not a zip.
 */
export function openZip(bytes: Uint8Array): ArchiveReader {
  const sizes = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        sizes.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch (error) {
    throw new RatingsParseError(0, `This file is not a zip archive that can be read (${message(error)}).`);
  }
  return {
    names: [...sizes.keys()],
    size: (name) => sizes.get(name) ?? 0,
    read: (name) => {
      let entry: Uint8Array | undefined;
      try {
        entry = unzipSync(bytes, { filter: (file) => file.name === name })[name];
      } catch (error) {
        throw new RatingsParseError(0, `${name} could not be unpacked from the zip (${message(error)}).`);
      }
      if (!entry) throw new RatingsParseError(0, `The zip has no entry "${name}".`);
      return entry;
    },
    raw: bytes,
  };
}

export const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
export const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The bytes inflated when they are gzip (checked by their magic number, not the name: a
 * server may already have inflated a `.gz` it sent with Content-Encoding), else as they are.
 * The size in the gzip trailer is checked against the limit before inflating.
 */
export function gunzipIfNeeded(bytes: Uint8Array, limits: ImportLimits = DEFAULT_LIMITS): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  const n = bytes.length;
  // ISIZE: the uncompressed size modulo 2³², little-endian, in the last four bytes.
  const size = n >= 18 ? (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0 : 0;
  checkByteLimit(size, limits, 'The unpacked file');
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new RatingsParseError(0, `This .gz file could not be unpacked (${message(error)}).`);
  }
}

/** What a dropped or picked file is, from its bytes: a MovieLens archive, or a text file (unpacked if it was gzip). */
export type OpenedFile =
  { kind: 'archive'; reader: ArchiveReader; description: ArchiveDescription } | { kind: 'text'; bytes: Uint8Array };

/**
 * Sorts an opened file: a zip is described as a MovieLens archive (or refused, saying what
 * was expected), a gzip file is unpacked, anything else is handed on as a text file.
 */
export function openFileBytes(bytes: Uint8Array, limits: ImportLimits = DEFAULT_LIMITS): OpenedFile {
  checkByteLimit(bytes.length, limits);
  if (isZip(bytes)) {
    const reader = openZip(bytes);
    return { kind: 'archive', reader, description: describeMovieLensArchive(reader.names) };
  }
  return { kind: 'text', bytes: gunzipIfNeeded(bytes, limits) };
}
