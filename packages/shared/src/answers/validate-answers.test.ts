import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import type { FieldInput } from '../fields/index';
import { formWith, formWithPages, ja } from '../testing/form';
import { buildAnswerSchema } from './build-answer-schema';
import { todayInJapan, validateAnswers } from './validate-answers';

const today = '2026-11-23';
const nationality: FieldInput = {
  id: 'nationality',
  type: 'single_choice',
  label: ja('国籍'),
  pii: 'nationality',
  required: true,
  options: [
    { value: 'japan', label: ja('日本') },
    { value: 'other', label: ja('日本以外') },
  ],
};
const residenceCard: FieldInput = {
  id: 'residence_card',
  type: 'short_text',
  charset: 'alphanumeric',
  label: ja('在留カード番号'),
  pii: 'nationality',
  required: true,
  showIf: { field: 'nationality', op: 'equals', value: 'other' },
};

describe('conditions in a submission', () => {
  const form = formWith([nationality, residenceCard]);

  test('a shown field is validated and required', () => {
    const result = validateAnswers(form, { nationality: 'other' }, 'ja', { today });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: ['residence_card'], message: '在留カード番号を入力してください' }],
    });
  });

  test('an answer to a hidden field is dropped, even an invalid one', () => {
    const result = validateAnswers(form, { nationality: 'japan', residence_card: '!!' }, 'ja', {
      today,
    });
    expect(result).toEqual({ ok: true, answers: { nationality: 'japan' } });
  });

  test('hiding cascades: a field shown by a hidden field is hidden too', () => {
    const permit: FieldInput = {
      id: 'permit_expiry',
      type: 'date',
      label: ja('在留期間満了日'),
      pii: 'nationality',
      required: true,
      showIf: { field: 'residence_card', op: 'answered' },
    };
    const cascade = formWith([nationality, residenceCard, permit]);
    expect(
      validateAnswers(
        cascade,
        { nationality: 'japan', residence_card: 'AB12345678CD', permit_expiry: '2030-01-01' },
        'ja',
        { today },
      ),
    ).toEqual({
      ok: true,
      answers: { nationality: 'japan' },
    });
    expect(
      validateAnswers(cascade, { nationality: 'other', residence_card: 'ab12345678cd' }, 'ja', {
        today,
      }),
    ).toEqual({
      ok: false,
      issues: [{ path: ['permit_expiry'], message: '在留期間満了日を入力してください' }],
    });
  });

  test('a hidden page drops all its answers', () => {
    const form2 = formWithPages([
      { id: 'p1', title: ja('1'), fields: [nationality] },
      {
        id: 'p2',
        title: ja('2'),
        showIf: { field: 'nationality', op: 'equals', value: 'other' },
        fields: [{ ...residenceCard, showIf: undefined }],
      },
    ]);
    expect(
      validateAnswers(form2, { nationality: 'japan', residence_card: 'X1' }, 'ja', { today }),
    ).toEqual({
      ok: true,
      answers: { nationality: 'japan' },
    });
  });

  test('conditions compare normalised values (full-width digits)', () => {
    const count: FieldInput = { id: 'count', type: 'number', label: ja('人数'), pii: 'family' };
    const note: FieldInput = {
      id: 'note',
      type: 'long_text',
      label: ja('理由'),
      pii: 'other',
      required: true,
      showIf: { field: 'count', op: 'gt', value: 4 },
    };
    expect(validateAnswers(formWith([count, note]), { count: '５' }, 'ja', { today })).toEqual({
      ok: false,
      issues: [{ path: ['note'], message: '理由を入力してください' }],
    });
  });
});

