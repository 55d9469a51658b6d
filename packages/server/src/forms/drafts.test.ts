import { type FormDefinitionInput, parseDefinition } from '@madoguchi/shared';
import { zeroWasteDay } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ErrorAnswer, type Harness, send } from '../admin/test-support';
import { createHarness } from '../testing/harness';
import { startingDefinition } from './drafts';
import {
  createDepartment,
  createForm,
  type FormsWorld,
  formsWorld,
  grantRole,
  readForm,
} from './test-support';
import type { FormSummary, FormView } from './views';

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
const list = (cookie: string) => send<{ forms: FormSummary[] }>(h, 'GET', '/api/forms', { cookie });
const save = (cookie: string, id: string, body: unknown) =>
  send<{ form: FormView } & ErrorAnswer>(h, 'PUT', `/api/forms/${id}/draft`, { cookie, body });

describe('GET /api/forms', () => {
  test('lists the forms of the departments a person works in, newest edit first', async () => {
    const older = await createForm(h, w.designer.cookie, w.department, withTitle('一覧の古い方'));
    h.advance(1000);
    const newer = await createForm(h, w.designer.cookie, w.department, withTitle('一覧の新しい方'));
    const elsewhere = await createForm(h, w.otherDesigner.cookie, w.otherDepartment);

    for (const member of [w.designer, w.reviewer, w.viewer]) {
      const answer = await list(member.cookie);
      expect(answer.status).toBe(200);
      const ids = answer.body.forms.map((form) => form.id);
      expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
      expect(ids).not.toContain(elsewhere.id);
    }
    const entry = (await list(w.viewer.cookie)).body.forms.find((form) => form.id === older.id);
    expect(entry).toEqual({
      id: older.id,
      departmentId: w.department,
      title: '一覧の古い方',
      status: 'draft',
      publishedVersion: null,
      updatedAt: older.updatedAt,
      access: 'public',
    });
  });

  test('shows a tenant admin without a department role nothing', async () => {
    await createForm(h, w.designer.cookie, w.department);
    const answer = await list(w.admin);
    expect(answer.status).toBe(200);
    expect(answer.body.forms).toEqual([]);
  });

  test('answers 401 without a session', async () => {
    expect((await send(h, 'GET', '/api/forms')).status).toBe(401);
  });
});

