import type { FormDefinitionInput } from '@madoguchi/shared';
import { certificateByMail } from '@madoguchi/shared/examples';
import type { HTMLElement } from 'node-html-parser';
import { expect } from 'vitest';
import { createPublicApp } from '../app';
import { publishForTest } from '../submissions/test-support';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { ResidentBrowser, type Visit } from './test-browser';

/** A definition open now, whatever dates the example carries. */
export function openNow(definition: FormDefinitionInput): FormDefinitionInput {
  const copy = structuredClone(definition);
  return {
    ...copy,
    settings: { ...copy.settings, opensAt: undefined, closesAt: undefined },
    options: { ...copy.options, emailVerification: false },
  };
}

/** A one-page form with a fee field (300 yen a copy) and a fixed fee of 100 yen. */
export function feeForm(mode: 'at_submission' | 'after_acceptance'): FormDefinitionInput {
  const source = certificateByMail.pages[0]?.fields ?? [];
  const pick = (id: string) => {
    const field = source.find((candidate) => candidate.id === id);
    if (!field) throw new Error(`no field ${id}`);
    return field;
  };
  return {
    ...openNow(certificateByMail),
    notifications: {},
    pages: [
      {
        id: 'request',
        title: { ja: '請求', en: 'Request' },
        fields: [
          pick('copies'),
          pick('fee'),
          {
            id: 'email',
            type: 'email',
            label: { ja: 'メールアドレス', en: 'Email' },
            required: true,
            pii: 'contact',
            csvColumn: 'メールアドレス',
          },
        ],
      },
    ],
    options: { emailVerification: false, payment: { mode, fixedFee: 100 } },
  };
}

/**
 * The world of the resident page tests: the harness, the public app, みどり区 (with a signed-in
 * admin for staff actions) and あおば区, and a new browser per resident.
 */
export async function pageWorld() {
  const h = await createHarness();
  const app = createPublicApp(h.deps);
  const midori = await h.tenantWithAdmin('midori', '131041');
  await createTenant(
    h.registry,
    {
      slug: 'aoba',
      name: 'あおば区',
      localGovernmentCode: '141003',
      adminEmail: 'a@aoba.example.lg.jp',
      adminName: '管理',
    },
    h.now(),
  );
  const db = await h.registry.database('midori');
  const aobaDb = await h.registry.database('aoba');
  // The admin reviews the department's applications, to return them for correction.
  const staff = async (method: string, path: string, body?: unknown) => {
    const response = await h.request(method, path, {
      cookie: midori.cookie,
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const department = (await staff('POST', '/api/admin/departments', { name: '区民課' })).body
    .department as { id: string };
  const list = (await staff('GET', '/api/admin/staff')).body.staff as {
    id: string;
    email: string;
  }[];
  const admin = list.find((member) => member.email === midori.email);
  await staff('PUT', `/api/admin/staff/${admin?.id}/grants`, [
    { departmentId: department.id, role: 'reviewer', canExport: false, canSeeMyNumber: false },
  ]);
  const publish = (definition: FormDefinitionInput, extra: { accessKey?: string } = {}) =>
    publishForTest(db, definition, h.now(), { ...extra, departmentId: department.id });
  return {
    h,
    app,
    db,
    aobaDb,
    staff,
    publish,
    browser: () => new ResidentBrowser(app),
  };
}

/** The texts of the error summary's links and where they point. */
export function summaryLinks(page: Visit): { href: string; text: string }[] {
  return page.doc
    .querySelectorAll('.error-summary a')
    .map((a) => ({ href: a.getAttribute('href') ?? '', text: a.text.trim() }));
}

/** Every summary link points at an element of the page. */
export function expectLinksResolve(page: Visit): void {
  for (const link of summaryLinks(page)) {
    expect(page.doc.getElementById(link.href.slice(1)), link.href).not.toBeNull();
  }
}

/** The value an input shows. */
export function inputValue(page: Visit, name: string): string | undefined {
  return page.doc.querySelector(`[name="${name}"]`)?.getAttribute('value');
}

/** The visible (not hidden) field wrappers of a page, by data-field key. */
export function shownFields(page: Visit): string[] {
  return page.doc
    .querySelectorAll('[data-field]')
    .filter((element: HTMLElement) => !element.hasAttribute('hidden'))
    .map((element: HTMLElement) => element.getAttribute('data-field') ?? '');
}

/** The page's main heading. */
export function heading(page: Visit): string {
  return page.doc.querySelector('h1')?.text.trim() ?? '';
}
