import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { send } from '../admin/test-support';
import { createPublicApp } from '../app';
import { fileFormDefinition, samplePdf, samplePng } from '../files/test-support';
import { publishForTest } from '../submissions/test-support';
import { createHarness } from '../testing/harness';

let h: Awaited<ReturnType<typeof createHarness>>;
let cookie = '';
let formId = '';
let referenceNumber = '';

async function upload(field: string, name: string, bytes: Uint8Array) {
  const body = new FormData();
  body.set('file', new Blob([Buffer.from(bytes)]), name);
  const response = await createPublicApp(h.deps).request(
    `/t/midori/api/forms/${formId}/attachments?field=${field}`,
    { method: 'POST', body },
  );
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.tenantWithAdmin('midori', '131041');
  const department = await send<{ department: { id: string } }>(
    h,
    'POST',
    '/api/admin/departments',
    { cookie: admin.cookie, body: { name: '福祉課' } },
  );
  const session = await send<{ staff: { id: string } }>(h, 'GET', '/api/auth/session', {
    cookie: admin.cookie,
  });
  await send(h, 'PUT', `/api/admin/staff/${session.body.staff.id}/grants`, {
    cookie: admin.cookie,
    body: [
      {
        departmentId: department.body.department.id,
        role: 'reviewer',
        canExport: true,
        canSeeMyNumber: false,
      },
    ],
  });
  cookie = admin.cookie;
  formId = await publishForTest(await h.registry.database('midori'), fileFormDefinition, h.now(), {
    departmentId: department.body.department.id,
  });
  const pdf = await upload('bankbook', '通帳の写し.pdf', samplePdf());
  const png = await upload('bankbook', '通帳の写し.pdf', samplePng());
  const submitted = await createPublicApp(h.deps).request(
    `/t/midori/api/forms/${formId}/submissions`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { note: 'x', bankbook: [pdf, png] } }),
    },
  );
  referenceNumber = String(((await submitted.json()) as Record<string, unknown>).referenceNumber);
}, 60_000);
afterAll(() => h.close());

test('the attachments of a form download as one zip, per application, names kept apart', async () => {
  const response = await h.request('GET', `/api/exports/forms/${formId}/attachments.zip`, {
    cookie,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  const path = join(mkdtempSync(join(tmpdir(), 'zip-')), 'a.zip');
  writeFileSync(path, Buffer.from(await response.arrayBuffer()));
  const names = execFileSync(
    'python3',
    [
      '-c',
      'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))',
      path,
    ],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n');
  expect(names).toEqual([
    `${referenceNumber}/bankbook_通帳の写し.pdf`,
    `${referenceNumber}/bankbook_2_通帳の写し.pdf`,
  ]);
});

test('without the export grant, 403', async () => {
  const session = await h.request('GET', '/api/auth/session', { cookie });
  const { staff, grants } = (await session.json()) as {
    staff: { id: string };
    grants: { departmentId: string }[];
  };
  const departmentId = grants[0]?.departmentId ?? '';
  const setExport = (canExport: boolean) =>
    h.request('PUT', `/api/admin/staff/${staff.id}/grants`, {
      cookie,
      body: [{ departmentId, role: 'reviewer', canExport, canSeeMyNumber: false }],
    });
  await setExport(false);
  expect(
    (await h.request('GET', `/api/exports/forms/${formId}/attachments.zip`, { cookie })).status,
  ).toBe(403);
  await setExport(true);
});

test('without a session, 401; an unknown form, 404', async () => {
  expect((await h.request('GET', `/api/exports/forms/${formId}/attachments.zip`)).status).toBe(401);
  expect(
    (await h.request('GET', '/api/exports/forms/frm_0000000000000000/attachments.zip', { cookie }))
      .status,
  ).toBe(404);
});
