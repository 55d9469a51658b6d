import type { FormDefinitionInput } from '@madoguchi/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, signedInMember } from '../admin/test-support';
import { createHarness } from '../testing/harness';
import { resubmitApplication } from './applicant';
import { loadPublishedForm } from './forms';
import { submitApplication } from './service';
import { publishForTest } from './test-support';

type Json = Record<string, unknown>;
type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
const cookies: Record<
  'admin' | 'reviewer' | 'myNumberReviewer' | 'viewer' | 'outsider' | 'limited',
  string
> = {
  admin: '',
  reviewer: '',
  myNumberReviewer: '',
  viewer: '',
  outsider: '',
  limited: '',
};
let formId: string;
const ids: string[] = [];
const refs: string[] = [];

const definition: FormDefinitionInput = {
  schemaVersion: 1,
  title: { ja: '給付金の申請' },
  purposeOfUse: { ja: '給付の審査と振込に利用します' },
  category: 'application',
  yearlyVolume: 2000,
  retentionDays: 1825,
  pages: [
    {
      id: 'p1',
      title: { ja: '申請者' },
      fields: [
        { id: 'applicant', type: 'name', label: { ja: '氏名' }, pii: 'name', required: true },
        {
          id: 'mail',
          type: 'email',
          label: { ja: 'メールアドレス' },
          pii: 'contact',
          required: true,
          confirm: false,
        },
        { id: 'my_number', type: 'my_number', label: { ja: '個人番号' }, required: true },
      ],
    },
  ],
};
const answers = (n: number) => ({
  applicant: { family: '緑', given: `花子${n}`, familyKana: 'みどり', givenKana: 'はなこ' },
  mail: `hanako${n}@example.jp`,
  my_number: '123456789018',
});

async function asStaff(who: keyof typeof cookies, method: string, path: string, body?: unknown) {
  return send<Json>(h, method, path, {
    cookie: cookies[who],
    ...(body === undefined ? {} : { body }),
  });
}

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.tenantWithAdmin('midori', '131041');
  cookies.admin = admin.cookie;
  const dep = (
    await send<{ department: { id: string } }>(h, 'POST', '/api/admin/departments', {
      cookie: admin.cookie,
      body: { name: '福祉課' },
    })
  ).body.department.id;
  const other = (
    await send<{ department: { id: string } }>(h, 'POST', '/api/admin/departments', {
      cookie: admin.cookie,
      body: { name: '別の課' },
    })
  ).body.department.id;
  const db = await h.registry.database('midori');
  formId = await publishForTest(db, definition, h.now(), { departmentId: dep });
  const otherFormId = await publishForTest(db, definition, h.now(), { departmentId: dep });
  const grants: [keyof typeof cookies, string, string, boolean][] = [
    ['reviewer', dep, 'reviewer', false],
    ['myNumberReviewer', dep, 'reviewer', true],
    ['viewer', dep, 'viewer', false],
    ['outsider', other, 'reviewer', true],
    ['limited', dep, 'reviewer', true],
  ];
  for (const [who, departmentId, role, canSeeMyNumber] of grants) {
    const member = await signedInMember(h, 'midori', admin.cookie, {
      email: `${who.toLowerCase()}@midori.example.lg.jp`,
    });
    cookies[who] = member.cookie;
    await send(h, 'PUT', `/api/admin/staff/${member.staff.id}/grants`, {
      cookie: admin.cookie,
      body: [{ departmentId, role, canExport: true, canSeeMyNumber }],
    });
    if (who === 'limited')
      await send(h, 'PATCH', `/api/admin/staff/${member.staff.id}`, {
        cookie: admin.cookie,
        body: { formIds: [otherFormId] },
      });
  }
  const tenant = await h.registry.find('midori');
  if (!tenant) throw new Error('no tenant');
  const published = await loadPublishedForm(db, formId, undefined);
  for (let n = 0; n < 5; n++) {
    h.advance(1000);
    const result = await submitApplication(
      db,
      tenant,
      published,
      { answers: answers(n), locale: 'ja' },
      { masterKey: h.registry.settings.masterKey, now: h.now() },
    );
    ids.push(result.submissionId);
    refs.push(result.referenceNumber);
  }
}, 120_000);
afterAll(() => h.close());

