import { randomInt } from 'node:crypto';

/**
 * A reference number (受付番号) a person can read aloud over the phone: the year and month of
 * submission, then six random digits and a check digit, e.g. `2611-4829137`. Digits only, because
 * digits are read the same way in Japanese by everyone; the check digit (mod 10, weights 3/1)
 * catches a mistyped digit when staff look one up.
 */
export function newReferenceNumber(now: number): string {
  const jst = new Date(now + 9 * 60 * 60 * 1000);
  const yymm = `${String(jst.getUTCFullYear() % 100).padStart(2, '0')}${String(jst.getUTCMonth() + 1).padStart(2, '0')}`;
  const body = `${yymm}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  return `${yymm}-${body.slice(4)}${checkDigit(body)}`;
}

function checkDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** Whether a typed reference number is well formed with a correct check digit (hyphen optional). */
export function isReferenceNumber(text: string): boolean {
  const digits = text.normalize('NFKC').replace(/[-\s]/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  return checkDigit(digits.slice(0, 10)) === Number(digits[10]);
}

/** A typed reference number in its stored form (2611-4829137), or undefined. */
export function normalizeReferenceNumber(text: string): string | undefined {
  const digits = text.normalize('NFKC').replace(/[-\s]/g, '');
  return isReferenceNumber(digits) ? `${digits.slice(0, 4)}-${digits.slice(4)}` : undefined;
}
