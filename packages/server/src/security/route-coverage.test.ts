import { zeroWasteDay } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acceptAndSignIn } from '../admin/test-support';
import { totpCode } from '../auth/crypto/index';
import { templateCatalog } from '../db/control-schema';
import {
  forms,
  formVersions,
  submissionEvents,
  submissionNotes,
  submissions,
} from '../db/tenant-schema';
import { type Operation, staffOperations } from '../openapi';
import { loadPublishedForm } from '../submissions/forms';
import { submitApplication } from '../submissions/service';
import { publishForTest } from '../submissions/test-support';
import { createHarness, goodPassword } from '../testing/harness';

/**
 * Every route the staff app registers must be documented and must have an other-tenant probe.
 * A new route without one fails this file, so no later route can skip the isolation check.
 */

type World = {
  h: Awaited<ReturnType<typeof createHarness>>;
  a: { cookie: string; email: string };
  b: {
    cookie: string;
    email: string;
    departmentId: string;
    staffId: string;
    inviteToken: string;
    formId: string;
    submissionId: string;
    referenceNumber: string;
    /** A department of B's with a form designed and published through the forms API. */
    designDepartmentId: string;
    designFormId: string;
  };
  aFormId: string;
  viewerCookie: string;
};
let w: World;

const sampleAnswers = {
  participant_name: { family: '青葉', given: '花子', familyKana: 'アオバ', givenKana: 'ハナコ' },
  phone: '045-123-4567',
  email: { value: 'hanako@example.jp', confirm: 'hanako@example.jp' },
};

