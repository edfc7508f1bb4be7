/** A QR code holds at most this many bytes (version 40, low error correction, byte mode). */
export const QR_MAX_BYTES = 2953;
