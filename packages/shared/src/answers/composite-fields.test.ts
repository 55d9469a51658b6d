import { describe, expect, test } from 'vitest';
import type { FieldInput } from '../fields/index';
import { formWith, ja } from '../testing/form';
import { validateAnswers } from './validate-answers';

const today = '2026-11-23';
const base = { id: 'f', label: ja('申請者'), required: true };

function run(field: FieldInput, input: unknown, locale: 'ja' | 'en' = 'ja') {
  const result = validateAnswers(formWith([field]), { f: input }, locale, { today });
  return result.ok ? { value: result.answers.f } : { issues: result.issues };
}

function messages(field: FieldInput, input: unknown): string[] {
  const result = run(field, input);
  return 'issues' in result && result.issues
    ? result.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    : [];
}

describe('name', () => {
  const field: FieldInput = { ...base, type: 'name', pii: 'name' };
  test.each([
    [
      'converts hiragana furigana to katakana and keeps kanji as typed',
      { family: ' 髙﨑 ', given: '花子', familyKana: 'たかさき', givenKana: 'ﾊﾅｺ' },
      { family: '髙﨑', given: '花子', familyKana: 'タカサキ', givenKana: 'ハナコ' },
    ],
    [
      'collapses full-width spaces in a foreign name',
      { family: 'SMITH', given: 'JOHN　 PAUL', familyKana: 'スミス', givenKana: 'ジョン ポール' },
      { family: 'SMITH', given: 'JOHN PAUL', familyKana: 'スミス', givenKana: 'ジョン ポール' },
    ],
  ])('%s', (_, input, value) => {
    expect(run(field, input)).toEqual({ value });
  });
  test('names each missing or wrong part', () => {
    expect(
      messages(field, { family: '山田', given: '', familyKana: '山田', givenKana: 'タロウ' }),
    ).toEqual([
      'f.given: 申請者（名）を入力してください',
      'f.familyKana: 申請者（氏フリガナ）はカタカナで入力してください',
    ]);
  });
  test('an all-blank name is unanswered, so required applies', () => {
    expect(messages(field, { family: '', given: ' ' })).toEqual(['f: 申請者を入力してください']);
  });
  test('kana can be switched off', () => {
    expect(
      run({ ...field, kana: 'none' }, { family: '山田', given: '太郎', familyKana: '!!' }),
    ).toEqual({
      value: { family: '山田', given: '太郎' },
    });
  });
  test('refuses a string', () => {
    expect(messages(field, '山田太郎')).toEqual(['f: 申請者の形式が正しくありません']);
  });
});

describe('address', () => {
  const field: FieldInput = { ...base, type: 'address', pii: 'address' };
  test('normalises the postal code and full-width ASCII, keeps kanji', () => {
    expect(
      run(field, {
        postalCode: '〒１６０－８４８４',
        prefecture: '東京都',
        city: '新宿区',
        town: '歌舞伎町１－４－１',
        building: '',
      }),
    ).toEqual({
      value: { postalCode: '1608484', prefecture: '東京都', city: '新宿区', town: '歌舞伎町1-4-1' },
    });
  });
  test('names each wrong part', () => {
    expect(
      messages(field, { postalCode: '160-84', prefecture: '東京', city: '', town: '1-1' }),
    ).toEqual([
      'f.postalCode: 申請者の郵便番号は7桁の数字で入力してください（例：160-8484）',
      'f.prefecture: 申請者の都道府県を選択してください',
      'f.city: 申請者（市区町村）を入力してください',
    ]);
  });
  test('the postal code can be optional', () => {
    expect(
      run(
        { ...field, postalCodeRequired: false },
        { prefecture: '北海道', city: '札幌市', town: '中央区北1条西2丁目' },
      ),
    ).toEqual({
      value: { prefecture: '北海道', city: '札幌市', town: '中央区北1条西2丁目' },
    });
  });
});

describe('birth_date', () => {
  const field: FieldInput = { ...base, type: 'birth_date', minAge: 18, maxAge: 64 };
  test.each([
    ['an adult', '1990-05-01', { value: '1990-05-01' }],
    ['turns 18 today', '2008-11-23', { value: '2008-11-23' }],
  ])('accepts %s', (_, input, expected) => expect(run(field, input)).toEqual(expected));
  test.each([
    ['turns 18 tomorrow', '2008-11-24', '18歳以上'],
    ['65 today', '1961-11-23', '64歳以下'],
    ['born in the future', '2027-01-01', '未来の日付'],
    ['an impossible date', '1990-02-30', '正しい日付'],
  ])('refuses %s', (_, input, message) => expect(messages(field, input).join()).toContain(message));
  test('ages on a fixed reference date', () => {
    const onApril = { ...field, minAge: 6, maxAge: undefined, ageOn: '2027-04-01' };
    expect(run(onApril, '2021-04-01')).toEqual({ value: '2021-04-01' });
    expect(messages(onApril, '2021-04-02').join()).toContain('6歳以上');
  });
});

