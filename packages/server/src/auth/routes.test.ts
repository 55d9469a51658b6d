import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, goodPassword } from '../testing/harness';
import { totpCode } from './crypto/index';

let h: Awaited<ReturnType<typeof createHarness>>;
let midori: Awaited<ReturnType<Awaited<ReturnType<typeof createHarness>>['tenantWithAdmin']>>;
let aoba: typeof midori;

beforeAll(async () => {
  h = await createHarness();
  midori = await h.tenantWithAdmin('midori', '131041');
  aoba = await h.tenantWithAdmin('aoba', '141003');
}, 60_000);
afterAll(() => h.close());

const step = () => Math.floor(h.now() / 30_000);
type Body = { error: { code: string; message: string } };

describe('POST /api/auth/sign-in', () => {
  test('password and TOTP give a session cookie: HttpOnly, SameSite=Strict, not Secure on http://localhost', async () => {
    h.advance(30_000);
    const response = await h.request('POST', '/api/auth/sign-in', {
      body: {
        tenant: 'midori',
        email: midori.email.toUpperCase(),
        password: goodPassword,
        totpCode: totpCode(midori.secret, step()),
      },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^madoguchi_staff=midori~[a-z2-9]{24}\.[a-z2-9]{24};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
  });

  test('an admin without the code is asked for it, without counting a failure', async () => {
    const response = await h.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'midori', email: midori.email, password: goodPassword },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as Body).error.code).toBe('second_factor_required');
  });

  test('a TOTP code is accepted one step early or late and refused two steps away', async () => {
    for (const [offset, expected] of [
      [-2, 401],
      [2, 401],
      [-1, 200],
    ] as const) {
      h.advance(90_000);
      const response = await h.request('POST', '/api/auth/sign-in', {
        body: {
          tenant: 'aoba',
          email: aoba.email,
          password: goodPassword,
          totpCode: totpCode(aoba.secret, step() + offset),
        },
      });
      expect(response.status, `offset ${offset}`).toBe(expected);
    }
  });

  test('a TOTP code cannot be used twice', async () => {
    h.advance(90_000);
    const body = {
      tenant: 'aoba',
      email: aoba.email,
      password: goodPassword,
      totpCode: totpCode(aoba.secret, step()),
    };
    expect((await h.request('POST', '/api/auth/sign-in', { body })).status).toBe(200);
    expect((await h.request('POST', '/api/auth/sign-in', { body })).status).toBe(401);
  });

  test('unknown tenant, unknown email and wrong password get the same answer', async () => {
    const answers = [];
    for (const body of [
      { tenant: 'nowhere', email: midori.email, password: goodPassword },
      { tenant: 'midori', email: 'nobody@midori.example.lg.jp', password: goodPassword },
      { tenant: 'midori', email: midori.email, password: 'wrong password here' },
      { tenant: 'aoba', email: midori.email, password: goodPassword },
    ]) {
      const response = await h.request('POST', '/api/auth/sign-in', { body });
      answers.push([response.status, ((await response.json()) as Body).error.message]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual([401, '自治体、メールアドレスまたはパスワードが違います']);
  });

  test('bad input is a 400 naming the fields', async () => {
    const response = await h.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'Midori!', email: 'not-an-email', password: 1, extra: true },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Body & { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['tenant', 'email', 'password']),
    );
  });

  test('five failures lock the account for 15 minutes, even with the right password', async () => {
    const { tenantWithAdmin } = h;
    const lock = await tenantWithAdmin('lockward', '011002');
    for (let i = 0; i < 5; i++) {
      const r = await h.request('POST', '/api/auth/sign-in', {
        body: { tenant: 'lockward', email: lock.email, password: `wrong password ${i}!` },
      });
      expect(r.status).toBe(401);
    }
    h.advance(30_000);
    const right = {
      tenant: 'lockward',
      email: lock.email,
      password: goodPassword,
      totpCode: totpCode(lock.secret, step()),
    };
    const locked = await h.request('POST', '/api/auth/sign-in', { body: right });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    h.advance(15 * 60_000);
    const unlocked = await h.request('POST', '/api/auth/sign-in', {
      body: { ...right, totpCode: totpCode(lock.secret, step()) },
    });
    expect(unlocked.status).toBe(200);
  }, 30_000);

  test('a cross-site form post is refused (CSRF)', async () => {
    const evil = await h.request('POST', '/api/auth/sign-in', {
      body: {},
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    const form = await h.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'tenant=midori',
    });
    expect(form.status).toBe(415);
  });
});

