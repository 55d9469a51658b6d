import type { FormDefinition } from '../definition/schema';
import { formWithPages, ja } from './form';

/** A definition using every field type once, with conditions and a group, for tests. */
export function allFieldsForm(): FormDefinition {
  const options = [
    { value: 'a', label: ja('A') },
    { value: 'b', label: ja('B') },
  ];
  return formWithPages(
    [
      {
        id: 'p1',
        title: ja('1'),
        fields: [
          { id: 'heading', type: 'heading', text: ja('見出し') },
          { id: 'paragraph', type: 'paragraph', text: ja('説明') },
          { id: 'short', type: 'short_text', label: ja('短文'), pii: 'other', required: true },
          { id: 'long', type: 'long_text', label: ja('長文'), pii: 'other' },
          { id: 'num', type: 'number', label: ja('数'), pii: 'none', min: 0, max: 99 },
          { id: 'mail', type: 'email', label: ja('メール'), pii: 'contact', required: true },
          { id: 'tel', type: 'phone', label: ja('電話'), pii: 'contact' },
          { id: 'day', type: 'date', label: ja('日付'), pii: 'none' },
          { id: 'clock', type: 'time', label: ja('時刻'), pii: 'none' },
          { id: 'one', type: 'single_choice', label: ja('単一'), pii: 'none', options },
          { id: 'many', type: 'multiple_choice', label: ja('複数'), pii: 'none', options },
          { id: 'yn', type: 'yes_no', label: ja('はい/いいえ'), pii: 'none' },
          { id: 'agree', type: 'consent', label: ja('同意'), pii: 'none', terms: ja('規約') },
        ],
      },
      {
        id: 'p2',
        title: ja('2'),
        showIf: {
          any: [
            { field: 'one', op: 'equals', value: 'a' },
            { field: 'yn', op: 'answered' },
          ],
        },
        fields: [
          { id: 'person', type: 'name', label: ja('氏名'), pii: 'name', required: true },
          { id: 'home', type: 'address', label: ja('住所'), pii: 'address' },
          { id: 'born', type: 'birth_date', label: ja('生年月日'), minAge: 18 },
          {
            id: 'mynum',
            type: 'my_number',
            label: ja('個人番号'),
            showIf: { field: 'many', op: 'contains', value: 'b' },
          },
          { id: 'bank', type: 'bank_account', label: ja('口座') },
          { id: 'scan', type: 'file', label: ja('添付'), pii: 'bank' },
          {
            id: 'kids',
            type: 'group',
            label: ja('子'),
            maxRows: 5,
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
            slots: [{ id: 's1', date: '2030-01-01', start: '10:00', end: '11:00', capacity: 1 }],
          },
          {
            id: 'copies',
            type: 'fee',
            label: ja('通数'),
            unitPrice: 300,
            quantity: { source: 'input', min: 1, max: 5 },
          },
          {
            id: 'postage',
            type: 'fee',
            label: ja('郵送料'),
            unitPrice: 110,
            quantity: { source: 'field', fieldId: 'num' },
          },
          { id: 'code', type: 'hidden', label: ja('コード'), pii: 'none', fromQuery: 'c' },
        ],
      },
    ],
    { options: { payment: { mode: 'at_submission' } } },
  );
}