async function relogin(h: World['h'], email: string, secret: string): Promise<string> {
  h.advance(30_000);
  const response = await h.request('POST', '/api/auth/sign-in', {
    body: {
      tenant: 'midori',
      email,
      password: goodPassword,
      totpCode: totpCode(secret, Math.floor(h.now() / 30_000)),
    },
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
type Body = Record<string, unknown>;
const json = async (response: Response) => (await response.json()) as Body;

/** What tenant B looks like through B's own admin; probes check it did not change. */
async function snapshotB(): Promise<string> {
  const { h, b } = w;
  const parts = await Promise.all(
    [
      '/api/admin/departments',
      '/api/admin/staff',
      '/api/admin/settings',
      '/api/admin/settings/payments',
      '/api/admin/settings/card-auth',
    ].map(async (path) => json(await h.request('GET', path, { cookie: b.cookie }))),
  );
  // Applications are read from B's database directly: B's admin has no role to see them.
  const bDb = await h.registry.database('aoba');
  const applications = await Promise.all([
    bDb.select().from(submissions),
    bDb.select().from(submissionEvents),
    bDb.select().from(submissionNotes),
    bDb.select().from(forms),
    bDb.select().from(formVersions),
  ]);
  // Session timestamps move with every request; the rest must stay exactly as it was.
  return JSON.stringify([...parts, ...applications], (k, v) =>
    k === 'lastActiveAt' ? undefined : v,
  );
}

/** Sends a request as tenant A's admin aimed at tenant B, and checks B is untouched. */
async function probeAsA(
  method: string,
  path: string,
  body: unknown,
  expectStatus: number | number[],
) {
  const { h, a } = w;
  const before = await snapshotB();
  const response = await h.request(method, path, {
    cookie: a.cookie,
    ...(body === undefined ? {} : { body }),
  });
  const statuses = Array.isArray(expectStatus) ? expectStatus : [expectStatus];
  expect(statuses, `${method} ${path} answered ${response.status}`).toContain(response.status);
  const text = await response.text();
  // Nothing of B's may come back: not its ids, not its people, not its departments.
  for (const marker of [
    w.b.departmentId,
    w.b.staffId,
    w.b.email,
    '青葉区の防災課',
    w.b.formId,
    w.b.submissionId,
    w.b.referenceNumber,
    w.b.designDepartmentId,
    w.b.designFormId,
    bDesignDepartment,
    bFormTitle,
  ])
    expect(text).not.toContain(marker);
  expect(await snapshotB()).toBe(before);
}

const bDepartment = () => w.b.departmentId;
const bStaff = () => w.b.staffId;
const bDesignDepartment = '青葉区の危機管理課';
const bFormTitle = '青葉区の防災訓練 参加申込';
/** Tenant A's admin (a reviewer in A) aimed at B's designed form: not found, whatever the role. */
const probeBForm = (method: string, suffix: string, body?: unknown) =>
  probeAsA(method, `/api/forms/${w.b.designFormId}${suffix}`, body, 404);

/** One other-tenant probe per route. */
const isolationProbes: Record<string, () => Promise<void>> = {
  [key('post', '/api/auth/sign-in')]: async () => {
    const response = await w.h.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'aoba', email: w.a.email, password: goodPassword },
    });
    expect(response.status).toBe(401);
  },
  [key('post', '/api/auth/sign-out')]: () =>
    probeAsA('POST', '/api/auth/sign-out', undefined, 204).then(relogA),
  [key('post', '/api/auth/sign-out-everywhere')]: () =>
    probeAsA('POST', '/api/auth/sign-out-everywhere', undefined, 204).then(relogA),
  [key('get', '/api/auth/session')]: () => probeAsA('GET', '/api/auth/session', undefined, 200),
  [key('post', '/api/auth/password')]: () =>
    probeAsA(
      'POST',
      '/api/auth/password',
      { currentPassword: 'wrong for sure', newPassword: 'another long passphrase' },
      400,
    ),
  [key('post', '/api/invites/inspect')]: async () => {
    const moved = w.b.inviteToken.replace(/^aoba~/, 'midori~');
    expect(
      (await w.h.request('POST', '/api/invites/inspect', { body: { token: moved } })).status,
    ).toBe(410);
  },
  [key('post', '/api/invites/accept')]: async () => {
    const moved = w.b.inviteToken.replace(/^aoba~/, 'midori~');
    expect(
      (
        await w.h.request('POST', '/api/invites/accept', {
          body: { token: moved, password: goodPassword },
        })
      ).status,
    ).toBe(410);
  },
  [key('get', '/api/admin/departments')]: () =>
    probeAsA('GET', '/api/admin/departments', undefined, 200),
  [key('post', '/api/admin/departments')]: () =>
    probeAsA('POST', '/api/admin/departments', { name: `A の課 ${Math.random()}` }, 201),
  [key('patch', '/api/admin/departments/:id')]: () =>
    probeAsA('PATCH', `/api/admin/departments/${bDepartment()}`, { name: '乗っ取り' }, 404),
  [key('post', '/api/admin/departments/:id/archive')]: () =>
    probeAsA('POST', `/api/admin/departments/${bDepartment()}/archive`, undefined, 404),
  [key('get', '/api/admin/staff')]: () => probeAsA('GET', '/api/admin/staff', undefined, 200),
  [key('get', '/api/admin/staff/:id')]: () =>
    probeAsA('GET', `/api/admin/staff/${bStaff()}`, undefined, 404),
  // The same email as B's staff member is fine in A: email addresses are unique per tenant only.
  [key('post', '/api/admin/staff')]: () =>
    probeAsA(
      'POST',
      '/api/admin/staff',
      { email: `p${Date.now()}@midori.example.lg.jp`, name: '職員' },
      201,
    ),
  [key('patch', '/api/admin/staff/:id')]: () =>
    probeAsA('PATCH', `/api/admin/staff/${bStaff()}`, { name: '乗っ取り' }, 404),
  [key('post', '/api/admin/staff/:id/disable')]: () =>
    probeAsA('POST', `/api/admin/staff/${bStaff()}/disable`, undefined, 404),
  [key('post', '/api/admin/staff/:id/enable')]: () =>
    probeAsA('POST', `/api/admin/staff/${bStaff()}/enable`, undefined, 404),
  [key('post', '/api/admin/staff/:id/reset-totp')]: () =>
    probeAsA('POST', `/api/admin/staff/${bStaff()}/reset-totp`, undefined, 404),
  [key('post', '/api/admin/staff/:id/reinvite')]: () =>
    probeAsA('POST', `/api/admin/staff/${bStaff()}/reinvite`, undefined, 404),
  [key('put', '/api/admin/staff/:id/grants')]: async () => {
    await probeAsA('PUT', `/api/admin/staff/${bStaff()}/grants`, [], 404);
    // A's own staff member granted a role in B's department: the department is not found.
    const own = (await json(await w.h.request('GET', '/api/admin/staff', { cookie: w.a.cookie })))
      .staff as { id: string }[];
    const target = own[0]?.id ?? '';
    await probeAsA(
      'PUT',
      `/api/admin/staff/${target}/grants`,
      [{ departmentId: bDepartment(), role: 'reviewer', canExport: true, canSeeMyNumber: true }],
      [400, 404],
    );
  },
  // A's admin lists A's forms; probeAsA checks none of B's (ids, titles) appears.
  [key('get', '/api/admin/forms')]: () => probeAsA('GET', '/api/admin/forms', undefined, 200),
  [key('get', '/api/admin/settings')]: () => probeAsA('GET', '/api/admin/settings', undefined, 200),
  // The tenant comes from A's session: A's admin reads and changes only A's payment settings.
  [key('get', '/api/admin/settings/payments')]: () =>
    probeAsA('GET', '/api/admin/settings/payments', undefined, 200),
  [key('put', '/api/admin/settings/payments')]: () =>
    probeAsA('PUT', '/api/admin/settings/payments', { provider: 'sandbox' }, 200),
  // Card settings come from A's session too: A generates and sets only A's own key and provider.
  [key('get', '/api/admin/settings/card-auth')]: () =>
    probeAsA('GET', '/api/admin/settings/card-auth', undefined, 200),
  [key('put', '/api/admin/settings/card-auth')]: () =>
    probeAsA('PUT', '/api/admin/settings/card-auth', { provider: 'off' }, 200),
  [key('post', '/api/admin/settings/card-auth/key')]: () =>
    probeAsA('POST', '/api/admin/settings/card-auth/key', undefined, 200),
  [key('put', '/api/admin/settings')]: () =>
    probeAsA(
      'PUT',
      '/api/admin/settings',
      {
        mailFrom: 'a@midori.example.lg.jp',
        mailReplyTo: null,
        notificationDefaults: { alertDepartment: true, signature: 'みどり区' },
      },
      200,
    ),
  // A's own applications across forms: probeAsA checks nothing of B's is listed.
  [key('get', '/api/submissions')]: () => probeAsA('GET', '/api/submissions', undefined, 200),
  [key('get', '/api/submissions/forms/:formId')]: () =>
    probeAsA('GET', `/api/submissions/forms/${w.b.formId}`, undefined, 404),
  [key('post', '/api/submissions/forms/:formId/bulk-accept')]: async () => {
    await probeAsA(
      'POST',
      `/api/submissions/forms/${w.b.formId}/bulk-accept`,
      { ids: [w.b.submissionId] },
      404,
    );
    // B's application ids through A's own form: each is not found, and B's stays as it was.
    // (The answer names the id the caller sent, and nothing else of B's.)
    const before = await snapshotB();
    const response = await w.h.request('POST', `/api/submissions/forms/${w.aFormId}/bulk-accept`, {
      cookie: w.a.cookie,
      body: { ids: [w.b.submissionId] },
    });
    expect(await response.json()).toEqual({
      results: [{ id: w.b.submissionId, ok: false, error: 'not_found' }],
    });
    expect(await snapshotB()).toBe(before);
  },
  [key('post', '/api/submissions/forms/:formId/proxy')]: () =>
    probeAsA('POST', `/api/submissions/forms/${w.b.formId}/proxy`, { answers: sampleAnswers }, 404),
  [key('get', '/api/submissions/:submissionId/attachments/:attachmentId')]: () =>
    probeAsA(
      'GET',
      `/api/submissions/${w.b.submissionId}/attachments/att_0000000000000000`,
      undefined,
      404,
    ),
  [key('get', '/api/exports/forms/:formId/submissions.csv')]: () =>
    probeAsA('GET', `/api/exports/forms/${w.b.formId}/submissions.csv`, undefined, 404),
  [key('get', '/api/exports/forms/:formId/submissions.xlsx')]: () =>
    probeAsA('GET', `/api/exports/forms/${w.b.formId}/submissions.xlsx`, undefined, 404),
  [key('get', '/api/exports/forms/:formId/attachments.zip')]: () =>
    probeAsA('GET', `/api/exports/forms/${w.b.formId}/attachments.zip`, undefined, 404),
  [key('get', '/api/exports/forms/:formId/shift-jis-report')]: () =>
    probeAsA('GET', `/api/exports/forms/${w.b.formId}/shift-jis-report`, undefined, 404),
  [key('get', '/api/submissions/:id')]: () =>
    probeAsA('GET', `/api/submissions/${w.b.submissionId}`, undefined, 404),
  [key('post', '/api/submissions/:id/actions')]: () =>
    probeAsA('POST', `/api/submissions/${w.b.submissionId}/actions`, { action: 'accept' }, 404),
  [key('post', '/api/submissions/:id/refund')]: () =>
    probeAsA('POST', `/api/submissions/${w.b.submissionId}/refund`, {}, 404),
  [key('post', '/api/submissions/:id/notes')]: () =>
    probeAsA('POST', `/api/submissions/${w.b.submissionId}/notes`, { body: 'のぞき見' }, 404),
  [key('get', '/api/forms')]: () => probeAsA('GET', '/api/forms', undefined, 200),
  // A's admin reads A's department names; probeAsA checks none of B's (ids, names) appears.
  [key('get', '/api/departments')]: () => probeAsA('GET', '/api/departments', undefined, 200),
  [key('post', '/api/forms')]: () =>
    probeAsA('POST', '/api/forms', { departmentId: w.b.designDepartmentId }, 403),
  [key('post', '/api/forms/import')]: () =>
    probeAsA(
      'POST',
      '/api/forms/import',
      { departmentId: w.b.designDepartmentId, definition: zeroWasteDay },
      403,
    ),
  [key('get', '/api/forms/catalog')]: () => probeAsA('GET', '/api/forms/catalog', undefined, 403),
  [key('post', '/api/forms/catalog/:templateId/import')]: () =>
    probeAsA(
      'POST',
      '/api/forms/catalog/tpl_0000000000000000/import',
      { departmentId: w.b.designDepartmentId },
      403,
    ),
  [key('get', '/api/forms/:id')]: async () => {
    await probeBForm('GET', '');
    await probeAsA('GET', `/api/forms/${w.b.formId}`, undefined, 404);
  },
  [key('put', '/api/forms/:id/draft')]: () =>
    probeBForm('PUT', '/draft', { definition: zeroWasteDay, updatedAt: 0 }),
  [key('post', '/api/forms/:id/validate')]: () => probeBForm('POST', '/validate'),
  [key('post', '/api/forms/:id/preview')]: () =>
    probeBForm('POST', '/preview', { definition: zeroWasteDay }),
  [key('get', '/api/preview/resident.css')]: async () => {
    const text = await (await w.h.request('GET', '/api/preview/resident.css')).text();
    expect(text).not.toContain('aoba');
  },
  [key('post', '/api/forms/:id/publish')]: () => probeBForm('POST', '/publish'),
  [key('post', '/api/forms/:id/close')]: () => probeBForm('POST', '/close'),
  [key('post', '/api/forms/:id/reopen')]: () => probeBForm('POST', '/reopen'),
  [key('post', '/api/forms/:id/duplicate')]: () => probeBForm('POST', '/duplicate', {}),
  [key('get', '/api/forms/:id/export')]: () => probeBForm('GET', '/export'),
  [key('get', '/api/forms/:id/versions')]: () => probeBForm('GET', '/versions'),
  [key('get', '/api/forms/:id/versions/:version')]: () => probeBForm('GET', '/versions/1'),
  [key('post', '/api/forms/:id/share')]: async () => {
    // The catalog lives in the control plane, outside B's snapshot: it must not grow either.
    const before = await w.h.registry.control.select().from(templateCatalog);
    await probeBForm('POST', '/share');
    expect(await w.h.registry.control.select().from(templateCatalog)).toEqual(before);
  },
  // A's admin reads A's own log; probeAsA checks no id of B's shows up in it.
  [key('get', '/api/audit')]: () => probeAsA('GET', '/api/audit?limit=500', undefined, 200),
  [key('get', '/api/audit/verify')]: () => probeAsA('GET', '/api/audit/verify', undefined, 200),
  [key('get', '/api/audit/export.csv')]: () =>
    probeAsA('GET', '/api/audit/export.csv', undefined, 200),
  [key('get', '/api/openapi.json')]: async () => {
    const text = await (await w.h.request('GET', '/api/openapi.json')).text();
    expect(text).not.toContain('aoba');
  },
  // The console's files (503 where the console is not built): a page, never tenant data.
  [key('get', '/*')]: () => probeAsA('GET', '/inbox', undefined, [200, 503]),
  [key('get', '/healthz')]: async () => {
    expect(await (await w.h.request('GET', '/healthz')).json()).toEqual({ status: 'ok' });
  },
};

