import { type FileAnswer, validateAnswers } from '@madoguchi/shared';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, signedInMember } from '../admin/test-support';
import type { StaffVariables } from '../auth/middleware';
import type { TenantDb } from '../db/registry';
import { AppError } from '../http/errors';
import { applyHttpBasics, type BaseVariables } from '../http/middleware';
import { loadPublishedForm } from '../submissions/forms';
import { submitApplication } from '../submissions/service';
import { publishForTest } from '../submissions/test-support';
import { createHarness } from '../testing/harness';
import { residentFileRoutes, staffFileRoutes, uploadPathPattern } from './routes';
import { attachmentsBindStatements, refsInAnswers } from './service';
import { localFileStorage } from './storage';
import { fileFormDefinition, pdfOfSize, sampleJpeg, samplePdf, samplePng } from './test-support';

type Slug = 'midori' | 'aoba';
let h: Awaited<ReturnType<typeof createHarness>>;
let publicApp: Hono<{ Variables: BaseVariables }>;
let staffApp: Hono<{ Variables: StaffVariables }>;
const forms = new Map<Slug, { db: TenantDb; formId: string }>();
const cookies = { reviewer: '', outsider: '', aobaReviewer: '' };
let secretFormId: string;

function world(slug: Slug) {
  const found = forms.get(slug);
  if (!found) throw new Error(`no tenant ${slug}`);
  return found;
}

/** The public app as the lead mounts it: the app-wide 1 MB limit leaves uploads to their own. */
function createTestPublicApp() {
  const app = new Hono<{ Variables: BaseVariables }>();
  applyHttpBasics(app, h.logger, Number.MAX_SAFE_INTEGER);
  const appWide = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  });
  app.use((c, next) => (uploadPathPattern.test(c.req.path) ? next() : appWide(c, next)));
  return app.route('/t', residentFileRoutes(h.deps, storage()));
}

const storage = () =>
  localFileStorage({ dataDir: h.dataDir, masterKey: h.registry.settings.masterKey });

/** A department with a published file form, and a reviewer signed in with a role in it. */
async function tenantWithReviewer(slug: Slug, code: string) {
  const admin = await h.tenantWithAdmin(slug, code);
  const departmentId = (
    await send<{ department: { id: string } }>(h, 'POST', '/api/admin/departments', {
      cookie: admin.cookie,
      body: { name: '福祉課' },
    })
  ).body.department.id;
  const db = await h.registry.database(slug);
  const formId = await publishForTest(db, fileFormDefinition, h.now(), { departmentId });
  forms.set(slug, { db, formId });
  const reviewer = await signedInMember(h, slug, admin.cookie, {
    email: `reviewer@${slug}.example.lg.jp`,
  });
  await send(h, 'PUT', `/api/admin/staff/${reviewer.staff.id}/grants`, {
    cookie: admin.cookie,
    body: [{ departmentId, role: 'reviewer', canExport: false, canSeeMyNumber: false }],
  });
  return { admin, reviewer, departmentId, db };
}

beforeAll(async () => {
  h = await createHarness();
  publicApp = createTestPublicApp();
  staffApp = new Hono<{ Variables: StaffVariables }>();
  applyHttpBasics(staffApp, h.logger);
  staffApp.route('/api/submissions', staffFileRoutes(h.deps, storage()));

  const midori = await tenantWithReviewer('midori', '131041');
  cookies.reviewer = midori.reviewer.cookie;
  const outsider = await signedInMember(h, 'midori', midori.admin.cookie, {
    email: 'outsider@midori.example.lg.jp',
  });
  cookies.outsider = outsider.cookie;
  secretFormId = await publishForTest(
    midori.db,
    { ...fileFormDefinition, settings: { access: 'secret_link' } },
    h.now(),
    { departmentId: midori.departmentId, accessKey: 'k3y-for-the-link' },
  );
  cookies.aobaReviewer = (await tenantWithReviewer('aoba', '141003')).reviewer.cookie;
}, 120_000);
afterAll(() => h.close());

function uploadRequest(
  path: string,
  parts: { name?: string; file?: File | string }[] = [],
): Promise<Response> {
  const body = new FormData();
  for (const part of parts)
    if (part.file !== undefined) body.append(part.name ?? 'file', part.file);
  return Promise.resolve(publicApp.request(path, { method: 'POST', body }));
}

