import { zeroWasteDay } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ErrorAnswer, type Harness, send } from '../admin/test-support';
import { templateCatalog } from '../db/control-schema';
import { createHarness } from '../testing/harness';
import type { TemplateSummary } from './catalog';
import type { VersionView } from './publishing';
import {
  createForm,
  type FormsWorld,
  formsWorld,
  memberWithRole,
  publishForm,
} from './test-support';
import type { FormView } from './views';

let h: Harness;
let w: FormsWorld;
/** A designer of another municipality, which shares the same catalog. */
let aoba: FormsWorld;

beforeAll(async () => {
  h = await createHarness();
  w = await formsWorld(h, 'midori', '131041');
  aoba = await formsWorld(h, 'aoba', '141003');
}, 60_000);
afterAll(() => h.close());

type TemplateAnswer = { template: TemplateSummary } & ErrorAnswer;
const share = (cookie: string, id: string) =>
  send<TemplateAnswer>(h, 'POST', `/api/forms/${id}/share`, { cookie });
const catalog = (cookie?: string) =>
  send<{ templates: TemplateSummary[] } & ErrorAnswer>(
    h,
    'GET',
    '/api/forms/catalog',
    cookie ? { cookie } : {},
  );
const importTemplate = (cookie: string, templateId: string, body: unknown) =>
  send<{ form: FormView } & ErrorAnswer>(h, 'POST', `/api/forms/catalog/${templateId}/import`, {
    cookie,
    body,
  });

/** A form of the designer's department, published as version 1 with the draft edited after. */
async function publishedThenEdited(): Promise<FormView> {
  const form = await createForm(h, w.designer.cookie, w.department, zeroWasteDay);
  const published = (await publishForm(h, w.designer.cookie, form.id)).body.form;
  await send(h, 'PUT', `/api/forms/${form.id}/draft`, {
    cookie: w.designer.cookie,
    body: {
      definition: { ...zeroWasteDay, title: { ja: '未公開の下書き' } },
      updatedAt: form.updatedAt,
    },
  });
  return published;
}

const templateCount = async () => (await h.registry.control.select().from(templateCatalog)).length;

describe('POST /api/forms/:id/share', () => {
  test('shares the published version, not the draft, credited to the municipality', async () => {
    const form = await publishedThenEdited();
    const answer = await share(w.designer.cookie, form.id);
    expect(answer.status).toBe(201);
    expect(answer.body.template).toEqual({
      id: expect.stringMatching(/^tpl_[0-9a-z]{25}$/),
      title: '春のごみゼロデー 参加申込',
      category: 'event',
      sharedBy: 'midori区',
      sharedAt: h.now(),
    });
    const [row] = await h.registry.control
      .select()
      .from(templateCatalog)
      .where(eq(templateCatalog.id, answer.body.template.id));
    const version = await send<{ version: VersionView }>(
      h,
      'GET',
      `/api/forms/${form.id}/versions/1`,
      { cookie: w.designer.cookie },
    );
    expect(row?.definition).toEqual(version.body.version.definition);
    // Definitions only: nothing that names this municipality's records travels with it.
    const text = JSON.stringify(row);
    for (const id of [form.id, w.department, w.designer.id]) expect(text).not.toContain(id);
  });

  test('refuses a form that was never published with 409', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    const answer = await share(w.designer.cookie, form.id);
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe('公開したフォームだけをテンプレートとして共有できます');
  });

  test('answers 404 for unknown ids and other departments, 403 to a reviewer or viewer', async () => {
    const form = await publishedThenEdited();
    const before = await templateCount();
    expect((await share(w.designer.cookie, 'frm_0000000000000000')).status).toBe(404);
    expect((await share(w.otherDesigner.cookie, form.id)).status).toBe(404);
    expect((await share(aoba.designer.cookie, form.id)).status).toBe(404);
    expect((await share(w.reviewer.cookie, form.id)).status).toBe(403);
    expect((await share(w.viewer.cookie, form.id)).status).toBe(403);
    expect(await templateCount()).toBe(before);
  });
});

describe('GET /api/forms/catalog', () => {
  test("lists every municipality's templates, newest first, without definitions", async () => {
    const form = await publishedThenEdited();
    h.advance(1000);
    const shared = (await share(w.designer.cookie, form.id)).body.template;
    for (const cookie of [w.designer.cookie, aoba.designer.cookie]) {
      const answer = await catalog(cookie);
      expect(answer.status).toBe(200);
      expect(answer.body.templates[0]).toEqual(shared);
      expect(Object.keys(answer.body.templates[0] ?? {})).not.toContain('definition');
    }
  });

  test('answers 403 to people who cannot create forms anywhere, 401 without a session', async () => {
    for (const cookie of [w.reviewer.cookie, w.viewer.cookie, w.admin]) {
      const answer = await catalog(cookie);
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    expect((await catalog()).status).toBe(401);
  });
});

describe('POST /api/forms/catalog/:templateId/import', () => {
  test("starts a draft from another municipality's template", async () => {
    const form = await publishedThenEdited();
    const shared = (await share(w.designer.cookie, form.id)).body.template;
    const answer = await importTemplate(aoba.designer.cookie, shared.id, {
      departmentId: aoba.department,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.form).toMatchObject({
      departmentId: aoba.department,
      title: '春のごみゼロデー 参加申込',
      status: 'draft',
      createdBy: aoba.designer.id,
      problems: [],
      versions: [],
    });
  });

  test('answers 404 for an unknown template and 400 for a bad body', async () => {
    const unknown = await importTemplate(w.designer.cookie, 'tpl_0000000000000000', {
      departmentId: w.department,
    });
    expect(unknown.status).toBe(404);
    const bad = await importTemplate(w.designer.cookie, 'tpl_0000000000000000', {
      departmentId: w.department,
      title: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.map((d) => d.path)).toEqual(['title']);
  });

  test('answers 403 without the design role in the department, or for a form-limited account', async () => {
    const form = await publishedThenEdited();
    const shared = (await share(w.designer.cookie, form.id)).body.template;
    const limited = await memberWithRole(h, w, 'limited-catalog', w.department, 'designer');
    await send(h, 'PATCH', `/api/admin/staff/${limited.id}`, {
      cookie: w.admin,
      body: { formIds: [form.id] },
    });
    for (const [cookie, departmentId] of [
      [w.reviewer.cookie, w.department],
      [w.otherDesigner.cookie, w.department],
      [aoba.designer.cookie, w.department],
      [limited.cookie, w.department],
    ] as const) {
      const answer = await importTemplate(cookie, shared.id, { departmentId });
      expect(answer.status).toBe(403);
    }
  });
});
