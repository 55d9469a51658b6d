import { zeroWasteDay } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ErrorAnswer, type Harness, send } from '../admin/test-support';
import { templateCatalog } from '../db/control-schema';
import { forms, formVersions } from '../db/tenant-schema';
import { createHarness } from '../testing/harness';
import type { TemplateSummary } from './catalog';
import {
  createForm,
  type FormsWorld,
  formsWorld,
  type Member,
  memberWithRole,
  publishForm,
} from './test-support';
import type { FormSummary, FormView } from './views';

/** The ids a route is aimed at. */
interface Target {
  form: FormView;
  department: string;
  template: string;
}

interface Route {
  method: string;
  path: string;
  body?: (target: Target) => unknown;
}

const aim = (path: string, target: Target) =>
  path
    .replace(':frm', target.form.id)
    .replace(':dep', target.department)
    .replace(':tpl', target.template);

// Every route that names a form, with a body that would pass validation.
const readRoutes: Route[] = [
  { method: 'GET', path: '/api/forms/:frm' },
  { method: 'GET', path: '/api/forms/:frm/export' },
  { method: 'GET', path: '/api/forms/:frm/versions' },
  { method: 'GET', path: '/api/forms/:frm/versions/1' },
];
const designRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/api/forms/:frm/draft',
    body: (target) => ({
      definition: { ...zeroWasteDay, title: { ja: '乗っ取り' } },
      updatedAt: target.form.updatedAt,
    }),
  },
  { method: 'POST', path: '/api/forms/:frm/validate' },
  { method: 'POST', path: '/api/forms/:frm/publish' },
  { method: 'POST', path: '/api/forms/:frm/close' },
  { method: 'POST', path: '/api/forms/:frm/reopen' },
  { method: 'POST', path: '/api/forms/:frm/duplicate', body: () => ({}) },
  { method: 'POST', path: '/api/forms/:frm/share' },
];
const formRoutes = [...readRoutes, ...designRoutes];
// Routes that make a new form in the department named in the body.
const createRoutes: Route[] = [
  { method: 'POST', path: '/api/forms', body: (target) => ({ departmentId: target.department }) },
  {
    method: 'POST',
    path: '/api/forms/import',
    body: (target) => ({ departmentId: target.department, definition: zeroWasteDay }),
  },
  {
    method: 'POST',
    path: '/api/forms/catalog/:tpl/import',
    body: (target) => ({ departmentId: target.department }),
  },
];
const allRoutes: Route[] = [
  { method: 'GET', path: '/api/forms' },
  { method: 'GET', path: '/api/forms/catalog' },
  ...formRoutes,
  ...createRoutes,
];
const label = (route: Route) => `${route.method} ${route.path}`;

let h: Harness;
let w: FormsWorld;
let aoba: FormsWorld;
/** A published form of the designer's department, shared in the catalog. */
let mine: Target;
/** A published form of the other tenant. */
let theirs: Target;

async function publishedTarget(world: FormsWorld, title: string): Promise<Target> {
  const created = await createForm(h, world.designer.cookie, world.department, {
    ...zeroWasteDay,
    title: { ja: title },
  });
  const form = (await publishForm(h, world.designer.cookie, created.id)).body.form;
  const template = await send<{ template: TemplateSummary }>(
    h,
    'POST',
    `/api/forms/${form.id}/share`,
    { cookie: world.designer.cookie },
  );
  return { form, department: world.department, template: template.body.template.id };
}

/** Sends a route's request aimed at a target as someone. */
function call(route: Route, target: Target, cookie?: string) {
  return h.request(route.method, aim(route.path, target), {
    ...(cookie ? { cookie } : {}),
    ...(route.body ? { body: route.body(target) } : {}),
  });
}

/** Everything a tenant holds of forms, read from its database: probes prove it did not change. */
async function snapshot(slug: string): Promise<string> {
  const db = await h.registry.database(slug);
  const catalog = await h.registry.control.select().from(templateCatalog);
  return JSON.stringify([
    await db.select().from(forms),
    await db.select().from(formVersions),
    catalog.length,
  ]);
}

beforeAll(async () => {
  h = await createHarness();
  w = await formsWorld(h, 'midori', '131041');
  aoba = await formsWorld(h, 'aoba', '141003');
  mine = await publishedTarget(w, 'みどり区の申請');
  theirs = await publishedTarget(aoba, '青葉区だけの申請');
}, 60_000);
afterAll(() => h.close());

describe('without a valid session', () => {
  test.each(allRoutes.map((route) => [label(route), route] as const))(
    '%s answers 401 without a cookie or with a forged one',
    async (_, route) => {
      const before = await snapshot('midori');
      for (const cookie of [
        undefined,
        `madoguchi_staff=midori~${'a'.repeat(24)}.${'b'.repeat(24)}`,
      ]) {
        const response = await call(route, mine, cookie);
        expect(response.status).toBe(401);
      }
      expect(await snapshot('midori')).toBe(before);
    },
  );
});

