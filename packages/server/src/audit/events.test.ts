import { gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ErrorAnswer, type Harness, send, signedInMember } from '../admin/test-support';
import { totpCode } from '../auth/crypto/index';
import { auditLog } from '../db/tenant-schema';
import { createHarness, goodPassword } from '../testing/harness';
import { verifyChain } from './service';

let h: Harness;
let admin: { cookie: string; email: string; secret: string; id: string };

const log = async (afterSeq = 0) =>
  (await h.registry.database('midori'))
    .select()
    .from(auditLog)
    .where(gt(auditLog.seq, afterSeq))
    .orderBy(auditLog.seq);
const headSeq = async () => (await log()).at(-1)?.seq ?? 0;

const signIn = (body: Record<string, unknown>) =>
  send<ErrorAnswer>(h, 'POST', '/api/auth/sign-in', { body: { tenant: 'midori', ...body } });

beforeAll(async () => {
  h = await createHarness();
  const created = await h.tenantWithAdmin('midori', '131041');
  const session = await send<{ staff: { id: string } }>(h, 'GET', '/api/auth/session', {
    cookie: created.cookie,
  });
  admin = { ...created, id: session.body.staff.id };
}, 30_000);
afterAll(() => h.close());

describe('events that reach the audit log', () => {
  test("the first admin's invitation acceptance and sign-in", async () => {
    const entries = await log();
    expect(entries[0]).toMatchObject({
      action: 'auth.invite_accepted',
      actorType: 'staff',
      actorId: admin.id,
      ip: '192.0.2.10',
      details: { purpose: 'invite' },
    });
    expect(entries[1]).toMatchObject({
      action: 'auth.sign_in',
      actorId: admin.id,
      ip: '192.0.2.10',
    });
  });

  test('failed sign-ins: the account when known, the step that failed, the same answer', async () => {
    const after = await headSeq();
    const wrongPassword = await signIn({ email: admin.email, password: 'not the password at all' });
    const unknown = await signIn({ email: 'nobody@midori.example.lg.jp', password: goodPassword });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrongPassword.body.error.message).toBe(unknown.body.error.message);
    h.advance(30_000);
    const wrongCode = await signIn({
      email: admin.email,
      password: goodPassword,
      totpCode: totpCode(admin.secret, Math.floor(h.now() / 30_000) + 5),
    });
    expect(wrongCode.status).toBe(401);

    const entries = await log(after);
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.details])).toEqual([
      ['auth.sign_in_failed', admin.id, { reason: 'password' }],
      ['auth.sign_in_failed', null, { reason: 'password' }],
      ['auth.sign_in_failed', admin.id, { reason: 'second_factor' }],
    ]);
    const stored = JSON.stringify(await log());
    expect(stored).not.toContain('not the password at all');
    expect(stored).not.toContain(goodPassword);
  });

  test('admin changes: who, what, which, from where', async () => {
    const after = await headSeq();
    const created = await send<{ department: { id: string } }>(
      h,
      'POST',
      '/api/admin/departments',
      {
        cookie: admin.cookie,
        body: { name: '防災課' },
      },
    );
    const member = await signedInMember(h, 'midori', admin.cookie, {
      email: 'member@midori.example.lg.jp',
    });
    await send(h, 'POST', `/api/admin/staff/${member.staff.id}/disable`, { cookie: admin.cookie });

    const entries = await log(after);
    const byAdmin = entries.filter((entry) => entry.actorId === admin.id);
    expect(byAdmin.map((entry) => [entry.action, entry.targetId, entry.ip])).toEqual([
      ['department.create', created.body.department.id, '192.0.2.10'],
      ['staff.invite', member.staff.id, '192.0.2.10'],
      ['staff.disable', member.staff.id, '192.0.2.10'],
    ]);
    expect(
      entries.filter((entry) => entry.actorId === member.staff.id).map((entry) => entry.action),
    ).toEqual(['auth.invite_accepted', 'auth.sign_in']);
    // The JSON log line stays as it was.
    expect(h.logger.lines).toContainEqual(
      expect.objectContaining({
        event: 'admin_change',
        action: 'department.create',
        target: created.body.department.id,
      }),
    );
  });

  test('sign-out and sign-out everywhere', async () => {
    const after = await headSeq();
    expect((await send(h, 'POST', '/api/auth/sign-out', { cookie: admin.cookie })).status).toBe(
      204,
    );
    h.advance(30_000);
    const cookie = await h.signInCookie('midori', admin.email, goodPassword, admin.secret);
    await send(h, 'POST', '/api/auth/sign-out-everywhere', { cookie });
    const entries = await log(after);
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['auth.sign_out', admin.id],
      ['auth.sign_in', admin.id],
      ['auth.sign_out_everywhere', admin.id],
    ]);
  });

  test('the chain of all these holds', async () => {
    expect(await verifyChain(await h.registry.database('midori'))).toEqual({
      ok: true,
      entries: await headSeq(),
    });
  });
});
