import { describe, expect, test } from 'vitest';
import { newId } from '../db/ids';
import { formatAccessToken, parseAccessToken, randomAccessSecret } from './access';

describe('parseAccessToken', () => {
  test('splits a token made now into the application id and the secret', () => {
    const id = newId('sub');
    const secret = randomAccessSecret();
    expect(parseAccessToken(formatAccessToken(id, secret))).toEqual({
      submissionId: id,
      secret,
    });
  });

  test('still reads links mailed before ids carried their time (16 characters)', () => {
    const secret = randomAccessSecret();
    expect(parseAccessToken(`sub_3k9v0q8h2m7c1x4z.${secret}`)).toEqual({
      submissionId: 'sub_3k9v0q8h2m7c1x4z',
      secret,
    });
  });

  test('refuses another kind of id, a short secret, or anything around the token', () => {
    const secret = randomAccessSecret();
    expect(parseAccessToken(`${newId('pay')}.${secret}`)).toBeUndefined();
    expect(parseAccessToken(`${newId('sub')}.${secret.slice(1)}`)).toBeUndefined();
    expect(parseAccessToken(` ${newId('sub')}.${secret}`)).toBeUndefined();
    expect(parseAccessToken(`${newId('sub')}.${secret}/x`)).toBeUndefined();
  });
});