describe('repeatable groups', () => {
  const children: FieldInput = {
    id: 'children',
    type: 'group',
    label: ja('お子さん'),
    rowLabel: ja('お子さん'),
    required: true,
    maxRows: 3,
    fields: [
      { id: 'child_name', type: 'name', label: ja('氏名'), pii: 'name', required: true },
      { ...nationality, id: 'child_nationality' },
      {
        ...residenceCard,
        id: 'child_card',
        showIf: { field: 'child_nationality', op: 'equals', value: 'other' },
      },
    ],
  };
  const form = formWith([children]);
  const child = (nat: string, card?: string) => ({
    child_name: { family: '山田', given: '一郎', familyKana: 'やまだ', givenKana: 'いちろう' },
    child_nationality: nat,
    ...(card === undefined ? {} : { child_card: card }),
  });

  test('each row is evaluated on its own: hidden in one row, required in another', () => {
    const result = validateAnswers(
      form,
      { children: [child('japan', 'dropped'), child('other')] },
      'ja',
      { today },
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: ['children', 1, 'child_card'],
          message: 'お子さん（2件目）の在留カード番号を入力してください',
        },
      ],
    });
  });

  test('valid rows are normalised and hidden answers dropped', () => {
    const result = validateAnswers(
      form,
      { children: [child('japan', 'dropped'), child('other', 'ab12345678cd')] },
      'ja',
      { today },
    );
    expect(result.ok && result.answers.children).toEqual([
      {
        child_name: { family: '山田', given: '一郎', familyKana: 'ヤマダ', givenKana: 'イチロウ' },
        child_nationality: 'japan',
      },
      {
        child_name: { family: '山田', given: '一郎', familyKana: 'ヤマダ', givenKana: 'イチロウ' },
        child_nationality: 'other',
        child_card: 'AB12345678CD',
      },
    ]);
  });

  test('blank rows (as a page without JavaScript posts them) are ignored', () => {
    const blank = {
      child_name: { family: '', given: '', familyKana: '', givenKana: '' },
      child_nationality: '',
    };
    const result = validateAnswers(form, { children: [blank, child('japan'), blank] }, 'ja', {
      today,
    });
    expect(result.ok && result.answers.children).toHaveLength(1);
  });

  test('row counts are enforced', () => {
    expect(validateAnswers(form, { children: [] }, 'ja', { today })).toEqual({
      ok: false,
      issues: [{ path: ['children'], message: 'お子さんは1件以上入力してください' }],
    });
    const four = [child('japan'), child('japan'), child('japan'), child('japan')];
    expect(validateAnswers(form, { children: four }, 'ja', { today })).toEqual({
      ok: false,
      issues: [{ path: ['children'], message: 'お子さんは3件まで入力できます' }],
    });
  });

  test('unknown keys inside a row and non-object rows are refused', () => {
    const result = validateAnswers(
      form,
      { children: [{ ...child('japan'), extra: 1 }, 42] },
      'ja',
      { today },
    );
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      ['children', 0, 'extra'],
      ['children', 1],
    ]);
  });

  test('a row condition can refer to a top-level field before the group', () => {
    const lives: FieldInput = {
      id: 'lives_in_ward',
      type: 'yes_no',
      label: ja('区内在住'),
      pii: 'address',
      required: true,
    };
    const group: FieldInput = {
      id: 'members',
      type: 'group',
      label: ja('世帯員'),
      fields: [
        { id: 'member_name', type: 'short_text', label: ja('氏名'), pii: 'name', required: true },
        {
          id: 'member_school',
          type: 'short_text',
          label: ja('学校'),
          pii: 'other',
          required: true,
          showIf: { field: 'lives_in_ward', op: 'equals', value: true },
        },
      ],
    };
    const result = validateAnswers(
      formWith([lives, group]),
      { lives_in_ward: 'no', members: [{ member_name: 'A', member_school: 'dropped' }] },
      'ja',
      { today },
    );
    expect(result).toEqual({
      ok: true,
      answers: { lives_in_ward: false, members: [{ member_name: 'A' }] },
    });
  });
});

