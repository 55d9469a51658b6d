import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, goodPassword } from '../testing/harness';
import { findStaff, insertStaff, isUniqueViolation } from './repo';
import type { StaffView } from './staff';
import {
  acceptAndSignIn,
  type ErrorAnswer,
  type Harness,
  inviteThroughApi,
  send,
  signedInMember,
  tokenOf,
} from './test-support';

let h: Harness;
let admin: string;
let adminId: string;
const day = 24 * 60 * 60_000;

beforeAll(async () => {
  h = await createHarness();
  admin = (await h.tenantWithAdmin('midori', '131041')).cookie;
  const session = await send<{ staff: { id: string } }>(h, 'GET', '/api/auth/session', {
    cookie: admin,
  });
  adminId = session.body.staff.id;
});
afterAll(() => h.close());

type StaffAnswer = { staff: StaffView } & ErrorAnswer;
type LinkAnswer = { staff: StaffView; inviteLink: string; totpResetLink: string } & ErrorAnswer;

const post = (path: string, cookie = admin) => send<LinkAnswer>(h, 'POST', path, { cookie });
const patch = (id: string, body: unknown, cookie = admin) =>
  send<StaffAnswer>(h, 'PATCH', `/api/admin/staff/${id}`, { cookie, body });
const sessionStatus = async (cookie: string) =>
  (await send(h, 'GET', '/api/auth/session', { cookie })).status;
const inspect = (token: string) =>
  send<{ purpose: string; email: string } & ErrorAnswer>(h, 'POST', '/api/invites/inspect', {
    body: { token },
  });
const unknownId = 'stf_0000000000000000';
const adminChange = (target: string) =>
  h.logger.lines.findLast((line) => line.event === 'admin_change' && line.target === target);

