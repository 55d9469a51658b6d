import { zeroWasteDay } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../admin/test-support';
import { forms, formVersions } from '../db/tenant-schema';
import { createHarness } from '../testing/harness';
import { createForm, type FormsWorld, formsWorld } from './test-support';
import type { FormView } from './views';

let h: Harness;
let w: FormsWorld;
let aoba: FormsWorld;
let form: FormView;

beforeAll(async () => {
  h = await createHarness();
  w = await formsWorld(h, 'midori', '131041');
  aoba = await formsWorld(h, 'aoba', '141003');
  form = await createForm(h, w.designer.cookie, w.department);
}, 60_000);
afterAll(() => h.close());

const preview = (cookie: string | undefined, body: unknown, id = form.id) =>
  h.request('POST', `/api/forms/${id}/preview`, { ...(cookie ? { cookie } : {}), body });

describe('the builder preview renders a posted draft with the resident pages', () => {
  test('a designer gets the resident page of the draft, strictly sandboxed, nothing stored', async () => {
    const db = await h.registry.database('midori');
    const before = JSON.stringify([
      await db.select().from(forms),
      await db.select().from(formVersions),
    ]);
    const response = await preview(w.designer.cookie, { definition: zeroWasteDay, page: 0 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('sandbox');
    expect(policy).not.toContain('script-src');
    const html = await response.text();
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).toContain(zeroWasteDay.title.ja);
    expect(html).toContain('/api/preview/resident.css');
    expect(html).not.toContain('<script');
    // The form's fields are there, as on arrival (a field shown on a condition is not).
    for (const field of zeroWasteDay.pages[0]?.fields ?? [])
      if ('label' in field && !field.showIf) expect(html).toContain(field.label.ja);
    expect(
      JSON.stringify([await db.select().from(forms), await db.select().from(formVersions)]),
    ).toBe(before);
  });

  test('a later page and English are rendered on request', async () => {
    const response = await preview(w.designer.cookie, {
      definition: zeroWasteDay,
      page: zeroWasteDay.pages.length - 1,
      locale: 'en',
    });
    const html = await response.text();
    expect(html).toContain('lang="en"');
    const last = zeroWasteDay.pages.at(-1);
    expect(html).toContain(last?.title.en ?? last?.title.ja ?? '');
  });

  test('the stylesheet is served on the staff listener', async () => {
    const response = await h.request('GET', '/api/preview/resident.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
    expect((await response.text()).length).toBeGreaterThan(1000);
  });
});

describe('errors', () => {
  test('a draft that is not a form definition is refused with its problems', async () => {
    const response = await preview(w.designer.cookie, { definition: { pages: 'no' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: unknown[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.length).toBeGreaterThan(0);
  });

  test('an unknown form is not found', async () => {
    const response = await preview(w.designer.cookie, { definition: zeroWasteDay }, 'frm_nope');
    expect(response.status).toBe(404);
  });
});

describe('security', () => {
  test('only a designer of the form department may preview', async () => {
    expect((await preview(undefined, { definition: zeroWasteDay })).status).toBe(401);
    expect((await preview(w.reviewer.cookie, { definition: zeroWasteDay })).status).toBe(403);
    expect((await preview(w.viewer.cookie, { definition: zeroWasteDay })).status).toBe(403);
    expect([403, 404]).toContain(
      (await preview(w.otherDesigner.cookie, { definition: zeroWasteDay })).status,
    );
  });

  test('another municipality designer does not find the form', async () => {
    expect((await preview(aoba.designer.cookie, { definition: zeroWasteDay })).status).toBe(404);
  });
});
