import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { navigate } from '../app/router';
import { I18nProvider } from '../i18n/i18n';
import { BuilderScreen } from './BuilderScreen';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const draft = {
  schemaVersion: 1,
  title: { ja: '児童手当' },
  purposeOfUse: { ja: '受付に利用します。' },
  category: 'application',
  yearlyVolume: 10,
  retentionDays: 365,
  pages: [{ id: 'page1', title: { ja: '申請者' }, fields: [] }],
};
const form = {
  id: 'frm_1',
  departmentId: 'dep_1',
  title: '児童手当',
  status: 'draft',
  publishedVersion: null,
  updatedAt: 1,
  access: 'public',
  createdAt: 1,
  createdBy: 'stf_1',
  publicUrl: null,
  draft,
  versions: [],
  problems: [],
  councilReview: null,
  personalDataInventory: null,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let root: Root;
let container: HTMLElement;
const requests: { method: string; path: string; body: unknown }[] = [];

beforeEach(() => {
  requests.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://console.test').pathname;
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      requests.push({ method: init?.method ?? 'GET', path, body });
      if (path === '/api/forms/frm_1/draft')
        return json(200, { form: { ...form, draft: body.definition, updatedAt: 2 } });
      return json(200, { form });
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

const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const button = (text: string) => {
  const found = [...container.querySelectorAll('button')].find((b) =>
    b.textContent?.includes(text),
  );
  if (!found) throw new Error(`no button ${text}`);
  return found;
};
const click = (text: string) => act(() => button(text).click());
const outline = () =>
  [
    ...container.querySelectorAll(
      '.outline-fields > .outline-field > .outline-row .outline-select',
    ),
  ].map((b) => b.textContent);
function type(label: string, value: string) {
  const input = [...container.querySelectorAll('label')].find((l) =>
    l.textContent?.startsWith(label),
  );
  const target = input ? document.getElementById(input.htmlFor) : null;
  if (!(target instanceof HTMLInputElement)) throw new Error(`no input ${label}`);
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(target, value);
    target.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the builder screen', () => {
  test('adds from the palette, moves by keyboard, shows problems at the field, undoes and saves', async () => {
    act(() =>
      root.render(
        <I18nProvider>
          <BuilderScreen formId="frm_1" />
        </I18nProvider>,
      ),
    );
    await flush();
    expect(container.querySelectorAll('.builder-palette button')).toHaveLength(23);
    await click('＋ 氏名');
    await click('＋ はい／いいえ');
    expect(outline()).toEqual(['氏名 氏名 *', 'はい／いいえ はい／いいえ']);

    // Alt+↑ on the selected yes/no moves it above the name.
    const second = container.querySelectorAll<HTMLButtonElement>('.outline-select')[2];
    act(() =>
      second?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }),
      ),
    );
    expect(outline()[0]).toContain('はい／いいえ');

    type('ラベル（日本語）', '');
    expect(container.querySelector('.builder-inspector .field-error')?.textContent).toBeTruthy();
    expect(container.querySelector('.outline-field .field-error')?.textContent).toContain('⚠');
    expect(button('公開する').disabled).toBe(true);

    await click('元に戻す');
    expect(container.querySelector('.outline-field .field-error')).toBeNull();

    await act(async () => button('下書きを保存').click());
    await flush();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe('/api/forms/frm_1/draft');
    const saved = put?.body as { definition: { pages: { fields: { id: string }[] }[] } };
    expect(saved.definition.pages[0]?.fields.map((f) => f.id)).toEqual(['yes_no', 'name']);
    expect(container.textContent).toContain('保存しました');
  });

  test('the condition editor offers only earlier fields, with their values', async () => {
    act(() =>
      root.render(
        <I18nProvider>
          <BuilderScreen formId="frm_1" />
        </I18nProvider>,
      ),
    );
    await flush();
    await click('＋ 単一選択');
    await click('＋ 短い文章');
    await click('条件を追加');
    const selects = container.querySelectorAll<HTMLSelectElement>('.condition-editor select');
    expect([...(selects[0]?.options ?? [])].map((o) => o.value)).toEqual(['single_choice']);
    expect([...(selects[2]?.options ?? [])].map((o) => o.textContent)).toEqual([
      '選択肢1',
      '選択肢2',
    ]);
    expect(outline()[1]).toContain('表示する条件');
  });

  test('settings: online payment without a fee is flagged at the payment setting', async () => {
    act(() =>
      root.render(
        <I18nProvider>
          <BuilderScreen formId="frm_1" />
        </I18nProvider>,
      ),
    );
    await flush();
    await click('＋ 氏名');
    await click('設定');
    const payment = [...container.querySelectorAll('label')].find(
      (l) => l.textContent === '支払い',
    );
    const select = payment ? document.getElementById(payment.htmlFor) : null;
    if (!(select instanceof HTMLSelectElement)) throw new Error('no payment select');
    act(() => {
      select.value = 'at_submission';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(button('公開する').disabled).toBe(true);
  });

  test('unsaved changes are not lost silently: moving away asks, closing the tab warns', async () => {
    window.history.replaceState(null, '', '/forms/frm_1/builder');
    act(() =>
      root.render(
        <I18nProvider>
          <BuilderScreen formId="frm_1" />
        </I18nProvider>,
      ),
    );
    await flush();
    await click('＋ 日付');
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    act(() => navigate('/inbox'));
    expect(confirm).toHaveBeenCalledOnce();
    expect(window.location.pathname).toBe('/forms/frm_1/builder');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    await act(async () => button('下書きを保存').click());
    await flush();
    act(() => navigate('/inbox'));
    expect(confirm).toHaveBeenCalledOnce();
    expect(window.location.pathname).toBe('/inbox');
  });

  test('a JSON import that fails says why in Japanese, not in the parser English', async () => {
    act(() =>
      root.render(
        <I18nProvider>
          <BuilderScreen formId="frm_1" />
        </I18nProvider>,
      ),
    );
    await flush();
    const input = container.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    const pick = async (text: string) => {
      Object.defineProperty(input, 'files', {
        configurable: true,
        value: [new File([text], 'form.json', { type: 'application/json' })],
      });
      await act(async () => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await flush();
    };
    await pick('{ not json');
    expect(container.textContent).toContain(
      'JSONを読み込めません: ファイルがJSONの形式になっていません',
    );
    await pick('{"title": {"ja": "x"}}');
    expect(container.textContent).toContain(
      'JSONを読み込めません: フォームの定義ではありません（ページの一覧がありません）',
    );
  });
});
