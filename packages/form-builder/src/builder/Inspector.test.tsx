import { act } from 'react';
import { describe, expect, test } from 'vitest';
import {
  button,
  click,
  container,
  flush,
  openBuilder,
  render,
  requests,
  setUpBuilderTests,
} from './test-support';
import { DiffList } from './VersionsPanel';

// The inspector and the settings as a ward designer uses them: texts in both languages, the
// limits each type has in the form language, slots, ids, card authentication and payment.

setUpBuilderTests();

/** The control a label names exactly (asterisk of required fields ignored). */
function control(label: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const found = [...container.querySelectorAll('label')].find(
    (l) => l.textContent?.replace(/ \*$/, '') === label,
  );
  const target = found ? document.getElementById(found.htmlFor) : null;
  if (
    !(
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement
    )
  )
    throw new Error(`no control ${label}`);
  return target;
}
const has = (label: string) =>
  [...container.querySelectorAll('label')].some(
    (l) => l.textContent?.replace(/ \*$/, '') === label,
  );

function type(label: string, value: string) {
  const target = control(label);
  act(() => {
    const proto =
      target instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(target, value);
    target.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function choose(label: string, value: string) {
  const target = control(label);
  if (!(target instanceof HTMLSelectElement)) throw new Error(`${label} is no select`);
  act(() => {
    target.value = value;
    target.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
function tick(label: string, checked: boolean) {
  const target = control(label);
  if (!(target instanceof HTMLInputElement)) throw new Error(`${label} is no checkbox`);
  if (target.checked !== checked) act(() => target.click());
}
const errorOf = (label: string) => {
  const target = control(label);
  const ids = target.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
};

async function saved(): Promise<{
  pages: { title: unknown; description?: unknown; fields: Record<string, unknown>[] }[];
  options?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  notifications?: Record<string, unknown>;
}> {
  await act(async () => button('下書きを保存').click());
  await flush();
  const put = requests.filter((r) => r.method === 'PUT').at(-1);
  if (!put) throw new Error('nothing saved');
  return (put.body as { definition: never }).definition;
}

describe('the inspector', () => {
  test('labels, help and choices in Japanese and English; page descriptions', async () => {
    await openBuilder();
    await click('＋ 単一選択');
    type('ラベル（日本語）', '申請の区分');
    type('ラベル（英語）', 'Kind of application');
    type('説明（日本語）', 'どちらか選んでください');
    type('説明（英語）', 'Choose one');
    // The choices are renamed where they read "選択肢1の表示（日本語）", not in a hidden place.
    type('選択肢1の表示（日本語）', '新規');
    type('選択肢1の表示（英語）', 'New');
    type('選択肢2の表示（日本語）', '更新');
    type('選択肢2の表示（英語）', 'Renewal');
    await click('選択肢を追加');
    // A new choice is empty and flagged until it has a Japanese label.
    expect(errorOf('選択肢3の表示（日本語）')).not.toBe('');
    type('選択肢3の表示（日本語）', '再発行');
    expect(errorOf('選択肢3の表示（日本語）')).toBe('');

    // A label renamed in Japanese drops the English type name it started with ("Short text").
    await click('＋ 短い文章');
    type('ラベル（日本語）', '職業');
    expect(control('ラベル（英語）').value).toBe('');

    await click('ページ 1: 申請者');
    type('ページの説明（日本語）', '申請する方について');
    type('ページの説明（英語）', 'About you');
    const definition = await saved();
    expect(definition.pages[0]?.description).toEqual({ ja: '申請する方について', en: 'About you' });
    expect(definition.pages[0]?.fields[0]).toMatchObject({
      label: { ja: '申請の区分', en: 'Kind of application' },
      help: { ja: 'どちらか選んでください', en: 'Choose one' },
      options: [
        { value: 'a', label: { ja: '新規', en: 'New' } },
        { value: 'b', label: { ja: '更新', en: 'Renewal' } },
        { value: 'o3', label: { ja: '再発行' } },
      ],
    });
    expect(definition.pages[0]?.fields[1]).toMatchObject({ label: { ja: '職業' } });
    expect(definition.pages[0]?.fields[1]?.label).not.toHaveProperty('en');
  });

  test('date, file and phone limits as the form language has them, errors beside the field', async () => {
    await openBuilder();
    await click('＋ 日付');
    choose('最も早い日付: 指定のしかた', 'relative');
    type('最も早い日付: 今日から何日後（前は負の数）', '7');
    choose('最も遅い日付: 指定のしかた', 'fixed');
    type('最も遅い日付: 日付', '2027-03-31');

    await click('＋ ファイル添付');
    tick('PDF', false);
    tick('Word (.docx)', true);
    type('1ファイルの上限（MB、1〜50）', '60');
    expect(errorOf('1ファイルの上限（MB、1〜50）')).not.toBe('');
    expect(button('公開する').disabled).toBe(true);
    type('1ファイルの上限（MB、1〜50）', '20');
    expect(errorOf('1ファイルの上限（MB、1〜50）')).toBe('');
    type('ファイル数の上限（1〜20）', '3');

    await click('＋ 電話番号');
    tick('固定電話', false);
    tick('IP電話（050）', false);
    tick('携帯電話', false);
    // No kind left: the form language wants one, and says so next to the list.
    expect(container.querySelector('fieldset[aria-describedby] .field-error')).not.toBeNull();
    tick('携帯電話', true);
    tick('ナビダイヤル（0570）', true);

    const fields = (await saved()).pages[0]?.fields ?? [];
    expect(fields[0]).toMatchObject({ min: { relative: 'today', days: 7 }, max: '2027-03-31' });
    expect(fields[1]).toMatchObject({
      accept: [
        'image/jpeg',
        'image/png',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      maxSizeMb: 20,
      maxFiles: 3,
    });
    expect(fields[2]).toMatchObject({ accept: ['mobile', 'navi_dial'] });
  });

  test('reservation slots: edit date, time and capacity, add and remove', async () => {
    await openBuilder();
    await click('＋ 予約枠');
    type('枠1の日付', '2027-05-10');
    type('枠1の定員', '4');
    type('枠1の名前（任意）', '午前の部');
    await click('予約枠を追加');
    // The new slot follows the last one: same day, the next hour.
    expect(control('枠2の日付').value).toBe('2027-05-10');
    expect(control('枠2の開始').value).toBe('11:00');
    type('枠2の終了', '10:30');
    expect(errorOf('枠2の開始')).not.toBe('');
    type('枠2の終了', '12:00');
    await click('予約枠を追加');
    await click('枠2を削除');
    const slots = (await saved()).pages[0]?.fields[0]?.slots;
    expect(slots).toEqual([
      {
        id: 'slot1',
        date: '2027-05-10',
        start: '10:00',
        end: '11:00',
        capacity: 4,
        label: { ja: '午前の部' },
      },
      { id: 'slot3', date: '2027-05-10', start: '12:00', end: '13:00', capacity: 4 },
    ]);
  });

  test('the field id is checked as typed and, once valid, renamed with its references', async () => {
    await openBuilder();
    await click('＋ 数値');
    await click('＋ 手数料');
    choose('数量', 'field');
    expect(control('数量にする数値項目（整数）').value).toBe('number');
    await click('数値 数値');
    const id = control('項目ID（英小文字・数字・_）');
    type('項目ID（英小文字・数字・_）', 'Copies');
    expect(errorOf('項目ID（英小文字・数字・_）')).toContain('英小文字で始め');
    type('項目ID（英小文字・数字・_）', 'fee');
    expect(errorOf('項目ID（英小文字・数字・_）')).toContain('別の項目');
    type('項目ID（英小文字・数字・_）', 'copies');
    act(() => id.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    const fields = (await saved()).pages[0]?.fields ?? [];
    expect(fields.map((f) => f.id)).toEqual(['copies', 'fee']);
    expect(fields[1]?.quantity).toEqual({ source: 'field', fieldId: 'copies' });
  });

  test('a new group starts with a named placeholder that the first field put into it replaces', async () => {
    await openBuilder();
    await click('＋ 繰り返しグループ');
    expect(container.querySelector('.placeholder-hint')).not.toBeNull();
    await click('＋ 数値');
    const group = (await saved()).pages[0]?.fields[0];
    expect(((group?.fields ?? []) as { id: string }[]).map((f) => f.id)).toEqual(['number']);
  });

  test('the version diff names properties in words', () => {
    render(
      <DiffList
        changes={[
          {
            kind: 'field_changed',
            id: 'a',
            label: '区分',
            properties: ['label', 'options', 'required'],
          },
          { kind: 'form_changed', properties: ['options', 'retentionDays'] },
        ]}
      />,
    );
    const items = [...container.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      '変更: 区分（ラベル、選択肢、必須）',
      'フォームの設定: オプション（メール確認・カード認証・支払い）、保存日数',
    ]);
  });

  test('the version diff has words for a changed field type and definition format too', () => {
    render(
      <DiffList
        changes={[
          { kind: 'field_changed', id: 'a', label: '区分', properties: ['options', 'type'] },
          { kind: 'form_changed', properties: ['schemaVersion'] },
        ]}
      />,
    );
    const items = [...container.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      '変更: 区分（選択肢、フィールドの種類）',
      'フォームの設定: 定義の形式の版',
    ]);
  });
});

describe('the settings: card authentication, payment and mails', () => {
  test('card authentication with attributes that fill fields of a matching type only', async () => {
    await openBuilder();
    await click('＋ 氏名');
    await click('＋ 住所');
    await click('＋ 生年月日');
    await click('＋ 短い文章');
    await click('設定');
    // One per card holder is offered only once card authentication is on.
    const rules = () => [...(control('1人1件') as HTMLSelectElement).options].map((o) => o.value);
    expect(rules()).toEqual(['none', 'email']);
    tick('申請の前にマイナンバーカードで本人確認する', true);
    expect(rules()).toEqual(['none', 'email', 'card_subject']);
    // On without attributes: the shared check says so beside the attribute list.
    expect(container.querySelector('.card-auth .field-error')?.textContent).toContain('属性');
    expect(button('公開する').disabled).toBe(true);
    tick('氏名', true);
    tick('住所', true);
    tick('生年月日', true);
    const targets = (label: string) =>
      [...(control(label) as HTMLSelectElement).options].map((o) => o.value);
    expect(targets('氏名を入れて固定する項目')).toEqual(['', 'name']);
    expect(targets('住所を入れて固定する項目')).toEqual(['', 'address']);
    expect(targets('生年月日を入れて固定する項目')).toEqual(['', 'birth_date']);
    choose('氏名を入れて固定する項目', 'name');
    choose('住所を入れて固定する項目', 'address');
    choose('生年月日を入れて固定する項目', 'birth_date');
    choose('1人1件', 'card_subject');
    // Unticking an attribute drops its prefill too (the check would refuse a stale one).
    tick('生年月日', false);
    expect(has('生年月日を入れて固定する項目')).toBe(false);

    choose('支払い', 'at_submission');
    type('申請ごとの定額手数料（円）', '300');
    type('支払い期限（申請から何分、5〜43200）', '2');
    expect(errorOf('支払い期限（申請から何分、5〜43200）')).not.toBe('');
    type('支払い期限（申請から何分、5〜43200）', '30');
    expect(button('公開する').disabled).toBe(false);

    const definition = await saved();
    expect(definition.options).toEqual({
      cardAuthentication: {
        enabled: true,
        attributes: ['name', 'address'],
        prefill: { name: 'name', address: 'address' },
      },
      payment: { mode: 'at_submission', fixedFee: 300, deadlineMinutes: 30 },
    });
    expect(definition.settings).toMatchObject({ onePerPerson: 'card_subject' });
  });

  test('gender fills a single choice only, and the builder asks for the values male and female', async () => {
    await openBuilder();
    await click('＋ 単一選択');
    await click('設定');
    tick('申請の前にマイナンバーカードで本人確認する', true);
    tick('性別', true);
    choose('性別を入れて固定する項目', 'single_choice');
    expect(errorOf('性別を入れて固定する項目')).toContain('male');
    await click('構成');
    type('選択肢1の値（CSV・条件で使う）', 'male');
    type('選択肢2の値（CSV・条件で使う）', 'female');
    await click('設定');
    expect(errorOf('性別を入れて固定する項目')).toBe('');
  });

  test('switching card authentication off flags one-per-card-holder beside the rule', async () => {
    await openBuilder();
    await click('＋ 氏名');
    await click('設定');
    tick('申請の前にマイナンバーカードで本人確認する', true);
    tick('氏名', true);
    choose('1人1件', 'card_subject');
    expect(button('公開する').disabled).toBe(false);
    tick('申請の前にマイナンバーカードで本人確認する', false);
    expect(errorOf('1人1件')).not.toBe('');
    expect(button('公開する').disabled).toBe(true);
  });

  test('notification texts in Japanese and English, placeholders checked in both', async () => {
    await openBuilder();
    await click('＋ 氏名');
    await click('設定');
    type('受付完了: 件名', '受け付けました（{{referenceNumber}}）');
    type('受付完了: 本文', '{{formTitle}}の申請を受け付けました。');
    type('受付完了: 件名（英語）', 'Accepted ({{reference}})');
    expect(errorOf('受付完了: 件名（英語）')).toContain('reference');
    type('受付完了: 件名（英語）', 'Accepted ({{referenceNumber}})');
    type('受付完了: 本文（英語）', 'We accepted your {{formTitle}} application.');
    expect(button('公開する').disabled).toBe(false);
    const definition = await saved();
    expect(definition.notifications?.acceptance).toEqual({
      subject: {
        ja: '受け付けました（{{referenceNumber}}）',
        en: 'Accepted ({{referenceNumber}})',
      },
      body: {
        ja: '{{formTitle}}の申請を受け付けました。',
        en: 'We accepted your {{formTitle}} application.',
      },
    });
  });
});
