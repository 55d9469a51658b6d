import { type FormDefinitionInput, parseDefinition } from '@madoguchi/shared';
import { exampleDefinitions, zeroWasteDay } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ErrorAnswer, type Harness, send } from '../admin/test-support';
import { createHarness } from '../testing/harness';
import type { VersionView } from './publishing';
import {
  createForm,
  type FormAnswer,
  type FormsWorld,
  formsWorld,
  publishForm,
  readForm,
} from './test-support';
import type { FormView, VersionSummary } from './views';

let h: Harness;
let w: FormsWorld;

beforeAll(async () => {
  h = await createHarness();
  w = await formsWorld(h, 'midori', '131041');
}, 60_000);
afterAll(() => h.close());

const example = (): FormDefinitionInput => structuredClone(zeroWasteDay);
const save = (id: string, definition: unknown, updatedAt: number) =>
  send<{ form: FormView }>(h, 'PUT', `/api/forms/${id}/draft`, {
    cookie: w.designer.cookie,
    body: { definition, updatedAt },
  });
const post = (cookie: string, id: string, action: 'close' | 'reopen'): Promise<FormAnswer> =>
  send(h, 'POST', `/api/forms/${id}/${action}`, { cookie });
const version = (cookie: string, id: string, number: number | string) =>
  send<{ version: VersionView } & ErrorAnswer>(h, 'GET', `/api/forms/${id}/versions/${number}`, {
    cookie,
  });

/** A published form of the designer's department. */
async function published(definition: FormDefinitionInput = example()): Promise<FormView> {
  const form = await createForm(h, w.designer.cookie, w.department, definition);
  const answer = await publishForm(h, w.designer.cookie, form.id);
  expect(answer.status).toBe(200);
  return answer.body.form;
}

