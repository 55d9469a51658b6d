import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// RFC 6238 defaults, and the only settings every authenticator app honours.
const DIGITS = 6;
const PERIOD_MS = 30_000;

/** RFC 4648 base32 without padding, as authenticator apps expect secrets. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32.charAt((buffer >> bits) & 31);
    }
  }
  return bits > 0 ? out + BASE32.charAt((buffer << (5 - bits)) & 31) : out;
}

/** Bytes from unpadded upper-case RFC 4648 base32; throws RangeError on anything else. */
export function base32Decode(text: string): Uint8Array {
  // Impossible lengths and non-zero trailing bits are refused too, so each secret has one spelling.
  if (!/^[A-Z2-7]*$/.test(text) || [1, 3, 6].includes(text.length % 8)) {
    throw new RangeError('not unpadded base32');
  }
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = ((buffer << 5) | BASE32.indexOf(char)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index] = (buffer >> bits) & 0xff;
      index += 1;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) throw new RangeError('not canonical base32');
  return out;
}

/** RFC 4226 HOTP: HMAC-SHA1 of the counter, dynamically truncated to `digits` decimal digits. */
export function hotp(key: Uint8Array, counter: number, digits: number = DIGITS): string {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new RangeError('counter must be a non-negative integer');
  }
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac.readUInt8(mac.length - 1) & 0xf;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** A new TOTP secret: 20 random bytes (the HMAC-SHA1 key size RFC 4226 recommends), base32. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The 6-digit TOTP code for a time step (Unix time ÷ 30 s, rounded down). */
export function totpCode(secretBase32: string, step: number): string {
  return hotp(base32Decode(secretBase32), step);
}

/** Options for verifyTotp. */
export type VerifyTotpOptions = {
  /** How many steps either side of now to accept, for clock drift and typing time. */
  window?: number;
  /** The step of the last accepted code; it and earlier steps are refused as replays. */
  lastUsedStep?: number;
};

/** Checks a typed code at `nowMs`; the caller stores a returned step as the new lastUsedStep. */
export function verifyTotp(
  secretBase32: string,
  code: string,
  nowMs: number,
  { window = 1, lastUsedStep }: VerifyTotpOptions = {},
): { ok: true; step: number } | { ok: false } {
  if (!Number.isSafeInteger(window) || window < 0) {
    throw new RangeError('window must be a non-negative integer');
  }
  // NFKC turns full-width digits and the ideographic space from a Japanese IME into ASCII;
  // whitespace anywhere goes because apps show codes as "123 456".
  const typed = code.normalize('NFKC').replace(/\s/g, '');
  if (!/^[0-9]{6}$/.test(typed)) return { ok: false };
  const key = base32Decode(secretBase32);
  const now = Math.floor(nowMs / PERIOD_MS);
  for (let step = now - window; step <= now + window; step += 1) {
    if (step < 0 || (lastUsedStep !== undefined && step <= lastUsedStep)) continue;
    if (timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(typed)))
      return { ok: true, step };
  }
  return { ok: false };
}

/** The otpauth:// URI an authenticator app reads from a QR code (Google's Key URI format). */
export function totpUri({
  secret,
  account,
  issuer,
}: {
  secret: string;
  account: string;
  issuer: string;
}): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = `secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(issuer)}`;
  const settings = `algorithm=SHA1&digits=${DIGITS}&period=${PERIOD_MS / 1000}`;
  return `otpauth://totp/${label}?${query}&${settings}`;
}
