import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Session } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { Notes } from '../screens/detail/Notes';
import { ReSignInDialog } from './ReSignInDialog';

// The console's promise when a session ends mid-work: a dialog over the screen, sign in again,
// and the request that failed is sent again, with nothing typed lost.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const session = {
  tenant: { slug: 'midori', name: 'みどり区' },
  staff: {
    id: 'stf_1',
    name: '審査 花子',
    email: 'reviewer@midori.example.lg.jp',
    isTenantAdmin: false,
    totpEnabled: true,
    expiresAt: null,
    formIds: null,
  },
  grants: [],
} as Session;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let root: Root;
let container: HTMLElement;
const requests: { method: string; path: string; body: unknown }[] = [];
let sessionAlive = false;

beforeEach(() => {
  requests.length = 0;
  sessionAlive = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://console.test').pathname;
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      requests.push({ method: init?.method ?? 'GET', path, body });
      if (path === '/api/auth/sign-in') {
        if (!body.totpCode)
          return json(401, { error: { code: 'second_factor_required', message: 'code' } });
        sessionAlive = true;
        return json(200, { staffId: 'stf_1' });
      }
      if (!sessionAlive)
        return json(401, { error: { code: 'unauthenticated', message: 'ログインしてください' } });
      return json(201, { note: { id: 'not_1' } });
    }),
  );
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

/** Sets a controlled input's value the way typing does. */
function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const prototype = Object.getPrototypeOf(element) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

const byLabel = <T extends HTMLElement>(text: string): T => {
  const label = [...document.querySelectorAll('label')].find((l) =>
    l.textContent?.startsWith(text),
  );
  const id = label?.getAttribute('for');
  const element = id ? document.getElementById(id) : null;
  if (!element) throw new Error(`no field labelled ${text}`);
  return element as T;
};
const button = (name: string) => {
  const found = [...document.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

describe('a session that ends while a note is being written', () => {
  test('asks to sign in over the screen, then saves the same note', async () => {
    const onAdded = vi.fn();
    await act(async () => {
      root.render(
        <I18nProvider>
          <Notes submissionId="sub_1" notes={[]} canAdd onAdded={onAdded} />
          <ReSignInDialog session={session} />
        </I18nProvider>,
      );
    });
    const note = byLabel<HTMLTextAreaElement>('メモ');
    await act(async () => type(note, '電話で本人に確認した'));
    await act(async () => button('メモを追加').click());
    await vi.waitFor(() => expect(document.querySelector('dialog')).not.toBeNull());

    // The dialog names the same person; the note is still there behind it.
    expect(document.querySelector('dialog h2')?.textContent).toBe(
      'セッションの有効期限が切れました',
    );
    expect(byLabel<HTMLInputElement>('メールアドレス').value).toBe(session.staff.email);
    expect(byLabel<HTMLInputElement>('メールアドレス').readOnly).toBe(true);
    expect(note.value).toBe('電話で本人に確認した');

    await act(async () => type(byLabel<HTMLInputElement>('パスワード'), 'a long passphrase'));
    await act(async () => button('ログイン').click());
    await vi.waitFor(() => byLabel<HTMLInputElement>('確認コード'));
    await act(async () => type(byLabel<HTMLInputElement>('確認コード'), '123456'));
    await act(async () => button('確認してログイン').click());

    await vi.waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(document.querySelector('dialog')).toBeNull();
    const posts = requests.filter((r) => r.path === '/api/submissions/sub_1/notes');
    expect(posts.map((r) => r.body)).toEqual([
      { body: '電話で本人に確認した' },
      { body: '電話で本人に確認した' },
    ]);
    expect(requests.find((r) => r.path === '/api/auth/sign-in' && r.body)?.body).toMatchObject({
      tenant: 'midori',
      email: session.staff.email,
    });
    // Nothing of it was kept in the browser's storage.
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  test('cancelling the dialog keeps the note and says it was not saved', async () => {
    await act(async () => {
      root.render(
        <I18nProvider>
          <Notes submissionId="sub_1" notes={[]} canAdd onAdded={() => {}} />
          <ReSignInDialog session={session} />
        </I18nProvider>,
      );
    });
    const note = byLabel<HTMLTextAreaElement>('メモ');
    await act(async () => type(note, '不在のため再連絡'));
    await act(async () => button('メモを追加').click());
    await vi.waitFor(() => expect(document.querySelector('dialog')).not.toBeNull());
    await act(async () => button('キャンセル').click());
    await vi.waitFor(() => expect(document.querySelector('[role=alert]')).not.toBeNull());
    expect(document.querySelector('[role=alert]')?.textContent).toContain('完了していません');
    expect(note.value).toBe('不在のため再連絡');
  });
});