describe('inbox', () => {
  test('lists newest first with counts per state, filters and pages', async () => {
    const all = await asStaff('reviewer', 'GET', `/api/submissions/forms/${formId}?limit=2`);
    expect(all.status).toBe(200);
    const items = all.body.items as Json[];
    expect(items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    expect((all.body.counts as Json).submitted).toBe(5);
    const next = await asStaff(
      'reviewer',
      'GET',
      `/api/submissions/forms/${formId}?limit=2&cursor=${encodeURIComponent(String(all.body.nextCursor))}`,
    );
    expect((next.body.items as Json[]).map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const byName = await asStaff(
      'viewer',
      'GET',
      `/api/submissions/forms/${formId}?q=${encodeURIComponent('花子3')}`,
    );
    expect((byName.body.items as Json[]).map((i) => i.id)).toEqual([ids[3]]);
    const byKana = await asStaff(
      'viewer',
      'GET',
      `/api/submissions/forms/${formId}?q=${encodeURIComponent('ハナコ')}`,
    );
    expect(byKana.body.items).toHaveLength(5);
    // A % typed in the search box is a character, not a wildcard.
    const wildcard = await asStaff(
      'viewer',
      'GET',
      `/api/submissions/forms/${formId}?q=${encodeURIComponent('%')}`,
    );
    expect(wildcard.body.items).toEqual([]);
    const byRef = await asStaff(
      'viewer',
      'GET',
      `/api/submissions/forms/${formId}?q=${(refs[1] ?? '').replace('-', '')}`,
    );
    expect((byRef.body.items as Json[]).map((i) => i.id)).toEqual([ids[1]]);
  });

  test('bad filters are a 400', async () => {
    expect(
      (await asStaff('reviewer', 'GET', `/api/submissions/forms/${formId}?states=lost`)).status,
    ).toBe(400);
    expect(
      (await asStaff('reviewer', 'GET', `/api/submissions/forms/${formId}?limit=9999`)).status,
    ).toBe(400);
  });

  test('staff outside the department or the form limit get 404; no session 401', async () => {
    expect((await asStaff('outsider', 'GET', `/api/submissions/forms/${formId}`)).status).toBe(404);
    expect((await asStaff('limited', 'GET', `/api/submissions/forms/${formId}`)).status).toBe(404);
    expect((await asStaff('admin', 'GET', `/api/submissions/forms/${formId}`)).status).toBe(404);
    expect((await send(h, 'GET', `/api/submissions/forms/${formId}`)).status).toBe(401);
  });
});

describe('detail', () => {
  test('My Number is masked without the grant and shown with it', async () => {
    const masked = await asStaff('reviewer', 'GET', `/api/submissions/${ids[0]}`);
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({
      myNumberVisible: false,
      revisions: [{ revision: 1, answers: { my_number: '************' } }],
      allowedActions: ['start_review', 'return_for_correction', 'accept', 'reject', 'add_note'],
    });
    const shown = await asStaff('myNumberReviewer', 'GET', `/api/submissions/${ids[0]}`);
    expect(shown.body).toMatchObject({
      myNumberVisible: true,
      revisions: [{ answers: { my_number: '123456789018' } }],
    });
  });

  test('a viewer reads but may do nothing', async () => {
    const view = await asStaff('viewer', 'GET', `/api/submissions/${ids[0]}`);
    expect(view.body.allowedActions).toEqual([]);
  });

  test('unknown, outside the department, or no session', async () => {
    expect((await asStaff('reviewer', 'GET', '/api/submissions/sub_0000000000000000')).status).toBe(
      404,
    );
    expect((await asStaff('outsider', 'GET', `/api/submissions/${ids[0]}`)).status).toBe(404);
    expect((await send(h, 'GET', `/api/submissions/${ids[0]}`)).status).toBe(401);
  });
});

describe('actions', () => {
  test('return for correction, resubmission, then accept and complete, all in the history', async () => {
    const id = ids[0] ?? '';
    expect(
      (
        await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, {
          action: 'start_review',
        })
      ).body,
    ).toMatchObject({ state: 'in_review' });
    const missing = await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, {
      action: 'return_for_correction',
      message: '番号をご確認ください',
    });
    expect(missing.status).toBe(400);
    const unknownField = await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, {
      action: 'return_for_correction',
      message: 'x',
      fieldsToFix: ['salary'],
    });
    expect(unknownField.status).toBe(400);
    const returned = await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, {
      action: 'return_for_correction',
      message: '氏名のフリガナをご確認ください',
      fieldsToFix: ['applicant'],
    });
    expect(returned.body).toMatchObject({ state: 'returned' });
    const returnMail = (await (await h.registry.database('midori')).query.outbox.findMany()).find(
      (m) => m.eventKey.startsWith(`${id}:returned:`),
    );
    expect(returnMail?.body).toContain('氏名のフリガナをご確認ください');
    expect(returnMail?.body).toContain('・氏名');

    const db = await h.registry.database('midori');
    const row = await db.query.submissions.findFirst({ where: (s, { eq }) => eq(s.id, id) });
    if (!row) throw new Error('missing');
    await resubmitApplication(
      db,
      row,
      {
        ...answers(0),
        applicant: { family: '緑', given: '花子0', familyKana: 'ミドリ', givenKana: 'ハナコ' },
      },
      'ja',
      h.now(),
    );

    expect(
      (
        await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, {
          action: 'accept',
          expectedState: 'submitted',
        })
      ).body,
    ).toMatchObject({ state: 'accepted' });
    expect(
      (await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, { action: 'complete' }))
        .body,
    ).toMatchObject({ state: 'completed' });
    const detail = await asStaff('myNumberReviewer', 'GET', `/api/submissions/${id}`);
    expect((detail.body.revisions as Json[]).map((r) => r.revision)).toEqual([1, 2]);
    expect((detail.body.history as Json[]).map((e) => e.action)).toEqual([
      'submit',
      'start_review',
      'return_for_correction',
      'resubmit',
      'accept',
      'complete',
    ]);
  });

  test('refused transitions, stale views, missing reasons', async () => {
    const id = ids[1] ?? '';
    expect(
      (await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, { action: 'complete' }))
        .status,
    ).toBe(409);
    expect(
      (
        await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, {
          action: 'accept',
          expectedState: 'in_review',
        })
      ).status,
    ).toBe(409);
    expect(
      (await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, { action: 'reject' }))
        .status,
    ).toBe(400);
    expect(
      (
        await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, {
          action: 'reject',
          reason: '対象外の住所です',
        })
      ).body,
    ).toMatchObject({ state: 'rejected' });
    expect(
      (await asStaff('reviewer', 'POST', `/api/submissions/${id}/actions`, { action: 'teleport' }))
        .status,
    ).toBe(400);
  });

  test('viewers may not act, outsiders do not see it, no session 401', async () => {
    const id = ids[2] ?? '';
    expect(
      (await asStaff('viewer', 'POST', `/api/submissions/${id}/actions`, { action: 'accept' }))
        .status,
    ).toBe(403);
    expect(
      (await asStaff('outsider', 'POST', `/api/submissions/${id}/actions`, { action: 'accept' }))
        .status,
    ).toBe(404);
    expect(
      (await send(h, 'POST', `/api/submissions/${id}/actions`, { body: { action: 'accept' } }))
        .status,
    ).toBe(401);
  });
});

