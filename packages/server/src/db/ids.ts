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

/** Characters of the time part: 9 base32 characters hold milliseconds until the year 3085. */
const timeLength = 9;

/** The time part of an id made at `ms`, in the same alphabet; sorts as the time does. */
function timePart(ms: number): string {
  let out = '';
  let rest = Math.floor(ms);
  for (let i = 0; i < timeLength; i++) {
    out = alphabet[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * A new id with a prefix: the time it was made (9 characters, milliseconds) then 16 random
 * characters (80 bits), so ids never collide and cannot be guessed, and new rows land at the
 * end of every index keyed by them instead of on a random page of it. That locality is what
 * keeps a group commit small (docs/adr/0007): with random ids each submit dirtied about ten
 * pages of indexes all over the file. Ids made before this (16 random characters, no time
 * part) stay valid everywhere; `idPattern` accepts both.
 * @example newId('stf') // 'stf_1kq8d3v0h3k9v0q8h2m7c1x4z'
 */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let out = timePart(now);
  for (let i = used; i < used + 16; i++) out += alphabet[(pool[i] ?? 0) & 31];
  // Each byte serves one id only: the pool is a batch of fresh random bytes, not a reused seed.
  used += 16;
  return `${prefix}_${out}`;
}

/**
 * The shape of an id with `prefix`, for checking ids that come from outside (links, tokens):
 * 25 characters (time and random), or 16 (ids made before the time part).
 * @example idPattern('pay').test('pay_3k9v0q8h2m7c1x4z') // true
 */
export function idPattern(prefix: IdPrefix): RegExp {
  return new RegExp(`^${prefix}_${idBody}$`);
}

/** The characters after an id's prefix, as a regular expression source. */
export const idBody = '(?:[0-9a-hjkmnp-tv-z]{9})?[0-9a-hjkmnp-tv-z]{16}';