describe('the submission as a whole', () => {
  const form = formWith([{ id: 'a', type: 'short_text', label: ja('A'), pii: 'none' }]);

  test.each([null, 'text', 42, [], true])('refuses %j as answers', (input) => {
    expect(validateAnswers(form, input, 'ja', { today })).toEqual({
      ok: false,
      issues: [{ path: [], message: '回答の形式が正しくありません' }],
    });
  });

  test('refuses unknown keys, including inherited names', () => {
    const input = JSON.parse('{"a":"x","b":1,"__proto__":{"polluted":true},"constructor":1}');
    const result = validateAnswers(form, input, 'en', { today });
    expect(result.ok ? [] : result.issues).toEqual([
      { path: ['b'], message: 'This field is not part of the form' },
      { path: ['__proto__'], message: 'This field is not part of the form' },
      { path: ['constructor'], message: 'This field is not part of the form' },
    ]);
  });

  test('page-by-page validation reports only the pages asked for, but reads the others', () => {
    const twoPages = formWithPages([
      { id: 'first', title: ja('1'), fields: [{ ...nationality }] },
      {
        id: 'second',
        title: ja('2'),
        fields: [
          { ...residenceCard },
          { id: 'memo', type: 'short_text', label: ja('メモ'), pii: 'none', required: true },
        ],
      },
    ]);
    expect(validateAnswers(twoPages, {}, 'ja', { today, pages: ['first'] })).toEqual({
      ok: false,
      issues: [{ path: ['nationality'], message: '国籍を選択してください' }],
    });
    expect(
      validateAnswers(twoPages, { nationality: 'other' }, 'ja', { today, pages: ['second'] }),
    ).toEqual({
      ok: false,
      issues: [
        { path: ['residence_card'], message: '在留カード番号を入力してください' },
        { path: ['memo'], message: 'メモを入力してください' },
      ],
    });
  });

  test('computed fee quantities are recorded; an asked one is validated', () => {
    const fees = formWith([
      {
        id: 'copies',
        type: 'number',
        label: ja('通数'),
        pii: 'none',
        min: 1,
        max: 10,
        required: true,
      },
      {
        id: 'copy_fee',
        type: 'fee',
        label: ja('交付手数料'),
        unitPrice: 300,
        quantity: { source: 'field', fieldId: 'copies' },
      },
      {
        id: 'postage',
        type: 'fee',
        label: ja('郵送料'),
        unitPrice: 110,
        quantity: { source: 'fixed', value: 1 },
      },
      {
        id: 'extra',
        type: 'fee',
        label: ja('追加'),
        unitPrice: 50,
        quantity: { source: 'input', min: 0, max: 3 },
      },
    ]);
    expect(
      validateAnswers(fees, { copies: '２', copy_fee: 99, extra: 1 }, 'ja', { today }),
    ).toEqual({
      ok: true,
      answers: { copies: 2, extra: 1, copy_fee: 2, postage: 1 },
    });
    expect(validateAnswers(fees, { copies: 1, extra: 4 }, 'ja', { today }).ok).toBe(false);
  });
});

describe('buildAnswerSchema', () => {
  const form = formWith([nationality, residenceCard]);

  test('is a valibot schema whose output is the normalised answers', () => {
    const result = v.safeParse(buildAnswerSchema(form, 'ja', { today }), {
      nationality: 'other',
      residence_card: 'ab12345678cd',
    });
    expect(result.success && result.output).toEqual({
      nationality: 'other',
      residence_card: 'AB12345678CD',
    });
  });

  test('its issues carry paths valibot can flatten, with messages in the locale', () => {
    const result = v.safeParse(buildAnswerSchema(form, 'en', { today }), {
      nationality: 'other',
      residence_card: '漢字',
    });
    if (result.success) throw new Error('expected issues');
    expect(v.flatten(result.issues).nested).toEqual({
      residence_card: ['Enter 在留カード番号 using letters and digits only'],
    });
  });
});

test('today in Japan is UTC+9', () => {
  expect(todayInJapan(new Date('2026-11-23T14:59:59Z'))).toBe('2026-11-23');
  expect(todayInJapan(new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-24');
});