describe('sessions', () => {
  test('GET /api/auth/session names the tenant and the person', async () => {
    const response = await h.request('GET', '/api/auth/session', { cookie: midori.cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      tenant: { slug: 'midori' },
      staff: { email: midori.email, isTenantAdmin: true, totpEnabled: true },
    });
  });

  test.each([
    ['no cookie', ''],
    ['a forged token', 'madoguchi_staff=midori~aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb'],
    ['garbage', 'madoguchi_staff=%00%ff'],
  ])('%s is refused with 401', async (_, cookie) => {
    expect((await h.request('GET', '/api/auth/session', { cookie })).status).toBe(401);
  });

  test('a tampered secret is refused', async () => {
    const tampered = midori.cookie.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    expect((await h.request('GET', '/api/auth/session', { cookie: tampered })).status).toBe(401);
  });

  test("a session moved to another tenant's slug is refused", async () => {
    const moved = midori.cookie.replace('=midori~', '=aoba~');
    expect((await h.request('GET', '/api/auth/session', { cookie: moved })).status).toBe(401);
  });

  test('a session ends after the idle limit, and activity keeps it alive', async () => {
    h.advance(30_000);
    const cookie = await h.signInCookie('midori', midori.email, goodPassword, midori.secret);
    const idle = h.config.SESSION_IDLE_MINUTES * 60_000;
    h.advance(idle - 60_000);
    expect((await h.request('GET', '/api/auth/session', { cookie })).status).toBe(200);
    h.advance(idle - 60_000);
    expect((await h.request('GET', '/api/auth/session', { cookie })).status).toBe(200);
    h.advance(idle);
    expect((await h.request('GET', '/api/auth/session', { cookie })).status).toBe(401);
  });

  test('sign-out ends this session only; sign-out everywhere ends them all', async () => {
    h.advance(30_000);
    const first = await h.signInCookie('aoba', aoba.email, goodPassword, aoba.secret);
    h.advance(30_000);
    const second = await h.signInCookie('aoba', aoba.email, goodPassword, aoba.secret);
    expect((await h.request('POST', '/api/auth/sign-out', { cookie: first })).status).toBe(204);
    expect((await h.request('GET', '/api/auth/session', { cookie: first })).status).toBe(401);
    expect((await h.request('GET', '/api/auth/session', { cookie: second })).status).toBe(200);
    expect(
      (await h.request('POST', '/api/auth/sign-out-everywhere', { cookie: second })).status,
    ).toBe(204);
    expect((await h.request('GET', '/api/auth/session', { cookie: aoba.cookie })).status).toBe(401);
    expect((await h.request('POST', '/api/auth/sign-out', {})).status).toBe(401);
  });

  test('changing the password ends the other sessions and needs the current password', async () => {
    h.advance(30_000);
    const here = await h.signInCookie('midori', midori.email, goodPassword, midori.secret);
    h.advance(30_000);
    const elsewhere = await h.signInCookie('midori', midori.email, goodPassword, midori.secret);
    const wrong = await h.request('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: 'not it at all', newPassword: 'a new long passphrase' },
    });
    expect(wrong.status).toBe(400);
    const weak = await h.request('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: goodPassword, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    const changed = await h.request('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: goodPassword, newPassword: 'a new long passphrase' },
    });
    expect(changed.status).toBe(204);
    expect((await h.request('GET', '/api/auth/session', { cookie: here })).status).toBe(200);
    expect((await h.request('GET', '/api/auth/session', { cookie: elsewhere })).status).toBe(401);
    const back = await h.request('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: 'a new long passphrase', newPassword: goodPassword },
    });
    expect(back.status).toBe(204);
  });
});

describe('invitations', () => {
  test('a forged or unknown token is 410 Gone', async () => {
    for (const token of [
      'midori~aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb',
      'garbage',
      'x'.repeat(199),
    ]) {
      expect((await h.request('POST', '/api/invites/inspect', { body: { token } })).status).toBe(
        410,
      );
      expect(
        (
          await h.request('POST', '/api/invites/accept', {
            body: { token, password: goodPassword },
          })
        ).status,
      ).toBe(410);
    }
  });
});
