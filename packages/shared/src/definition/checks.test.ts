import { describe, expect, test } from 'vitest';
import type { Condition } from '../conditions/schema';
import type { FieldInput } from '../fields/index';
import { formWith, formWithPages, ja } from '../testing/form';
import { checkDefinition, parseDefinition } from './checks';
import type { FormDefinitionInput } from './schema';

const choice: Extract<FieldInput, { type: 'single_choice' }> = {
  id: 'kind',
  type: 'single_choice',
  label: ja('種別'),
  pii: 'none',
  options: [
    { value: 'a', label: ja('A') },
    { value: 'b', label: ja('B') },
  ],
};
const text = (id: string, showIf?: Condition): Extract<FieldInput, { type: 'short_text' }> => ({
  id,
  type: 'short_text',
  label: ja(id),
  pii: 'none',
  showIf,
});

/** The problems of a definition as "path code" lines. */
function problems(fields: FieldInput[], extra: Partial<FormDefinitionInput> = {}): string[] {
  return checkDefinition(formWith(fields, extra)).map((p) => `${p.path} ${p.code}`);
}

describe('checkDefinition', () => {
  test('a sound definition has no problems', () => {
    expect(problems([choice, text('detail', { field: 'kind', op: 'equals', value: 'b' })])).toEqual(
      [],
    );
  });

  test('ids must be unique, nested fields included', () => {
    const group: FieldInput = {
      id: 'members',
      type: 'group',
      label: ja('世帯員'),
      fields: [text('kind')],
    };
    expect(problems([choice, group])).toEqual([
      'pages[0].fields[1].fields[0].id duplicate_field_id',
    ]);
  });

  test('page ids and CSV columns must be unique', () => {
    const form = formWithPages([
      { id: 'p', title: ja('1'), fields: [{ ...text('a'), csvColumn: '氏名' }] },
      { id: 'p', title: ja('2'), fields: [{ ...text('b'), csvColumn: '氏名' }] },
    ]);
    expect(checkDefinition(form).map((p) => `${p.path} ${p.code}`)).toEqual([
      'pages[1].id duplicate_page_id',
      'pages[1].fields[0].csvColumn duplicate_csv_column',
    ]);
  });

  test('Japanese texts must not be blank', () => {
    expect(
      problems(
        [
          {
            ...choice,
            label: { ja: ' ', en: 'Kind' },
            options: [{ value: 'a', label: { ja: '' } }],
          },
        ],
        { title: { ja: '' } },
      ),
    ).toEqual([
      'title.ja japanese_text_missing',
      'pages[0].fields[0].label.ja japanese_text_missing',
      'pages[0].fields[0].options[0].label.ja japanese_text_missing',
    ]);
  });

  test('option values and slot ids must be unique; limits must not be inverted', () => {
    expect(
      problems([
        {
          ...choice,
          options: [
            { value: 'a', label: ja('A') },
            { value: 'a', label: ja('A2') },
          ],
        },
        { id: 'n', type: 'number', label: ja('数'), pii: 'none', min: 5, max: 1 },
        {
          id: 'g',
          type: 'group',
          label: ja('行'),
          minRows: 3,
          maxRows: 2,
          fields: [text('row_a')],
        },
        {
          id: 's',
          type: 'reservation_slot',
          label: ja('日時'),
          pii: 'none',
          slots: [
            { id: 'x', date: '2027-01-01', start: '10:00', end: '09:00', capacity: 1 },
            { id: 'x', date: '2027-01-02', start: '10:00', end: '11:00', capacity: 1 },
          ],
        },
      ]),
    ).toEqual([
      'pages[0].fields[0].options[1].value duplicate_option_value',
      'pages[0].fields[1].min range_inverted',
      'pages[0].fields[2].minRows range_inverted',
      'pages[0].fields[3].slots[0].start range_inverted',
      'pages[0].fields[3].slots[1].id duplicate_slot_id',
    ]);
  });

  test('conditions must refer to existing, earlier fields', () => {
    expect(
      problems([
        text('first', { field: 'ghost', op: 'answered' }),
        text('second', { field: 'third', op: 'answered' }),
        text('third'),
      ]),
    ).toEqual([
      'pages[0].fields[0].showIf.field condition_unknown_field',
      'pages[0].fields[1].showIf.field condition_later_field',
    ]);
  });

  test('a field shown on a condition about itself is a cycle', () => {
    expect(problems([text('self', { field: 'self', op: 'answered' })])).toEqual([
      'pages[0].fields[0].showIf condition_cycle',
    ]);
  });

  test('a page shown on a condition about its own field is a cycle', () => {
    const form = formWithPages([
      {
        id: 'p',
        title: ja('1'),
        showIf: { field: 'kind', op: 'equals', value: 'a' },
        fields: [choice],
      },
    ]);
    expect(checkDefinition(form).map((p) => `${p.path} ${p.code} ${p.message}`)).toEqual([
      'pages[0].showIf condition_cycle 表示条件が循環しています：page:0 → field:kind → page:0',
    ]);
  });

  test('a group shown on a condition about its own row field is a cycle', () => {
    const group: FieldInput = {
      id: 'g',
      type: 'group',
      label: ja('行'),
      showIf: { field: 'row_a', op: 'answered' },
      fields: [text('row_a')],
    };
    expect(problems([group])).toEqual(['pages[0].fields[0].showIf condition_cycle']);
  });

  test('a row field shown on its own group is a loop', () => {
    const group: FieldInput = {
      id: 'members',
      type: 'group',
      label: ja('世帯員'),
      fields: [text('row_a'), text('note', { field: 'members', op: 'answered' })],
    };
    expect(problems([group])).toEqual([
      'pages[0].fields[0].fields[1].showIf.field condition_cycle',
    ]);
  });

  test('row fields can only be referred to from the same row', () => {
    const group: FieldInput = { id: 'g', type: 'group', label: ja('行'), fields: [text('row_a')] };
    const other: FieldInput = {
      id: 'h',
      type: 'group',
      label: ja('別'),
      fields: [text('row_b', { field: 'row_a', op: 'answered' })],
    };
    expect(problems([group, text('after', { field: 'row_a', op: 'answered' }), other])).toEqual([
      'pages[0].fields[1].showIf.field condition_out_of_scope',
      'pages[0].fields[2].fields[0].showIf.field condition_out_of_scope',
    ]);
  });

  test.each<[string, Condition, string]>([
    [
      'contains on a single choice',
      { field: 'kind', op: 'contains', value: 'a' },
      'showIf.op condition_incompatible',
    ],
    ['gt on a choice', { field: 'kind', op: 'gt', value: 1 }, 'showIf.op condition_incompatible'],
    [
      'a value that is no option',
      { field: 'kind', op: 'equals', value: 'z' },
      'showIf.value condition_unknown_value',
    ],
    [
      'one_of with an unknown option',
      { field: 'kind', op: 'one_of', values: ['a', 'z'] },
      'showIf.value condition_unknown_value',
    ],
    [
      'a number compared to a choice',
      { field: 'kind', op: 'equals', value: 1 },
      'showIf.value condition_incompatible',
    ],
  ])('refuses %s', (_, condition, expected) => {
    expect(problems([choice, text('x', condition)])).toEqual([`pages[0].fields[1].${expected}`]);
  });

  test('conditions nested too deeply are refused', () => {
    let deep: Condition = { field: 'kind', op: 'answered' };
    for (let i = 0; i < 7; i++) deep = { all: [deep] };
    expect(problems([choice, text('x', deep)])).toEqual([
      'pages[0].fields[1].showIf condition_too_deep',
    ]);
  });

  test('a fee quantity must come from a whole-number field', () => {
    const fee = (fieldId: string): FieldInput => ({
      id: `fee_${fieldId}`,
      type: 'fee',
      label: ja('手数料'),
      unitPrice: 300,
      quantity: { source: 'field', fieldId },
    });
    expect(
      problems([
        { id: 'copies', type: 'number', label: ja('通数'), pii: 'none' },
        { id: 'weight', type: 'number', label: ja('重さ'), pii: 'none', integer: false },
        fee('copies'),
        fee('weight'),
        fee('kind'),
        choice,
      ]),
    ).toEqual([
      'pages[0].fields[3].quantity.fieldId fee_quantity_field',
      'pages[0].fields[4].quantity.fieldId fee_quantity_field',
    ]);
  });

  test('online payment needs something to charge', () => {
    expect(problems([choice], { options: { payment: { mode: 'at_submission' } } })).toEqual([
      'options.payment.mode payment_without_fee',
    ]);
    expect(
      problems([choice], { options: { payment: { mode: 'after_acceptance', fixedFee: 500 } } }),
    ).toEqual([]);
  });

  test('card authentication needs attributes and prefill targets of the right type', () => {
    expect(
      problems([choice, { id: 'applicant', type: 'name', label: ja('氏名'), pii: 'name' }], {
        options: {
          cardAuthentication: {
            enabled: true,
            attributes: ['name'],
            prefill: { name: 'kind', birthdate: 'applicant' },
          },
        },
      }),
    ).toEqual([
      'options.cardAuthentication.prefill.name card_prefill_target',
      'options.cardAuthentication.prefill.birthdate card_prefill_target',
    ]);
    expect(problems([choice], { options: { cardAuthentication: { enabled: true } } })).toEqual([
      'options.cardAuthentication.attributes card_attributes_missing',
    ]);
    const gender = (values: string[]) =>
      problems(
        [
          {
            ...choice,
            options: values.map((value) => ({ value, label: ja(value) })),
          },
        ],
        {
          options: {
            cardAuthentication: {
              enabled: true,
              attributes: ['gender'],
              prefill: { gender: 'kind' },
            },
          },
        },
      );
    // The card gives male / female: the choice must offer both values to take it.
    expect(gender(['a', 'b'])).toEqual([
      'options.cardAuthentication.prefill.gender card_gender_values',
    ]);
    expect(gender(['female', 'male', 'other'])).toEqual([]);
  });

  test('one per person by email needs a required email field that is always asked', () => {
    const email = { id: 'mail', type: 'email', label: ja('メール'), pii: 'contact' } as const;
    const settings = { onePerPerson: 'email' } as const;
    expect(problems([email], { settings })).toEqual([
      'settings.onePerPerson one_per_person_source',
    ]);
    const conditional = {
      ...email,
      required: true,
      showIf: { field: 'kind', op: 'equals', value: 'a' },
    } as const;
    expect(problems([choice, conditional], { settings })).toEqual([
      'settings.onePerPerson one_per_person_source',
    ]);
    expect(problems([{ ...email, required: true }], { settings })).toEqual([]);
  });

  test('one per person needs its source', () => {
    expect(problems([choice], { settings: { onePerPerson: 'email' } })).toEqual([
      'settings.onePerPerson one_per_person_source',
    ]);
    expect(problems([choice], { settings: { onePerPerson: 'card_subject' } })).toEqual([
      'settings.onePerPerson one_per_person_source',
    ]);
  });

  test('the period must not be inverted', () => {
    expect(
      problems([choice], {
        settings: { opensAt: '2027-04-01T09:00:00+09:00', closesAt: '2027-03-31T17:00:00+09:00' },
      }),
    ).toEqual(['settings.closesAt period_inverted']);
  });

  test('mail templates may only use known placeholders', () => {
    const notifications = {
      arrival: {
        subject: ja('{{formTitle}}を受け付けました'),
        body: { ja: '{{referenceNumber}} {{ password }}', en: '{{amount}}' },
      },
    };
    expect(problems([choice], { notifications })).toEqual([
      'notifications.arrival.body.ja unknown_placeholder',
    ]);
  });

  test('a form needs at least one input field', () => {
    expect(problems([{ id: 'h', type: 'heading', text: ja('見出し') }])).toEqual([
      'pages no_input_fields',
    ]);
  });

  test('messages are given in the requested language and name the path', () => {
    const [problem] = checkDefinition(
      formWith([text('a', { field: 'zzz', op: 'answered' })]),
      'en',
    );
    expect(problem).toEqual({
      path: 'pages[0].fields[0].showIf.field',
      code: 'condition_unknown_field',
      message: 'The condition refers to a field that does not exist: "zzz"',
    });
  });
});

