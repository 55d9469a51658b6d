import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishForTest } from '../submissions/test-support';
import { createHarness } from '../testing/harness';
import type { AdminFormView } from './forms';
import { type ErrorAnswer, type Harness, send, signedInMember } from './test-support';

// GET /api/admin/forms: every form of the tenant, for naming forms in an account's form limit.

let h: Harness;
let admin: string;
let formIds: string[];

const definition = (title: string) => ({
  schemaVersion: 1 as const,
  title: { ja: title },
  purposeOfUse: { ja: '審査に利用します' },
  category: 'application' as const,
  yearlyVolume: 10,
  retentionDays: 365,
  pages: [
    {
      id: 'p1',
      title: { ja: '申請者' },
      fields: [
        {
          id: 'applicant',
          type: 'name' as const,
          label: { ja: '氏名' },
          pii: 'name' as const,
          required: true,
        },
      ],
    },
  ],
});

beforeAll(async () => {
  h = await createHarness();
  admin = (await h.tenantWithAdmin('midori', '131041')).cookie;
  const department = (
    await send<{ department: { id: string } }>(h, 'POST', '/api/admin/departments', {
      cookie: admin,
      body: { name: '福祉課' },
    })
  ).body.department.id;
  const db = await h.registry.database('midori');
  formIds = [
    await publishForTest(db, definition('保育園の入園申込'), h.now(), { departmentId: department }),
    await publishForTest(db, definition('児童手当の申請'), h.now(), { departmentId: department }),
  ];
  await h.tenantWithAdmin('aoba', '141003');
}, 60_000);
afterAll(() => h.close());

type FormsAnswer = { forms: AdminFormView[] } & ErrorAnswer;

describe('GET /api/admin/forms', () => {
  test('lists every form by title, even where the admin holds no department role', async () => {
    const answer = await send<FormsAnswer>(h, 'GET', '/api/admin/forms', { cookie: admin });
    expect(answer.status).toBe(200);
    expect(answer.body.forms.map((form) => [form.id, form.title, form.status])).toEqual([
      [formIds[0], '保育園の入園申込', 'published'],
      [formIds[1], '児童手当の申請', 'published'],
    ]);
    // Names for a picker, nothing more: no definition, no applications.
    expect(Object.keys(answer.body.forms[0] ?? {}).sort()).toEqual([
      'departmentId',
      'id',
      'publishedVersion',
      'status',
      'title',
    ]);
  });

  test('a staff member who is not an admin is refused (403); no session is a 401', async () => {
    const member = await signedInMember(h, 'midori', admin, {
      email: 'staff@midori.example.lg.jp',
    });
    const refused = await send<FormsAnswer>(h, 'GET', '/api/admin/forms', {
      cookie: member.cookie,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await send(h, 'GET', '/api/admin/forms')).status).toBe(401);
  });

  test("another tenant's admin sees only its own (none here)", async () => {
    const other = await h.tenantWithAdmin('kaede', '131016');
    const answer = await send<FormsAnswer>(h, 'GET', '/api/admin/forms', { cookie: other.cookie });
    expect(answer.status).toBe(200);
    expect(answer.body.forms).toEqual([]);
  });
});
