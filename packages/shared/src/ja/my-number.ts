import { HYPHEN_CLASS, MAX_FIELD_LENGTH } from './text';

const SEPARATORS = new RegExp(`[\\s${HYPHEN_CLASS}]`, 'g');
const ELEVEN_DIGITS = /^\d{11}$/;
const TWELVE_DIGITS = /^\d{12}$/;
const MASK = '*';

// Showing more than the last four digits would let a masked value identify the person, so
// keepLast is capped here whatever the caller passes.
const MAX_VISIBLE_DIGITS = 4;

/** Computes the My Number check digit (総務省令 第五条) for the first 11 digits; throws on bad input. */
export function myNumberCheckDigit(first11: string): number {
  if (!ELEVEN_DIGITS.test(first11)) {
    throw new RangeError('myNumberCheckDigit expects exactly 11 ASCII digits');
  }
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    // P_n counts from the right, so n = 1 is the 11th character.
    const p = first11.charCodeAt(11 - n) - 0x30;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** True for 12 ASCII digits whose last digit is the correct check digit. */
export function isValidMyNumber(s: string): boolean {
  return TWELVE_DIGITS.test(s) && myNumberCheckDigit(s.slice(0, 11)) === Number(s.slice(11));
}

/** Normalises input to 12 ASCII digits without verifying the check digit; null otherwise. */
export function normalizeMyNumber(input: string): string | null {
  if (input.length > MAX_FIELD_LENGTH) return null;
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  return TWELVE_DIGITS.test(compact) ? compact : null;
}

/** Masks a My Number with '*', revealing at most the last 4 digits (none by default). */
export function maskMyNumber(value: string, keepLast = 0): string {
  const visible = Number.isInteger(keepLast)
    ? Math.min(Math.max(keepLast, 0), MAX_VISIBLE_DIGITS)
    : 0;
  const digits = normalizeMyNumber(value);
  // Input that is not a My Number is masked in full so no fragment of it leaks into logs or UI.
  if (digits === null || visible === 0) return MASK.repeat(12);
  return MASK.repeat(12 - visible) + digits.slice(12 - visible);
}
