import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ErrorAnswer,
  type Harness,
  inviteThroughApi,
  send,
  signedInMember,
  tokenOf,
} from '../admin/test-support';
import { staff } from '../db/tenant-schema';
import { createHarness, goodPassword } from '../testing/harness';
import { totpCode } from './crypto/index';

let h: Harness;
let admin: Awaited<ReturnType<Harness['tenantWithAdmin']>>;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.tenantWithAdmin('midori', '131041');
}, 60_000);
afterAll(() => h.close());

const step = () => Math.floor(h.now() / 30_000);
const noSecondFactor = {
  ja: '二段階認証が登録されていないため、ログインできません。管理者に二段階認証の登録用リンクの発行を依頼し、そのリンクから登録してください',
  en: 'This account has no two-step verification, so it cannot sign in. Ask your administrator for a two-step verification set-up link and set it up there',
};

/** An account as one accepted before TOTP was required of everyone: a password, no secret. */
async function withoutSecondFactor(email: string, isTenantAdmin = false) {
  const member = await signedInMember(h, 'midori', admin.cookie, { email, isTenantAdmin });
  const db = await h.registry.database('midori');
  await db
    .update(staff)
    .set({ totpSecret: null, totpLastStep: null })
    .where(eq(staff.id, member.staff.id));
  return member;
}

const signIn = (email: string, extra: Record<string, string> = {}, language = 'ja') =>
  send<ErrorAnswer>(h, 'POST', '/api/auth/sign-in', {
    body: { tenant: 'midori', email, password: goodPassword, ...extra },
    headers: { 'accept-language': language },
  });

describe('a reviewer invitation enrols the second factor', () => {
  test('inspect says it is required, whatever the role', async () => {
    const { token } = await inviteThroughApi(h, admin.cookie, {
      email: 'inspect@city.midori.lg.jp',
    });
    const inspected = await send<{ totpRequired: boolean; totpSecret: string }>(
      h,
      'POST',
      '/api/invites/inspect',
      { body: { token } },
    );
    expect(inspected.status).toBe(200);
    expect(inspected.body.totpRequired).toBe(true);
    expect(inspected.body.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
  });

  test('it cannot be accepted without a valid code; with one it can, once', async () => {
    const email = 'reviewer@city.midori.lg.jp';
    const { token } = await inviteThroughApi(h, admin.cookie, { email });
    const { body } = await send<{ totpSecret: string }>(h, 'POST', '/api/invites/inspect', {
      body: { token },
    });
    const secret = body.totpSecret;
    const attempts = [
      { token, password: goodPassword },
      { token, password: goodPassword, totpSecret: secret },
      { token, password: goodPassword, totpSecret: secret, totpCode: '000000' },
      { token, password: goodPassword, totpSecret: secret, totpCode: totpCode(secret, step() + 3) },
      { token, password: goodPassword, totpSecret: 'not a secret', totpCode: '123456' },
    ];
    for (const attempt of attempts) {
      const refused = await send<ErrorAnswer>(h, 'POST', '/api/invites/accept', { body: attempt });
      expect(refused.status, JSON.stringify(attempt)).toBe(400);
      expect(refused.body.error.details?.map((d) => d.path)).toEqual(['totpCode']);
    }
    // The refused attempts used nothing up: the account is still invited and cannot sign in.
    expect((await signIn(email)).status).toBe(401);
    const accepted = await send(h, 'POST', '/api/invites/accept', {
      body: {
        token,
        password: goodPassword,
        totpSecret: secret,
        totpCode: totpCode(secret, step()),
      },
    });
    expect(accepted.status).toBe(200);
    h.advance(30_000);
    expect((await signIn(email)).body.error.code).toBe('second_factor_required');
    expect((await signIn(email, { totpCode: totpCode(secret, step()) })).status).toBe(200);
  });
});

describe('sign-in of an account without a second factor', () => {
  test('is refused for a non-admin with 403 and the way out, in Japanese and English', async () => {
    const email = 'legacy@city.midori.lg.jp';
    await withoutSecondFactor(email);
    const ja = await signIn(email);
    expect(ja.status).toBe(403);
    expect(ja.body.error.message).toBe(noSecondFactor.ja);
    const en = await signIn(email, { totpCode: '123456' }, 'en');
    expect(en.status).toBe(403);
    expect(en.body.error.message).toBe(noSecondFactor.en);
  });

  test('is refused for an admin the same way', async () => {
    const email = 'legacy-admin@city.midori.lg.jp';
    await withoutSecondFactor(email, true);
    const answer = await signIn(email);
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe(noSecondFactor.ja);
  });

  test('says nothing before the password is right', async () => {
    const email = 'legacy-wrong@city.midori.lg.jp';
    await withoutSecondFactor(email);
    const answer = await send<ErrorAnswer>(h, 'POST', '/api/auth/sign-in', {
      body: { tenant: 'midori', email, password: 'not the password at all' },
    });
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).not.toBe(noSecondFactor.ja);
  });

  test('a session it had before is no longer accepted', async () => {
    const member = await withoutSecondFactor('legacy-session@city.midori.lg.jp');
    expect((await send(h, 'GET', '/api/auth/session', { cookie: member.cookie })).status).toBe(401);
  });
});

describe('the re-enrolment link for an account that never enrolled', () => {
  test('an admin sends it from the staff screen; it sets up TOTP and sign-in works', async () => {
    const email = 'never@city.midori.lg.jp';
    const member = await withoutSecondFactor(email);
    const reset = await send<{ staff: { totpEnabled: boolean }; totpResetLink: string }>(
      h,
      'POST',
      `/api/admin/staff/${member.staff.id}/reset-totp`,
      { cookie: admin.cookie },
    );
    expect(reset.status).toBe(200);
    expect(reset.body.staff.totpEnabled).toBe(false);
    const token = tokenOf(reset.body.totpResetLink);
    const inspected = await send<{
      purpose: string;
      passwordRequired: boolean;
      totpRequired: boolean;
      totpSecret: string;
    }>(h, 'POST', '/api/invites/inspect', { body: { token } });
    expect(inspected.body).toMatchObject({
      purpose: 'totp_reset',
      passwordRequired: false,
      totpRequired: true,
    });
    const secret = inspected.body.totpSecret;
    expect(
      (await send(h, 'POST', '/api/invites/accept', { body: { token, totpCode: '000000' } }))
        .status,
    ).toBe(400);
    const accepted = await send(h, 'POST', '/api/invites/accept', {
      body: { token, totpSecret: secret, totpCode: totpCode(secret, step()) },
    });
    expect(accepted.status).toBe(200);
    // The link works once.
    expect(
      (
        await send(h, 'POST', '/api/invites/accept', {
          body: { token, totpSecret: secret, totpCode: totpCode(secret, step()) },
        })
      ).status,
    ).toBe(410);
    h.advance(30_000);
    const signedIn = await signIn(email, { totpCode: totpCode(secret, step()) });
    expect(signedIn.status).toBe(200);
  });
});
