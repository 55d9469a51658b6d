import type { FormDefinitionInput } from '@madoguchi/shared';
import { zeroWasteDay } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ErrorAnswer, type Harness, send } from '../admin/test-support';
import { createHarness } from '../testing/harness';
import {
  createDepartment,
  createForm,
  type FormsWorld,
  formsWorld,
  grantRole,
  readForm,
} from './test-support';
import type { FormView } from './views';

let h: Harness;
let w: FormsWorld;

beforeAll(async () => {
  h = await createHarness();
  w = await formsWorld(h, 'midori', '131041');
}, 60_000);
afterAll(() => h.close());

const withTitle = (ja: string): FormDefinitionInput => ({
  ...structuredClone(zeroWasteDay),
  title: { ja },
});

describe('POST /api/forms/:id/duplicate', () => {
  const duplicate = (cookie: string, id: string, body: unknown = {}) =>
    send<{ form: FormView } & ErrorAnswer>(h, 'POST', `/api/forms/${id}/duplicate`, {
      cookie,
      body,
    });

  test('copies the draft as a new draft titled as a copy', async () => {
    const source = await createForm(h, w.designer.cookie, w.department, withTitle('元の申請'));
    const answer = await duplicate(w.designer.cookie, source.id);
    expect(answer.status).toBe(201);
    expect(answer.body.form).toMatchObject({
      title: '（コピー）元の申請',
      departmentId: w.department,
      status: 'draft',
      versions: [],
      draft: { ...withTitle('（コピー）元の申請') },
    });
    expect(answer.body.form.id).not.toBe(source.id);
    expect((await readForm(h, w.designer.cookie, source.id)).body.form.title).toBe('元の申請');
  });

  test('copies into another department where the person also designs', async () => {
    const twoRoles = await createDepartment(h, w.admin, '兼務課');
    const source = await createForm(h, w.designer.cookie, w.department);
    await send(h, 'PUT', `/api/admin/staff/${w.designer.id}/grants`, {
      cookie: w.admin,
      body: [w.department, twoRoles].map((departmentId) => ({
        departmentId,
        role: 'designer',
        canExport: false,
        canSeeMyNumber: false,
      })),
    });
    const answer = await duplicate(w.designer.cookie, source.id, { departmentId: twoRoles });
    await grantRole(h, w.admin, w.designer.id, w.department, 'designer');
    expect(answer.status).toBe(201);
    expect(answer.body.form.departmentId).toBe(twoRoles);
  });

  test('refuses a department without the design role (403) and an unknown property (400)', async () => {
    const source = await createForm(h, w.designer.cookie, w.department);
    const elsewhere = await duplicate(w.designer.cookie, source.id, {
      departmentId: w.otherDepartment,
    });
    expect(elsewhere.status).toBe(403);
    const extra = await duplicate(w.designer.cookie, source.id, { title: 'x' });
    expect(extra.status).toBe(400);
  });

  test('answers 404 for unknown ids and other departments, 403 to a viewer', async () => {
    const source = await createForm(h, w.designer.cookie, w.department);
    expect((await duplicate(w.designer.cookie, 'frm_0000000000000000')).status).toBe(404);
    expect((await duplicate(w.otherDesigner.cookie, source.id)).status).toBe(404);
    expect((await duplicate(w.viewer.cookie, source.id)).status).toBe(403);
  });
});

describe('GET /api/forms/:id/export', () => {
  test('downloads the draft as a JSON file named after the form', async () => {
    const form = await createForm(h, w.designer.cookie, w.department, withTitle('書出し (試験)'));
    const response = await h.request('GET', `/api/forms/${form.id}/export`, {
      cookie: w.viewer.cookie,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${form.id}.json"; filename*=UTF-8''${encodeURIComponent('書出し ')}%28${encodeURIComponent('試験')}%29.json`,
    );
    expect(await response.json()).toEqual(withTitle('書出し (試験)'));
  });

  test('answers 404 for an unknown id or another department, 401 without a session', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    const status = async (cookie: string | undefined, id: string) =>
      (await h.request('GET', `/api/forms/${id}/export`, cookie ? { cookie } : {})).status;
    expect(await status(w.designer.cookie, 'frm_0000000000000000')).toBe(404);
    expect(await status(w.otherDesigner.cookie, form.id)).toBe(404);
    expect(await status(undefined, form.id)).toBe(401);
  });
});

describe('POST /api/forms/import', () => {
  const importing = (cookie: string, body: unknown) =>
    send<{ form: FormView } & ErrorAnswer>(h, 'POST', '/api/forms/import', { cookie, body });

  test('imports a definition in the right shape as a new draft, even one with problems', async () => {
    const file = withTitle('');
    const answer = await importing(w.designer.cookie, {
      departmentId: w.department,
      definition: file,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.form).toMatchObject({ title: '無題のフォーム', draft: file });
    expect(answer.body.form.problems.map((p) => p.path)).toEqual(['title.ja']);
  });

  test('refuses a file that is not a form definition with 400 and the paths at fault', async () => {
    const answer = await importing(w.designer.cookie, {
      departmentId: w.department,
      definition: { ...withTitle('形が違う'), pages: [{ id: 'p', fields: [] }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details?.map((d) => d.path)).toContain('pages[0].title');
    const missing = await importing(w.designer.cookie, { departmentId: w.department });
    expect(missing.status).toBe(400);
  });

  test('answers 403 to a reviewer and to another department', async () => {
    const body = { departmentId: w.department, definition: withTitle('取込') };
    expect((await importing(w.reviewer.cookie, body)).status).toBe(403);
    expect((await importing(w.otherDesigner.cookie, body)).status).toBe(403);
  });
});
