/**
 * Crockford's base 32: digits and capital letters without I, L, O and U, so that a code read
 * off a phone and typed on a laptop survives the usual confusions. Reading is forgiving
 * (lower case; O for 0; I and L for 1), writing always uses the canonical symbols.
 */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const VALUE = new Map<string, number>([...ALPHABET].map((ch, k) => [ch, k]));

/** The canonical form of typed text: upper case, O → 0, I and L → 1 (other characters unchanged). */
export function normalizeSymbols(text: string): string {
  return text.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The value (0–31) of a canonical symbol, or −1 for anything else. */
export function symbolValue(ch: string): number {
  return VALUE.get(ch) ?? -1;
}

export function symbolOf(value: number): string {
  const ch = ALPHABET[value];
  if (ch === undefined) throw new RangeError(`${value} is not a base-32 digit (0–31).`);
  return ch;
}

/** A whole number 0 ≤ x < 32^width as exactly `width` symbols, most significant first. */
export function encodeNumber(x: number, width: number): string {
  if (!Number.isInteger(x) || x < 0 || x >= 32 ** width) throw new RangeError(`${x} does not fit in ${width} symbols.`);
  let out = '';
  for (let k = width - 1; k >= 0; k--) out += ALPHABET[Math.floor(x / 32 ** k) % 32];
  return out;
}

/** The number written by canonical symbols, or null if one is not a symbol. */
export function decodeNumber(text: string): number | null {
  let x = 0;
  for (const ch of text) {
    const v = symbolValue(ch);
    if (v < 0) return null;
    x = x * 32 + v;
  }
  return x;
}

/** Bytes as symbols, 5 bits each, the last symbol padded with zero bits. */
export function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Symbols needed for `n` bytes. */
export function bytesLength(n: number): number {
  return Math.ceil((n * 8) / 5);
}

/** The `n` bytes written by `text` (which must have bytesLength(n) symbols and zero padding), or null. */
export function decodeBytes(text: string, n: number): Uint8Array | null {
  if (text.length !== bytesLength(n)) return null;
  const out = new Uint8Array(n);
  let buffer = 0;
  let bits = 0;
  let k = 0;
  for (const ch of text) {
    const v = symbolValue(ch);
    if (v < 0) return null;
    buffer = (buffer << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      if (k < n) out[k++] = (buffer >> bits) & 255;
    }
    buffer &= (1 << bits) - 1;
  }
  // Padding bits must be zero, so that one nickname has exactly one spelling.
  return buffer === 0 ? out : null;
}

/** A random whole number below 32^width (crypto where the browser has it). */
export function randomSymbols(width: number): string {
  const bytes = new Uint8Array(width);
  if (typeof crypto !== 'undefined' && crypto.getRandomValues) crypto.getRandomValues(bytes);
  else for (let k = 0; k < width; k++) bytes[k] = Math.floor(Math.random() * 256);
  return [...bytes].map((b) => ALPHABET[b & 31]).join('');
}
