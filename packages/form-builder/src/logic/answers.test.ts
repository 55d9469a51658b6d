import type { FormDefinition } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import { answerRows, answerText, changedFields, correctableFields } from './answers';

const definition = {
  pages: [
    {
      id: 'p1',
      title: { ja: '申請者' },
      fields: [
        { id: 'intro', type: 'heading', text: { ja: '申請者について' } },
        {
          id: 'who',
          type: 'name',
          label: { ja: '氏名', en: 'Name' },
          required: true,
          pii: 'name',
          kana: 'required',
        },
        {
          id: 'kind',
          type: 'single_choice',
          label: { ja: '種別' },
          required: true,
          pii: 'none',
          options: [
            { value: 'a', label: { ja: '住民票', en: 'Residence record' } },
            { value: 'b', label: { ja: '戸籍' } },
          ],
        },
        {
          id: 'born',
          type: 'birth_date',
          label: { ja: '生年月日' },
          required: true,
          pii: 'birthdate',
        },
        {
          id: 'docs',
          type: 'file',
          label: { ja: '添付' },
          required: false,
          pii: 'other_sensitive',
        },
        {
          id: 'children',
          type: 'group',
          label: { ja: '子ども' },
          required: false,
          pii: 'family',
          fields: [
            {
              id: 'child_name',
              type: 'short_text',
              label: { ja: '名前' },
              required: true,
              pii: 'name',
            },
          ],
        },
      ],
    },
  ],
} as unknown as FormDefinition;

const answers = {
  who: { family: '緑', given: '花子', familyKana: 'ミドリ', givenKana: 'ハナコ' },
  kind: 'a',
  born: '1990-05-01',
  docs: [{ id: 'att_1', name: '本人確認.pdf', size: 2048, type: 'application/pdf' }],
  children: [{ child_name: '一郎' }, { child_name: '二郎' }],
};

describe('answers as staff read them', () => {
  test('in document order, static text left out, with labels in the chosen language', () => {
    const rows = answerRows(definition, answers, 'ja');
    expect(rows.map((row) => [row.label, row.text])).toEqual([
      ['氏名', '緑 花子（ミドリ ハナコ）'],
      ['種別', '住民票'],
      ['生年月日', '1990-05-01（平成2年5月1日）'],
      ['添付', '本人確認.pdf'],
      ['子ども', ''],
    ]);
    expect(rows[3]?.files).toEqual([answers.docs[0]]);
    expect(rows[4]?.groupRows?.map((row) => row.map((cell) => cell.text))).toEqual([
      ['一郎'],
      ['二郎'],
    ]);
    expect(answerRows(definition, answers, 'en')[1]?.text).toBe('Residence record');
  });

  test('masked My Number stays masked; yes/no in words; unanswered is empty', () => {
    const myNumber = {
      id: 'mn',
      type: 'my_number',
      label: { ja: '個人番号' },
      required: true,
      pii: 'my_number',
    };
    expect(answerText(myNumber as never, '************', 'ja')).toBe('************');
    const yesNo = { id: 'yn', type: 'yes_no', label: { ja: '同居' }, required: true, pii: 'none' };
    expect(answerText(yesNo as never, false, 'ja')).toBe('いいえ');
    expect(answerText(yesNo as never, undefined, 'ja')).toBe('');
  });

  test('changes between revisions are found per field', () => {
    expect([...changedFields(answers, { ...answers, kind: 'b' })]).toEqual(['kind']);
    expect([...changedFields(answers, answers)]).toEqual([]);
  });

  test('fields to correct are the input fields, by label', () => {
    expect(correctableFields(definition, 'en').map((field) => field.id)).toEqual([
      'who',
      'kind',
      'born',
      'docs',
      'children',
    ]);
  });
});