describe('parseDefinition', () => {
  test('reports shape errors with their path', () => {
    const result = parseDefinition(
      {
        schemaVersion: 1,
        title: { ja: 'x' },
        pages: [{ id: 'P 1', fields: [{ type: 'rocket' }] }],
      },
      'en',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.every((p) => p.code === 'shape')).toBe(true);
      expect(result.problems.map((p) => p.path)).toContain('pages[0].id');
    }
  });

  test('fills in defaults and runs the checks', () => {
    const result = parseDefinition({
      schemaVersion: 1,
      title: ja('申請'),
      purposeOfUse: ja('審査'),
      category: 'survey',
      yearlyVolume: 10,
      retentionDays: 30,
      pages: [
        {
          id: 'p',
          title: ja('1'),
          fields: [{ id: 'q', type: 'yes_no', label: ja('質問'), pii: 'none' }],
        },
      ],
    });
    expect(result.ok && result.definition.settings).toEqual({
      onePerPerson: 'none',
      channel: 'internet',
      access: 'public',
    });
    expect(result.ok && result.definition.options.payment).toEqual({
      mode: 'none',
      fixedFee: 0,
      deadlineMinutes: 60,
    });
  });

  test('refuses unknown properties (a typo in a definition is a bug, not an extension)', () => {
    const result = parseDefinition({
      schemaVersion: 1,
      title: ja('x'),
      purposeOfUse: ja('y'),
      category: 'survey',
      yearlyVolume: 1,
      retentionDays: 1,
      pages: [],
      colour: 'red',
    });
    expect(result.ok).toBe(false);
  });
});
