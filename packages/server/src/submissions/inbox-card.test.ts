import type { FormDefinitionInput } from '@madoguchi/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, signedInMember } from '../admin/test-support';
import { submissions } from '../db/tenant-schema';
import { createHarness } from '../testing/harness';
import { loadPublishedForm } from './forms';
import { submitApplication } from './service';
import { publishForTest } from './test-support';

// The inbox marks applications whose applicant the My Number card verified (issue 7), and
// carries nothing else of the verification: no values, no pairwise subject.

type Item = { id: string; verifiedByCard: boolean } & Record<string, unknown>;
type Page = { items: Item[] };
let h: Awaited<ReturnType<typeof createHarness>>;
let reviewer = '';
let formId = '';
const ids = { card: '', plain: '' };
const subject = 'pairwise-subject-0f3c9a';
const verifiedName = {
  family: '認証',
  given: '済子',
  familyKana: 'ニンショウ',
  givenKana: 'スミコ',
};

const definition: FormDefinitionInput = {
  schemaVersion: 1,
  title: { ja: '証明書交付申請' },
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
};

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.tenantWithAdmin('midori', '131041');
  const department = (
    await send<{ department: { id: string } }>(h, 'POST', '/api/admin/departments', {
      cookie: admin.cookie,
      body: { name: '戸籍住民課' },
    })
  ).body.department.id;
  const db = await h.registry.database('midori');
  formId = await publishForTest(db, definition, h.now(), { departmentId: department });
  const member = await signedInMember(h, 'midori', admin.cookie, {
    email: 'reviewer@midori.example.lg.jp',
  });
  reviewer = member.cookie;
  await send(h, 'PUT', `/api/admin/staff/${member.staff.id}/grants`, {
    cookie: admin.cookie,
    body: [{ departmentId: department, role: 'reviewer', canExport: false, canSeeMyNumber: false }],
  });
  const tenant = await h.registry.find('midori');
  if (!tenant) throw new Error('no tenant');
  for (const key of ['plain', 'card'] as const) {
    h.advance(1000);
    const done = await submitApplication(
      db,
      tenant,
      await loadPublishedForm(db, formId, undefined),
      {
        answers: {
          applicant: { family: '緑', given: key, familyKana: 'ミドリ', givenKana: 'ハナコ' },
        },
        locale: 'ja',
      },
      { masterKey: h.registry.settings.masterKey, now: h.now() },
    );
    ids[key] = done.submissionId;
  }
  // As the card flow stores it (card-auth/prefill.ts): subject, when, and the verified values.
  await db
    .update(submissions)
    .set({
      cardVerification: { subject, verifiedAt: h.now(), values: { name: verifiedName } },
    })
    .where(eq(submissions.id, ids.card));
}, 120_000);
afterAll(() => h.close());

describe('inbox: verified by card', () => {
  test('per form and across forms, each row says whether the card verified it', async () => {
    for (const path of ['/api/submissions', `/api/submissions/forms/${formId}`]) {
      const answer = await send<Page>(h, 'GET', path, { cookie: reviewer });
      expect(answer.status).toBe(200);
      const marks = Object.fromEntries(
        answer.body.items.map((item) => [item.id, item.verifiedByCard]),
      );
      expect(marks).toEqual({ [ids.card]: true, [ids.plain]: false });
    }
  });

  test('the list carries no verified values and no subject', async () => {
    for (const path of ['/api/submissions', `/api/submissions/forms/${formId}`]) {
      const answer = await send<Page>(h, 'GET', path, { cookie: reviewer });
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(subject);
      expect(text).not.toContain('認証');
      expect(text).not.toContain('ニンショウ');
      for (const item of answer.body.items) expect(typeof item.verifiedByCard).toBe('boolean');
    }
  });

  test('the detail still gives the verified values, without the subject', async () => {
    const answer = await send<{ submission: { verifiedByCard: unknown } }>(
      h,
      'GET',
      `/api/submissions/${ids.card}`,
      { cookie: reviewer },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.submission.verifiedByCard).toMatchObject({
      attributes: ['name'],
      values: { name: verifiedName },
    });
    expect(JSON.stringify(answer.body)).not.toContain(subject);
  });

  test('no session is a 401', async () => {
    expect((await send(h, 'GET', `/api/submissions/forms/${formId}`)).status).toBe(401);
  });
});
