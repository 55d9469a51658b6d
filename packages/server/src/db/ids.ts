import { randomBytes } from 'node:crypto';

// Crockford-style lower-case base32 without look-alikes, so ids read aloud or typed survive.
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** Prefixes say what an id names (`ten_…` a tenant, `stf_…` a staff member). */
export type IdPrefix =
  | 'ten'
  | 'dep'
  | 'stf'
  | 'grt'
  | 'inv'
  | 'frm'
  | 'sub'
  | 'evt'
  | 'not'
  | 'att'
  | 'mail'
  | 'tpl'
  | 'ver'
  | 'pay';

/**
 * A new random id with a prefix: 16 base32 characters (80 bits), enough that ids never collide
 * and cannot be guessed.
 * @example newId('stf') // 'stf_3k9v0q8h2m7c1x4z'
 */
export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const byte of bytes) out += alphabet[byte & 31];
  return `${prefix}_${out}`;
}
