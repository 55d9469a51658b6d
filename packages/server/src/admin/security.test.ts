import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, goodPassword } from '../testing/harness';
import type { DepartmentView } from './departments';
import type { StaffView } from './staff';
import {
  type ErrorAnswer,
  type Harness,
  inviteThroughApi,
  send,
  signedInMember,
} from './test-support';

// Every admin route, with `:dep` and `:stf` standing for a department and a staff id of the
// tenant under test and bodies that would pass validation.
const routes: { method: string; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/api/admin/departments' },
  { method: 'POST', path: '/api/admin/departments', body: { name: '侵入課' } },
  { method: 'PATCH', path: '/api/admin/departments/:dep', body: { name: '改名課' } },
  { method: 'POST', path: '/api/admin/departments/:dep/archive' },
  { method: 'GET', path: '/api/admin/staff' },
  { method: 'GET', path: '/api/admin/staff/:stf' },
  { method: 'POST', path: '/api/admin/staff', body: { email: 'x@evil.example', name: '侵入' } },
  { method: 'PATCH', path: '/api/admin/staff/:stf', body: { isTenantAdmin: true } },
  { method: 'POST', path: '/api/admin/staff/:stf/disable' },
  { method: 'POST', path: '/api/admin/staff/:stf/enable' },
  { method: 'POST', path: '/api/admin/staff/:stf/reset-totp' },
  { method: 'POST', path: '/api/admin/staff/:stf/reinvite' },
  {
    method: 'PUT',
    path: '/api/admin/staff/:stf/grants',
    body: [{ departmentId: ':dep', role: 'designer', canExport: true, canSeeMyNumber: true }],
  },
  { method: 'GET', path: '/api/admin/settings' },
  {
    method: 'PUT',
    path: '/api/admin/settings',
    body: {
      mailFrom: 'x@evil.example',
      mailReplyTo: null,
      notificationDefaults: { alertDepartment: false, signature: '' },
    },
  },
  { method: 'GET', path: '/api/admin/settings/payments' },
  {
    method: 'PUT',
    path: '/api/admin/settings/payments',
    body: {
      provider: 'stripe',
      stripe: { secretKey: 'sk_test_evil_000000', webhookSecret: 'whsec_evil_0000' },
    },
  },
];
const changing = routes.filter((route) => route.method !== 'GET');

interface World {
  slug: string;
  email: string;
  secret: string;
  admin: string;
  department: string;
  /** An invited (not yet accepted) staff member. */
  invited: string;
  member: { id: string; cookie: string };
}

let h: Harness;
let a: World;
let b: World;

/** A route's path and body with the placeholders filled in from a world's ids. */
function fill(route: (typeof routes)[number], ids: { dep: string; stf: string }) {
  const replace = (text: string) => text.replaceAll(':dep', ids.dep).replaceAll(':stf', ids.stf);
  return {
    path: replace(route.path),
    body: route.body === undefined ? undefined : JSON.parse(replace(JSON.stringify(route.body))),
  };
}

async function world(slug: string, code: string): Promise<World> {
  const { cookie: admin, email, secret } = await h.tenantWithAdmin(slug, code);
  const created = await send<{ department: DepartmentView }>(h, 'POST', '/api/admin/departments', {
    cookie: admin,
    body: { name: '税務課' },
  });
  const invited = await inviteThroughApi(h, admin, { email: `invited@${slug}.example.lg.jp` });
  const member = await signedInMember(h, slug, admin, { email: `member@${slug}.example.lg.jp` });
  return {
    slug,
    email,
    secret,
    admin,
    department: created.body.department.id,
    invited: invited.staff.id,
    member: { id: member.staff.id, cookie: member.cookie },
  };
}

/** What an admin of a tenant sees of it: used to prove that nothing changed. */
async function snapshot(w: World) {
  const read = async (path: string) => (await send(h, 'GET', path, { cookie: w.admin })).body;
  return {
    departments: await read('/api/admin/departments'),
    staff: await read('/api/admin/staff'),
    settings: await read('/api/admin/settings'),
    payments: await read('/api/admin/settings/payments'),
  };
}

beforeAll(async () => {
  h = await createHarness();
  a = await world('midori', '131041');
  b = await world('aoba', '130001');
});
afterAll(() => h.close());

const label = (route: (typeof routes)[number]) => `${route.method} ${route.path}`;

describe('without a valid session', () => {
  test.each(routes.map((route) => [label(route), route] as const))(
    '%s answers 401 without a cookie',
    async (_, route) => {
      const { path, body } = fill(route, { dep: a.department, stf: a.invited });
      const answer = await send<ErrorAnswer>(h, route.method, path, { body });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthenticated');
    },
  );

  test.each(routes.map((route) => [label(route), route] as const))(
    '%s answers 401 to forged and tampered cookies',
    async (_, route) => {
      const { path, body } = fill(route, { dep: a.department, stf: a.invited });
      const value = a.admin.slice(a.admin.indexOf('=') + 1);
      const last = value.at(-1) === 'a' ? 'b' : 'a';
      const forged = [
        'madoguchi_staff=nonsense',
        `madoguchi_staff=${value.slice(0, -1)}${last}`,
        `madoguchi_staff=${value.replace('midori~', 'aoba~')}`,
        `madoguchi_staff=midori~${'a'.repeat(24)}.${'b'.repeat(24)}`,
      ];
      for (const cookie of forged) {
        const answer = await send<ErrorAnswer>(h, route.method, path, { cookie, body });
        expect(answer.status).toBe(401);
      }
    },
  );
});

