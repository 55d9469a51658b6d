import { randomBytes } from 'node:crypto';

/** `length` characters drawn uniformly from `alphabet` (2–256 distinct BMP characters). */
export function randomString(length: number, alphabet: string): string {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError('length must be a non-negative integer');
  }
  // One UTF-16 unit per character lets charAt index the alphabet; surrogate halves alone would
  // produce broken strings.
  const size = alphabet.length;
  if (
    size < 2 ||
    size > 256 ||
    new Set(alphabet).size !== size ||
    /[\uD800-\uDFFF]/.test(alphabet)
  ) {
    throw new RangeError('alphabet must hold 2 to 256 distinct characters from the BMP');
  }
  // Bytes at or above the largest multiple of the alphabet size are dropped, so every character
  // is equally likely (a plain `byte % size` would favour the first 256 % size characters).
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length - out.length)) {
      if (byte < limit) out += alphabet.charAt(byte % size);
    }
  }
  return out;
}
