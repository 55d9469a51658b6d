import {
  type Answers,
  type FormDefinition,
  type FormDefinitionInput,
  fieldTypes,
  parseDefinition,
  shownParts,
} from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import { renderDocument } from './document';
import { fieldContext, issueAnchor } from './fields/context';
import { readPostedPage } from './form-data';
import { messagesFor } from './messages';
import { actionValue, type FormAction, parseAction } from './names';
import { CompletePage, FormPageView } from './pages/apply';
import { ToPaymentPage } from './pages/payment';
import { AnswerSummary } from './summary';

const ja = (text: string) => ({ ja: text, en: `${text} (en)` });
const options = [
  { value: 'a', label: ja('エー') },
  { value: 'b', label: ja('ビー') },
];

/** One page holding every field type of the form language, and a group with nested fields. */
const everyField: FormDefinitionInput = {
  schemaVersion: 1,
  title: ja('すべての項目'),
  purposeOfUse: ja('テストに利用します'),
  category: 'application',
  yearlyVolume: 1,
  retentionDays: 1,
  pages: [
    {
      id: 'p1',
      title: ja('入力'),
      fields: [
        { id: 'heading', type: 'heading', text: ja('見出し') },
        { id: 'paragraph', type: 'paragraph', text: ja('説明\n二行目') },
        { id: 'short', type: 'short_text', label: ja('短文'), pii: 'other', required: true },
        { id: 'kana', type: 'short_text', label: ja('カナ'), pii: 'other', charset: 'katakana' },
        { id: 'long', type: 'long_text', label: ja('長文'), pii: 'other' },
        {
          id: 'num',
          type: 'number',
          label: ja('数'),
          pii: 'none',
          min: 0,
          max: 99,
          unit: ja('人'),
        },
        { id: 'mail', type: 'email', label: ja('メール'), pii: 'contact', required: true },
        { id: 'tel', type: 'phone', label: ja('電話'), pii: 'contact' },
        { id: 'day', type: 'date', label: ja('日付'), pii: 'none' },
        { id: 'clock', type: 'time', label: ja('時刻'), pii: 'none', stepMinutes: 15 },
        { id: 'one', type: 'single_choice', label: ja('単一'), pii: 'none', options },
        {
          id: 'pick',
          type: 'single_choice',
          label: ja('一覧'),
          pii: 'none',
          display: 'select',
          options,
        },
        { id: 'many', type: 'multiple_choice', label: ja('複数'), pii: 'none', options },
        { id: 'yn', type: 'yes_no', label: ja('はい/いいえ'), pii: 'none' },
        { id: 'agree', type: 'consent', label: ja('同意'), pii: 'none', terms: ja('規約') },
        { id: 'person', type: 'name', label: ja('氏名'), pii: 'name', required: true },
        { id: 'home', type: 'address', label: ja('住所'), pii: 'address' },
        { id: 'born', type: 'birth_date', label: ja('生年月日'), minAge: 18 },
        { id: 'mynum', type: 'my_number', label: ja('個人番号') },
        { id: 'bank', type: 'bank_account', label: ja('口座') },
        { id: 'scan', type: 'file', label: ja('添付'), pii: 'other', maxFiles: 2 },
        {
          id: 'kids',
          type: 'group',
          label: ja('子'),
          rowLabel: ja('子'),
          maxRows: 3,
          fields: [
            { id: 'kid_name', type: 'name', label: ja('子の氏名'), pii: 'name', required: true },
            { id: 'kid_born', type: 'birth_date', label: ja('子の生年月日') },
            {
              id: 'kid_note',
              type: 'short_text',
              label: ja('備考'),
              pii: 'health',
              showIf: { field: 'kid_born', op: 'gt', value: '2020-01-01' },
            },
          ],
        },
        {
          id: 'slot',
          type: 'reservation_slot',
          label: ja('日時'),
          pii: 'none',
          slots: [{ id: 's1', date: '2030-01-01', start: '10:00', end: '11:00', capacity: 2 }],
        },
        {
          id: 'copies',
          type: 'fee',
          label: ja('通数'),
          unitPrice: 300,
          quantity: { source: 'input', min: 1, max: 5 },
        },
        { id: 'campaign', type: 'hidden', label: ja('経路'), pii: 'none', fromQuery: 'c' },
      ],
    },
  ],
};

function definitionOf(input: FormDefinitionInput): FormDefinition {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.definition;
}

const definition = definitionOf(everyField);
const page = definition.pages[0];

