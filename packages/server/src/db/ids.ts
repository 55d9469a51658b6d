import { randomFillSync } from 'node:crypto';

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

// Random bytes are drawn 4 KiB at a time: a submit makes several ids, and one call to the
// system's generator per id showed in the profile.
const pool = Buffer.alloc(4096);
let used = pool.length;

/**
 * A new random id with a prefix: 16 base32 characters (80 bits), enough that ids never collide
 * and cannot be guessed.
 * @example newId('stf') // 'stf_3k9v0q8h2m7c1x4z'
 */
export function newId(prefix: IdPrefix): string {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let out = '';
  for (let i = used; i < used + 16; i++) out += alphabet[(pool[i] ?? 0) & 31];
  // Each byte serves one id only: the pool is a batch of fresh random bytes, not a reused seed.
  used += 16;
  return `${prefix}_${out}`;
}
