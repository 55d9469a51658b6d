import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zeroWasteDay } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serverWorld } from './server-process';
import { acceptInvitation, type Json, onboardAdmin } from './staff-client';

// Issue #4's journey through the API alone, against a real server process: a designer publishes
// a form, residents apply, one withdraws, staff return one for correction, the resident
// resubmits, staff accept it; every mail lands in the local mail folder; staff download CSV
// (UTF-8 with BOM, Shift_JIS) and Excel; the audit chain verifies.

const password = 'a long enough passphrase for e2e';
let world: Awaited<ReturnType<typeof serverWorld>>;

beforeAll(async () => {
  world = await serverWorld();
  await world.start();
}, 60_000);
afterAll(() => world.stop());

const answers = (n: number) => ({
  participant_name: { family: '緑', given: `花子${n}`, familyKana: 'みどり', givenKana: 'はなこ' },
  phone: '090-1234-5678',
  email: { value: `hanako${n}@example.jp`, confirm: `hanako${n}@example.jp` },
});

async function resident(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${world.publicUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

function mailFiles(): string[] {
  try {
    return readdirSync(join(world.dataDir, 'mail')).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
}

test('publish, apply, withdraw, return, resubmit, accept, mails, downloads, audit', async () => {
  const admin = await onboardAdmin(
    world,
    password,
    'midori',
    'みどり区',
    '131041',
    'admin@city.midori.example.lg.jp',
  );
  const department = await admin.call('POST', '/api/admin/departments', {
    name: 'ごみ減量推進課',
    email: 'gomi@city.midori.example.lg.jp',
  });
  const departmentId = String((department.body.department as Json).id);
  const session = await admin.call('GET', '/api/auth/session');
  const adminId = String((session.body.staff as Json).id);
  await admin.call('PUT', `/api/admin/staff/${adminId}/grants`, [
    { departmentId, role: 'designer', canExport: false, canSeeMyNumber: false },
  ]);
  const invited = await admin.call('POST', '/api/admin/staff', {
    email: 'reviewer@city.midori.example.lg.jp',
    name: '審査 花子',
  });
  const reviewerId = String((invited.body.staff as Json).id);
  await admin.call('PUT', `/api/admin/staff/${reviewerId}/grants`, [
    { departmentId, role: 'reviewer', canExport: true, canSeeMyNumber: false },
  ]);
  // The reviewer enrols the second factor with the invitation, as every staff account does.
  const reviewer = await acceptInvitation(
    world.staffUrl,
    String(invited.body.inviteLink),
    password,
    {
      tenant: 'midori',
      email: 'reviewer@city.midori.example.lg.jp',
    },
  );

  // The designer (the admin, with a designer role) creates and publishes the form.
  const definition = {
    ...structuredClone(zeroWasteDay),
    settings: { capacity: 50, onePerPerson: 'email' },
    options: { emailVerification: false },
  };
  const created = await admin.call('POST', '/api/forms', { departmentId, definition });
  expect(created.status).toBe(201);
  const formId = String((created.body.form as Json).id);
  const published = await admin.call('POST', `/api/forms/${formId}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);

  // Residents apply; one withdraws.
  const first = await resident('POST', `/t/midori/api/forms/${formId}/submissions`, {
    answers: answers(1),
    clientToken: 'journey-first-0001',
  });
  expect(first.status).toBe(201);
  const retry = await resident('POST', `/t/midori/api/forms/${formId}/submissions`, {
    answers: answers(1),
    clientToken: 'journey-first-0001',
  });
  expect(retry.body.referenceNumber).toBe(first.body.referenceNumber);
  const second = await resident('POST', `/t/midori/api/forms/${formId}/submissions`, {
    answers: answers(2),
  });
  expect(
    (
      await resident(
        'POST',
        '/t/midori/api/submission/withdraw',
        undefined,
        String(second.body.accessToken),
      )
    ).status,
  ).toBe(200);

  // Staff return the first for correction; the resident resubmits; staff accept it.
  const id = String(first.body.submissionId);
  const returned = await reviewer.call('POST', `/api/submissions/${id}/actions`, {
    action: 'return_for_correction',
    message: '電話番号をご確認ください',
    fieldsToFix: ['phone'],
  });
  expect(returned.body.state).toBe('returned');
  const status = await resident(
    'GET',
    '/t/midori/api/submission',
    undefined,
    String(first.body.accessToken),
  );
  expect(status.body.correction).toEqual({
    message: '電話番号をご確認ください',
    fieldsToFix: ['phone'],
  });
  const resubmitted = await resident(
    'POST',
    '/t/midori/api/submission/resubmit',
    { answers: { ...answers(1), phone: '03-5273-4000' } },
    String(first.body.accessToken),
  );
  expect(resubmitted.body).toEqual({ state: 'submitted', revision: 2 });
  expect(
    (await reviewer.call('POST', `/api/submissions/${id}/actions`, { action: 'accept' })).body
      .state,
  ).toBe('accepted');

  // Every mail reaches the local mail folder (the worker runs every few seconds).
  const expected =
    2 /* arrivals */ +
    2 /* department alerts */ +
    1 /* withdrawn */ +
    1 /* returned */ +
    1 /* resubmitted */ +
    1; /* accepted */
  const deadline = Date.now() + 30_000;
  while (mailFiles().length < expected && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 500));
  const mails = mailFiles().map((name) => readFileSync(join(world.dataDir, 'mail', name), 'utf8'));
  expect(mails).toHaveLength(expected);
  expect(mails.filter((text) => text.includes('To: hanako1@example.jp'))).toHaveLength(4);
  expect(mails.filter((text) => text.includes('To: gomi@city.midori.example.lg.jp'))).toHaveLength(
    2,
  );

  // Downloads: CSV in UTF-8 with BOM, in Shift_JIS, and Excel, in the reviewer's session.
  const csv = await fetch(`${world.staffUrl}/api/exports/forms/${formId}/submissions.csv`, {
    headers: { cookie: reviewer.sessionCookie() },
  });
  const bytes = new Uint8Array(await csv.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  expect(text).toContain(String(first.body.referenceNumber));
  expect(text).toContain('ミドリ');
  const sjis = await fetch(
    `${world.staffUrl}/api/exports/forms/${formId}/submissions.csv?encoding=sjis`,
    { headers: { cookie: reviewer.sessionCookie() } },
  );
  expect(new TextDecoder('shift_jis').decode(await sjis.arrayBuffer())).toContain('ミドリ');
  const xlsx = await fetch(`${world.staffUrl}/api/exports/forms/${formId}/submissions.xlsx`, {
    headers: { cookie: reviewer.sessionCookie() },
  });
  expect(xlsx.status).toBe(200);
  expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);

  // The audit chain verifies.
  const audit = await admin.call('GET', '/api/audit/verify');
  expect(audit.body).toMatchObject({ ok: true });
}, 180_000);
