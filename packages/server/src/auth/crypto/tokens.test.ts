import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  formatSessionToken,
  generateToken,
  hashSecret,
  parseSessionToken,
  parseToken,
  secretMatches,
} from './tokens';

const PART = /^[abcdefghijkmnpqrstuvwxyz23456789]{24}$/;
const ID = 'abcdefghijkmnpqrstuvwxyz';
const SECRET = '23456789abcdefghijkmnpqr';

describe('generateToken', () => {
  test('is <id>.<secret> from the unambiguous alphabet, with the hash of the secret', () => {
    const { id, secret, token, secretHash } = generateToken();
    expect(id).toMatch(PART);
    expect(secret).toMatch(PART);
    expect(token).toBe(`${id}.${secret}`);
    expect(secretHash).toEqual(new Uint8Array(createHash('sha256').update(secret).digest()));
  });

  test('never repeats an id or a secret over 10,000 tokens', () => {
    const tokens = Array.from({ length: 10_000 }, generateToken);
    expect(new Set(tokens.map((t) => t.id)).size).toBe(10_000);
    expect(new Set(tokens.map((t) => t.secret)).size).toBe(10_000);
  });
});

describe('parseToken', () => {
  test('reads a generated token back', () => {
    const { id, secret, token } = generateToken();
    expect(parseToken(token)).toEqual({ id, secret });
    expect(parseToken(`${ID}.${SECRET}`)).toEqual({ id: ID, secret: SECRET });
  });

  test.each([
    ['empty', ''],
    ['only a dot', '.'],
    ['no secret', `${ID}.`],
    ['no id', `.${SECRET}`],
    ['no dot', `${ID}${SECRET}`],
    ['another separator', `${ID}_${SECRET}`],
    ['an extra dot', `${ID}.${SECRET}.`],
    ['two dots', `${ID}..${SECRET}`],
    ['an extra part', `${ID}.${SECRET}.${SECRET}`],
    ['a short id', `${ID.slice(1)}.${SECRET}`],
    ['a long secret', `${ID}.${SECRET}a`],
    ['upper case', `${ID.toUpperCase()}.${SECRET}`],
    ['an ambiguous l', `${ID.replace('a', 'l')}.${SECRET}`],
    ['an ambiguous 0', `${ID}.${SECRET.replace('2', '0')}`],
    ['a space', ` ${ID}.${SECRET.slice(1)}`],
    ['a newline', `${ID}.${SECRET.slice(1)}\n`],
    ['a full-width letter', `${ID}.${SECRET.slice(1)}ａ`],
    ['a session token', `tokyo~${ID}.${SECRET}`],
    ['10 KB', 'a'.repeat(10_240)],
    ['10 KB shaped like a token', `${'a'.repeat(5_000)}.${'b'.repeat(5_000)}`],
  ])('refuses %s', (_, value) => {
    expect(parseToken(value)).toBeNull();
  });
});

describe('hashSecret and secretMatches', () => {
  test('hashSecret is SHA-256 of the secret', () => {
    // SHA-256("abc"), FIPS 180-2 Appendix B.1.
    expect(Buffer.from(hashSecret('abc')).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  test('matches only the right secret', () => {
    const { secret, secretHash } = generateToken();
    expect(secretMatches(secret, secretHash)).toBe(true);
    expect(secretMatches(generateToken().secret, secretHash)).toBe(false);
  });

  test('refuses a secret with one character changed', () => {
    const { secret, secretHash } = generateToken();
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
    expect(secretMatches(tampered, secretHash)).toBe(false);
  });

  test('refuses a stored hash of the wrong length without throwing', () => {
    const { secret, secretHash } = generateToken();
    expect(secretMatches(secret, secretHash.subarray(0, 16))).toBe(false);
    expect(secretMatches(secret, new Uint8Array(0))).toBe(false);
  });
});

describe('session tokens', () => {
  test('name their tenant and read back', () => {
    const { id, secret, token } = generateToken();
    const value = formatSessionToken('chiyoda-ku', token);
    expect(value).toBe(`chiyoda-ku~${id}.${secret}`);
    expect(parseSessionToken(value)).toEqual({ tenantSlug: 'chiyoda-ku', id, secret });
  });

  test('accept slugs of 2 and 40 characters', () => {
    const token = `${ID}.${SECRET}`;
    const long = `a${'0'.repeat(39)}`;
    expect(parseSessionToken(`ab~${token}`)).toEqual({ tenantSlug: 'ab', id: ID, secret: SECRET });
    expect(parseSessionToken(formatSessionToken(long, token))?.tenantSlug).toBe(long);
  });

  test.each([
    ['a bare token', `${ID}.${SECRET}`],
    ['no slug', `~${ID}.${SECRET}`],
    ['no token', 'tokyo~'],
    ['a one-letter slug', `a~${ID}.${SECRET}`],
    ['a 41-character slug', `a${'0'.repeat(40)}~${ID}.${SECRET}`],
    ['a slug starting with a digit', `1tokyo~${ID}.${SECRET}`],
    ['an upper-case slug', `Tokyo~${ID}.${SECRET}`],
    ['a dot in the slug', `to.kyo~${ID}.${SECRET}`],
    ['two tildes', `tokyo~~${ID}.${SECRET}`],
    ['a second tenant', `tokyo~osaka~${ID}.${SECRET}`],
    ['a forged secret', `tokyo~${ID}.${SECRET.toUpperCase()}`],
    ['10 KB', `tokyo~${'a'.repeat(10_240)}`],
    ['10 KB of slug', `${'a'.repeat(10_240)}~${ID}.${SECRET}`],
  ])('refuse %s', (_, value) => {
    expect(parseSessionToken(value)).toBeNull();
  });

  test('cannot be formatted from a bad slug or token', () => {
    expect(() => formatSessionToken('Tokyo', `${ID}.${SECRET}`)).toThrow(RangeError);
    expect(() => formatSessionToken('tokyo', 'not-a-token')).toThrow(RangeError);
  });
});
