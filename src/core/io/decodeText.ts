/**
 * Bytes to text, with the encodings rating and title files come in: UTF-8 (MovieTweetings,
 * ml-latest-small), ISO-8859-1 (MovieLens 100K's `u.item`, ML-1M's `movies.dat`: "Misérables"
 * is the byte 0xE9 there, invalid as UTF-8) and UTF-16 with a byte-order mark (spreadsheet
 * "Unicode text" exports). Uses the platform's `TextDecoder` (every browser, Web Worker and
 * Node has it); ISO-8859-1 is decoded here because `TextDecoder('latin1')` is really
 * windows-1252, which maps 0x80–0x9F to other characters.
 */
import { normalizeLineEnds } from './delimited';
import { RatingsParseError } from './errors';

export type TextEncodingName = 'utf-8' | 'iso-8859-1' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** The text without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
}

interface PlatformDecoder {
  decode(bytes: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => PlatformDecoder;

function platformDecoder(label: string, fatal: boolean): PlatformDecoder {
  const Decoder = (globalThis as { TextDecoder?: DecoderConstructor }).TextDecoder;
  if (!Decoder) throw new Error('This environment has no TextDecoder; MF Lab needs a current browser or Node.');
  return new Decoder(label, { fatal, ignoreBOM: true });
}

/** ISO-8859-1: byte b is the character U+00bb, exactly. */
export function decodeLatin1(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let p = 0; p < bytes.length; p += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(p, p + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}

/** True when the first bytes hold a NUL, which text files never do (a zip, an image, a spreadsheet do). */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  for (let p = 0; p < end; p++) if (bytes[p] === 0) return true;
  return false;
}

/** What a binary file most likely is, from its first bytes, for the refusal message. */
function binaryKind(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'a zip archive (open a MovieLens .zip as an archive)';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip-compressed';
  return 'binary (it holds NUL bytes)';
}

/**
 * Decodes a text file. `'auto'` (the default) follows a byte-order mark when there is one,
 * else reads UTF-8 when the bytes are valid UTF-8 and ISO-8859-1 when they are not (any
 * byte sequence is valid ISO-8859-1, and a Latin-1 file is almost never valid UTF-8).
 * Refuses files that are plainly not text.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName | 'auto' = 'auto'): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const utf16: TextEncodingName = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: platformDecoder(utf16, false).decode(bytes.subarray(2)), encoding: utf16 };
  }
  if (looksBinary(bytes)) {
    throw new RatingsParseError(0, `This file is ${binaryKind(bytes)}, not a text file of ratings or titles.`);
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'iso-8859-1') return { text: decodeLatin1(body), encoding };
  if (encoding === 'utf-8' || bom) return { text: platformDecoder('utf-8', false).decode(body), encoding: 'utf-8' };
  if (encoding !== 'auto') return { text: platformDecoder(encoding, false).decode(body), encoding };
  try {
    return { text: platformDecoder('utf-8', true).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeLatin1(body), encoding: 'iso-8859-1' };
  }
}

/**
 * Text as given, or bytes decoded; either way without a leading byte-order mark and with
 * old-Mac line ends (a lone "\r") turned into "\n", so every reader sees one kind of line.
 */
export function textOf(input: string | Uint8Array, encoding: TextEncodingName | 'auto' = 'auto'): DecodedText {
  if (typeof input === 'string') {
    return { text: normalizeLineEnds(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input), encoding: 'utf-8' };
  }
  const decoded = decodeText(input, encoding);
  return { text: normalizeLineEnds(decoded.text), encoding: decoded.encoding };
}
