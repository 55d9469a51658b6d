import type { FormDefinitionInput } from '@madoguchi/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, signedInMember } from '../admin/test-support';
import { createHarness } from '../testing/harness';
import { loadPublishedForm } from './forms';
import { submitApplication } from './service';
import { publishForTest } from './test-support';

// GET /api/submissions: the inbox over every form the signed-in person may read.

type Json = Record<string, unknown>;
type Item = { id: string; formId: string; formTitle: string; state: string };
type Page = { items: Item[]; counts: Record<string, number>; nextCursor: string | null };
let h: Awaited<ReturnType<typeof createHarness>>;
const cookies = { admin: '', reviewer: '', limited: '', outsider: '' };
const formIds: string[] = [];

const definition = (title: string): FormDefinitionInput => ({
  schemaVersion: 1,
  title: { ja: title },
  purposeOfUse: { ja: '審査に利用します' },
  category: 'application',
  yearlyVolume: 100,
  retentionDays: 365,
  pages: [
    {
      id: 'p1',
      title: { ja: '申請者' },
      fields: [
        { id: 'applicant', type: 'name', label: { ja: '氏名' }, pii: 'name', required: true },
      ],
    },
  ],
});

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.tenantWithAdmin('midori', '131041');
  cookies.admin = admin.cookie;
  const department = async (name: string) =>
    (
      await send<{ department: { id: string } }>(h, 'POST', '/api/admin/departments', {
        cookie: admin.cookie,
        body: { name },
      })
    ).body.department.id;
  const welfare = await department('福祉課');
  const other = await department('別の課');
  const db = await h.registry.database('midori');
  formIds.push(
    await publishForTest(db, definition('児童手当'), h.now(), { departmentId: welfare }),
  );
  formIds.push(await publishForTest(db, definition('保育園'), h.now(), { departmentId: welfare }));
  formIds.push(
    await publishForTest(db, definition('別の課の申請'), h.now(), { departmentId: other }),
  );
  const members: [keyof typeof cookies, string, string[] | null][] = [
    ['reviewer', welfare, null],
    ['limited', welfare, [formIds[1] ?? '']],
    ['outsider', other, null],
  ];
  for (const [who, departmentId, limit] of members) {
    const member = await signedInMember(h, 'midori', admin.cookie, {
      email: `${who}@midori.example.lg.jp`,
    });
    cookies[who] = member.cookie;
    await send(h, 'PUT', `/api/admin/staff/${member.staff.id}/grants`, {
      cookie: admin.cookie,
      body: [{ departmentId, role: 'reviewer', canExport: false, canSeeMyNumber: false }],
    });
    if (limit)
      await send(h, 'PATCH', `/api/admin/staff/${member.staff.id}`, {
        cookie: admin.cookie,
        body: { formIds: limit },
      });
  }
  const tenant = await h.registry.find('midori');
  if (!tenant) throw new Error('no tenant');
  for (const [n, formId] of formIds.entries()) {
    h.advance(1000);
    await submitApplication(
      db,
      tenant,
      await loadPublishedForm(db, formId, undefined),
      {
        answers: {
          applicant: { family: '緑', given: `花子${n}`, familyKana: 'ミドリ', givenKana: 'ハナコ' },
        },
        locale: 'ja',
      },
      { masterKey: h.registry.settings.masterKey, now: h.now() },
    );
  }
}, 120_000);
afterAll(() => h.close());

const inbox = (who: keyof typeof cookies, query = '') =>
  send<Page & Json>(h, 'GET', `/api/submissions${query}`, { cookie: cookies[who] });

describe('inbox across forms', () => {
  test('lists the applications of every readable form, newest first, with titles and counts', async () => {
    const answer = await inbox('reviewer');
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item) => [item.formId, item.formTitle])).toEqual([
      [formIds[1], '保育園'],
      [formIds[0], '児童手当'],
    ]);
    expect(answer.body.counts.submitted).toBe(2);
    const paged = await inbox('reviewer', '?limit=1');
    expect(paged.body.items).toHaveLength(1);
    const rest = await inbox(
      'reviewer',
      `?limit=1&cursor=${encodeURIComponent(String(paged.body.nextCursor))}`,
    );
    expect(rest.body.items.map((item) => item.formId)).toEqual([formIds[0]]);
    const filtered = await inbox('reviewer', '?states=accepted');
    expect(filtered.body.items).toEqual([]);
  });

  test('bad filters are a 400; no session is a 401', async () => {
    expect((await inbox('reviewer', '?states=lost')).status).toBe(400);
    expect((await inbox('reviewer', '?limit=0')).status).toBe(400);
    expect((await send(h, 'GET', '/api/submissions')).status).toBe(401);
  });

  test('form limits and departments hold: nobody sees another form, an admin without a role none', async () => {
    expect((await inbox('limited')).body.items.map((item) => item.formId)).toEqual([formIds[1]]);
    expect((await inbox('limited')).body.counts.submitted).toBe(1);
    expect((await inbox('outsider')).body.items.map((item) => item.formTitle)).toEqual([
      '別の課の申請',
    ]);
    const admin = await inbox('admin');
    expect(admin.status).toBe(200);
    expect(admin.body.items).toEqual([]);
    expect(admin.body.counts.submitted).toBe(0);
  });
});
