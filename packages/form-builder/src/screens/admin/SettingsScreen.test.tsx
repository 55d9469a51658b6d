import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { CardAuthSettingsSection, PaymentSettingsSection } from './SettingsScreen';

// The payments section: secrets are never prefilled, a stored one shows as configured, a left-out
// one is kept, and the server's problems appear next to their field. The card section: the key is
// created on the server, the redirect URI and public JWK are shown read-only to copy.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const stored = {
  provider: 'sandbox',
  stripe: {
    secretKey: { configured: true, last4: '9876' },
    webhookSecret: { configured: false },
  },
  paypay: {
    apiKey: { configured: false },
    apiSecret: { configured: false },
    merchantId: null,
    environment: 'sandbox',
  },
  updatedAt: 1,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let root: Root;
let container: HTMLElement;
const puts: unknown[] = [];
let answerPut: (body: unknown) => Response;
let keyPosts = 0;

const publicJwk = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  kid: 'thumbprint-1',
  alg: 'ES256',
  use: 'sig',
};
const cardStored = {
  provider: null as string | null,
  serverDefault: 'local',
  localAvailable: true,
  issuer: null as string | null,
  clientId: null as string | null,
  publicJwk: null as typeof publicJwk | null,
  redirectUri: 'https://madoguchi.example.jp/t/midori/card/callback',
  allowedIssuers: null as string[] | null,
  updatedAt: null,
};

