import { describe, expect, test } from 'vitest';
import * as crypto from './index';

describe('auth/crypto', () => {
  test('exports exactly the public API', () => {
    expect(Object.keys(crypto).sort()).toEqual([
      'base32Decode',
      'base32Encode',
      'dummyVerify',
      'formatSessionToken',
      'generateToken',
      'generateTotpSecret',
      'hashPassword',
      'hashSecret',
      'needsRehash',
      'parseSessionToken',
      'parseToken',
      'passwordProblem',
      'randomString',
      'secretMatches',
      'totpCode',
      'totpUri',
      'verifyPassword',
      'verifyTotp',
    ]);
  });
});