describe('GET /api/admin/staff', () => {
  test('lists everyone with their grants and no hash or secret', async () => {
    await inviteThroughApi(h, admin, { email: 'list@city.midori.lg.jp' });
    const answer = await send<{ staff: StaffView[] }>(h, 'GET', '/api/admin/staff', {
      cookie: admin,
    });
    expect(answer.status).toBe(200);
    const me = answer.body.staff.find((person) => person.id === adminId);
    expect(me).toEqual({
      id: adminId,
      email: 'admin@midori.example.lg.jp',
      name: '管理 太郎',
      status: 'active',
      isTenantAdmin: true,
      totpEnabled: true,
      expiresAt: null,
      formIds: null,
      grants: [],
    });
    expect(answer.body.staff.map((person) => person.email)).toContain('list@city.midori.lg.jp');
    const text = JSON.stringify(answer.body);
    for (const secret of ['passwordHash', 'totpSecret', 'totpLastStep', 'scrypt$']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('GET /api/admin/staff/:id', () => {
  test('shows one person', async () => {
    const { staff } = await inviteThroughApi(h, admin, { email: 'one@city.midori.lg.jp' });
    const answer = await send<StaffAnswer>(h, 'GET', `/api/admin/staff/${staff.id}`, {
      cookie: admin,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.staff).toEqual(staff);
  });

  test('answers 404 for an unknown id', async () => {
    const answer = await send<ErrorAnswer>(h, 'GET', `/api/admin/staff/${unknownId}`, {
      cookie: admin,
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });
});

describe('POST /api/admin/staff', () => {
  test('creates an invited account and answers its one-time link', async () => {
    const expiresAt = h.now() + 30 * day;
    const answer = await send<LinkAnswer>(h, 'POST', '/api/admin/staff', {
      cookie: admin,
      body: {
        email: ' itaku@vendor.example.jp ',
        name: '委託 次郎',
        expiresAt,
        formIds: ['frm_a', 'frm_b', 'frm_a'],
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.staff).toEqual({
      id: expect.stringMatching(/^stf_/),
      email: 'itaku@vendor.example.jp',
      name: '委託 次郎',
      status: 'invited',
      isTenantAdmin: false,
      totpEnabled: false,
      expiresAt,
      formIds: ['frm_a', 'frm_b'],
      grants: [],
    });
    expect(answer.body.inviteLink.startsWith(`${h.config.STAFF_ORIGIN}/invite#midori~`)).toBe(true);
    const inspected = await inspect(tokenOf(answer.body.inviteLink));
    expect(inspected.body).toMatchObject({ purpose: 'invite', email: 'itaku@vendor.example.jp' });
    expect(adminChange(answer.body.staff.id)).toMatchObject({ action: 'staff.invite' });
    expect(JSON.stringify(h.logger.lines)).not.toContain('itaku@vendor.example.jp');
  });

  test('refuses an email address already used, in any letter case, with 409', async () => {
    await inviteThroughApi(h, admin, { email: 'dup@city.midori.lg.jp' });
    for (const [email, language, message] of [
      ['DUP@City.Midori.lg.jp', 'en', 'A staff account with this email address already exists'],
      ['Admin@midori.example.lg.jp', 'ja', 'このメールアドレスの職員はすでに登録されています'],
    ] as const) {
      const answer = await send<ErrorAnswer>(h, 'POST', '/api/admin/staff', {
        cookie: admin,
        body: { email, name: '重複' },
        headers: { 'accept-language': language },
      });
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({ code: 'conflict', message });
    }
  });

  test('recognises the unique index refusing a duplicate that raced past the check', async () => {
    const db = await h.registry.database('midori');
    const existing = await findStaff(db, adminId);
    if (!existing) throw new Error('the admin row is missing');
    const duplicate = { ...existing, id: 'stf_race', email: 'ADMIN@midori.example.lg.jp' };
    const error = await insertStaff(db, duplicate).catch((caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  test.each([
    ['a malformed email', { email: 'nope', name: 'a' }, 'email'],
    ['a missing name', { email: 'a@b.jp' }, 'name'],
    ['a name over 100 characters', { email: 'a@b.jp', name: 'x'.repeat(101) }, 'name'],
    ['an end date in the past', { email: 'a@b.jp', name: 'a', expiresAt: 1 }, 'expiresAt'],
    ['a fractional end date', { email: 'a@b.jp', name: 'a', expiresAt: 1.5 }, 'expiresAt'],
    [
      'more than 100 form ids',
      { email: 'a@b.jp', name: 'a', formIds: Array.from({ length: 101 }, (_, i) => `frm_${i}`) },
      'formIds',
    ],
    ['a malformed form id', { email: 'a@b.jp', name: 'a', formIds: ['../x'] }, 'formIds.0'],
    ['a string flag', { email: 'a@b.jp', name: 'a', isTenantAdmin: 'yes' }, 'isTenantAdmin'],
    ['an unknown property', { email: 'a@b.jp', name: 'a', status: 'active' }, 'status'],
  ])('refuses %s with 400', async (_, body, path) => {
    const answer = await send<ErrorAnswer>(h, 'POST', '/api/admin/staff', { cookie: admin, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.details?.map((d) => d.path)).toContain(path);
  });
});

describe('PATCH /api/admin/staff/:id', () => {
  test('changes name, end date and form limit, and null clears them', async () => {
    const { staff } = await inviteThroughApi(h, admin, { email: 'patch@city.midori.lg.jp' });
    const expiresAt = h.now() + day;
    const changed = await patch(staff.id, { name: '変更 後', expiresAt, formIds: ['frm_x'] });
    expect(changed.status).toBe(200);
    expect(changed.body.staff).toMatchObject({ name: '変更 後', expiresAt, formIds: ['frm_x'] });
    const cleared = await patch(staff.id, { expiresAt: null, formIds: null });
    expect(cleared.body.staff).toMatchObject({ name: '変更 後', expiresAt: null, formIds: null });
  });

  test('making someone an admin signs them out, so they return through the second factor', async () => {
    const member = await signedInMember(h, 'midori', admin, { email: 'promote@city.midori.lg.jp' });
    expect(await sessionStatus(member.cookie)).toBe(200);
    const answer = await patch(member.staff.id, { isTenantAdmin: true });
    expect(answer.body.staff.isTenantAdmin).toBe(true);
    expect(await sessionStatus(member.cookie)).toBe(401);
    const signIn = await send<ErrorAnswer>(h, 'POST', '/api/auth/sign-in', {
      body: { tenant: 'midori', email: 'promote@city.midori.lg.jp', password: goodPassword },
    });
    expect(signIn.status).toBe(401);
    expect(signIn.body.error.code).toBe('second_factor_required');
    h.advance(30_000);
    const cookie = await h.signInCookie(
      'midori',
      'promote@city.midori.lg.jp',
      goodPassword,
      member.secret,
    );
    expect(await sessionStatus(cookie)).toBe(200);
  });

  test('answers 404 for an unknown id', async () => {
    const answer = await patch(unknownId, { name: '誰か' });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });

  test.each([
    ['an empty change', {}, ''],
    ['an end date in the past', { expiresAt: 1 }, 'expiresAt'],
    ['an email change (not allowed)', { email: 'new@city.midori.lg.jp' }, 'email'],
    ['a null name', { name: null }, 'name'],
  ])('refuses %s with 400', async (_, body, path) => {
    const { staff } = await inviteThroughApi(h, admin, { email: `bad-${path}@city.midori.lg.jp` });
    const answer = await patch(staff.id, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details?.map((d) => d.path)).toContain(path);
  });

  test('refuses to let an admin remove their own admin flag (409)', async () => {
    const answer = await send<ErrorAnswer>(h, 'PATCH', `/api/admin/staff/${adminId}`, {
      cookie: admin,
      body: { isTenantAdmin: false },
      headers: { 'accept-language': 'en' },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe(
      'You cannot remove your own administrator rights. Ask another administrator',
    );
  });
});

describe('POST /api/admin/staff/:id/disable', () => {
  test('disables an account and ends its sessions at once', async () => {
    const member = await signedInMember(h, 'midori', admin, { email: 'disable@city.midori.lg.jp' });
    const answer = await post(`/api/admin/staff/${member.staff.id}/disable`);
    expect(answer.status).toBe(200);
    expect(answer.body.staff.status).toBe('disabled');
    expect(await sessionStatus(member.cookie)).toBe(401);
    await expect(
      h.signInCookie('midori', 'disable@city.midori.lg.jp', goodPassword, member.secret),
    ).rejects.toThrow(/403/);
  });

  test('refuses disabling yourself, and disabling twice, with 409', async () => {
    const self = await post(`/api/admin/staff/${adminId}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.error.message).toBe('自分自身のアカウントは無効にできません');
    const { staff } = await inviteThroughApi(h, admin, { email: 'twice@city.midori.lg.jp' });
    expect((await post(`/api/admin/staff/${staff.id}/disable`)).status).toBe(200);
    expect((await post(`/api/admin/staff/${staff.id}/disable`)).status).toBe(409);
  });

  test('answers 404 for an unknown id', async () => {
    expect((await post(`/api/admin/staff/${unknownId}/disable`)).status).toBe(404);
  });
});

describe('POST /api/admin/staff/:id/enable', () => {
  test('enables a disabled account: active again when it had accepted', async () => {
    const member = await signedInMember(h, 'midori', admin, { email: 'enable@city.midori.lg.jp' });
    await post(`/api/admin/staff/${member.staff.id}/disable`);
    const answer = await post(`/api/admin/staff/${member.staff.id}/enable`);
    expect(answer.status).toBe(200);
    expect(answer.body.staff.status).toBe('active');
    h.advance(30_000);
    const cookie = await h.signInCookie(
      'midori',
      'enable@city.midori.lg.jp',
      goodPassword,
      member.secret,
    );
    expect(await sessionStatus(cookie)).toBe(200);
  });

  test('returns a never-accepted account to invited, whose old link stays void', async () => {
    const { staff, token } = await inviteThroughApi(h, admin, {
      email: 'reenable@city.midori.lg.jp',
    });
    await post(`/api/admin/staff/${staff.id}/disable`);
    const answer = await post(`/api/admin/staff/${staff.id}/enable`);
    expect(answer.body.staff.status).toBe('invited');
    expect((await inspect(token)).status).toBe(410);
  });

  test('refuses an account that is not disabled (409) and unknown ids (404)', async () => {
    const { staff } = await inviteThroughApi(h, admin, { email: 'notoff@city.midori.lg.jp' });
    const answer = await post(`/api/admin/staff/${staff.id}/enable`);
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe('このアカウントは無効になっていません');
    expect((await post(`/api/admin/staff/${unknownId}/enable`)).status).toBe(404);
  });
});

describe('POST /api/admin/staff/:id/reset-totp', () => {
  test('clears the second factor, ends sessions and answers a totp_reset link', async () => {
    const other = await signedInMember(h, 'midori', admin, {
      email: 'lostphone@city.midori.lg.jp',
      isTenantAdmin: true,
    });
    expect(other.secret).toBeDefined();
    const answer = await post(`/api/admin/staff/${other.staff.id}/reset-totp`);
    expect(answer.status).toBe(200);
    expect(answer.body.staff.totpEnabled).toBe(false);
    expect(await sessionStatus(other.cookie)).toBe(401);
    const token = tokenOf(answer.body.totpResetLink);
    expect((await inspect(token)).body.purpose).toBe('totp_reset');
    expect(adminChange(other.staff.id)).toMatchObject({ action: 'staff.reset_totp' });
  });

  test('refuses an account that has not accepted its invitation (409) and unknown ids (404)', async () => {
    const { staff } = await inviteThroughApi(h, admin, { email: 'noreset@city.midori.lg.jp' });
    const answer = await post(`/api/admin/staff/${staff.id}/reset-totp`);
    expect(answer.status).toBe(409);
    expect((await post(`/api/admin/staff/${unknownId}/reset-totp`)).status).toBe(404);
  });
});

describe('POST /api/admin/staff/:id/reinvite', () => {
  test('issues a new link and voids the old one', async () => {
    const { staff, token } = await inviteThroughApi(h, admin, { email: 'again@city.midori.lg.jp' });
    const answer = await post(`/api/admin/staff/${staff.id}/reinvite`);
    expect(answer.status).toBe(200);
    const fresh = tokenOf(answer.body.inviteLink);
    expect(fresh).not.toBe(token);
    expect((await inspect(token)).status).toBe(410);
    const { cookie } = await acceptAndSignIn(h, 'midori', 'again@city.midori.lg.jp', fresh);
    expect(await sessionStatus(cookie)).toBe(200);
  });

  test('refuses an account that has already accepted (409) and unknown ids (404)', async () => {
    const answer = await post(`/api/admin/staff/${adminId}/reinvite`);
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe('招待中の職員にだけ招待を再送できます');
    expect((await post(`/api/admin/staff/${unknownId}/reinvite`)).status).toBe(404);
  });
});

describe('the municipality always keeps an active, permanent admin', () => {
  let owner: string;
  let ownerId: string;
  let temporary: { staff: StaffView; cookie: string };

  beforeAll(async () => {
    owner = (await h.tenantWithAdmin('aoba', '130001')).cookie;
    ownerId = (
      await send<{ staff: { id: string } }>(h, 'GET', '/api/auth/session', { cookie: owner })
    ).body.staff.id;
    // A second admin whose account ends: it does not count as keeping the tenant administered.
    temporary = await signedInMember(h, 'aoba', owner, {
      email: 'temp-admin@city.aoba.lg.jp',
      isTenantAdmin: true,
      expiresAt: h.now() + 90 * day,
    });
  });

  test('an admin with an end date cannot disable or demote the only permanent admin', async () => {
    const disable = await post(`/api/admin/staff/${ownerId}/disable`, temporary.cookie);
    expect(disable.status).toBe(409);
    expect(disable.body.error.message).toContain('有効な管理者がいなくなるため');
    const demote = await patch(ownerId, { isTenantAdmin: false }, temporary.cookie);
    expect(demote.status).toBe(409);
    const owned = await send<StaffAnswer>(h, 'GET', `/api/admin/staff/${ownerId}`, {
      cookie: owner,
    });
    expect(owned.body.staff).toMatchObject({ status: 'active', isTenantAdmin: true });
  });

  test('the only permanent admin cannot give their own account an end date', async () => {
    const answer = await patch(ownerId, { expiresAt: h.now() + day }, owner);
    expect(answer.status).toBe(409);
  });

  test('with a second permanent admin, the first may be demoted', async () => {
    await patch(temporary.staff.id, { expiresAt: null }, owner);
    const demote = await patch(ownerId, { isTenantAdmin: false }, temporary.cookie);
    expect(demote.status).toBe(200);
    expect(demote.body.staff.isTenantAdmin).toBe(false);
    // The demoted owner is no longer an admin at all: their session now gets 403.
    expect((await send(h, 'GET', '/api/admin/staff', { cookie: owner })).status).toBe(403);
  });
});