describe('reviewers and viewers of the department', () => {
  test.each(readRoutes.map((route) => [label(route), route] as const))(
    '%s is open to them (200)',
    async (_, route) => {
      for (const member of [w.reviewer, w.viewer]) {
        expect((await call(route, mine, member.cookie)).status).toBe(200);
      }
    },
  );

  test.each([...designRoutes, ...createRoutes].map((route) => [label(route), route] as const))(
    '%s answers 403 and changes nothing',
    async (_, route) => {
      const before = await snapshot('midori');
      for (const member of [w.reviewer, w.viewer]) {
        const response = await call(route, mine, member.cookie);
        expect(response.status).toBe(403);
        expect(((await response.json()) as ErrorAnswer).error.code).toBe('forbidden');
      }
      expect(await snapshot('midori')).toBe(before);
    },
  );
});

describe('a designer of another department and a tenant admin without a role', () => {
  test.each(formRoutes.map((route) => [label(route), route] as const))(
    '%s answers 404, as if the form did not exist',
    async (_, route) => {
      const before = await snapshot('midori');
      for (const cookie of [w.otherDesigner.cookie, w.admin]) {
        const response = await call(route, mine, cookie);
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain('みどり区の申請');
      }
      expect(await snapshot('midori')).toBe(before);
    },
  );

  test.each(createRoutes.map((route) => [label(route), route] as const))(
    '%s in the department answers 403',
    async (_, route) => {
      const before = await snapshot('midori');
      for (const cookie of [w.otherDesigner.cookie, w.admin]) {
        expect((await call(route, mine, cookie)).status).toBe(403);
      }
      expect(await snapshot('midori')).toBe(before);
    },
  );
});

describe('an account limited to named forms', () => {
  let limited: Member;
  let hidden: FormView;

  beforeAll(async () => {
    hidden = await createForm(h, w.designer.cookie, w.department);
    limited = await memberWithRole(h, w, 'contractor', w.department, 'designer');
    await send(h, 'PATCH', `/api/admin/staff/${limited.id}`, {
      cookie: w.admin,
      body: { formIds: [mine.form.id] },
    });
  }, 30_000);

  test('lists only its forms', async () => {
    const answer = await send<{ forms: FormSummary[] }>(h, 'GET', '/api/forms', {
      cookie: limited.cookie,
    });
    expect(answer.body.forms.map((form) => form.id)).toEqual([mine.form.id]);
  });

  test.each(readRoutes.map((route) => [label(route), route] as const))(
    '%s answers 200 for its form and 404 for another of the department',
    async (_, route) => {
      expect((await call(route, mine, limited.cookie)).status).toBe(200);
      expect((await call(route, { ...mine, form: hidden }, limited.cookie)).status).toBe(404);
    },
  );

  test.each(designRoutes.map((route) => [label(route), route] as const))(
    '%s answers 404 for a form outside its list',
    async (_, route) => {
      const before = await snapshot('midori');
      expect((await call(route, { ...mine, form: hidden }, limited.cookie)).status).toBe(404);
      expect(await snapshot('midori')).toBe(before);
    },
  );

  test.each(createRoutes.map((route) => [label(route), route] as const))(
    '%s answers 403: a limited account cannot widen its own reach',
    async (_, route) => {
      expect((await call(route, mine, limited.cookie)).status).toBe(403);
    },
  );
});

describe("another tenant's ids", () => {
  test.each(formRoutes.map((route) => [label(route), route] as const))(
    "%s with tenant B's form answers 404 to A's designer and leaves B unchanged",
    async (_, route) => {
      const before = await snapshot('aoba');
      const response = await call(route, theirs, w.designer.cookie);
      expect(response.status).toBe(404);
      const text = await response.text();
      for (const marker of [theirs.form.id, aoba.department, '青葉区だけの申請']) {
        expect(text).not.toContain(marker);
      }
      expect(await snapshot('aoba')).toBe(before);
    },
  );

  test.each(createRoutes.map((route) => [label(route), route] as const))(
    "%s in tenant B's department answers 403 to A's designer",
    async (_, route) => {
      const before = await snapshot('aoba');
      expect((await call(route, theirs, w.designer.cookie)).status).toBe(403);
      expect(await snapshot('aoba')).toBe(before);
    },
  );

  test("tenant A's list holds none of tenant B's forms", async () => {
    const text = JSON.stringify(
      (await send(h, 'GET', '/api/forms', { cookie: w.designer.cookie })).body,
    );
    expect(text).toContain(mine.form.id);
    expect(text).not.toContain(theirs.form.id);
  });
});
