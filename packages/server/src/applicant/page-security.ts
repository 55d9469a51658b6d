import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { deriveDatabaseKey } from '../db/keys';
import { AppError } from '../http/errors';

/**
 * The Content-Security-Policy of every resident page: our own stylesheet and script only (the
 * script fetches postal-code chunks from us too), no inline script or style, forms post only
 * to us, never framed.
 */
export const pageContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Cookie names and flags for an origin: `__Host-`/`__Secure-` and Secure over HTTPS. */
export function residentCookies(publicOrigin: string) {
  const secure = publicOrigin.startsWith('https://');
  return {
    secure,
    csrf: secure ? '__Host-madoguchi_csrf' : 'madoguchi_csrf',
    access: secure ? '__Secure-madoguchi_access' : 'madoguchi_access',
    language: secure ? '__Host-madoguchi_lang' : 'madoguchi_lang',
  };
}

const csrfKeys = new WeakMap<Buffer, Buffer>();

function csrfKey(masterKey: Buffer): Buffer {
  let key = csrfKeys.get(masterKey);
  if (!key) {
    key = Buffer.from(deriveDatabaseKey(masterKey, 'resident-csrf'), 'hex');
    csrfKeys.set(masterKey, key);
  }
  return key;
}

function sign(masterKey: Buffer, slug: string, cookieValue: string): string {
  return createHmac('sha256', csrfKey(masterKey))
    .update(`${slug}\n${cookieValue}`)
    .digest('base64url');
}

/**
 * The CSRF token for a page: residents have no session, so the token is an HMAC of a random
 * cookie (HttpOnly, SameSite=Lax, `__Host-` over HTTPS so no sibling domain can plant one) with
 * a key derived from the master key. A form carries the token; a POST must bring both.
 */
export function csrfTokenFor(
  c: Context,
  options: { publicOrigin: string; masterKey: Buffer; slug: string },
): string {
  const names = residentCookies(options.publicOrigin);
  let value = getCookie(c, names.csrf);
  if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
    value = randomBytes(32).toString('base64url');
    setCookie(c, names.csrf, value, {
      path: '/',
      httpOnly: true,
      secure: names.secure,
      sameSite: 'Lax',
    });
  }
  return sign(options.masterKey, options.slug, value);
}

const refused = new AppError('csrf_rejected');

/**
 * Refuses a POST that does not come from our own page: the Origin (or Sec-Fetch-Site) must
 * be ours, and the form's token must match the cookie.
 */
export function checkCsrf(
  c: Context,
  token: string | undefined,
  options: { publicOrigin: string; masterKey: Buffer; slug: string },
): void {
  const site = c.req.header('sec-fetch-site');
  // Our pages send no referrer, so a browser posts their forms with `Origin: null`; the fetch
  // metadata it adds (which no page can forge) says whether the post came from our own page.
  const header = c.req.header('origin');
  const origin = header === 'null' && site === 'same-origin' ? undefined : header;
  if (origin !== undefined && origin !== options.publicOrigin) throw refused;
  if (origin === undefined && site !== undefined && !['same-origin', 'none'].includes(site))
    throw refused;
  const cookie = getCookie(c, residentCookies(options.publicOrigin).csrf);
  if (!cookie || !token || token.length > 100) throw refused;
  const expected = Buffer.from(sign(options.masterKey, options.slug, cookie));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused;
}

/**
 * Keeps the secret token of an applicant's link in a cookie for that municipality's pages
 * only: HttpOnly, SameSite=Strict, Secure over HTTPS, two hours; the mail's link works again
 * after that.
 */
export function rememberAccessToken(
  c: Context,
  options: { publicOrigin: string; slug: string; token: string },
): void {
  const names = residentCookies(options.publicOrigin);
  setCookie(c, names.access, options.token, {
    path: `/t/${options.slug}`,
    httpOnly: true,
    secure: names.secure,
    sameSite: 'Strict',
    maxAge: 2 * 60 * 60,
  });
}

/** The remembered access token, if any. */
export function accessTokenOf(c: Context, publicOrigin: string): string | undefined {
  const value = getCookie(c, residentCookies(publicOrigin).access);
  return value && value.length <= 200 ? value : undefined;
}

/** Forgets a remembered token that no longer opens anything. */
export function forgetAccessToken(c: Context, publicOrigin: string, slug: string): void {
  const names = residentCookies(publicOrigin);
  deleteCookie(c, names.access, { path: `/t/${slug}`, secure: names.secure });
}

/** The language a resident chose, remembered for a year. */
export function rememberLanguage(c: Context, publicOrigin: string, locale: 'ja' | 'en'): void {
  const names = residentCookies(publicOrigin);
  setCookie(c, names.language, locale, {
    path: '/',
    httpOnly: true,
    secure: names.secure,
    sameSite: 'Lax',
    maxAge: 365 * 24 * 60 * 60,
  });
}

/** The resident's language: their choice, else Japanese. */
export function chosenLanguage(c: Context, publicOrigin: string): 'ja' | 'en' {
  return getCookie(c, residentCookies(publicOrigin).language) === 'en' ? 'en' : 'ja';
}
