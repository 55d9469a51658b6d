import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { SessionProvider, useSessionState } from '../app/session';
import { I18nProvider } from '../i18n/i18n';
import { NewForm } from './NewForm';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let root: Root;
let container: HTMLElement;

function session(isTenantAdmin: boolean) {
  return {
    staff: { id: 'stf_1', name: '設計 者', email: 'a@example.jp', isTenantAdmin },
    tenant: { slug: 'hikari', name: 'ひかり市' },
    grants: [
      { departmentId: 'dep_1', role: 'designer', canExport: true, canSeeMyNumber: false },
      { departmentId: 'dep_2', role: 'designer', canExport: true, canSeeMyNumber: false },
    ],
  };
}

function stub(isTenantAdmin: boolean, listWorks = true) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://console.test').pathname;
      if (path === '/api/auth/session') return json(200, session(isTenantAdmin));
      if (path === '/api/departments')
        return listWorks
          ? json(200, {
              departments: [
                { id: 'dep_1', name: '子育て支援課' },
                { id: 'dep_2', name: '戸籍住民課' },
              ],
            })
          : json(500, { error: { code: 'internal', message: 'down' } });
      if (path === '/api/admin/departments')
        return json(403, { error: { code: 'forbidden', message: 'forbidden' } });
      return json(200, { templates: [] });
    }),
  );
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

function SignedIn() {
  const { state } = useSessionState();
  return state.status === 'signed_in' ? <NewForm /> : null;
}

async function render() {
  act(() =>
    root.render(
      <I18nProvider>
        <SessionProvider>
          <SignedIn />
        </SessionProvider>
      </I18nProvider>,
    ),
  );
  for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const departments = () =>
  [...(container.querySelectorAll('select')[0]?.options ?? [])].map((o) => [
    o.value,
    o.textContent,
  ]);

test('the new-form dialog names the departments for a tenant admin', async () => {
  stub(true);
  await render();
  expect(departments()).toEqual([
    ['dep_1', '子育て支援課'],
    ['dep_2', '戸籍住民課'],
  ]);
});

test('a designer who is not an admin sees the names too (the designers’ list)', async () => {
  stub(false);
  await render();
  expect(departments()).toEqual([
    ['dep_1', '子育て支援課'],
    ['dep_2', '戸籍住民課'],
  ]);
});

test('when the list cannot be read, the ids still let the designer pick', async () => {
  stub(false, false);
  await render();
  expect(departments()).toEqual([
    ['dep_1', 'dep_1'],
    ['dep_2', 'dep_2'],
  ]);
});
