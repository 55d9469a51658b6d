import { describe, expect, test } from 'vitest';
import { allowedIssuers, issuerProblem } from './issuers';

const development = { NODE_ENV: 'development' as const, CARD_ISSUERS_ALLOWED: undefined };
const production = { NODE_ENV: 'production' as const, CARD_ISSUERS_ALLOWED: undefined };
const listed = (list: string, mode: 'production' | 'development' = 'production') => ({
  NODE_ENV: mode,
  CARD_ISSUERS_ALLOWED: list,
});

describe('issuerProblem', () => {
  test('outside production with no list: any https issuer, and plain http on the loopback only', () => {
    expect(issuerProblem('https://auth.example.go.jp', development)).toBeUndefined();
    expect(issuerProblem('http://127.0.0.1:3900', development)).toBeUndefined();
    expect(issuerProblem('http://localhost:3900/oidc', development)).toBeUndefined();
    expect(issuerProblem('http://10.0.0.5', development)).toBe('scheme');
    expect(issuerProblem('http://metadata.internal', development)).toBe('scheme');
    expect(issuerProblem('ftp://auth.example.go.jp', development)).toBe('scheme');
    expect(issuerProblem('not a url', development)).toBe('scheme');
  });

  test('refuses a query, a fragment or credentials in the URL', () => {
    expect(issuerProblem('https://auth.example.go.jp?x=1', development)).toBe('scheme');
    expect(issuerProblem('https://auth.example.go.jp#x', development)).toBe('scheme');
    expect(issuerProblem('https://user:pw@auth.example.go.jp', development)).toBe('scheme');
  });

  test('in production without the operator’s list, no issuer a tenant enters is used', () => {
    expect(issuerProblem('https://auth.example.go.jp', production)).toBe('no_list');
    expect(issuerProblem('http://127.0.0.1:3900', production)).toBe('scheme');
  });

  test('with a list, only the issuers it names (a trailing slash does not matter)', () => {
    const policy = listed(' https://auth.example.go.jp/ , https://stg.auth.example.go.jp');
    expect(issuerProblem('https://auth.example.go.jp', policy)).toBeUndefined();
    expect(issuerProblem('https://auth.example.go.jp/', policy)).toBeUndefined();
    expect(issuerProblem('https://stg.auth.example.go.jp', policy)).toBeUndefined();
    expect(issuerProblem('https://auth.example.go.jp/other', policy)).toBe('not_listed');
    expect(issuerProblem('https://internal.example.lg.jp', policy)).toBe('not_listed');
    // The list never lets plain http through in production.
    expect(issuerProblem('http://127.0.0.1:3900', listed('http://127.0.0.1:3900'))).toBe('scheme');
    expect(
      issuerProblem('http://127.0.0.1:3900', listed('http://127.0.0.1:3900', 'development')),
    ).toBeUndefined();
  });
});

describe('allowedIssuers', () => {
  test('the list as written, trimmed, without trailing slashes; undefined when unset', () => {
    expect(allowedIssuers(listed('https://a.example.jp/, https://b.example.jp'))).toEqual([
      'https://a.example.jp',
      'https://b.example.jp',
    ]);
    expect(allowedIssuers(development)).toBeUndefined();
  });
});
