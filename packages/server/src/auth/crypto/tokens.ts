import { hash, timingSafeEqual } from 'node:crypto';
import { randomString } from './random';

// Lower case without l, o, 0 and 1, which are easily misread; 32 characters, so 5 bits each.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
// 24 characters × 5 bits = 120 bits, the entropy Lucia's design asks of a secret.
const PART_LENGTH = 24;
const TOKEN = new RegExp(`^([${ALPHABET}]{${PART_LENGTH}})\\.([${ALPHABET}]{${PART_LENGTH}})$`);
const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
const MAX_SESSION_TOKEN = 40 + 1 + 2 * PART_LENGTH + 1;

// Lucia's session design: the id finds the row, and only the SHA-256 of the secret is stored, so
// a leaked table holds no usable token and the secret is compared in constant time rather than
// through a database index, whose lookup time could leak it.
/** A new token `<id>.<secret>`, with the hash of its secret to store. */
export function generateToken(): {
  id: string;
  secret: string;
  token: string;
  secretHash: Uint8Array;
} {
  const id = randomString(PART_LENGTH, ALPHABET);
  const secret = randomString(PART_LENGTH, ALPHABET);
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

/** The id and secret of a token, or null unless it has exactly the generated shape. */
export function parseToken(token: string): { id: string; secret: string } | null {
  // Checked first so an oversized value costs nothing more.
  if (token.length !== 2 * PART_LENGTH + 1) return null;
  const match = TOKEN.exec(token);
  if (match === null) return null;
  const [, id = '', secret = ''] = match;
  return { id, secret };
}

/** SHA-256 of a token secret, the only form of it that is stored. */
export function hashSecret(secret: string): Uint8Array {
  // The one-shot hash: a Hash object per call showed in the submit profile.
  return new Uint8Array(hash('sha256', secret, 'buffer'));
}

/** Whether a secret matches a stored hash, in constant time; false on a length mismatch. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const hash = hashSecret(secret);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}

// The tenant goes in front so the server knows which tenant database holds the session; `~` is
// allowed in cookie values and bearer tokens alike.
/** A staff session token naming its tenant: `<slug>~<id>.<secret>`. */
export function formatSessionToken(tenantSlug: string, token: string): string {
  if (!SLUG.test(tenantSlug)) throw new RangeError('not a tenant slug');
  if (parseToken(token) === null) throw new RangeError('not a token');
  return `${tenantSlug}~${token}`;
}

/** The tenant slug, id and secret of a staff session token, or null if it is malformed. */
export function parseSessionToken(
  value: string,
): { tenantSlug: string; id: string; secret: string } | null {
  if (value.length > MAX_SESSION_TOKEN) return null;
  const separator = value.indexOf('~');
  if (separator < 0) return null;
  const tenantSlug = value.slice(0, separator);
  const token = parseToken(value.slice(separator + 1));
  if (!SLUG.test(tenantSlug) || token === null) return null;
  return { tenantSlug, ...token };
}