describe('my_number', () => {
  const field: FieldInput = { ...base, type: 'my_number' };
  test.each([
    ['plain', '123456789018', { value: '123456789018' }],
    ['with spaces and full-width digits', '１２３４ ５６７８ ９０１８', { value: '123456789018' }],
  ])('accepts %s', (_, input, expected) => expect(run(field, input)).toEqual(expected));
  test.each([
    ['a wrong check digit', '123456789012', '正しくありません'],
    ['11 digits', '12345678901', '12桁'],
    ['letters', '12345678901a', '12桁'],
  ])('refuses %s', (_, input, message) => expect(messages(field, input).join()).toContain(message));
});

describe('bank_account', () => {
  const field: FieldInput = { ...base, type: 'bank_account' };
  const good = {
    bankCode: '０００５',
    bankName: '三菱ＵＦＪ銀行',
    branchCode: '００１',
    branchName: '新宿',
    accountType: 'ordinary',
    accountNumber: '１２３４５',
    holderKana: 'ﾐﾄﾞﾘ ﾀﾛｳ',
  };
  test('normalises codes, pads the account number, converts half-width kana', () => {
    const result = run(field, good);
    expect(result).toEqual({
      value: expect.objectContaining({
        bankCode: '0005',
        accountNumber: '0012345',
        holderKana: 'ミドリ タロウ',
        accountType: 'ordinary',
      }),
    });
    expect(messages(field, { ...good, branchCode: '1' })).toEqual([
      'f.branchCode: 申請者（支店コード）の形式が正しくありません',
    ]);
  });
  test.each([
    ['a 3-digit bank code', { bankCode: '123' }, 'f.bankCode'],
    ['an 8-digit account number', { accountNumber: '12345678' }, 'f.accountNumber'],
    ['a kanji holder name', { holderKana: '緑太郎' }, 'f.holderKana'],
    ['an account type not offered', { accountType: 'savings' }, 'f.accountType'],
    ['a missing branch name', { branchName: '' }, 'f.branchName'],
  ])('refuses %s', (_, change, path) => {
    expect(messages(field, { ...good, ...change }).join()).toContain(path);
  });
});

describe('file', () => {
  const field: FieldInput = {
    ...base,
    type: 'file',
    pii: 'bank',
    maxFiles: 2,
    maxSizeMb: 1,
    accept: ['image/jpeg', 'application/pdf'],
  };
  const photo = { id: 'att_1', name: '通帳.jpg', size: 1000, type: 'image/jpeg' };
  test('accepts references within the limits', () => {
    expect(run(field, [photo])).toEqual({ value: [photo] });
  });
  test.each([
    ['too many files', [photo, photo, photo], '2件まで'],
    ['a file too large', [{ ...photo, size: 2 * 1024 * 1024 }], '1MB以下'],
    ['a type not accepted', [{ ...photo, type: 'image/png' }], '添付できない形式'],
    ['a forged id', [{ ...photo, id: '../../etc/passwd' }], '形式が正しくありません'],
    ['no file when required', [], '添付してください'],
  ])('refuses %s', (_, input, message) => expect(messages(field, input).join()).toContain(message));
});

describe('reservation_slot', () => {
  const field: FieldInput = {
    ...base,
    type: 'reservation_slot',
    pii: 'none',
    slots: [
      { id: 'dec01-am', date: '2026-12-01', start: '10:00', end: '11:00', capacity: 2 },
      { id: 'nov01-am', date: '2026-11-01', start: '10:00', end: '11:00', capacity: 2 },
    ],
  };
  test('accepts a future slot', () =>
    expect(run(field, 'dec01-am')).toEqual({ value: 'dec01-am' }));
  test('refuses a past slot', () =>
    expect(messages(field, 'nov01-am').join()).toContain('表示されている日時'));
  test('refuses an unknown slot', () =>
    expect(messages(field, 'x').join()).toContain('表示されている日時'));
});

describe('hidden', () => {
  test('a fixed value wins over what the client sends', () => {
    expect(
      run({ id: 'f', type: 'hidden', label: ja('区分'), pii: 'none', value: 'web' }, 'forged'),
    ).toEqual({ value: 'web' });
  });
  test('a query value is kept, trimmed and limited', () => {
    const field: FieldInput = {
      id: 'f',
      type: 'hidden',
      label: ja('通知番号'),
      pii: 'other',
      fromQuery: 'letter',
    };
    expect(run(field, ' A-123 ')).toEqual({ value: 'A-123' });
    expect(messages(field, 'x'.repeat(501)).join()).toContain('500文字以内');
  });
});

describe('messages in English', () => {
  test('use the English label and wording', () => {
    const field: FieldInput = {
      id: 'f',
      type: 'short_text',
      label: { ja: '職業', en: 'occupation' },
      pii: 'employment',
      required: true,
    };
    expect(run(field, '', 'en')).toEqual({
      issues: [{ path: ['f'], message: 'Enter occupation' }],
    });
  });
  test('fall back to the Japanese label where no translation exists', () => {
    const field: FieldInput = { id: 'f', type: 'phone', label: ja('電話番号'), pii: 'contact' };
    expect(run(field, 'abc', 'en')).toEqual({
      issues: [
        { path: ['f'], message: 'Enter 電話番号 as a Japanese phone number, like 03-1234-5678' },
      ],
    });
  });
});