describe('notes, bulk accept, proxy entry', () => {
  test('notes are kept; empty ones refused; viewers may not add', async () => {
    const id = ids[3] ?? '';
    expect(
      (
        await asStaff('reviewer', 'POST', `/api/submissions/${id}/notes`, {
          body: '電話で本人確認済み',
        })
      ).status,
    ).toBe(201);
    expect(
      (await asStaff('reviewer', 'POST', `/api/submissions/${id}/notes`, { body: '   ' })).status,
    ).toBe(400);
    expect(
      (await asStaff('viewer', 'POST', `/api/submissions/${id}/notes`, { body: 'x' })).status,
    ).toBe(403);
    const detail = await asStaff('reviewer', 'GET', `/api/submissions/${id}`);
    expect((detail.body.notes as Json[]).map((n) => n.body)).toEqual(['電話で本人確認済み']);
  });

  test('bulk accept answers per id', async () => {
    const result = await asStaff(
      'reviewer',
      'POST',
      `/api/submissions/forms/${formId}/bulk-accept`,
      { ids: [ids[3], ids[4], ids[1], 'sub_0000000000000000'] },
    );
    expect(result.body.results).toEqual([
      { id: ids[3], ok: true, state: 'accepted' },
      { id: ids[4], ok: true, state: 'accepted' },
      { id: ids[1], ok: false, error: 'conflict' },
      { id: 'sub_0000000000000000', ok: false, error: 'not_found' },
    ]);
    expect(
      (
        await asStaff('viewer', 'POST', `/api/submissions/forms/${formId}/bulk-accept`, {
          ids: [ids[2]],
        })
      ).body.results,
    ).toEqual([{ id: ids[2], ok: false, error: 'forbidden' }]);
  });

  test('proxy entry at the counter is recorded as such', async () => {
    const created = await asStaff('reviewer', 'POST', `/api/submissions/forms/${formId}/proxy`, {
      answers: answers(9),
    });
    expect(created.status).toBe(201);
    const detail = await asStaff(
      'reviewer',
      'GET',
      `/api/submissions/${String(created.body.submissionId)}`,
    );
    expect((detail.body.submission as Json).proxyStaffId).toMatch(/^stf_/);
    expect((detail.body.revisions as Json[])[0]?.createdBy).toMatch(/^stf_/);
    expect(
      (
        await asStaff('reviewer', 'POST', `/api/submissions/forms/${formId}/proxy`, {
          answers: { mail: 'x' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await asStaff('viewer', 'POST', `/api/submissions/forms/${formId}/proxy`, {
          answers: answers(10),
        })
      ).status,
    ).toBe(403);
  });
});