beforeEach(() => {
  puts.length = 0;
  keyPosts = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://console.test').pathname;
      if (path === '/api/admin/settings/card-auth/key' && init?.method === 'POST') {
        keyPosts++;
        return json(200, { cardAuth: { ...cardStored, publicJwk } });
      }
      if (path === '/api/admin/settings/card-auth') {
        if (init?.method === 'PUT') {
          const body = JSON.parse(String(init.body));
          puts.push(body);
          return answerPut(body);
        }
        return json(200, { cardAuth: cardStored });
      }
      if (path !== '/api/admin/settings/payments') return json(404, { error: { code: 'x' } });
      if (init?.method === 'PUT') {
        const body = JSON.parse(String(init.body));
        puts.push(body);
        return answerPut(body);
      }
      return json(200, { payments: stored });
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

function type(element: HTMLInputElement, value: string) {
  const prototype = Object.getPrototypeOf(element) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(element: HTMLSelectElement, value: string) {
  const prototype = Object.getPrototypeOf(element) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

const byLabel = <T extends HTMLElement>(text: string): T => {
  const label = [...document.querySelectorAll('label')].find((l) =>
    l.textContent?.startsWith(text),
  );
  const element = document.getElementById(label?.getAttribute('for') ?? '');
  if (!element) throw new Error(`no field labelled ${text}`);
  return element as T;
};

async function render() {
  await act(async () => {
    root.render(
      <I18nProvider>
        <PaymentSettingsSection tenant="midori" />
      </I18nProvider>,
    );
  });
  await vi.waitFor(() => byLabel('決済事業者'));
}

describe('payment settings in the console', () => {
  test('secrets are password inputs never prefilled; a stored one shows as configured', async () => {
    await render();
    await act(async () => choose(byLabel<HTMLSelectElement>('決済事業者'), 'stripe'));
    await vi.waitFor(() => byLabel('シークレットキー'));
    const key = byLabel<HTMLInputElement>('シークレットキー');
    expect(key.type).toBe('password');
    expect(key.value).toBe('');
    expect(container.textContent).toContain('設定済み（末尾 9876）');
    expect(container.textContent).toContain('/t/midori/api/payments/stripe/webhook');
    expect(byLabel<HTMLInputElement>('Webhook の署名シークレット').type).toBe('password');
    expect(container.textContent).toContain('未設定');
  });

  test("the server's problem shows next to its field; a key left empty is not sent", async () => {
    answerPut = () =>
      json(400, {
        error: {
          code: 'validation_failed',
          message: '入力内容に誤りがあります',
          details: [
            {
              path: 'stripe.webhookSecret',
              message:
                'Webhook の署名シークレットは whsec_ で始まる文字列です / The webhook signing secret starts with whsec_',
            },
          ],
        },
      });
    await render();
    await act(async () => choose(byLabel<HTMLSelectElement>('決済事業者'), 'stripe'));
    await vi.waitFor(() => byLabel('Webhook の署名シークレット'));
    const hook = byLabel<HTMLInputElement>('Webhook の署名シークレット');
    await act(async () => type(hook, 'not-a-secret'));
    const save = [...container.querySelectorAll('button')].find((b) => b.textContent === '保存');
    await act(async () => save?.click());
    await vi.waitFor(() => expect(hook.getAttribute('aria-invalid')).toBe('true'));
    expect(puts).toEqual([{ provider: 'stripe', stripe: { webhookSecret: 'not-a-secret' } }]);
    const error = document.getElementById(
      hook.getAttribute('aria-describedby')?.split(' ')[1] ?? '',
    );
    expect(error?.textContent).toBe('Webhook の署名シークレットは whsec_ で始まる文字列です');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  test('a saved secret clears its input and shows as configured', async () => {
    answerPut = () =>
      json(200, {
        payments: {
          ...stored,
          provider: 'stripe',
          stripe: { ...stored.stripe, webhookSecret: { configured: true } },
        },
      });
    await render();
    await act(async () => choose(byLabel<HTMLSelectElement>('決済事業者'), 'stripe'));
    await vi.waitFor(() => byLabel('Webhook の署名シークレット'));
    const hook = byLabel<HTMLInputElement>('Webhook の署名シークレット');
    await act(async () => type(hook, 'whsec_abcdefgh12345'));
    const save = [...container.querySelectorAll('button')].find((b) => b.textContent === '保存');
    await act(async () => save?.click());
    await vi.waitFor(() => expect(container.textContent).toContain('保存しました'));
    expect(byLabel<HTMLInputElement>('Webhook の署名シークレット').value).toBe('');
    expect(container.textContent).not.toContain('未設定');
    expect(container.textContent).not.toContain('whsec_abcdefgh12345');
  });
});

async function renderCard() {
  await act(async () => {
    root.render(
      <I18nProvider>
        <CardAuthSettingsSection />
      </I18nProvider>,
    );
  });
  await vi.waitFor(() => byLabel('認証プロバイダー'));
}

const button = (text: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === text);

describe('card authentication settings in the console', () => {
  test('the server default is chosen; oidc shows the redirect URI read-only and the key button', async () => {
    await renderCard();
    const select = byLabel<HTMLSelectElement>('認証プロバイダー');
    expect(select.value).toBe('');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'サーバーの既定（ローカルの模擬プロバイダー（開発用））',
      'ローカルの模擬プロバイダー（開発用）',
      'デジタル庁の認証アプリ（OpenID Connect）',
      '使わない',
    ]);
    await act(async () => choose(select, 'oidc'));
    const redirect = byLabel<HTMLInputElement>('登録するリダイレクト URI');
    expect(redirect.readOnly).toBe(true);
    expect(redirect.value).toBe('https://madoguchi.example.jp/t/midori/card/callback');
    expect(container.textContent).toContain('まだ鍵がありません。');
    expect(() => byLabel('登録する公開鍵（JWK）')).toThrow();
  });

  test('the issuers the server allows are said under the issuer field, and who to ask when none', async () => {
    cardStored.allowedIssuers = ['https://auth.example.go.jp', 'https://stg.auth.example.go.jp'];
    try {
      await renderCard();
      await act(async () => choose(byLabel<HTMLSelectElement>('認証プロバイダー'), 'oidc'));
      const issuer = byLabel<HTMLInputElement>('発行者（issuer）の URL');
      const help = document.getElementById(issuer.getAttribute('aria-describedby') ?? '');
      expect(help?.textContent).toBe(
        'このサーバーで使える発行者：https://auth.example.go.jp、https://stg.auth.example.go.jp',
      );
      act(() => root.unmount());
      root = createRoot(container);
      cardStored.allowedIssuers = [];
      await renderCard();
      await act(async () => choose(byLabel<HTMLSelectElement>('認証プロバイダー'), 'oidc'));
      const none = byLabel<HTMLInputElement>('発行者（issuer）の URL');
      expect(
        document.getElementById(none.getAttribute('aria-describedby') ?? '')?.textContent,
      ).toContain('CARD_ISSUERS_ALLOWED');
    } finally {
      cardStored.allowedIssuers = null;
    }
  });

  test('鍵を作成 asks the server; the public JWK is shown read-only, without a private part', async () => {
    await renderCard();
    await act(async () => choose(byLabel<HTMLSelectElement>('認証プロバイダー'), 'oidc'));
    await act(async () => button('鍵を作成')?.click());
    await vi.waitFor(() => byLabel('登録する公開鍵（JWK）'));
    expect(keyPosts).toBe(1);
    const jwk = byLabel<HTMLTextAreaElement>('登録する公開鍵（JWK）');
    expect(jwk.readOnly).toBe(true);
    expect(JSON.parse(jwk.value)).toEqual(publicJwk);
    expect(container.textContent).toContain('鍵を作成しました');
    // A second key needs a confirmation: the registered public key stops working.
    await act(async () => button('鍵を作り直す')?.click());
    expect(keyPosts).toBe(1);
    expect(container.textContent).toContain('登録済みの公開鍵では認証できなくなります');
    await act(async () => button('キャンセル')?.click());
    expect(keyPosts).toBe(1);
  });

  test("the server's problems show beside issuer, client id and key; what is sent", async () => {
    answerPut = () =>
      json(400, {
        error: {
          code: 'validation_failed',
          message: '入力内容に誤りがあります',
          details: [
            {
              path: 'issuer',
              message:
                '発行者は https:// で始まる URL（クエリやフラグメントなし）で入力してください / The issuer must be an https:// URL without query or fragment',
            },
            {
              path: 'clientKey',
              message:
                '先に「鍵を作成」で鍵を作成し、公開鍵を登録してください / Generate the key first ("鍵を作成") and register its public key',
            },
          ],
        },
      });
    await renderCard();
    await act(async () => choose(byLabel<HTMLSelectElement>('認証プロバイダー'), 'oidc'));
    const issuer = byLabel<HTMLInputElement>('発行者（issuer）の URL');
    await act(async () => type(issuer, 'http://auth.example.go.jp'));
    await act(async () => type(byLabel<HTMLInputElement>('クライアント ID'), ' midori-city '));
    await act(async () => button('保存')?.click());
    await vi.waitFor(() => expect(issuer.getAttribute('aria-invalid')).toBe('true'));
    expect(puts).toEqual([
      { provider: 'oidc', issuer: 'http://auth.example.go.jp', clientId: 'midori-city' },
    ]);
    expect(
      document.getElementById(issuer.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')
        ?.textContent,
    ).toBe('発行者は https:// で始まる URL（クエリやフラグメントなし）で入力してください');
    expect(document.getElementById('card-key-error')?.textContent).toBe(
      '先に「鍵を作成」で鍵を作成し、公開鍵を登録してください',
    );
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  test('off is saved as off; the server default as null', async () => {
    answerPut = (body) => json(200, { cardAuth: { ...cardStored, ...(body as object) } });
    await renderCard();
    await act(async () => choose(byLabel<HTMLSelectElement>('認証プロバイダー'), 'off'));
    await act(async () => button('保存')?.click());
    await vi.waitFor(() => expect(container.textContent).toContain('保存しました'));
    await act(async () => choose(byLabel<HTMLSelectElement>('認証プロバイダー'), ''));
    await act(async () => button('保存')?.click());
    await vi.waitFor(() => expect(puts).toHaveLength(2));
    expect(puts).toEqual([{ provider: 'off' }, { provider: null }]);
  });
});