describe('POST /api/forms', () => {
  test('starts from a minimal definition that can be published', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    expect(form).toMatchObject({
      id: expect.stringMatching(/^frm_[0-9a-z]{25}$/),
      departmentId: w.department,
      title: '新しいフォーム',
      status: 'draft',
      publishedVersion: null,
      publicUrl: null,
      createdBy: w.designer.id,
      createdAt: h.now(),
      updatedAt: h.now(),
      draft: startingDefinition,
      versions: [],
      problems: [],
      councilReview: { required: false, reasons: [] },
    });
    expect(form.personalDataInventory?.map((item) => item.category)).toEqual(['name']);
    expect(parseDefinition(startingDefinition).ok).toBe(true);
    const line = h.logger.lines.find((l) => l.event === 'form_change' && l.target === form.id);
    expect(line).toMatchObject({ action: 'form.create', tenant: 'midori', staff: w.designer.id });
  });

  test('stores an incomplete definition as it is, with its problems', async () => {
    const incomplete = { schemaVersion: 1, title: { ja: '  書きかけの申請  ' }, pages: [] };
    const form = await createForm(h, w.designer.cookie, w.department, incomplete);
    expect(form.title).toBe('書きかけの申請');
    expect(form.draft).toEqual(incomplete);
    expect(form.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['purposeOfUse', 'category', 'pages']),
    );
    expect(form.councilReview).toBeNull();
    expect(form.personalDataInventory).toBeNull();
  });

  test.each([
    ['a missing department', {}, 'departmentId'],
    ['an unknown property', { departmentId: 'dep_x', status: 'published' }, 'status'],
    ['a definition that is a list', { departmentId: 'dep_x', definition: [] }, 'definition'],
    ['a definition that is text', { departmentId: 'dep_x', definition: '{}' }, 'definition'],
  ])('refuses %s with 400 naming the field', async (_, body, path) => {
    const answer = await send<ErrorAnswer>(h, 'POST', '/api/forms', {
      cookie: w.designer.cookie,
      body,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.details?.map((d) => d.path)).toContain(path);
  });

  test('refuses a definition nested too deeply or over 1 MB with 400', async () => {
    // Written out by hand: serialising this much nesting would overflow the test's own stack.
    const depth = 100_000;
    const deep = `{"departmentId":"${w.department}","definition":${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}}`;
    const big = JSON.stringify({
      departmentId: w.department,
      definition: { title: { ja: 'あ'.repeat(340_000) } },
    });
    for (const body of [deep, big]) {
      const response = await h.app.request('/api/forms', {
        method: 'POST',
        headers: { cookie: w.designer.cookie, 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      const answer = (await response.json()) as ErrorAnswer;
      expect(answer.error.details?.map((d) => d.path)).toEqual(['definition']);
    }
  });

  test('refuses a body over the size limit with 413', async () => {
    const answer = await send<ErrorAnswer>(h, 'POST', '/api/forms', {
      cookie: w.designer.cookie,
      body: { departmentId: w.department, definition: { text: 'x'.repeat(1_100_000) } },
    });
    expect(answer.status).toBe(413);
  });

  test('refuses an archived department with 409', async () => {
    const closing = await createDepartment(h, w.admin, '廃止予定課');
    await grantRole(h, w.admin, w.designer.id, closing, 'designer');
    await send(h, 'POST', `/api/admin/departments/${closing}/archive`, { cookie: w.admin });
    const answer = await send<ErrorAnswer>(h, 'POST', '/api/forms', {
      cookie: w.designer.cookie,
      body: { departmentId: closing },
    });
    await grantRole(h, w.admin, w.designer.id, w.department, 'designer');
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe('アーカイブされた課にはフォームを作成できません');
  });

  test('answers 403 to a reviewer, a viewer, an admin without a role and another department', async () => {
    for (const cookie of [w.reviewer.cookie, w.viewer.cookie, w.admin, w.otherDesigner.cookie]) {
      const answer = await send<ErrorAnswer>(h, 'POST', '/api/forms', {
        cookie,
        body: { departmentId: w.department },
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
  });
});

describe('GET /api/forms/:id', () => {
  test('shows the draft, its checks, the council review and the personal data it collects', async () => {
    const created = await createForm(h, w.designer.cookie, w.department, withTitle('詳細の確認'));
    const answer = await readForm(h, w.viewer.cookie, created.id);
    expect(answer.status).toBe(200);
    expect(answer.body.form).toEqual(created);
    expect(answer.body.form.personalDataInventory).toEqual([
      {
        category: 'name',
        fields: [{ id: 'participant_name', label: { ja: '氏名', en: 'Name' } }],
      },
      {
        category: 'contact',
        fields: [
          { id: 'phone', label: expect.any(Object) },
          { id: 'email', label: expect.any(Object) },
        ],
      },
    ]);
  });

  test('gives the problems in English when asked', async () => {
    const form = await createForm(h, w.designer.cookie, w.department, { schemaVersion: 1 });
    const answer = await send<{ form: FormView }>(h, 'GET', `/api/forms/${form.id}`, {
      cookie: w.designer.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(answer.body.form.problems[0]?.message).toMatch(/^Not in the right format/);
  });

  test('answers 404 for an unknown id and for a form of another department', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    for (const [cookie, id] of [
      [w.designer.cookie, 'frm_0000000000000000'],
      [w.otherDesigner.cookie, form.id],
      [w.admin, form.id],
    ] as const) {
      const answer = await readForm(h, cookie, id);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
  });
});

describe('PUT /api/forms/:id/draft', () => {
  test('saves the draft and moves its stamp on, even within the same millisecond', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    const first = await save(w.designer.cookie, form.id, {
      definition: withTitle('保存した題名'),
      updatedAt: form.updatedAt,
    });
    expect(first.status).toBe(200);
    expect(first.body.form).toMatchObject({ title: '保存した題名', problems: [] });
    expect(first.body.form.updatedAt).toBeGreaterThan(form.updatedAt);
    const second = await save(w.designer.cookie, form.id, {
      definition: withTitle('もう一度保存'),
      updatedAt: first.body.form.updatedAt,
    });
    expect(second.body.form.updatedAt).toBeGreaterThan(first.body.form.updatedAt);
    expect((await readForm(h, w.viewer.cookie, form.id)).body.form.draft).toEqual(
      withTitle('もう一度保存'),
    );
  });

  test('refuses a save based on a stale copy with 409 and keeps the other save', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    const mine = await save(w.designer.cookie, form.id, {
      definition: withTitle('先に保存した方'),
      updatedAt: form.updatedAt,
    });
    expect(mine.status).toBe(200);
    const theirs = await save(w.designer.cookie, form.id, {
      definition: withTitle('後から古い版で保存'),
      updatedAt: form.updatedAt,
    });
    expect(theirs.status).toBe(409);
    expect(theirs.body.error.message).toBe(
      'このフォームは、読み込んだ後に他の人が保存しました。最新の内容を読み込み直してから、もう一度保存してください',
    );
    expect((await readForm(h, w.designer.cookie, form.id)).body.form.title).toBe('先に保存した方');
  });

  test.each([
    ['a missing updatedAt', { definition: {} }, 'updatedAt'],
    ['a missing definition', { updatedAt: 1 }, 'definition'],
    ['an unknown property', { definition: {}, updatedAt: 1, title: 'x' }, 'title'],
  ])('refuses %s with 400', async (_, body, path) => {
    const form = await createForm(h, w.designer.cookie, w.department);
    const answer = await save(w.designer.cookie, form.id, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details?.map((d) => d.path)).toContain(path);
  });

  test('answers 404 for an unknown id or another department, 403 to a reviewer or viewer', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    const body = { definition: withTitle('書き換え'), updatedAt: form.updatedAt };
    expect((await save(w.designer.cookie, 'frm_0000000000000000', body)).status).toBe(404);
    expect((await save(w.otherDesigner.cookie, form.id, body)).status).toBe(404);
    expect((await save(w.reviewer.cookie, form.id, body)).status).toBe(403);
    expect((await save(w.viewer.cookie, form.id, body)).status).toBe(403);
    expect((await readForm(h, w.designer.cookie, form.id)).body.form).toEqual(form);
  });
});

describe('POST /api/forms/:id/validate', () => {
  const check = (cookie: string, id: string, body?: unknown) =>
    send<{ ok: boolean; problems: { path: string }[] } & ErrorAnswer>(
      h,
      'POST',
      `/api/forms/${id}/validate`,
      { cookie, ...(body === undefined ? {} : { body }) },
    );

  test('checks the saved draft, or a definition sent with the request, answering 200 either way', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    expect((await check(w.designer.cookie, form.id)).body).toEqual({ ok: true, problems: [] });
    const broken = withTitle('');
    const answer = await check(w.designer.cookie, form.id, { definition: broken });
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.problems.map((p) => p.path)).toEqual(['title.ja']);
  });

  test('refuses a definition that is not an object with 400', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    const answer = await check(w.designer.cookie, form.id, { definition: 42 });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details?.map((d) => d.path)).toEqual(['definition']);
  });

  test('answers 403 to a viewer and 404 to another department', async () => {
    const form = await createForm(h, w.designer.cookie, w.department);
    expect((await check(w.viewer.cookie, form.id)).status).toBe(403);
    expect((await check(w.otherDesigner.cookie, form.id)).status).toBe(404);
  });
});