describe('POST /api/forms/:id/publish', () => {
  test.each(Object.entries(exampleDefinitions))(
    'publishes %s as version 1, then 2, and keeps version 1 as it was',
    async (_, definition) => {
      const form = await createForm(h, w.designer.cookie, w.department, definition);
      const first = await publishForm(h, w.designer.cookie, form.id);
      expect(first.status).toBe(200);
      expect(first.body.form).toMatchObject({ status: 'published', publishedVersion: 1 });
      expect(first.body.form.versions).toEqual([
        { version: 1, publishedAt: h.now(), publishedBy: w.designer.id },
      ]);
      const parsed = parseDefinition(definition);
      if (!parsed.ok) throw new Error('examples parse');
      const v1 = (await version(w.viewer.cookie, form.id, 1)).body.version.definition;
      expect(v1).toEqual(JSON.parse(JSON.stringify(parsed.definition)));

      h.advance(1000);
      const edited = { ...structuredClone(definition), title: { ja: '改訂版' } };
      const saved = await save(form.id, edited, form.updatedAt);
      expect(saved.status).toBe(200);
      const second = await publishForm(h, w.designer.cookie, form.id);
      expect(second.body.form.publishedVersion).toBe(2);
      expect(second.body.form.versions.map((v) => v.version)).toEqual([1, 2]);
      expect((await version(w.viewer.cookie, form.id, 1)).body.version.definition).toEqual(v1);
      expect((await version(w.viewer.cookie, form.id, 2)).body.version.definition).toMatchObject({
        title: { ja: '改訂版' },
      });
    },
  );

  test('freezes the parsed definition with its defaults filled in', async () => {
    const form = await published();
    const { definition } = (await version(w.designer.cookie, form.id, 1)).body.version;
    expect(definition).toMatchObject({
      settings: { channel: 'internet', access: 'public', onePerPerson: 'email' },
      options: { payment: { mode: 'none' }, cardAuthentication: { enabled: false } },
      notifications: { alertDepartment: true },
    });
    expect(form.publicUrl).toBe(`${h.config.PUBLIC_ORIGIN}/t/midori/f/${form.id}`);
    expect(form.access).toBe('public');
  });

  test('gives a secret-link form a key once and keeps it in its URL across publications', async () => {
    const secret = { ...example(), settings: { access: 'secret_link' as const } };
    const form = await published(secret);
    const key = new URL(form.publicUrl ?? '').searchParams.get('key') ?? '';
    expect(key).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(form.access).toBe('secret_link');
    const again = await publishForm(h, w.designer.cookie, form.id);
    expect(again.body.form.publicUrl).toBe(form.publicUrl);
    const list = await send<{ forms: { id: string; access: string }[] }>(h, 'GET', '/api/forms', {
      cookie: w.viewer.cookie,
    });
    expect(list.body.forms.find((entry) => entry.id === form.id)?.access).toBe('secret_link');
  });

  test('refuses a draft with problems with 400 naming each path, and publishes nothing', async () => {
    const broken = example();
    const [page] = broken.pages;
    if (!page) throw new Error('example has a page');
    page.fields.push({ id: 'phone', type: 'short_text', label: { ja: '' }, pii: 'none' });
    const form = await createForm(h, w.designer.cookie, w.department, broken);
    const answer = await publishForm(h, w.designer.cookie, form.id);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.details?.map((d) => d.path)).toEqual([
      'pages[0].fields[3].id',
      'pages[0].fields[3].label.ja',
    ]);
    expect((await readForm(h, w.designer.cookie, form.id)).body.form).toEqual(form);
  });

  test('refuses with 409 when the draft changed since the publisher read it', async () => {
    const form = await createForm(h, w.designer.cookie, w.department, example());
    await save(form.id, { ...example(), title: { ja: '別の人の変更' } }, form.updatedAt);
    const answer = await send<ErrorAnswer>(h, 'POST', `/api/forms/${form.id}/publish`, {
      cookie: w.designer.cookie,
      body: { updatedAt: form.updatedAt },
    });
    expect(answer.status).toBe(409);
    expect((await readForm(h, w.designer.cookie, form.id)).body.form.versions).toEqual([]);
  });

  test('refuses an unknown property with 400', async () => {
    const form = await createForm(h, w.designer.cookie, w.department, example());
    const answer = await send<ErrorAnswer>(h, 'POST', `/api/forms/${form.id}/publish`, {
      cookie: w.designer.cookie,
      body: { version: 7 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details?.map((d) => d.path)).toEqual(['version']);
  });

  test('answers 404 for an unknown id or another department, 403 to a reviewer or viewer', async () => {
    const form = await createForm(h, w.designer.cookie, w.department, example());
    expect((await publishForm(h, w.designer.cookie, 'frm_0000000000000000')).status).toBe(404);
    expect((await publishForm(h, w.otherDesigner.cookie, form.id)).status).toBe(404);
    expect((await publishForm(h, w.admin, form.id)).status).toBe(404);
    expect((await publishForm(h, w.reviewer.cookie, form.id)).status).toBe(403);
    expect((await publishForm(h, w.viewer.cookie, form.id)).status).toBe(403);
    expect((await readForm(h, w.designer.cookie, form.id)).body.form.status).toBe('draft');
  });
});

describe('POST /api/forms/:id/close and /reopen', () => {
  test('closes a published form and reopens it with the same version', async () => {
    const form = await published();
    const closed = await post(w.designer.cookie, form.id, 'close');
    expect(closed.status).toBe(200);
    expect(closed.body.form).toMatchObject({ status: 'closed', publishedVersion: 1 });
    expect(closed.body.form.versions).toEqual(form.versions);
    const reopened = await post(w.designer.cookie, form.id, 'reopen');
    expect(reopened.status).toBe(200);
    expect(reopened.body.form).toMatchObject({ status: 'published', publishedVersion: 1 });
  });

  test('publishing a closed form opens it again with the new version', async () => {
    const form = await published();
    await post(w.designer.cookie, form.id, 'close');
    const answer = await publishForm(h, w.designer.cookie, form.id);
    expect(answer.body.form).toMatchObject({ status: 'published', publishedVersion: 2 });
  });

  test('refuses closing a draft or a closed form, and reopening an open or unpublished one (409)', async () => {
    const draft = await createForm(h, w.designer.cookie, w.department);
    expect((await post(w.designer.cookie, draft.id, 'close')).status).toBe(409);
    expect((await post(w.designer.cookie, draft.id, 'reopen')).status).toBe(409);
    const form = await published();
    const notClosed = await post(w.designer.cookie, form.id, 'reopen');
    expect(notClosed.status).toBe(409);
    expect(notClosed.body.error.message).toBe('受付終了にしたフォームだけを再開できます');
    await post(w.designer.cookie, form.id, 'close');
    const twice = await post(w.designer.cookie, form.id, 'close');
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('公開中のフォームだけを受付終了にできます');
  });

  test.each(['close', 'reopen'] as const)(
    '%s answers 404 for unknown ids and other departments, 403 to a reviewer or viewer',
    async (action) => {
      const form = await published();
      if (action === 'reopen') await post(w.designer.cookie, form.id, 'close');
      const before = (await readForm(h, w.designer.cookie, form.id)).body.form;
      expect((await post(w.designer.cookie, 'frm_0000000000000000', action)).status).toBe(404);
      expect((await post(w.otherDesigner.cookie, form.id, action)).status).toBe(404);
      expect((await post(w.reviewer.cookie, form.id, action)).status).toBe(403);
      expect((await post(w.viewer.cookie, form.id, action)).status).toBe(403);
      expect((await readForm(h, w.designer.cookie, form.id)).body.form).toEqual(before);
    },
  );
});

describe('GET /api/forms/:id/versions and /versions/:version', () => {
  test('lists the versions and shows one as it was published, to every reader', async () => {
    const form = await published();
    for (const member of [w.designer, w.reviewer, w.viewer]) {
      const listed = await send<{ versions: VersionSummary[] }>(
        h,
        'GET',
        `/api/forms/${form.id}/versions`,
        { cookie: member.cookie },
      );
      expect(listed.status).toBe(200);
      expect(listed.body.versions).toEqual(form.versions);
      const one = await version(member.cookie, form.id, 1);
      expect(one.status).toBe(200);
      expect(one.body.version).toMatchObject({ version: 1, publishedBy: w.designer.id });
    }
  });

  test.each([
    ['a version never published', '2', 404],
    ['version 0', '0', 400],
    ['a version that is not a number', 'latest', 400],
  ])('answers %s with %i', async (_, number, status) => {
    const form = await published();
    expect((await version(w.designer.cookie, form.id, number)).status).toBe(status);
  });

  test('answers 404 for unknown ids and other departments, 401 without a session', async () => {
    const form = await published();
    for (const path of [`/api/forms/${form.id}/versions`, `/api/forms/${form.id}/versions/1`]) {
      expect((await send(h, 'GET', path, { cookie: w.otherDesigner.cookie })).status).toBe(404);
      expect((await send(h, 'GET', path, { cookie: w.admin })).status).toBe(404);
      expect((await send(h, 'GET', path)).status).toBe(401);
    }
    const unknown = '/api/forms/frm_0000000000000000/versions';
    expect((await send(h, 'GET', unknown, { cookie: w.designer.cookie })).status).toBe(404);
  });
});
