import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, signedInMember } from '../admin/test-support';
import { createHarness } from '../testing/harness';

// GET /api/departments: department names for whoever designs forms, not only tenant admins.

type Names = { departments: Record<string, unknown>[] };
let h: Awaited<ReturnType<typeof createHarness>>;
const cookies = {
  admin: '',
  designer: '',
  limitedDesigner: '',
  reviewer: '',
  viewer: '',
  none: '',
};
const ids = { welfare: '', archived: '', otherTenant: '' };

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.tenantWithAdmin('midori', '131041');
  cookies.admin = admin.cookie;
  const department = async (cookie: string, name: string) =>
    (
      await send<{ department: { id: string } }>(h, 'POST', '/api/admin/departments', {
        cookie,
        body: { name, email: 'alerts@midori.example.lg.jp' },
      })
    ).body.department.id;
  ids.welfare = await department(admin.cookie, '福祉課');
  ids.archived = await department(admin.cookie, '旧市民課');
  await send(h, 'POST', `/api/admin/departments/${ids.archived}/archive`, {
    cookie: admin.cookie,
  });
  const other = await h.tenantWithAdmin('aoba', '141003');
  ids.otherTenant = await department(other.cookie, '青葉区の秘密の課');
  const members: [keyof typeof cookies, 'designer' | 'reviewer' | 'viewer' | null, boolean][] = [
    ['designer', 'designer', false],
    ['limitedDesigner', 'designer', true],
    ['reviewer', 'reviewer', false],
    ['viewer', 'viewer', false],
    ['none', null, false],
  ];
  for (const [who, role, limited] of members) {
    const member = await signedInMember(h, 'midori', admin.cookie, {
      email: `${who.toLowerCase()}@midori.example.lg.jp`,
    });
    cookies[who] = member.cookie;
    if (role)
      await send(h, 'PUT', `/api/admin/staff/${member.staff.id}/grants`, {
        cookie: admin.cookie,
        body: [{ departmentId: ids.welfare, role, canExport: false, canSeeMyNumber: false }],
      });
    if (limited) {
      const created = await send<{ form: { id: string } }>(h, 'POST', '/api/forms', {
        cookie: cookies.designer,
        body: { departmentId: ids.welfare },
      });
      await send(h, 'PATCH', `/api/admin/staff/${member.staff.id}`, {
        cookie: admin.cookie,
        body: { formIds: [created.body.form.id] },
      });
    }
  }
}, 120_000);
afterAll(() => h.close());

const names = (who: keyof typeof cookies) =>
  send<Names>(h, 'GET', '/api/departments', { cookie: cookies[who] });

describe('GET /api/departments', () => {
  test('a designer gets every department of the tenant as id and name only, active first', async () => {
    const answer = await names('designer');
    expect(answer.status).toBe(200);
    expect(answer.body.departments).toEqual([
      { id: ids.welfare, name: '福祉課' },
      { id: ids.archived, name: '旧市民課' },
    ]);
  });

  test('a form-limited designer and a tenant admin get them too', async () => {
    expect((await names('limitedDesigner')).status).toBe(200);
    expect((await names('admin')).body.departments).toHaveLength(2);
  });

  test('roles that cannot design, and staff without a role, get 403', async () => {
    for (const who of ['reviewer', 'viewer', 'none'] as const) {
      const answer = await names(who);
      expect(answer.status, who).toBe(403);
      expect(JSON.stringify(answer.body)).not.toContain('福祉課');
    }
  });

  test('no session or a forged one is a 401', async () => {
    expect((await send(h, 'GET', '/api/departments')).status).toBe(401);
    const forged = 'madoguchi_staff=midori~aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb';
    expect((await send(h, 'GET', '/api/departments', { cookie: forged })).status).toBe(401);
  });

  test("another tenant's departments never appear, nor alert addresses", async () => {
    const text = JSON.stringify((await names('designer')).body);
    expect(text).not.toContain(ids.otherTenant);
    expect(text).not.toContain('青葉区');
    expect(text).not.toContain('alerts@');
  });
});