describe('as a staff member who is not a tenant admin', () => {
  test.each(routes.map((route) => [label(route), route] as const))(
    '%s answers 403',
    async (_, route) => {
      const { path, body } = fill(route, { dep: a.department, stf: a.invited });
      const answer = await send<ErrorAnswer>(h, route.method, path, {
        cookie: a.member.cookie,
        body,
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    },
  );

  test('cannot make themselves an admin or give themselves grants', async () => {
    const before = await snapshot(a);
    for (const route of changing) {
      const { path, body } = fill(route, { dep: a.department, stf: a.member.id });
      expect((await send(h, route.method, path, { cookie: a.member.cookie, body })).status).toBe(
        403,
      );
    }
    expect(await snapshot(a)).toEqual(before);
  });
});

describe('cross-site requests', () => {
  test.each(changing.map((route) => [label(route), route] as const))(
    '%s refuses a foreign Origin (403), a cross-site fetch (403) and a form body (415)',
    async (_, route) => {
      const before = await snapshot(a);
      const { path, body } = fill(route, { dep: a.department, stf: a.invited });
      const send403 = async (headers: Record<string, string>) => {
        const answer = await send<ErrorAnswer>(h, route.method, path, {
          cookie: a.admin,
          body,
          headers,
        });
        expect(answer.status).toBe(403);
        expect(answer.body.error.code).toBe('csrf_rejected');
      };
      await send403({ origin: 'https://evil.example' });
      await send403({ 'sec-fetch-site': 'cross-site' });
      const form = await send<ErrorAnswer>(h, route.method, path, {
        cookie: a.admin,
        body: body ?? {},
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
      expect(await snapshot(a)).toEqual(before);
    },
  );
});

describe("another tenant's ids", () => {
  // Tenant A's admin names tenant B's records: each is unknown in A's database.
  const targets = routes.filter((route) => route.path.includes(':'));

  test.each(targets.map((route) => [label(route), route] as const))(
    "%s with tenant B's ids answers 404 and leaves B unchanged",
    async (_, route) => {
      const before = await snapshot(b);
      for (const stf of [b.invited, b.member.id]) {
        const { path, body } = fill(route, { dep: b.department, stf });
        const answer = await send<ErrorAnswer>(h, route.method, path, { cookie: a.admin, body });
        expect(answer.status).toBe(404);
        expect(answer.body.error.code).toBe('not_found');
      }
      expect(await snapshot(b)).toEqual(before);
      expect((await send(h, 'GET', '/api/auth/session', { cookie: b.member.cookie })).status).toBe(
        200,
      );
    },
  );

  test("granting tenant B's department to tenant A's staff answers 404 and writes nothing", async () => {
    const before = await snapshot(a);
    const answer = await send<ErrorAnswer>(h, 'PUT', `/api/admin/staff/${a.member.id}/grants`, {
      cookie: a.admin,
      body: [
        { departmentId: b.department, role: 'designer', canExport: true, canSeeMyNumber: true },
      ],
    });
    expect(answer.status).toBe(404);
    expect(await snapshot(a)).toEqual(before);
  });

  test("tenant A's lists hold none of tenant B's records", async () => {
    const text = JSON.stringify(await snapshot(a));
    for (const id of [b.department, b.invited, b.member.id]) expect(text).not.toContain(id);
    expect(text).not.toContain('aoba');
  });

  test('the same email address may be a staff member in two tenants', async () => {
    const answer = await send<{ staff: StaffView }>(h, 'POST', '/api/admin/staff', {
      cookie: a.admin,
      body: { email: 'member@aoba.example.lg.jp', name: '兼務 職員' },
    });
    expect(answer.status).toBe(201);
  });
});

describe('an expired session', () => {
  const idleMs = () => h.config.SESSION_IDLE_MINUTES * 60_000;
  // A TOTP code works once, so every fresh sign-in waits for the next time step.
  const freshAdminCookie = () => {
    h.advance(30_000);
    return h.signInCookie(a.slug, a.email, goodPassword, a.secret);
  };

  test('is still valid a minute before the idle limit', async () => {
    const cookie = await freshAdminCookie();
    h.advance(idleMs() - 60_000);
    expect((await send(h, 'GET', '/api/admin/settings', { cookie })).status).toBe(200);
  });

  test.each(routes.map((route) => [label(route), route] as const))(
    '%s answers 401 once the session has been idle too long',
    async (_, route) => {
      const cookie = await freshAdminCookie();
      h.advance(idleMs());
      const { path, body } = fill(route, { dep: a.department, stf: a.invited });
      const answer = await send<ErrorAnswer>(h, route.method, path, { cookie, body });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthenticated');
    },
  );
});
