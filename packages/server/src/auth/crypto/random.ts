import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the system 4 KiB at a time: secrets are made on every submit, and
// one call to the generator per secret showed in the submit profile. Each byte serves once.
const pool = Buffer.alloc(4096);
let used = pool.length;

function nextByte(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++] as number;
}

// Alphabets already checked: a program uses a handful, and checking one costs more than drawing.
const checkedAlphabets = new Set<string>();

function checkAlphabet(alphabet: string): void {
  if (checkedAlphabets.has(alphabet)) return;
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
  if (checkedAlphabets.size < 100) checkedAlphabets.add(alphabet);
}

/** `length` characters drawn uniformly from `alphabet` (2–256 distinct BMP characters). */
export function randomString(length: number, alphabet: string): string {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError('length must be a non-negative integer');
  }
  checkAlphabet(alphabet);
  const size = alphabet.length;
  // Bytes at or above the largest multiple of the alphabet size are dropped, so every character
  // is equally likely (a plain `byte % size` would favour the first 256 % size characters).
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < length) {
    const byte = nextByte();
    if (byte < limit) out += alphabet.charAt(byte % size);
  }
  return out;
}
