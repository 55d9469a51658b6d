import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { PaymentSettingsSection } from './SettingsScreen';

// The payments section: secrets are never prefilled, a stored one shows as configured, a left-out
// one is kept, and the server's problems appear next to their field.

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

beforeEach(() => {
  puts.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://console.test').pathname;
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