function upload(
  bytes: Uint8Array,
  options: { slug?: Slug; field?: string; name?: string; formId?: string; key?: string } = {},
) {
  const slug = options.slug ?? 'midori';
  const formId = options.formId ?? world(slug).formId;
  const query = new URLSearchParams({ field: options.field ?? 'bankbook' });
  if (options.key) query.set('key', options.key);
  // The browser's claimed type is deliberately wrong: only the bytes count.
  const file = new File([new Uint8Array(bytes)], options.name ?? 'scan.pdf', {
    type: 'text/html',
  });
  return uploadRequest(`/t/${slug}/api/forms/${formId}/attachments?${query}`, [{ file }]);
}

async function errorCode(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** Submits an application whose answers carry the references and binds them, as the lead will. */
async function submitWith(slug: Slug, bankbook: FileAnswer[]): Promise<string> {
  const { db, formId } = world(slug);
  const tenant = await h.registry.find(slug);
  if (!tenant) throw new Error(`no tenant ${slug}`);
  const published = await loadPublishedForm(db, formId, undefined);
  const answers = { bankbook };
  const result = await submitApplication(
    db,
    tenant,
    published,
    { answers, locale: 'ja' },
    { masterKey: h.registry.settings.masterKey, now: h.now() },
  );
  const validated = validateAnswers(published.definition, answers, 'ja');
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  const [first, ...rest] = attachmentsBindStatements(
    db,
    result.submissionId,
    formId,
    refsInAnswers(published.definition, validated.answers),
  );
  if (first) await db.batch([first, ...rest]);
  return result.submissionId;
}

function download(submissionId: string, attachmentId: string, cookie?: string) {
  return staffApp.request(`/api/submissions/${submissionId}/attachments/${attachmentId}`, {
    headers: cookie ? { cookie } : {},
  });
}

describe('POST /t/{tenant}/api/forms/{formId}/attachments', () => {
  test('stores the upload and a reviewer downloads the same bytes', async () => {
    const bytes = samplePng();
    const response = await upload(bytes, { name: '通帳 (表紙).png' });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const reference = (await response.json()) as FileAnswer;
    expect(reference).toEqual({
      id: expect.stringMatching(/^att_/),
      name: '通帳 (表紙).png',
      size: bytes.length,
      type: 'image/png',
    });
    const submissionId = await submitWith('midori', [reference]);

    const file = await download(submissionId, reference.id, cookies.reviewer);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-length')).toBe(String(bytes.length));
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="__ (__).png"; filename*=UTF-8''${encodeURIComponent('通帳')}%20%28${encodeURIComponent('表紙')}%29.png`,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toBe('no-store');
  });

  test('the download carries its own sandbox CSP (secureHeaders replaces it unless told not to overwrite)', async () => {
    const reference = (await (await upload(samplePdf())).json()) as FileAnswer;
    const submissionId = await submitWith('midori', [reference]);
    const bare = new Hono().route('/api/submissions', staffFileRoutes(h.deps, storage()));
    const file = await bare.request(
      `/api/submissions/${submissionId}/attachments/${reference.id}`,
      { headers: { cookie: cookies.reviewer } },
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-security-policy')).toBe(
      "sandbox; default-src 'none'; frame-ancestors 'none'",
    );
  });

  test('a secret-link form takes uploads only with its key', async () => {
    expect((await upload(samplePdf(), { formId: secretFormId })).status).toBe(404);
    expect(
      (await upload(samplePdf(), { formId: secretFormId, key: 'k3y-for-the-link' })).status,
    ).toBe(201);
  });

  test('one address sending more than 100 files in ten minutes is told to wait (429); others are not', async () => {
    const app = new Hono<{ Variables: BaseVariables }>();
    applyHttpBasics(app, h.logger, Number.MAX_SAFE_INTEGER);
    app.route(
      '/t',
      residentFileRoutes({ ...h.deps, remoteAddress: (c) => c.req.header('x-test-ip') }, storage()),
    );
    const path = `/t/midori/api/forms/${world('midori').formId}/attachments?field=bankbook`;
    const send = (ip: string) => {
      const body = new FormData();
      body.append('file', new File([samplePdf()], 'a.pdf'));
      return app.request(path, { method: 'POST', body, headers: { 'x-test-ip': ip } });
    };
    for (let i = 0; i < 100; i++) expect((await send('203.0.113.7')).status).toBe(201);
    const refused = await send('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorCode(refused)).code).toBe('too_many_requests');
    expect((await send('198.51.100.2')).status).toBe(201);
    h.advance(10 * 60_000);
    expect((await send('203.0.113.7')).status).toBe(201);
  });

  test('an unknown tenant or form is not found', async () => {
    const unknownTenant = await uploadRequest(
      `/t/nowhere/api/forms/${world('midori').formId}/attachments?field=bankbook`,
      [{ file: new File([samplePdf()], 'a.pdf') }],
    );
    expect(unknownTenant.status).toBe(404);
    expect((await upload(samplePdf(), { formId: 'frm_0000000000000000' })).status).toBe(404);
    // Another tenant's form id through this tenant's URL.
    expect((await upload(samplePdf(), { formId: world('aoba').formId })).status).toBe(404);
  });

  test('a type the field does not accept is 415, whatever the name says', async () => {
    const response = await upload(sampleJpeg(), { name: 'scan.pdf' });
    expect(response.status).toBe(415);
    const error = await errorCode(response);
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toContain('PDF、PNG');
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    expect((await upload(html, { name: 'photo.png' })).status).toBe(415);
  });

  test('a file over the field limit is 413 naming the limit, past the app-wide 1 MB limit', async () => {
    const response = await upload(pdfOfSize(3 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect((await errorCode(response)).message).toContain('1 MB');
  });

  test('a body over the route’s own 50 MB limit is 413 before it is read', async () => {
    const response = await publicApp.request(
      `/t/midori/api/forms/${world('midori').formId}/attachments?field=bankbook`,
      {
        method: 'POST',
        headers: {
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(51 * 1024 * 1024),
        },
        body: '--x--',
      },
    );
    expect(response.status).toBe(413);
    expect((await errorCode(response)).message).toContain('50 MB');
  });

  test('a field that takes no files, or no field at all, is 400', async () => {
    expect((await upload(samplePdf(), { field: 'note' })).status).toBe(400);
    const noField = await uploadRequest(
      `/t/midori/api/forms/${world('midori').formId}/attachments`,
      [{ file: new File([samplePdf()], 'a.pdf') }],
    );
    expect(noField.status).toBe(400);
  });

  test('a request without exactly one file part is 400; a JSON body is 415', async () => {
    const path = `/t/midori/api/forms/${world('midori').formId}/attachments?field=bankbook`;
    expect((await uploadRequest(path, [{ name: 'other', file: 'text' }])).status).toBe(400);
    expect((await uploadRequest(path, [{ file: 'just text' }])).status).toBe(400);
    const twice = await uploadRequest(path, [
      { file: new File([samplePdf()], 'a.pdf') },
      { file: new File([samplePdf()], 'b.pdf') },
    ]);
    expect(twice.status).toBe(400);
    const json = await publicApp.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });

  test('the upload path pattern matches the route and nothing else of the resident API', () => {
    expect(uploadPathPattern.test('/t/midori/api/forms/frm_1/attachments')).toBe(true);
    expect(uploadPathPattern.test('/t/midori/api/forms/frm_1/submissions')).toBe(false);
    expect(uploadPathPattern.test('/t/midori/api/forms/frm_1/attachments/x')).toBe(false);
  });
});

describe('GET /api/submissions/{submissionId}/attachments/{attachmentId}', () => {
  let submissionId: string;
  let attachmentId: string;
  beforeAll(async () => {
    const reference = (await (await upload(samplePdf())).json()) as FileAnswer;
    attachmentId = reference.id;
    submissionId = await submitWith('midori', [reference]);
  });

  test('without a session is 401', async () => {
    const response = await download(submissionId, attachmentId);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-disposition')).toBeNull();
  });

  test('a forged session is 401', async () => {
    const cookie = 'madoguchi_staff=midori~aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb';
    expect((await download(submissionId, attachmentId, cookie)).status).toBe(401);
  });

  test('staff without a role in the form’s department get 404', async () => {
    expect((await download(submissionId, attachmentId, cookies.outsider)).status).toBe(404);
  });

  test('an upload not bound to this application is 404', async () => {
    const unbound = (await (await upload(samplePdf())).json()) as FileAnswer;
    expect((await download(submissionId, unbound.id, cookies.reviewer)).status).toBe(404);
    const other = await submitWith('midori', []);
    expect((await download(other, attachmentId, cookies.reviewer)).status).toBe(404);
  });

  test("another tenant's application and attachment ids are 404", async () => {
    const theirs = (await (await upload(samplePdf(), { slug: 'aoba' })).json()) as FileAnswer;
    const theirSubmission = await submitWith('aoba', [theirs]);
    expect((await download(theirSubmission, theirs.id, cookies.aobaReviewer)).status).toBe(200);
    const probe = await download(theirSubmission, theirs.id, cookies.reviewer);
    expect(probe.status).toBe(404);
    expect(await probe.text()).not.toContain(theirs.name);
    expect((await download(submissionId, theirs.id, cookies.reviewer)).status).toBe(404);
  });
});
