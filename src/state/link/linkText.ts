/**
 * Pieces of the link format that are only text: numbers written so they read back as the
 * same doubles, labels percent-escaped (lone surrogates too), float64 bytes in base64url,
 * and the error a decoder throws to say in plain words what is wrong.
 */

/** A decoding problem; `key` names the part of the link it is about (so a lenient reader can drop that part). */
export class LinkError extends Error {
  constructor(
    message: string,
    readonly key: string | null = null,
  ) {
    super(message);
  }
}

export function fail(message: string, key: string | null = null): never {
  throw new LinkError(message, key);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------
// Numbers

/** The shortest text that reads back as the same double (keeping −0). */
export function num(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function parseNumber(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}

export function parseWhole(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

// ---------------------------------------------------------------------------------------
// Labels: percent-escaped UTF-8; `~XXXX` for a lone surrogate (which UTF-8 cannot hold)

const SAFE = /[A-Za-z0-9_-]/;

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function escapeLabel(label: string): string {
  let out = '';
  for (let k = 0; k < label.length; k++) {
    const ch = label[k]!;
    const code = label.charCodeAt(k);
    if (SAFE.test(ch)) out += ch;
    else if (code >= 0xd800 && code <= 0xdbff && k + 1 < label.length && isLow(label.charCodeAt(k + 1))) {
      out += encodeURIComponent(label.slice(k, k + 2));
      k++;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '~' + code.toString(16).toUpperCase().padStart(4, '0');
    else if (code < 0x80) out += '%' + code.toString(16).toUpperCase().padStart(2, '0');
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** The label, or null when its escapes are malformed. */
export function unescapeLabel(text: string): string | null {
  try {
    return text
      .split(/(~[0-9A-Fa-f]{4})/)
      .map((part, k) => (k % 2 === 1 ? String.fromCharCode(parseInt(part.slice(1), 16)) : decodeURIComponent(part)))
      .join('');
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------
// Factors: float64 little-endian bytes in base64url, exact

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, k) => [c, k]));

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let k = 0; k < bytes.length; k += 3) {
    const a = bytes[k]!;
    const b = bytes[k + 1] ?? 0;
    const c = bytes[k + 2] ?? 0;
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
    if (k + 1 < bytes.length) out += ALPHABET[((b & 15) << 2) | (c >> 6)]!;
    if (k + 2 < bytes.length) out += ALPHABET[c & 63]!;
  }
  return out;
}

function fromBase64url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let k = 0;
  for (const ch of text) {
    const v = INDEX.get(ch);
    if (v === undefined) return null;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[k++] = (buffer >> bits) & 255;
    }
  }
  return bytes;
}

export function encodeFloats(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, k) => view.setFloat64(k * 8, v, true));
  return base64url(bytes);
}

export function decodeFloats(text: string): Float64Array | null {
  const bytes = fromBase64url(text);
  if (!bytes || bytes.length % 8 !== 0) return null;
  const view = new DataView(bytes.buffer);
  const out = new Float64Array(bytes.length / 8);
  for (let k = 0; k < out.length; k++) out[k] = view.getFloat64(k * 8, true);
  return out;
}
