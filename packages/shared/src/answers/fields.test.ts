import { describe, expect, test } from 'vitest';
import type { FieldInput } from '../fields/index';
import { formWith, ja } from '../testing/form';
import { validateAnswers } from './validate-answers';

type Case = [description: string, input: unknown, expected: { value: unknown } | { error: string }];

const today = '2026-11-23';

/** Validates one answer to a one-field form and returns the value or the first message. */
function run(field: FieldInput, input: unknown, locale: 'ja' | 'en' = 'ja') {
  const definition = formWith([field]);
  const result = validateAnswers(definition, input === undefined ? {} : { f: input }, locale, {
    today,
  });
  return result.ok
    ? { value: result.answers.f }
    : { error: result.issues.map((i) => i.message).join(' / ') };
}

function table(name: string, field: FieldInput, cases: Case[]) {
  describe(name, () => {
    test.each(cases)('%s', (_, input, expected) => {
      const actual = run(field, input);
      if ('value' in expected) expect(actual).toEqual(expected);
      else
        expect(
          'error' in actual ? actual.error : `accepted ${JSON.stringify(actual.value)}`,
        ).toContain(expected.error);
    });
  });
}

const base = { id: 'f', label: ja('項目'), pii: 'none' as const };

table('short_text', { ...base, type: 'short_text', required: true, maxLength: 5 }, [
  ['keeps text as typed, trimmed', '  山田　 ', { value: '山田' }],
  ['does not NFKC free text', 'ｱ①', { value: 'ｱ①' }],
  ['counts code points, not UTF-16 units', '𠮷𠮷𠮷𠮷𠮷', { value: '𠮷𠮷𠮷𠮷𠮷' }],
  ['refuses over the limit', 'あいうえおか', { error: '5文字以内' }],
  ['refuses a blank required answer', '   ', { error: '項目を入力してください' }],
  ['refuses a missing required answer', undefined, { error: '項目を入力してください' }],
  ['refuses a number', 12, { error: '形式が正しくありません' }],
  ['refuses control characters', 'a\u0000b', { error: '使用できない文字' }],
  ['refuses a lone surrogate', 'a\uD800b', { error: '使用できない文字' }],
  ['turns newlines into spaces', 'a\nb', { value: 'a b' }],
  ['turns a tab and a CR LF into one space each run', 'a\tb\r\nc', { value: 'a b c' }],
  ['refuses a lone low surrogate', 'a\uDC00b', { error: '使用できない文字' }],
  ['refuses a high surrogate at the very end', 'ab\uD842', { error: '使用できない文字' }],
  ['refuses a C1 control', 'a\u0085b', { error: '使用できない文字' }],
  ['refuses DEL', 'a\u007Fb', { error: '使用できない文字' }],
]);
table('short_text katakana', { ...base, type: 'short_text', charset: 'katakana' }, [
  ['converts hiragana', 'やまだ', { value: 'ヤマダ' }],
  ['converts half-width kana', 'ﾔﾏﾀﾞ', { value: 'ヤマダ' }],
  ['refuses kanji', '山田', { error: 'カタカナ' }],
  ['takes a blank optional answer as unanswered', '', { value: undefined }],
]);
table('short_text digits', { ...base, type: 'short_text', charset: 'digits', minLength: 3 }, [
  ['converts full-width digits', '１２３４', { value: '1234' }],
  ['drops hyphens and spaces', '12-34 5', { value: '12345' }],
  ['refuses letters', '12a', { error: '数字' }],
  ['refuses a JSON number (it would lose leading zeros)', 1234, { error: '形式' }],
  ['enforces the minimum length', '12', { error: '3文字以上' }],
]);
table('short_text alphanumeric', { ...base, type: 'short_text', charset: 'alphanumeric' }, [
  ['upper-cases and NFKCs', 'ａｂ１２３４５６７８ｃｄ', { value: 'AB12345678CD' }],
  ['refuses kana', 'あ1', { error: '英数字' }],
]);
table('long_text', { ...base, type: 'long_text', maxLength: 10 }, [
  ['keeps line breaks, normalised', 'a\r\nb\rc', { value: 'a\nb\nc' }],
  ['keeps tabs on several lines', 'a\tb\nc', { value: 'a\tb\nc' }],
  ['refuses a control character among line breaks', 'a\nb\u0007', { error: '使用できない文字' }],
  ['refuses over the limit', 'あ'.repeat(11), { error: '10文字以内' }],
  ['refuses a huge string early', 'あ'.repeat(1_000_000), { error: '10文字以内' }],
]);
table('number', { ...base, type: 'number', min: 1, max: 10 }, [
  ['takes a JSON number', 3, { value: 3 }],
  ['takes full-width digits', '１０', { value: 10 }],
  ['refuses a fraction by default', '2.5', { error: '整数' }],
  ['refuses below the minimum', 0, { error: '1以上' }],
  ['refuses above the maximum', '11', { error: '10以下' }],
  ['refuses text', 'ten', { error: '数字で' }],
  ['refuses Infinity', Number.POSITIVE_INFINITY, { error: '形式' }],
  ['refuses a boolean', true, { error: '形式' }],
]);
table('number with decimals', { ...base, type: 'number', integer: false }, [
  ['takes a decimal', '1,234.5', { value: 1234.5 }],
  ['takes a negative', '-3', { value: -3 }],
]);
table('email', { ...base, type: 'email', required: true }, [
  [
    'normalises full-width and the domain',
    { value: 'ｔａｒｏ＠Example.JP', confirm: 'taro@example.jp' },
    { value: 'taro@example.jp' },
  ],
  [
    'refuses a mismatch',
    { value: 'a@example.jp', confirm: 'b@example.jp' },
    { error: '一致しません' },
  ],
  ['refuses a missing confirmation', { value: 'a@example.jp' }, { error: '確認用' }],
  ['refuses a plain string when confirmation is on', 'a@example.jp', { error: '形式' }],
  ['refuses a malformed address', { value: 'a@b', confirm: 'a@b' }, { error: 'name@example.jp' }],
  [
    'treats both blank as unanswered',
    { value: '', confirm: '' },
    { error: '項目を入力してください' },
  ],
]);
table('email without confirmation', { ...base, type: 'email', confirm: false }, [
  ['takes a plain string', ' hanako@city.midori.lg.jp ', { value: 'hanako@city.midori.lg.jp' }],
  ['refuses spaces inside', 'han ako@example.jp', { error: 'name@example.jp' }],
]);
table('phone', { ...base, type: 'phone' }, [
  ['fixed line with hyphens', '03-5273-4000', { value: '0352734000' }],
  ['mobile without hyphens', '09012345678', { value: '09012345678' }],
  ['full-width digits', '０９０－１２３４－５６７８', { value: '09012345678' }],
  ['IP phone', '050-1234-5678', { value: '05012345678' }],
  ['international form', '+81 90-1234-5678', { value: '09012345678' }],
  ['refuses toll-free by default', '0120-123-456', { error: '固定電話・携帯電話・IP電話' }],
  ['refuses too few digits', '03-1234-567', { error: '電話番号' }],
]);
table('date', { ...base, type: 'date', min: '2026-01-01', max: { relative: 'today', days: 30 } }, [
  ['takes ISO', '2026-04-01', { value: '2026-04-01' }],
  ['takes slashes and full-width digits', '２０２６/4/1', { value: '2026-04-01' }],
  ['refuses an impossible date', '2026-02-29', { error: '正しい日付' }],
  ['refuses before the minimum', '2025-12-31', { error: '2026-01-01以降' }],
  ['resolves a relative maximum from today', '2026-12-24', { error: '2026-12-23以前' }],
  ['accepts the relative maximum itself', '2026-12-23', { value: '2026-12-23' }],
]);
table('time', { ...base, type: 'time', min: '09:00', max: '17:00', stepMinutes: 15 }, [
  ['pads hours', '9:30', { value: '09:30' }],
  ['takes 時分', '１０時１５分', { value: '10:15' }],
  ['refuses off-step minutes', '10:10', { error: '正しい時刻' }],
  ['refuses after the maximum', '17:15', { error: '17:00以前' }],
  ['refuses 24:00', '24:00', { error: '正しい時刻' }],
]);
const options = [
  { value: 'a', label: ja('A') },
  { value: 'b', label: ja('B') },
  { value: 'c', label: ja('C') },
];
table('single_choice', { ...base, type: 'single_choice', required: true, options }, [
  ['takes an option', 'b', { value: 'b' }],
  ['refuses an unknown value', 'z', { error: '選択肢の中から' }],
  ['refuses a list', ['a'], { error: '選択肢の中から' }],
  ['asks to select when missing', undefined, { error: '項目を選択してください' }],
]);
table('multiple_choice', { ...base, type: 'multiple_choice', options, maxSelected: 2 }, [
  ['orders by the options and drops repeats', ['c', 'a', 'c'], { value: ['a', 'c'] }],
  ['takes a single string as a list of one', 'b', { value: ['b'] }],
  ['refuses too many', ['a', 'b', 'c'], { error: '2個以内' }],
  ['refuses an unknown value', ['a', 'x'], { error: '選択肢の中から' }],
  ['refuses non-strings', [1], { error: '選択肢の中から' }],
]);
table('yes_no', { ...base, type: 'yes_no', required: true }, [
  ['takes true', true, { value: true }],
  ['takes "no" as posted by a form', 'no', { value: false }],
  ['refuses other text', 'maybe', { error: '選択してください' }],
  ['requires an answer', undefined, { error: '選択してください' }],
]);
table('consent', { ...base, type: 'consent', terms: ja('利用規約') }, [
  ['takes true', true, { value: true }],
  ['takes "on" as a checkbox posts it', 'on', { value: true }],
  ['is always required', undefined, { error: '同意してください' }],
  ['refuses false', false, { error: '同意してください' }],
]);