const answers = {
  short: 'テキスト',
  mail: { value: 'a@example.jp', confirm: 'a@example.jp' },
  day: '2026-11-23',
  one: 'b',
  many: ['a', 'b'],
  yn: 'no',
  agree: 'on',
  person: { family: '緑', given: '花子', familyKana: 'ミドリ', givenKana: 'ハナコ' },
  home: {
    postalCode: '1608484',
    prefecture: '東京都',
    city: 'みどり区',
    town: '1-2-3',
    building: '',
  },
  mynum: '123456789018',
  scan: [{ id: 'att_1', name: 'a.pdf', size: 2048, type: 'application/pdf' }],
  kids: [
    {
      kid_name: { family: '緑', given: '一郎', familyKana: '', givenKana: '' },
      kid_born: '2021-05-05',
    },
  ],
  campaign: 'mail',
};

function render(
  options: { errors?: Map<string, string[]>; locale?: 'ja' | 'en'; locked?: Set<string> } = {},
) {
  if (!page) throw new Error('no page');
  const locale = options.locale ?? 'ja';
  const ctx = fieldContext({
    locale,
    m: messagesFor(locale),
    today: '2026-11-23',
    action: '/t/midori/f/frm_1',
    errors: options.errors ?? new Map(),
    shown: shownParts(definition, answers, locale, { today: '2026-11-23' }).fields,
    ...(options.locked ? { locked: options.locked } : {}),
  });
  return renderDocument(
    FormPageView({
      chrome: { locale, municipality: 'みどり区', brand: 'green', stylesheet: '/assets/x.css' },
      csrfToken: 'token',
      state: 'state',
      definition,
      page,
      pageNumber: 1,
      pageCount: 1,
      answers,
      ctx,
      errors: [],
      notices: [],
      hasPrevious: false,
      isLast: true,
      reviewing: false,
      correcting: false,
    }),
  );
}

