import { zeroWasteDay } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicApp } from '../app';
import type { TenantDb } from '../db/registry';
import { outbox, submissionRevisions, submissions } from '../db/tenant-schema';
import { publishForTest } from '../submissions/test-support';
import { createTenant, setTenantStatus } from '../tenants/service';
import { createHarness } from '../testing/harness';

let h: Awaited<ReturnType<typeof createHarness>>;
let app: ReturnType<typeof createPublicApp>;
let midori: TenantDb;
let aoba: TenantDb;
let formId: string;
let aobaFormId: string;

const open = (d: typeof zeroWasteDay) => ({
  ...structuredClone(d),
  settings: { ...d.settings, opensAt: undefined, closesAt: undefined },
  options: { ...d.options, emailVerification: false },
});
const answers = (n: number) => ({
  participant_name: { family: '緑', given: `太郎${n}`, familyKana: 'みどり', givenKana: 'たろう' },
  phone: '03-5273-4000',
  email: { value: `taro${n}@example.jp`, confirm: `taro${n}@example.jp` },
});
type Json = Record<string, unknown>;

function call(
  method: string,
  path: string,
  options: { body?: unknown; token?: string; raw?: string } = {},
) {
  return app.request(path, {
    method,
    headers: {
      ...(options.body !== undefined || options.raw !== undefined
        ? { 'content-type': 'application/json' }
        : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
}

async function submit(n: number, form = formId, slug = 'midori') {
  const response = await call('POST', `/t/${slug}/api/forms/${form}/submissions`, {
    body: { answers: answers(n) },
  });
  return { status: response.status, body: (await response.json()) as Json };
}

beforeAll(async () => {
  h = await createHarness();
  app = createPublicApp(h.deps);
  for (const [slug, code] of [
    ['midori', '131041'],
    ['aoba', '141003'],
  ] as const) {
    await createTenant(
      h.registry,
      {
        slug,
        name: `${slug}区`,
        localGovernmentCode: code,
        adminEmail: `a@${slug}.example.lg.jp`,
        adminName: '管理',
      },
      h.now(),
    );
  }
  midori = await h.registry.database('midori');
  aoba = await h.registry.database('aoba');
  formId = await publishForTest(midori, open(zeroWasteDay), h.now());
  aobaFormId = await publishForTest(aoba, open(zeroWasteDay), h.now());
});
afterAll(() => h.close());

describe('GET /t/:slug/api/forms/:formId', () => {
  test('returns the published definition and whether it is open, never cached', async () => {
    const response = await call('GET', `/t/midori/api/forms/${formId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      formId,
      version: 1,
      availability: 'open',
      placesLeft: 50,
      definition: { title: { ja: expect.any(String) } },
    });
  });

  test.each([
    ['an unknown form', () => '/t/midori/api/forms/frm_0000000000000000'],
    ['another tenant’s form under this tenant', () => `/t/midori/api/forms/${aobaFormId}`],
    ['an unknown tenant', () => `/t/nowhere/api/forms/${formId}`],
  ])('%s is 404', async (_, path) => {
    expect((await call('GET', path())).status).toBe(404);
  });

  test('a suspended tenant is 404 for residents', async () => {
    await setTenantStatus(h.registry, 'aoba', 'suspended', h.now());
    expect((await call('GET', `/t/aoba/api/forms/${aobaFormId}`)).status).toBe(404);
    await setTenantStatus(h.registry, 'aoba', 'active', h.now());
  });
});

describe('POST /t/:slug/api/forms/:formId/submissions', () => {
  test('the arrival mail is queued with the application: reference number and status link, no answers', async () => {
    const { body } = await submit(20);
    const mail = await midori.query.outbox.findFirst({
      where: eq(outbox.eventKey, `${String(body.submissionId)}:arrival:1`),
    });
    // The zero-waste form has its own arrival text; the reference number is in its body.
    expect(mail).toMatchObject({
      to: 'taro20@example.jp',
      subject: expect.stringContaining('受け付けました'),
    });
    expect(mail?.body).toContain(String(body.referenceNumber));
    expect(mail?.body).toContain(String(body.statusUrl));
    expect(mail?.body).not.toContain('0352734000');
  });

  test('201 with the reference number and a status link', async () => {
    const { status, body } = await submit(1);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      referenceNumber: expect.stringMatching(/^\d{4}-\d{7}$/),
      state: 'submitted',
    });
    expect(String(body.statusUrl)).toBe(
      `http://127.0.0.1:3000/t/midori/s/${String(body.accessToken)}`,
    );
  });

  test.each([
    ['malformed JSON', { raw: '{"answers": ' }, 400],
    ['answers of the wrong type', { body: { answers: 'x' } }, 400],
    ['an unknown top-level property', { body: { answers: answers(2), admin: true } }, 400],
    ['an unknown field', { body: { answers: { ...answers(2), salary: 1 } } }, 400],
    [
      'a 10 MB string',
      { body: { answers: { ...answers(2), phone: 'x'.repeat(10 * 1024 * 1024) } } },
      413,
    ],
    ['a bad client token', { body: { answers: answers(2), clientToken: '../../x' } }, 400],
  ])('%s → %i, nothing stored', async (_, options, status) => {
    const before = (await midori.select().from(submissions)).length;
    expect((await call('POST', `/t/midori/api/forms/${formId}/submissions`, options)).status).toBe(
      status,
    );
    expect((await midori.select().from(submissions)).length).toBe(before);
  });

  test('another tenant’s form id is 404 and stores nothing in either tenant', async () => {
    const before = [
      (await midori.select().from(submissions)).length,
      (await aoba.select().from(submissions)).length,
    ];
    expect((await submit(3, aobaFormId, 'midori')).status).toBe(404);
    expect([
      (await midori.select().from(submissions)).length,
      (await aoba.select().from(submissions)).length,
    ]).toEqual(before);
  });

  test('the validation messages follow Accept-Language', async () => {
    const response = await app.request(`/t/midori/api/forms/${formId}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ answers: { ...answers(4), phone: '12' } }),
    });
    const body = (await response.json()) as {
      error: { details: { path: string; message: string }[] };
    };
    expect(body.error.details).toEqual([
      { path: 'phone', message: expect.stringContaining('Japanese phone number') },
    ]);
  });
});

describe('the applicant’s link', () => {
  test('shows the status and answers; a forged or missing token gets nothing', async () => {
    const { body } = await submit(10);
    const token = String(body.accessToken);
    const view = await call('GET', '/t/midori/api/submission', { token });
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({
      state: 'submitted',
      stateLabel: '到達',
      allowedActions: ['withdraw'],
      answers: { phone: '0352734000' },
    });
    expect((await call('GET', '/t/midori/api/submission')).status).toBe(401);
    const forged = token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    expect((await call('GET', '/t/midori/api/submission', { token: forged })).status).toBe(404);
    expect((await call('GET', '/t/aoba/api/submission', { token })).status).toBe(404);
  });

  test('a link of one tenant opens nothing under another: withdraw, resubmit, re-apply', async () => {
    const { body } = await submit(14);
    const token = String(body.accessToken);
    expect((await call('POST', '/t/aoba/api/submission/withdraw', { token })).status).toBe(404);
    expect(
      (
        await call('POST', '/t/aoba/api/submission/resubmit', {
          token,
          body: { answers: answers(14) },
        })
      ).status,
    ).toBe(404);
    expect((await call('GET', '/t/aoba/api/submission/reapply', { token })).status).toBe(404);
    expect((await call('POST', '/t/midori/api/submission/withdraw')).status).toBe(401);
    const row = await midori.query.submissions.findFirst({
      where: eq(submissions.id, String(body.submissionId)),
    });
    expect(row?.state).toBe('submitted');
  });

  test('withdraw once; a second withdrawal is refused; the place is freed; re-apply prefills', async () => {
    const { body } = await submit(11);
    const token = String(body.accessToken);
    expect((await call('POST', '/t/midori/api/submission/withdraw', { token })).status).toBe(200);
    expect((await call('POST', '/t/midori/api/submission/withdraw', { token })).status).toBe(409);
    const row = await midori.query.submissions.findFirst({
      where: eq(submissions.referenceNumber, String(body.referenceNumber)),
    });
    expect(row).toMatchObject({ state: 'withdrawn', holdsPlace: false });
    const prefill = await call('GET', '/t/midori/api/submission/reapply', { token });
    expect(await prefill.json()).toMatchObject({ formId, answers: { phone: '0352734000' } });
    // One per person by email: the place is free again, so the same address can apply anew.
    expect((await submit(11)).status).toBe(201);
  });

  test('an applicant who applied in English gets later mails in English', async () => {
    const response = await call('POST', `/t/midori/api/forms/${formId}/submissions`, {
      body: { answers: answers(40), locale: 'en' },
    });
    const body = (await response.json()) as Json;
    await call('POST', '/t/midori/api/submission/withdraw', { token: String(body.accessToken) });
    const mails = await midori.select().from(outbox).where(eq(outbox.to, 'taro40@example.jp'));
    const withdrawn = mails.find((m) => m.eventKey.includes(':withdrawn:'));
    expect(withdrawn?.subject).toContain('Your application has been withdrawn');
  });

  test('resubmit after a return: a new revision, back to 到達; refused in any other state', async () => {
    const { body } = await submit(12);
    const token = String(body.accessToken);
    const id = String(body.submissionId);
    expect(
      (
        await call('POST', '/t/midori/api/submission/resubmit', {
          token,
          body: { answers: answers(12) },
        })
      ).status,
    ).toBe(409);
    await midori.update(submissions).set({ state: 'returned' }).where(eq(submissions.id, id));
    const bad = await call('POST', '/t/midori/api/submission/resubmit', {
      token,
      body: { answers: { ...answers(12), phone: 'x' } },
    });
    expect(bad.status).toBe(400);
    const good = await call('POST', '/t/midori/api/submission/resubmit', {
      token,
      body: { answers: { ...answers(12), phone: '03-5273-4001' } },
    });
    expect(await good.json()).toEqual({ state: 'submitted', revision: 2 });
    const revisions = await midori
      .select()
      .from(submissionRevisions)
      .where(eq(submissionRevisions.submissionId, id));
    expect(revisions.map((r) => r.answers.phone)).toEqual(['0352734000', '0352734001']);
  });

  test('re-sending the link answers the same for any address and replaces the old link', async () => {
    const { body } = await submit(13);
    const old = String(body.accessToken);
    const known = await call('POST', `/t/midori/api/forms/${formId}/resend-link`, {
      body: { email: 'taro13@example.jp' },
    });
    const unknown = await call('POST', `/t/midori/api/forms/${formId}/resend-link`, {
      body: { email: 'nobody@example.jp' },
    });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    expect((await call('GET', '/t/midori/api/submission', { token: old })).status).toBe(404);
    const mails = await midori.select().from(outbox).where(eq(outbox.to, 'taro13@example.jp'));
    expect(mails.map((m) => m.eventKey.split(':')[1])).toEqual(['arrival', 'access_link']);
  });

  test('asking again within ten minutes sends nothing and keeps the link just sent; later it renews', async () => {
    const { body } = await submit(14);
    const resend = () =>
      call('POST', `/t/midori/api/forms/${formId}/resend-link`, {
        body: { email: 'taro14@example.jp' },
      });
    const linkMails = async () =>
      (await midori.select().from(outbox).where(eq(outbox.to, 'taro14@example.jp'))).filter((m) =>
        m.eventKey.includes(':access_link:'),
      );
    expect((await resend()).status).toBe(202);
    expect(await linkMails()).toHaveLength(1);
    h.advance(60_000);
    // The same answer, but no second mail, and the old link is gone only once.
    expect((await resend()).status).toBe(202);
    expect(await linkMails()).toHaveLength(1);
    expect(
      (await call('GET', '/t/midori/api/submission', { token: String(body.accessToken) })).status,
    ).toBe(404);
    h.advance(10 * 60_000);
    expect((await resend()).status).toBe(202);
    expect(await linkMails()).toHaveLength(2);
  });
});

describe('email verification before filling', () => {
  let verifyingForm: string;
  beforeAll(async () => {
    verifyingForm = await publishForTest(
      midori,
      { ...open(zeroWasteDay), options: { emailVerification: true } },
      h.now(),
    );
  });

  async function codeFromMail(verificationId: string): Promise<string> {
    const mail = await midori.query.outbox.findFirst({
      where: eq(outbox.eventKey, `${verificationId}:email_verification`),
    });
    return /\b(\d{6})\b/.exec(mail?.body ?? '')?.[1] ?? '';
  }

  test('a code by mail, confirmed, lets the same address apply; nothing without it', async () => {
    const start = await call('POST', `/t/midori/api/forms/${verifyingForm}/email-verifications`, {
      body: { email: 'Taro30@Example.jp' },
    });
    expect(start.status).toBe(202);
    const { verificationId } = (await start.json()) as { verificationId: string };
    const code = await codeFromMail(verificationId);
    expect(code).toMatch(/^\d{6}$/);
    const confirmed = await call(
      'POST',
      `/t/midori/api/forms/${verifyingForm}/email-verifications/${verificationId}/confirm`,
      { body: { code } },
    );
    expect(confirmed.status).toBe(200);
    const { verificationToken } = (await confirmed.json()) as { verificationToken: string };

    const without = await call('POST', `/t/midori/api/forms/${verifyingForm}/submissions`, {
      body: { answers: answers(30) },
    });
    expect(without.status).toBe(400);
    const otherAddress = await call('POST', `/t/midori/api/forms/${verifyingForm}/submissions`, {
      body: { answers: answers(31), emailVerificationToken: verificationToken },
    });
    expect(otherAddress.status).toBe(400);
    const other = await call('POST', `/t/midori/api/forms/${formId}/submissions`, {
      body: { answers: answers(30), emailVerificationToken: verificationToken },
    });
    expect(other.status).toBe(201);
    const ok = await call('POST', `/t/midori/api/forms/${verifyingForm}/submissions`, {
      body: { answers: answers(30), emailVerificationToken: verificationToken },
    });
    expect(ok.status).toBe(201);
  });

  test('wrong codes count; after five the code is used up; a right code works once', async () => {
    const start = (await (
      await call('POST', `/t/midori/api/forms/${verifyingForm}/email-verifications`, {
        body: { email: 'taro32@example.jp' },
      })
    ).json()) as { verificationId: string };
    const path = `/t/midori/api/forms/${verifyingForm}/email-verifications/${start.verificationId}/confirm`;
    const code = await codeFromMail(start.verificationId);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect((await call('POST', path, { body: { code: wrong } })).status).toBe(400);
    expect((await call('POST', path, { body: { code } })).status).toBe(410);
  });

  test('a code for another form, an unknown id, and a form that does not verify are refused', async () => {
    const start = (await (
      await call('POST', `/t/midori/api/forms/${verifyingForm}/email-verifications`, {
        body: { email: 'taro33@example.jp' },
      })
    ).json()) as { verificationId: string };
    const code = await codeFromMail(start.verificationId);
    expect(
      (
        await call(
          'POST',
          `/t/midori/api/forms/${formId}/email-verifications/${start.verificationId}/confirm`,
          { body: { code } },
        )
      ).status,
    ).toBe(410);
    expect(
      (
        await call(
          'POST',
          `/t/midori/api/forms/${verifyingForm}/email-verifications/ver_0000000000000000/confirm`,
          { body: { code } },
        )
      ).status,
    ).toBe(410);
    expect(
      (
        await call('POST', `/t/midori/api/forms/${formId}/email-verifications`, {
          body: { email: 'x@example.jp' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call('POST', `/t/midori/api/forms/${verifyingForm}/email-verifications`, {
          body: { email: 'not an address' },
        })
      ).status,
    ).toBe(400);
  });

  test('another tenant’s form id is not found for verification or a re-sent link', async () => {
    expect(
      (
        await call('POST', `/t/midori/api/forms/${aobaFormId}/email-verifications`, {
          body: { email: 'x@example.jp' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          'POST',
          `/t/midori/api/forms/${aobaFormId}/email-verifications/ver_0000000000000000/confirm`,
          { body: { code: '123456' } },
        )
      ).status,
    ).toBe(410);
    expect(
      (
        await call('POST', `/t/midori/api/forms/${aobaFormId}/resend-link`, {
          body: { email: 'x@example.jp' },
        })
      ).status,
    ).toBe(404);
  });

  test('at most five codes an hour per address', async () => {
    const send = () =>
      call('POST', `/t/midori/api/forms/${verifyingForm}/email-verifications`, {
        body: { email: 'flood@example.jp' },
      });
    for (let i = 0; i < 5; i++) expect((await send()).status).toBe(202);
    expect((await send()).status).toBe(429);
  });
});