async function relogA() {
  w.h.advance(30_000);
  w.a.cookie = await w.h.signInCookie('midori', w.a.email, goodPassword, aSecret);
}
let aSecret = '';

/** The routes the app really registers (middleware entries left out). */
function registeredRoutes(): string[] {
  const seen = new Set<string>();
  for (const route of w.h.app.routes) {
    if (route.method === 'ALL') continue;
    seen.add(key(route.method, route.path));
  }
  return [...seen].sort();
}

/** A concrete URL for a route pattern, with ids that exist (tenant A's own). */
function concrete(operation: Operation): string {
  return operation.path.replace(':id', 'x_unknown');
}

beforeAll(async () => {
  const h = await createHarness();
  const a = await h.tenantWithAdmin('midori', '131041');
  aSecret = a.secret;
  const b = await h.tenantWithAdmin('aoba', '141003');
  const department = await json(
    await h.request('POST', '/api/admin/departments', {
      cookie: b.cookie,
      body: { name: '青葉区の防災課' },
    }),
  );
  const invited = await json(
    await h.request('POST', '/api/admin/staff', {
      cookie: b.cookie,
      body: { email: 'reviewer@aoba.example.lg.jp', name: '青葉 審査' },
    }),
  );
  const inviteToken = String(invited.inviteLink).split('#')[1] ?? '';
  const viewer = await json(
    await h.request('POST', '/api/admin/staff', {
      cookie: a.cookie,
      body: { email: 'viewer@midori.example.lg.jp', name: '閲覧 太郎' },
    }),
  );
  const viewerToken = String(viewer.inviteLink).split('#')[1] ?? '';
  const { cookie: viewerCookie } = await acceptAndSignIn(
    h,
    'midori',
    'viewer@midori.example.lg.jp',
    viewerToken,
  );
  // A's admin also reviews in one of A's departments, so a 404 on B's ids is isolation at work,
  // not a missing role.
  const aDepartment = await json(
    await h.request('POST', '/api/admin/departments', {
      cookie: a.cookie,
      body: { name: 'みどり区の健康推進課' },
    }),
  );
  const aDepartmentId = String((aDepartment.department as Body).id);
  const aSession = await json(await h.request('GET', '/api/auth/session', { cookie: a.cookie }));
  const aAdminId = String((aSession.staff as Body).id);
  await h.request('PUT', `/api/admin/staff/${aAdminId}/grants`, {
    cookie: a.cookie,
    body: [
      { departmentId: aDepartmentId, role: 'reviewer', canExport: true, canSeeMyNumber: true },
    ],
  });
  a.cookie = await relogin(h, a.email, a.secret);
  const openForm = {
    ...structuredClone(zeroWasteDay),
    settings: { capacity: 50 },
    options: { emailVerification: false },
  };
  const aDb = await h.registry.database('midori');
  const aFormId = await publishForTest(aDb, openForm, h.now(), { departmentId: aDepartmentId });
  const bDb = await h.registry.database('aoba');
  const bFormId = await publishForTest(bDb, openForm, h.now(), {
    departmentId: String((department.department as Body).id),
  });
  const bTenant = await h.registry.find('aoba');
  if (!bTenant) throw new Error('no tenant aoba');
  const bSubmission = await submitApplication(
    bDb,
    bTenant,
    await loadPublishedForm(bDb, bFormId, undefined),
    { answers: sampleAnswers, locale: 'ja' },
    { masterKey: h.registry.settings.masterKey, now: h.now() },
  );
  // B designs a form in a department of its own through the forms API, the way staff do.
  const bDesign = await json(
    await h.request('POST', '/api/admin/departments', {
      cookie: b.cookie,
      body: { name: bDesignDepartment },
    }),
  );
  const designDepartmentId = String((bDesign.department as Body).id);
  const bSession = await json(await h.request('GET', '/api/auth/session', { cookie: b.cookie }));
  await h.request('PUT', `/api/admin/staff/${String((bSession.staff as Body).id)}/grants`, {
    cookie: b.cookie,
    body: [
      {
        departmentId: designDepartmentId,
        role: 'designer',
        canExport: false,
        canSeeMyNumber: false,
      },
    ],
  });
  const bDesigned = await json(
    await h.request('POST', '/api/forms', {
      cookie: b.cookie,
      body: {
        departmentId: designDepartmentId,
        definition: { ...zeroWasteDay, title: { ja: bFormTitle } },
      },
    }),
  );
  const designFormId = String((bDesigned.form as Body).id);
  const bPublished = await h.request('POST', `/api/forms/${designFormId}/publish`, {
    cookie: b.cookie,
  });
  if (bPublished.status !== 200)
    throw new Error(`publishing B's form failed: ${bPublished.status}`);
  w = {
    h,
    a: { cookie: a.cookie, email: a.email },
    b: {
      cookie: b.cookie,
      email: 'reviewer@aoba.example.lg.jp',
      departmentId: String((department.department as Body).id),
      staffId: String((invited.staff as Body).id),
      inviteToken,
      formId: bFormId,
      submissionId: bSubmission.submissionId,
      referenceNumber: bSubmission.referenceNumber,
      designDepartmentId,
      designFormId,
    },
    aFormId,
    viewerCookie,
  };
}, 60_000);
afterAll(() => w.h.close());

