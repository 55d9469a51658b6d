import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ErrorAnswer, type Harness, send, signedInMember } from '../admin/test-support';
import { auditLog } from '../db/tenant-schema';
import { createHarness } from '../testing/harness';
import type { AuditRecord, ChainCheck } from './service';

type Page = { entries: AuditRecord[]; nextBeforeSeq: number | null };

const paths = ['/api/audit', '/api/audit/verify', '/api/audit/export.csv'];

let h: Harness;
let a: { cookie: string; adminId: string };
let b: { adminId: string; departmentId: string; memberId: string };

async function adminIdOf(cookie: string): Promise<string> {
  return (await send<{ staff: { id: string } }>(h, 'GET', '/api/auth/session', { cookie })).body
    .staff.id;
}

beforeAll(async () => {
  h = await createHarness();
  const midori = await h.tenantWithAdmin('midori', '131041');
  a = { cookie: midori.cookie, adminId: await adminIdOf(midori.cookie) };
  const aoba = await h.tenantWithAdmin('aoba', '141003');
  const department = await send<{ department: { id: string } }>(
    h,
    'POST',
    '/api/admin/departments',
    { cookie: aoba.cookie, body: { name: '青葉区の防災課' } },
  );
  const member = await signedInMember(h, 'aoba', aoba.cookie, { email: 'm@aoba.example.lg.jp' });
  b = {
    adminId: await adminIdOf(aoba.cookie),
    departmentId: department.body.department.id,
    memberId: member.staff.id,
  };
}, 60_000);
afterAll(() => h.close());

describe('who may read the audit log', () => {
  test.each(paths)('GET %s without a session (401)', async (path) => {
    const { status, body } = await send<ErrorAnswer>(h, 'GET', path);
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
  });

  test.each(paths)('GET %s with a forged session (401)', async (path) => {
    const cookie = 'madoguchi_staff=midori~aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb';
    expect((await send(h, 'GET', path, { cookie })).status).toBe(401);
  });

  test('a staff member who is not an admin is refused (403), and nothing is read', async () => {
    const member = await signedInMember(h, 'midori', a.cookie, {
      email: 'staff@midori.example.lg.jp',
    });
    const db = await h.registry.database('midori');
    const before = (await db.select().from(auditLog)).length;
    for (const path of paths) {
      const { status, body } = await send<ErrorAnswer>(h, 'GET', path, { cookie: member.cookie });
      expect(status, path).toBe(403);
      expect(body.error.code).toBe('forbidden');
    }
    const actions = (await db.select().from(auditLog)).slice(before).map((row) => row.action);
    expect(actions).not.toContain('audit.read');
    expect(actions).not.toContain('audit.export');
  });
});

describe('tenant isolation', () => {
  const bMarkers = () => [b.adminId, b.departmentId, b.memberId, 'aoba'];

  test("A's admin lists only A's entries; B's never appear", async () => {
    const all = await send<Page>(h, 'GET', '/api/audit?limit=500', { cookie: a.cookie });
    expect(all.status).toBe(200);
    expect(all.body.entries.some((entry) => entry.actorId === a.adminId)).toBe(true);
    const text = JSON.stringify(all.body);
    for (const marker of bMarkers()) expect(text).not.toContain(marker);
  });

  test("A's export and check cover A's log alone, and leave B's log as it was", async () => {
    const bDb = await h.registry.database('aoba');
    const bBefore = await bDb.select().from(auditLog);
    const csv = await (
      await h.request('GET', '/api/audit/export.csv', { cookie: a.cookie })
    ).text();
    for (const marker of bMarkers()) expect(csv).not.toContain(marker);
    const check = await send<ChainCheck>(h, 'GET', '/api/audit/verify', { cookie: a.cookie });
    const aEntries = await (await h.registry.database('midori')).select().from(auditLog);
    // The check ran before its own entry was added.
    expect(check.body).toEqual({ ok: true, entries: aEntries.length - 1 });
    expect(await bDb.select().from(auditLog)).toEqual(bBefore);
    expect(bBefore.some((entry) => entry.targetId === b.departmentId)).toBe(true);
  });

  // Last: A's own query is recorded with the ids A typed, which are B's here.
  test("B's entries asked for by id are simply not found", async () => {
    for (const query of [`targetId=${b.departmentId}`, `actorId=${b.adminId}`]) {
      const asked = await send<Page>(h, 'GET', `/api/audit?${query}`, { cookie: a.cookie });
      expect(asked.status).toBe(200);
      expect(asked.body.entries).toEqual([]);
    }
  });
});
