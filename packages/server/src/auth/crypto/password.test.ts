import { describe, expect, test } from 'vitest';
import {
  dummyVerify,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from './password';

const b64 = (bytes: Buffer) => bytes.toString('base64url');

// RFC 7914 §12, third vector: P = "pleaseletmein", S = "SodiumChloride", N = 16384, r = 8, p = 1.
const RFC7914 = `scrypt$N=16384,r=8,p=1$${b64(Buffer.from('SodiumChloride'))}$${b64(
  Buffer.from(
    '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2' +
      'd5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887',
    'hex',
  ),
)}`;

// The second vector: correct, but its 4-byte salt is below the 8 bytes verifyPassword accepts.
const RFC7914_NACL = `scrypt$N=1024,r=8,p=16$${b64(Buffer.from('NaCl'))}$${b64(
  Buffer.from(
    'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
      '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    'hex',
  ),
)}`;

// The fourth vector (N = 2^20, 1 GiB): correct, but more than verifyPassword agrees to spend.
const RFC7914_HUGE = `scrypt$N=1048576,r=8,p=1$${b64(Buffer.from('SodiumChloride'))}$${b64(
  Buffer.from(
    '2101cb9b6a511aaeaddbbe09cf70f881ec568d574a2ffd4dabe5ee9820adaa47' +
      '8e56fd8f4ba5d09ffa1c6d927c40f4c337304049e8a952fbcbf45c6fa77a41a4',
    'hex',
  ),
)}`;

/** A well-formed encoded string with the given parameters and zero bytes. */
const encoded = (settings: string, saltBytes: number, keyBytes: number) =>
  `scrypt$${settings}$${b64(Buffer.alloc(saltBytes))}$${b64(Buffer.alloc(keyBytes))}`;

describe('hashPassword and verifyPassword', () => {
  test('round trip in the self-describing format', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$N=65536,r=8,p=2\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  test('uses a fresh salt each time', async () => {
    const [first, second] = await Promise.all([
      hashPassword('same password twice'),
      hashPassword('same password twice'),
    ]);
    expect(first).not.toBe(second);
    expect(first?.split('$')[2]).not.toBe(second?.split('$')[2]);
  });

  test('treats full-width and half-width forms as the same password (NFKC)', async () => {
    const stored = await hashPassword('ｍａｄｏｇｕｃｈｉ　２０２５');
    expect(await verifyPassword('madoguchi 2025', stored)).toBe(true);
  });

  test('verifies the RFC 7914 test vector', async () => {
    expect(await verifyPassword('pleaseletmein', RFC7914)).toBe(true);
    expect(await verifyPassword('pleaseletmeout', RFC7914)).toBe(false);
  });

  test.each([
    ['empty', ''],
    ['bare scheme', 'scrypt'],
    ['empty parts', 'scrypt$$$'],
    ['another scheme', RFC7914.replace('scrypt$', 'bcrypt$')],
    ['upper-case scheme', RFC7914.replace('scrypt$', 'SCRYPT$')],
    ['leading space', ` ${RFC7914}`],
    ['trailing newline', `${RFC7914}\n`],
    ['extra part', `${RFC7914}$AAAA`],
    ['missing parameter', RFC7914.replace(',r=8', '')],
    ['N not a power of two', RFC7914.replace('N=16384', 'N=16383')],
    ['N with a leading zero', RFC7914.replace('N=16384', 'N=016384')],
    ['p of zero', RFC7914.replace('p=1', 'p=0')],
    ['p too large', RFC7914.replace('p=1', 'p=17')],
    // 'V' differs from 'U' only in padding bits a lenient decoder ignores.
    ['non-canonical base64url salt', RFC7914.replace('GU$', 'GV$')],
    ['standard base64 alphabet', RFC7914.replaceAll('_', '/')],
    ['truncated hash', RFC7914.slice(0, -20)],
  ])('returns false, without throwing, for a malformed hash: %s', async (_, stored) => {
    expect(await verifyPassword('pleaseletmein', stored)).toBe(false);
  });

  test('refuses correct hashes outside the accepted bounds', async () => {
    expect(await verifyPassword('password', RFC7914_NACL)).toBe(false);
    expect(await verifyPassword('pleaseletmein', RFC7914_HUGE)).toBe(false);
  });
});

describe('needsRehash', () => {
  test('is false for a fresh hash and true for the N = 2^14 test vector', async () => {
    expect(needsRehash(await hashPassword('correct horse battery staple'))).toBe(false);
    expect(needsRehash(RFC7914)).toBe(true);
  });

  test.each([
    ['N=16384,r=8,p=1', 16, 32, true],
    ['N=65536,r=4,p=1', 16, 32, true],
    ['N=65536,r=8,p=2', 16, 16, true],
    ['N=65536,r=8,p=2', 8, 32, true],
    ['N=65536,r=8,p=1', 16, 32, true],
    ['N=65536,r=8,p=2', 16, 32, false],
    ['N=131072,r=8,p=1', 16, 32, false],
    ['N=65536,r=8,p=2', 32, 64, false],
  ])('%s with a %i-byte salt and %i-byte key: %s', (settings, salt, key, expected) => {
    expect(needsRehash(encoded(settings, salt, key))).toBe(expected);
  });

  test('is true for a string it cannot read', () => {
    expect(needsRehash('not a hash')).toBe(true);
  });
});

describe('dummyVerify', () => {
  test('resolves to false', async () => {
    expect(await dummyVerify()).toBe(false);
  });
});

describe('passwordProblem', () => {
  const cjk = (length: number) =>
    Array.from({ length }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');

  test.each([
    ['correct horse battery staple', null],
    ['k7#mQ2vLp9xZ', null],
    ['いろはにほへとちりぬるを', null],
    ['🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮', null],
    [cjk(256), null],
    ['', 'too_short'],
    ['password', 'too_short'],
    ['qwertyuiop', 'too_short'],
    ['k7#mQ2vLp9x', 'too_short'],
    // 22 UTF-16 units but 11 code points.
    ['🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁', 'too_short'],
    [cjk(257), 'too_long'],
    ['password1234', 'too_common'],
    ['Password1234', 'too_common'],
    ['ｐａｓｓｗｏｒｄ１２３４', 'too_common'],
    ['123456789012', 'too_common'],
    ['1234567890123456', 'too_common'],
    ['987654321098', 'too_common'],
    ['abcdefghijkl', 'too_common'],
    ['qwertyuiopasdf', 'too_common'],
    ['aaaaaaaaaaaa', 'too_common'],
    ['ああああああああああああ', 'too_common'],
    ['abcabcabcabc', 'too_common'],
    ['passwordpassword', 'too_common'],
    ['123456789013', null],
    ['abcabcabcabcd', null],
  ])('%j → %s', (password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });
});
