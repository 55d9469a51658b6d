import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SubmissionDetail } from '../../api/types';
import { I18nProvider } from '../../i18n/i18n';
import { Actions } from './Actions';
import { refundOffered } from './Refund';

// 「返金する」 in the detail's actions: offered only for a paid payment to someone who handles the
// form; its dialog states amount, provider, full amount and no undo; the refund's answer shows as
// a status message (and the detail reloads) or, refused, in words inside the dialog.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Payment = NonNullable<SubmissionDetail['payment']>;

function detail(payment: Payment | null, allowedActions: string[] = []): SubmissionDetail {
  return {
    submission: {
      id: 'sub_0000000000000001',
      referenceNumber: 'MD-2026-000001',
      state: 'received',
      paymentState: payment?.state ?? 'none',
    },
    payment,
    form: { id: 'frm_1', title: { ja: '住民票', en: 'Record' }, departmentId: 'dep_a' },
    definition: { pages: [] },
    allowedActions,
  } as unknown as SubmissionDetail;
}

const paid: Payment = { amount: 600, provider: 'stripe', state: 'paid' };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let root: Root;
let container: HTMLElement;
const posts: string[] = [];
let answer: () => Promise<Response>;

beforeEach(() => {
  posts.length = 0;
  answer = async () => json(200, { paymentState: 'refunded' });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://console.test').pathname;
      if (init?.method === 'POST') posts.push(path);
      if (path === '/api/submissions/sub_0000000000000001/refund') return answer();
      return json(404, { error: { code: 'not_found', message: '見つかりません' } });
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

async function render(data: SubmissionDetail, handles: boolean, onDone = () => {}) {
  await act(async () => {
    root.render(
      <I18nProvider>
        <Actions data={data} handles={handles} onDone={onDone} />
      </I18nProvider>,
    );
  });
}

const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === name);

async function click(element: HTMLElement | undefined) {
  if (!element) throw new Error('no such button');
  await act(async () => element.click());
}

describe('the refund in the detail', () => {
  test('offered only when paid and the person handles the form', async () => {
    expect(refundOffered(paid, true)).toBe(true);
    expect(refundOffered(paid, false)).toBe(false);
    for (const state of ['requested', 'failed', 'expired', 'refunded'] as const)
      expect(refundOffered({ ...paid, state }, true), state).toBe(false);
    expect(refundOffered(null, true)).toBe(false);

    await render(detail(paid), true);
    expect(button('返金する')).toBeDefined();
    // Nothing else to do is not claimed while the refund is offered.
    expect(container.textContent).not.toContain('行える処理はありません');
    await render(detail(paid), false);
    expect(button('返金する')).toBeUndefined();
    await render(detail({ ...paid, state: 'refunded' }), true);
    expect(button('返金する')).toBeUndefined();
    expect(container.textContent).toContain('行える処理はありません');
  });

  test('the dialog states amount, provider, full amount and no undo; confirming refunds and reloads', async () => {
    const onDone = vi.fn();
    await render(detail(paid, ['complete']), true, onDone);
    await click(button('返金する'));
    const dialog = document.querySelector('dialog');
    expect(dialog?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(dialog?.querySelector('h2')?.textContent).toBe('返金の確認');
    const text = dialog?.textContent ?? '';
    expect(text).toContain('MD-2026-000001');
    expect(dialog?.querySelector('#refund-amount')?.textContent).toBe('600円');
    expect(dialog?.querySelector('#refund-provider')?.textContent).toBe('Stripe');
    expect(text).toContain('全額（600円）を、Stripeを通じて申請者に返金します');
    expect(text).toContain('この操作は取り消せません。');
    // Keyboard: focus starts inside the dialog, on its first button.
    expect(dialog?.contains(document.activeElement)).toBe(true);

    await click(button('全額を返金する'));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(posts).toEqual(['/api/submissions/sub_0000000000000001/refund']);
    expect(document.querySelector('dialog')).toBeNull();
    expect(container.querySelector('[role=status]')?.textContent).toBe(
      '600円を返金しました。支払状況は「返金済」になりました。',
    );
    // The reloaded detail no longer offers the refund; focus lands on the actions' heading.
    await render(detail({ ...paid, state: 'refunded' }, ['complete']), true, onDone);
    expect(button('返金する')).toBeUndefined();
    expect(document.activeElement?.id).toBe('actions-title');
  });

  test('the provider in words: the sandbox is named as one without real payments', async () => {
    await render(detail({ ...paid, provider: 'sandbox' }), true);
    await click(button('返金する'));
    expect(document.querySelector('#refund-provider')?.textContent).toBe(
      'サンドボックス（試用・実際の支払いなし）',
    );
    await click(button('キャンセル'));
    expect(document.querySelector('dialog')).toBeNull();
    expect(posts).toEqual([]);
  });

  test('refusals stay in the dialog in words: 409, a provider failure, no connection', async () => {
    const onDone = vi.fn();
    await render(detail(paid), true, onDone);
    await click(button('返金する'));
    const alert = () => document.querySelector('dialog [role=alert]')?.textContent ?? '';

    answer = async () =>
      json(409, { error: { code: 'conflict', message: '他の変更と競合しました' } });
    await click(button('全額を返金する'));
    await vi.waitFor(() => expect(alert()).toContain('すでに返金済みか、まだ支払われていません'));
    expect(button('画面を読み込み直す')).toBeDefined();

    answer = async () =>
      json(500, { error: { code: 'internal', message: 'システムエラーが発生しました' } });
    await click(button('全額を返金する'));
    await vi.waitFor(() => expect(alert()).toContain('決済事業者またはシステムでエラー'));
    // Nothing was recorded: trying again is what helps, not reading the page again.
    expect(button('画面を読み込み直す')).toBeUndefined();

    answer = async () => {
      throw new TypeError('Failed to fetch');
    };
    await click(button('全額を返金する'));
    await vi.waitFor(() => expect(alert()).toContain('サーバーに接続できませんでした'));

    // Still open, still usable, nothing reloaded until asked for.
    expect(button('全額を返金する')?.disabled).toBe(false);
    expect(onDone).not.toHaveBeenCalled();
    expect(container.querySelector('[role=status]')?.textContent).toBe('');
    await click(button('画面を読み込み直す'));
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(document.querySelector('dialog')).toBeNull();
  });
});