describe('route coverage', () => {
  test('every registered route is documented in the OpenAPI table, and nothing else is', () => {
    const documented = [
      ...staffOperations.map((o) => key(o.method, o.path)),
      key('get', '/api/openapi.json'),
      key('get', '/healthz'),
      // Not part of the API: the console's files and its index.html fallback.
      key('get', '/*'),
    ].sort();
    expect(registeredRoutes()).toEqual(documented);
  });

  test('every registered route has an other-tenant probe', () => {
    const missing = registeredRoutes().filter((route) => !(route in isolationProbes));
    expect(missing, 'routes without an isolation probe').toEqual([]);
  });

  test.each(Object.keys(isolationProbes))('isolation: %s', async (route) => {
    const probe = isolationProbes[route];
    if (!probe) throw new Error(`no probe for ${route}`);
    await probe();
  });
});

describe('every protected route refuses', () => {
  const protectedOps = staffOperations.filter((o) => o.access !== 'public');
  const unsafe = staffOperations.filter((o) => o.method !== 'get');

  test.each(protectedOps)('$method $path without a session (401)', async (operation) => {
    const response = await w.h.request(
      operation.method.toUpperCase(),
      concrete(operation),
      operation.method === 'get' ? {} : { body: {} },
    );
    expect(response.status).toBe(401);
  });

  test.each(protectedOps)('$method $path with a forged session (401)', async (operation) => {
    const cookie = 'madoguchi_staff=midori~aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb';
    const response = await w.h.request(operation.method.toUpperCase(), concrete(operation), {
      cookie,
      ...(operation.method === 'get' ? {} : { body: {} }),
    });
    expect(response.status).toBe(401);
  });

  test.each(staffOperations.filter((o) => o.access === 'admin'))(
    '$method $path for a staff member who is not an admin (403)',
    async (operation) => {
      const response = await w.h.request(operation.method.toUpperCase(), concrete(operation), {
        cookie: w.viewerCookie,
        ...(operation.method === 'get' ? {} : { body: {} }),
      });
      expect(response.status).toBe(403);
    },
  );

  test.each(unsafe)('$method $path from another site (CSRF, 403)', async (operation) => {
    const response = await w.h.request(operation.method.toUpperCase(), concrete(operation), {
      cookie: w.a.cookie,
      body: {},
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
  });

  test('an expired session is refused everywhere', async () => {
    w.h.advance(30_000);
    const cookie = await w.h.signInCookie('midori', w.a.email, goodPassword, aSecret);
    w.h.advance(w.h.config.SESSION_IDLE_MINUTES * 60_000 + 1);
    for (const operation of protectedOps) {
      const response = await w.h.request(operation.method.toUpperCase(), concrete(operation), {
        cookie,
        ...(operation.method === 'get' ? {} : { body: {} }),
      });
      expect(response.status, `${operation.method} ${operation.path}`).toBe(401);
    }
    await relogA();
  });
});
