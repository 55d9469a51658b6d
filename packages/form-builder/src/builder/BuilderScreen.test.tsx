import { act } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { navigate } from '../app/router';
import {
  button,
  click,
  container,
  flush,
  openBuilder,
  requests,
  setUpBuilderTests,
} from './test-support';

setUpBuilderTests();

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
    await openBuilder();
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
    await openBuilder();
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
    await openBuilder();
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
    await openBuilder();
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
    await openBuilder();
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
