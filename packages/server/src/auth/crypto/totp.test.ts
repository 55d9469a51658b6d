import { describe, expect, test } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  totpCode,
  totpUri,
  verifyTotp,
} from './totp';

const ascii = (text: string) => new TextEncoder().encode(text);

// The shared secret of RFC 4226 Appendix D and RFC 6238 Appendix B (SHA1).
const RFC_KEY = ascii('12345678901234567890');
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('base32', () => {
  test.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
    ['12345678901234567890', RFC_SECRET],
  ])('RFC 4648 vector %j ↔ %j', (text, encoded) => {
    expect(base32Encode(ascii(text))).toBe(encoded);
    expect(base32Decode(encoded)).toEqual(ascii(text));
  });

  test('round-trips every length of random bytes', () => {
    for (let length = 0; length <= 64; length += 1) {
      const bytes = new Uint8Array(Array.from({ length }, (_, i) => (i * 151 + length) % 256));
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
  });

  test.each([
    ['padding', 'MZXW6YQ='],
    ['lower case', 'mzxw6yq'],
    ['outside the alphabet', 'MZXW1YQ'],
    ['impossible length', 'MZX'],
    ['non-zero trailing bits', 'MZ'],
    ['space', 'MZXW 6YQ'],
  ])('decode refuses %s', (_, text) => {
    expect(() => base32Decode(text)).toThrow(RangeError);
  });
});

describe('hotp', () => {
  test.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [3, '969429'],
    [4, '338314'],
    [5, '254676'],
    [6, '287922'],
    [7, '162583'],
    [8, '399871'],
    [9, '520489'],
  ])('RFC 4226 Appendix D: counter %i → %s', (counter, code) => {
    expect(hotp(RFC_KEY, counter)).toBe(code);
  });

  test.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('RFC 6238 Appendix B (SHA1): time %i → %s', (seconds, code) => {
    expect(hotp(RFC_KEY, Math.floor(seconds / 30), 8)).toBe(code);
  });

  test.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses counter %s', (counter) => {
    expect(() => hotp(RFC_KEY, counter)).toThrow(RangeError);
  });
});

describe('totpCode', () => {
  test('is the 6-digit form of the RFC 6238 codes', () => {
    expect(totpCode(RFC_SECRET, Math.floor(59 / 30))).toBe('287082');
    expect(totpCode(RFC_SECRET, Math.floor(1111111109 / 30))).toBe('081804');
    expect(totpCode(RFC_SECRET, Math.floor(20000000000 / 30))).toBe('353130');
  });
});

describe('generateTotpSecret', () => {
  test('is 20 random bytes in base32', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('verifyTotp', () => {
  // 1111111111 s is step 37037037, 1 s past the step's start.
  const now = 1111111111 * 1000;
  const step = Math.floor(now / 30_000);
  const code = totpCode(RFC_SECRET, step);

  test('accepts the current code and returns its step', () => {
    expect(code).toBe('050471');
    expect(verifyTotp(RFC_SECRET, code, now)).toEqual({ ok: true, step });
  });

  test('accepts one step either side and refuses two with the default window', () => {
    expect(verifyTotp(RFC_SECRET, code, now - 30_000)).toEqual({ ok: true, step });
    expect(verifyTotp(RFC_SECRET, code, now + 30_000)).toEqual({ ok: true, step });
    expect(verifyTotp(RFC_SECRET, code, now - 60_000)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, code, now + 60_000)).toEqual({ ok: false });
  });

  test('honours a wider or a zero window', () => {
    expect(verifyTotp(RFC_SECRET, code, now + 60_000, { window: 2 })).toEqual({ ok: true, step });
    expect(verifyTotp(RFC_SECRET, code, now + 30_000, { window: 0 })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, code, now, { window: 0 })).toEqual({ ok: true, step });
  });

  test('refuses a replay of the last used step or an earlier one', () => {
    expect(verifyTotp(RFC_SECRET, code, now, { lastUsedStep: step })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, code, now + 30_000, { lastUsedStep: step })).toEqual({
      ok: false,
    });
    const previous = totpCode(RFC_SECRET, step - 1);
    expect(verifyTotp(RFC_SECRET, previous, now, { lastUsedStep: step - 1 })).toEqual({
      ok: false,
    });
    expect(verifyTotp(RFC_SECRET, code, now, { lastUsedStep: step - 1 })).toEqual({
      ok: true,
      step,
    });
  });

  test.each([
    ['surrounding spaces', ' 050471 '],
    ['a space in the middle', '050 471'],
    ['full-width digits', '０５０４７１'],
    ['an ideographic space', '０５０　４７１'],
  ])('accepts %s', (_, typed) => {
    expect(verifyTotp(RFC_SECRET, typed, now)).toEqual({ ok: true, step });
  });

  test.each([
    ['empty', ''],
    ['five digits', '50471'],
    ['seven digits', '0504710'],
    ['the 8-digit RFC code', '14050471'],
    ['a sign', '+50471'],
    ['letters', '05O471'],
    ['Arabic-Indic digits', '٠٥٠٤٧١'],
    ['a wrong code', '050472'],
  ])('refuses %s', (_, typed) => {
    expect(verifyTotp(RFC_SECRET, typed, now)).toEqual({ ok: false });
  });

  test('refuses a negative window', () => {
    expect(() => verifyTotp(RFC_SECRET, code, now, { window: -1 })).toThrow(RangeError);
  });
});

describe('totpUri', () => {
  test('builds the Key URI format with the issuer in the label and as a parameter', () => {
    expect(
      totpUri({ secret: RFC_SECRET, account: 'tanaka@city.example.jp', issuer: 'Madoguchi' }),
    ).toBe(
      'otpauth://totp/Madoguchi:tanaka%40city.example.jp' +
        `?secret=${RFC_SECRET}&issuer=Madoguchi&algorithm=SHA1&digits=6&period=30`,
    );
  });

  test('percent-encodes Japanese text, spaces and colons', () => {
    const uri = totpUri({ secret: RFC_SECRET, account: 'a:b c', issuer: '千代田区 窓口' });
    expect(uri).toBe(
      'otpauth://totp/%E5%8D%83%E4%BB%A3%E7%94%B0%E5%8C%BA%20%E7%AA%93%E5%8F%A3:a%3Ab%20c' +
        `?secret=${RFC_SECRET}&issuer=%E5%8D%83%E4%BB%A3%E7%94%B0%E5%8C%BA%20%E7%AA%93%E5%8F%A3` +
        '&algorithm=SHA1&digits=6&period=30',
    );
  });
});