/** The attributes of every element with the tag, read with a regular expression (no parser here). */
function elements(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((match) =>
    Object.fromEntries(
      [...(match[1] ?? '').matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((attribute) => [
        attribute[1] ?? '',
        (attribute[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
      ]),
    ),
  );
}

describe('every field type renders accessibly', () => {
  const html = render();

  test('each type of the form language is on the page (hidden values are not shown)', () => {
    const types = new Set(elements(html, 'div').map((div) => div['data-type']));
    for (const type of fieldTypes) expect(types.has(type), type).toBe(type !== 'hidden');
  });

  test('every control has a unique id and a label tied to it', () => {
    const controls = [
      ...elements(html, 'input'),
      ...elements(html, 'select'),
      ...elements(html, 'textarea'),
    ].filter((control) => control.type !== 'hidden');
    const ids = controls.map((control) => control.id);
    expect(ids.every(Boolean)).toBe(true);
    const allIds = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(allIds).size).toBe(allIds.length);
    const labelled = new Set(elements(html, 'label').map((label) => label.for));
    for (const id of ids) expect(labelled.has(id), id).toBe(true);
  });

  test('groups of choices and composite answers are fieldsets with a legend', () => {
    const fieldsets = (html.match(/<fieldset\b/g) ?? []).length;
    const legends = (html.match(/<legend\b/g) ?? []).length;
    expect(legends).toBe(fieldsets);
    // one, many, yn, agree, person, home, bank (+ its account type), kids (+ a row, its name), slot
    expect(fieldsets).toBeGreaterThanOrEqual(12);
  });

  test('autocomplete and inputmode suit each answer', () => {
    const inputs = new Map(elements(html, 'input').map((input) => [input.id, input]));
    expect(inputs.get('f-person-family')?.autocomplete).toBe('family-name');
    expect(inputs.get('f-person-given')?.autocomplete).toBe('given-name');
    expect(inputs.get('f-person-familyKana')?.['data-hook']).toBe('kana');
    expect(inputs.get('f-home-postalCode')).toMatchObject({
      autocomplete: 'postal-code',
      inputmode: 'numeric',
    });
    expect(inputs.get('f-mail-value')).toMatchObject({ type: 'email', autocomplete: 'email' });
    expect(inputs.get('f-tel')).toMatchObject({ type: 'tel', autocomplete: 'tel' });
    expect(inputs.get('f-born')).toMatchObject({ type: 'date', autocomplete: 'bday' });
    expect(inputs.get('f-mynum')).toMatchObject({ inputmode: 'numeric', autocomplete: 'off' });
    expect(inputs.get('f-clock')).toMatchObject({ type: 'time', step: '900' });
    // Rows are about other people: the browser must not fill in the resident's own name.
    expect(inputs.get('f-kids-0-kid_name-family')?.autocomplete).toBe('off');
    expect(elements(html, 'select').find((s) => s.id === 'f-home-prefecture')?.autocomplete).toBe(
      'address-level1',
    );
  });

  test('和暦 beside dates, limits of files, the stored My Number masked, a hidden condition kept', () => {
    expect(html).toContain('和暦：令和8年11月23日');
    expect(html).toContain('1ファイル10MBまで、2ファイルまで');
    expect(html).toContain('********9018');
    expect(html).not.toContain('123456789018');
    const note = elements(html, 'div').find((div) => div['data-field'] === 'kids.0.kid_note');
    expect(note).toBeDefined();
    expect(note && 'hidden' in note).toBe(false);
    expect(html).toContain(
      'button type="submit" class="button button--secondary" name="_action" value="add_row:kids"',
    );
  });

  test('no inline script, style or event handler anywhere', () => {
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  });

  test('a problem sets aria-invalid and is described by a message that exists', () => {
    const errored = render({
      errors: new Map([
        ['person.familyKana', ['カタカナで入力してください']],
        ['tel', ['電話番号を正しく入力してください']],
      ]),
    });
    const inputs = new Map(elements(errored, 'input').map((input) => [input.id, input]));
    expect(inputs.get('f-person-familyKana')?.['aria-invalid']).toBe('true');
    expect(inputs.get('f-person-family')?.['aria-invalid']).toBeUndefined();
    expect(inputs.get('f-tel')?.['aria-invalid']).toBe('true');
    for (const id of (inputs.get('f-tel')?.['aria-describedby'] ?? '').split(' '))
      expect(errored).toContain(`id="${id}"`);
    expect(errored).toContain('電話番号を正しく入力してください');
  });

  test('English texts where the form has them', () => {
    const english = render({ locale: 'en' });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('短文 (en)');
    expect(english).toContain('Japanese calendar: November 23, Reiwa 8 (2026)');
  });
});

describe('the names in the HTML and what the server reads back', () => {
  test('every problem path links to an element of the page', () => {
    const html = render();
    for (const path of [
      ['short'],
      ['mail', 'confirm'],
      ['person'],
      ['home', 'prefecture'],
      ['one'],
      ['many'],
      ['kids'],
      ['kids', 0, 'kid_name', 'givenKana'],
      ['scan', 0],
      ['bank', 'accountType'],
    ]) {
      expect(html, path.join('.')).toContain(`id="${issueAnchor(definition, path)}"`);
    }
  });

  test('a page posted as rendered reads back as the answers it showed', () => {
    const html = render();
    const posted = new Map<string, string[]>();
    const add = (name: string, value: string) =>
      posted.set(name, [...(posted.get(name) ?? []), value]);
    for (const input of elements(html, 'input')) {
      if (!input.name?.startsWith('a.') || input.type === 'file') continue;
      if ((input.type === 'radio' || input.type === 'checkbox') && !('checked' in input)) continue;
      add(input.name, input.value ?? '');
    }
    for (const match of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const selected = /<option value="([^"]*)" selected/.exec(match[2] ?? '');
      add(match[1] ?? '', selected?.[1] ?? '');
    }
    for (const match of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
      add(match[1] ?? '', match[2] ?? '');
    if (!page) throw new Error('no page');
    const read = readPostedPage(page.fields, answers, posted);
    expect(read.repeated).toEqual([]);
    expect([...posted.keys()].every((name) => read.consumed.has(name))).toBe(true);
    expect(read.answers).toMatchObject({
      short: 'テキスト',
      mail: { value: 'a@example.jp', confirm: 'a@example.jp' },
      one: 'b',
      many: ['a', 'b'],
      yn: 'no',
      agree: 'on',
      person: answers.person,
      home: { postalCode: '1608484', prefecture: '東京都', city: 'みどり区', town: '1-2-3' },
      // Not shown, so not posted: kept from before.
      mynum: '123456789018',
      scan: answers.scan,
      campaign: 'mail',
    });
    expect((read.answers.kids as Record<string, unknown>[])[0]?.kid_born).toBe('2021-05-05');
  });

  test('button actions read back as they were written, anything else is refused', () => {
    const actions: FormAction[] = [
      { kind: 'next' },
      { kind: 'submit' },
      { kind: 'goto', pageId: 'p1' },
      { kind: 'add_row', groupId: 'kids' },
      { kind: 'remove_row', groupId: 'kids', row: 2 },
      { kind: 'remove_file', path: ['kids', '1', 'scan'], fileId: 'att_x-1' },
      { kind: 'language', locale: 'en' },
    ];
    for (const action of actions) expect(parseAction(actionValue(action))).toEqual(action);
    for (const bad of [
      '',
      'drop',
      'goto:',
      'goto:../x',
      'remove_row:kids:x',
      'language:fr',
      'x'.repeat(400),
    ])
      expect(parseAction(bad), bad).toBeUndefined();
  });
});

describe('answers filled in from a My Number card', () => {
  const locked = new Set([
    'person.family',
    'person.given',
    'home.postalCode',
    'home.prefecture',
    'home.city',
    'home.town',
    'born',
  ]);
  const html = render({ locked });
  const inputs = elements(html, 'input');
  const byName = (name: string) => inputs.find((input) => input.name === name);

  test('are read-only with their values, and say where they come from', () => {
    for (const name of [
      'a.person.family',
      'a.person.given',
      'a.home.postalCode',
      'a.home.prefecture',
      'a.home.city',
      'a.home.town',
      'a.born',
    ])
      expect(byName(name), name).toHaveProperty('readonly');
    expect(byName('a.home.prefecture')?.value).toBe('東京都');
    expect(byName('a.person.family')?.value).toBe('緑');
    expect(html).toContain(messagesFor('ja').cardLocked);
    // Nothing the card does not hold is locked: the kana, the building.
    expect(byName('a.person.familyKana')).not.toHaveProperty('readonly');
    expect(byName('a.home.building')).not.toHaveProperty('readonly');
    expect(elements(html, 'select').some((select) => select.name === 'a.home.prefecture')).toBe(
      false,
    );
  });

  test('without a card nothing is read-only', () => {
    expect(elements(render(), 'input').some((input) => 'readonly' in input)).toBe(false);
  });
});

describe('paying', () => {
  const chrome = {
    locale: 'en' as const,
    municipality: 'Midori',
    brand: 'green' as const,
    stylesheet: '/assets/x.css',
  };

  test('the completion page of an unpaid application says so in English, with the pay form', () => {
    const html = renderDocument(
      CompletePage({
        chrome,
        definition,
        referenceNumber: '2611-0000001',
        mailSent: false,
        statusHref: '/t/midori/status',
        csrfToken: 'token',
        payment: {
          state: 'requested',
          amount: 1200,
          deadline: Date.parse('2026-11-23T15:30:00Z'),
          due: true,
          action: '/t/midori/status/pay',
        },
      }),
    );
    expect(html).toContain('Waiting for your payment');
    expect(html).toContain('not complete yet');
    expect(html).toContain('¥1,200');
    expect(html).toContain('24 November 2026 at 00:30');
    const form = elements(html, 'form').find((element) => element.id === 'pay-form');
    expect(form).toMatchObject({ method: 'post', action: '/t/midori/status/pay' });
    expect(elements(html, 'input').find((input) => input.name === '_csrf')?.value).toBe('token');
  });

  test('a provider on another origin is reached by a refresh and a link, not a form redirect', () => {
    const html = renderDocument(
      ToPaymentPage({ chrome, payUrl: 'https://checkout.example/c/pay/cs_1' }),
    );
    expect(html).toContain(
      '<meta http-equiv="refresh" content="0;url=https://checkout.example/c/pay/cs_1"',
    );
    expect(elements(html, 'a').find((a) => a.id === 'to-payment')?.href).toBe(
      'https://checkout.example/c/pay/cs_1',
    );
  });
});

describe('the fee in the answers', () => {
  // 300 yen a copy; the fee field's answer is the quantity.
  const definition = definitionOf({
    ...everyField,
    pages: [
      {
        id: 'request',
        title: { ja: '請求' },
        fields: [
          {
            id: 'copies',
            type: 'number',
            label: { ja: '通数' },
            required: true,
            pii: 'none',
            integer: true,
            min: 1,
          },
          {
            id: 'fee',
            type: 'fee',
            label: { ja: '手数料' },
            pii: 'none',
            unitPrice: 300,
            quantity: { source: 'field', fieldId: 'copies' },
          },
        ],
      },
    ],
  });
  const answers = { copies: 2, fee: 2 } as unknown as Answers;

  test('is an amount to pay until paid, and the fee once paid or refunded', () => {
    const due = String(AnswerSummary({ definition, answers, locale: 'ja' }));
    expect(due).toContain('お支払いいただく金額');
    const settled = String(AnswerSummary({ definition, answers, locale: 'ja', feeSettled: true }));
    expect(settled).not.toContain('お支払いいただく金額');
    expect(settled).toContain('<h2 class="heading-m" id="fee-total">手数料</h2>');
  });
});
