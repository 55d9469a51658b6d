import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// 64 MiB (128 × N × r bytes) per hash. Encoded strings carry their parameters, so these can be
// raised later and needsRehash upgrades each stored hash at its owner's next sign-in.
// OWASP lists N=2^16, r=8, p=2 as equivalent to N=2^17, p=1 at half the memory (64 MiB a hash).
const CURRENT = { N: 2 ** 16, r: 8, p: 2 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// Node refuses scrypt above 32 MiB unless told otherwise; 256 MiB leaves room for N = 2^17.
const MAX_MEMORY = 256 * 1024 * 1024;

const MIN_LENGTH = 12;
const MAX_LENGTH = 256;

type Parameters = { N: number; r: number; p: number };
type Parsed = Parameters & { salt: Buffer; hash: Buffer };

/** scrypt on the libuv thread pool, so a hash never blocks the event loop. */
function derive(password: string, salt: Buffer, length: number, params: Parameters) {
  const options: ScryptOptions = { ...params, maxmem: MAX_MEMORY };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * NIST SP 800-63B asks for Unicode normalisation (NFKC), so a password typed as full-width or
 * half-width characters, depending on the input method, is the same password.
 */
function normalise(password: string): string {
  return password.normalize('NFKC');
}

function encode(params: Parameters, salt: Buffer, hash: Buffer): string {
  const settings = `N=${params.N},r=${params.r},p=${params.p}`;
  return `scrypt$${settings}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Base64url bytes, in their one canonical spelling only (Node's decoder skips stray input). */
function decodeBase64url(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

// Base64url lengths bound the salt to 8–64 bytes (older, shorter salts still verify, then get
// rehashed) and the hash to 16–64 bytes.
const ENCODED =
  /^scrypt\$N=([1-9]\d{0,7}),r=([1-9]\d?),p=([1-9]\d?)\$([\w-]{11,86})\$([\w-]{22,86})$/;

/**
 * Reads an encoded hash, or null when it is malformed or asks for more than we will spend: the
 * bounds keep a corrupted row from demanding gigabytes or minutes of work.
 */
function parse(encoded: string): Parsed | null {
  const match = ENCODED.exec(encoded);
  if (match === null) return null;
  const [, n = '', r = '', p = '', saltText = '', hashText = ''] = match;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const salt = decodeBase64url(saltText);
  const hash = decodeBase64url(hashText);
  if (salt === null || hash === null) return null;
  const powerOfTwo = params.N >= 2 && (params.N & (params.N - 1)) === 0;
  // The memory OpenSSL reserves for these parameters; above maxmem Node would refuse to run.
  const memory = 128 * params.r * (params.N + 2 + params.p);
  if (!powerOfTwo || memory > MAX_MEMORY || params.p > 16) return null;
  return { ...params, salt, hash };
}

/** Hashes a password with scrypt and a fresh salt, as a self-describing `scrypt$…` string. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  return encode(CURRENT, salt, await derive(normalise(password), salt, KEY_LENGTH, CURRENT));
}

/** Whether a password matches an encoded hash; false, never an error, for a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (parsed === null) return false;
  const derived = await derive(normalise(password), parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(derived, parsed.hash);
}

/** Whether an encoded hash uses weaker parameters than today's (or cannot be read at all). */
export function needsRehash(encoded: string): boolean {
  const parsed = parse(encoded);
  if (parsed === null) return true;
  // Compare the work (N × r × p), so an equivalent OWASP setting (N=2^17, p=1) is not redone.
  return (
    parsed.N * parsed.r * parsed.p < CURRENT.N * CURRENT.r * CURRENT.p ||
    parsed.salt.length < SALT_LENGTH ||
    parsed.hash.length < KEY_LENGTH
  );
}

// Today's parameters with an all-zero salt and hash: checking a password against it costs what a
// real verify costs, and always fails.
const DUMMY = encode(CURRENT, Buffer.alloc(SALT_LENGTH), Buffer.alloc(KEY_LENGTH));

/** Spends what verifyPassword spends, for sign-ins to unknown accounts; always false. */
export async function dummyVerify(): Promise<false> {
  await verifyPassword('not a password', DUMMY);
  return false;
}

// NIST SP 800-63B: require length and refuse known-bad passwords, but no composition rules
// ("a digit and a symbol"), which make passwords harder to remember and no harder to guess. The
// 12-character minimum already removes most of the top of breach lists, so the list stays short
// and holds only entries at least that long; the two patterns catch what people type to reach a
// length rule.
const COMMON = new Set([
  'password1234',
  'password12345',
  'password123456',
  'p@ssw0rd1234',
  'qwerty123456',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'iloveyou1234',
  'abc123456789',
]);

// Runs along the digits, the alphabet or the top-to-bottom keyboard rows, either way, wrapping.
const WALKS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

function isWalk(text: string): boolean {
  return WALKS.some((walk) =>
    [1, walk.length - 1].some((stride) => {
      for (let i = 1; i < text.length; i += 1) {
        const before = walk.indexOf(text.charAt(i - 1));
        if (before < 0 || walk.indexOf(text.charAt(i)) !== (before + stride) % walk.length) {
          return false;
        }
      }
      return true;
    }),
  );
}

// A piece shorter than the minimum, repeated ('aaaaaaaaaaaa', 'abcabcabcabc', 'passwordpassword'),
// is no stronger than the piece.
const REPEATED = new RegExp(`^(.{1,${MIN_LENGTH - 1}})\\1+$`, 'su');

/** Why a new password is refused, or null if it is acceptable (NIST SP 800-63B rules). */
export function passwordProblem(password: string): 'too_short' | 'too_long' | 'too_common' | null {
  const normalised = normalise(password);
  const length = Array.from(normalised).length;
  if (length < MIN_LENGTH) return 'too_short';
  if (length > MAX_LENGTH) return 'too_long';
  const lower = normalised.toLowerCase();
  if (COMMON.has(lower) || isWalk(lower) || REPEATED.test(lower)) return 'too_common';
  return null;
}
