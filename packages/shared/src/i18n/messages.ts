import type { Locale } from './locale';

/**
 * Messages a resident sees when an answer is refused. They follow the GOV.UK pattern: say what
 * to do, name the field, give an example where the format is not obvious.
 */
export interface AnswerMessages {
  required: (label: string) => string;
  requiredSelect: (label: string) => string;
  requiredAgree: (label: string) => string;
  requiredAttach: (label: string) => string;
  requiredPart: (label: string, part: string) => string;
  invalidPart: (label: string, part: string) => string;
  wrongType: (label: string) => string;
  invalidCharacters: (label: string) => string;
  tooLong: (label: string, max: number) => string;
  tooShort: (label: string, min: number) => string;
  katakanaOnly: (label: string) => string;
  digitsOnly: (label: string) => string;
  alphanumericOnly: (label: string) => string;
  notNumber: (label: string) => string;
  notInteger: (label: string) => string;
  numberMin: (label: string, min: number) => string;
  numberMax: (label: string, max: number) => string;
  email: (label: string) => string;
  emailMismatch: (label: string) => string;
  phone: (label: string) => string;
  phoneKind: (label: string, kinds: string) => string;
  date: (label: string) => string;
  dateMin: (label: string, min: string) => string;
  dateMax: (label: string, max: string) => string;
  time: (label: string) => string;
  timeMin: (label: string, min: string) => string;
  timeMax: (label: string, max: string) => string;
  choice: (label: string) => string;
  tooFewChoices: (label: string, min: number) => string;
  tooManyChoices: (label: string, max: number) => string;
  ageMin: (label: string, min: number) => string;
  ageMax: (label: string, max: number) => string;
  futureDate: (label: string) => string;
  myNumberLength: (label: string) => string;
  myNumberCheckDigit: (label: string) => string;
  postalCode: (label: string) => string;
  prefecture: (label: string) => string;
  tooManyFiles: (label: string, max: number) => string;
  fileTooLarge: (label: string, name: string, maxMb: number) => string;
  fileType: (label: string, name: string, types: string) => string;
  tooFewRows: (label: string, min: number) => string;
  tooManyRows: (label: string, max: number) => string;
  slot: (label: string) => string;
  unknownField: () => string;
  notAnObject: () => string;
  phoneKinds: Record<'fixed' | 'mobile' | 'ip' | 'toll_free' | 'navi_dial', string>;
  parts: Record<
    | 'family'
    | 'given'
    | 'familyKana'
    | 'givenKana'
    | 'postalCode'
    | 'prefecture'
    | 'city'
    | 'town'
    | 'building'
    | 'bankCode'
    | 'bankName'
    | 'branchCode'
    | 'branchName'
    | 'accountType'
    | 'accountNumber'
    | 'holderKana'
    | 'confirm',
    string
  >;
}

const ja: AnswerMessages = {
  required: (l) => `${l}を入力してください`,
  requiredSelect: (l) => `${l}を選択してください`,
  requiredAgree: (l) => `${l}に同意してください`,
  requiredAttach: (l) => `${l}を添付してください`,
  requiredPart: (l, p) => `${l}（${p}）を入力してください`,
  invalidPart: (l, p) => `${l}（${p}）の形式が正しくありません`,
  wrongType: (l) => `${l}の形式が正しくありません`,
  invalidCharacters: (l) => `${l}に使用できない文字が含まれています`,
  tooLong: (l, n) => `${l}は${n}文字以内で入力してください`,
  tooShort: (l, n) => `${l}は${n}文字以上で入力してください`,
  katakanaOnly: (l) => `${l}はカタカナで入力してください`,
  digitsOnly: (l) => `${l}は数字で入力してください`,
  alphanumericOnly: (l) => `${l}は英数字で入力してください`,
  notNumber: (l) => `${l}は数字で入力してください`,
  notInteger: (l) => `${l}は整数で入力してください`,
  numberMin: (l, n) => `${l}は${n}以上で入力してください`,
  numberMax: (l, n) => `${l}は${n}以下で入力してください`,
  email: (l) => `${l}を正しい形式で入力してください（例：name@example.jp）`,
  emailMismatch: (l) => `${l}と確認用の入力が一致しません`,
  phone: (l) => `${l}を正しい電話番号で入力してください（例：03-1234-5678）`,
  phoneKind: (l, k) => `${l}は${k}の番号を入力してください`,
  date: (l) => `${l}を正しい日付で入力してください（例：2025-04-01）`,
  dateMin: (l, d) => `${l}は${d}以降の日付を入力してください`,
  dateMax: (l, d) => `${l}は${d}以前の日付を入力してください`,
  time: (l) => `${l}を正しい時刻で入力してください（例：09:30）`,
  timeMin: (l, t) => `${l}は${t}以降の時刻を入力してください`,
  timeMax: (l, t) => `${l}は${t}以前の時刻を入力してください`,
  choice: (l) => `${l}は選択肢の中から選んでください`,
  tooFewChoices: (l, n) => `${l}は${n}個以上選んでください`,
  tooManyChoices: (l, n) => `${l}は${n}個以内で選んでください`,
  ageMin: (l, n) => `${l}によると対象外です（${n}歳以上の方が対象です）`,
  ageMax: (l, n) => `${l}によると対象外です（${n}歳以下の方が対象です）`,
  futureDate: (l) => `${l}に未来の日付は入力できません`,
  myNumberLength: (l) => `${l}は12桁の数字で入力してください`,
  myNumberCheckDigit: (l) => `${l}が正しくありません。12桁の番号をもう一度確認してください`,
  postalCode: (l) => `${l}の郵便番号は7桁の数字で入力してください（例：160-8484）`,
  prefecture: (l) => `${l}の都道府県を選択してください`,
  tooManyFiles: (l, n) => `${l}は${n}件まで添付できます`,
  fileTooLarge: (l, f, n) => `${l}の「${f}」は${n}MB以下にしてください`,
  fileType: (l, f, t) => `${l}の「${f}」は添付できない形式です（添付できる形式：${t}）`,
  tooFewRows: (l, n) => `${l}は${n}件以上入力してください`,
  tooManyRows: (l, n) => `${l}は${n}件まで入力できます`,
  slot: (l) => `${l}は表示されている日時から選んでください`,
  unknownField: () => 'この項目はこのフォームにありません',
  notAnObject: () => '回答の形式が正しくありません',
  phoneKinds: {
    fixed: '固定電話',
    mobile: '携帯電話',
    ip: 'IP電話',
    toll_free: 'フリーダイヤル',
    navi_dial: 'ナビダイヤル',
  },
  parts: {
    family: '氏',
    given: '名',
    familyKana: '氏フリガナ',
    givenKana: '名フリガナ',
    postalCode: '郵便番号',
    prefecture: '都道府県',
    city: '市区町村',
    town: '町名・番地',
    building: '建物名・部屋番号',
    bankCode: '金融機関コード',
    bankName: '金融機関名',
    branchCode: '支店コード',
    branchName: '支店名',
    accountType: '預金種目',
    accountNumber: '口座番号',
    holderKana: '口座名義（カナ）',
    confirm: '確認用',
  },
};

const en: AnswerMessages = {
  required: (l) => `Enter ${l}`,
  requiredSelect: (l) => `Select ${l}`,
  requiredAgree: (l) => `You must agree to ${l}`,
  requiredAttach: (l) => `Attach ${l}`,
  requiredPart: (l, p) => `Enter ${l}: ${p}`,
  invalidPart: (l, p) => `${l}: ${p} is not in the right format`,
  wrongType: (l) => `${l} is not in the right format`,
  invalidCharacters: (l) => `${l} contains characters that cannot be used`,
  tooLong: (l, n) => `${l} must be ${n} characters or fewer`,
  tooShort: (l, n) => `${l} must be ${n} characters or more`,
  katakanaOnly: (l) => `Enter ${l} in katakana`,
  digitsOnly: (l) => `Enter ${l} using digits only`,
  alphanumericOnly: (l) => `Enter ${l} using letters and digits only`,
  notNumber: (l) => `${l} must be a number`,
  notInteger: (l) => `${l} must be a whole number`,
  numberMin: (l, n) => `${l} must be ${n} or more`,
  numberMax: (l, n) => `${l} must be ${n} or less`,
  email: (l) => `Enter ${l} in the correct format, like name@example.jp`,
  emailMismatch: (l) => `${l} and its confirmation do not match`,
  phone: (l) => `Enter ${l} as a Japanese phone number, like 03-1234-5678`,
  phoneKind: (l, k) => `Enter ${l} as a ${k} number`,
  date: (l) => `${l} must be a real date, like 2025-04-01`,
  dateMin: (l, d) => `${l} must be on or after ${d}`,
  dateMax: (l, d) => `${l} must be on or before ${d}`,
  time: (l) => `${l} must be a real time, like 09:30`,
  timeMin: (l, t) => `${l} must be at or after ${t}`,
  timeMax: (l, t) => `${l} must be at or before ${t}`,
  choice: (l) => `Select ${l} from the list`,
  tooFewChoices: (l, n) => `Select at least ${n} for ${l}`,
  tooManyChoices: (l, n) => `Select no more than ${n} for ${l}`,
  ageMin: (l, n) => `According to ${l}, you are not eligible: this is for people aged ${n} or over`,
  ageMax: (l, n) =>
    `According to ${l}, you are not eligible: this is for people aged ${n} or under`,
  futureDate: (l) => `${l} must be today or in the past`,
  myNumberLength: (l) => `Enter ${l} as 12 digits`,
  myNumberCheckDigit: (l) => `${l} is not a valid My Number. Check the 12 digits`,
  postalCode: (l) => `Enter the postal code of ${l} as 7 digits, like 160-8484`,
  prefecture: (l) => `Select the prefecture of ${l}`,
  tooManyFiles: (l, n) => `You can attach up to ${n} files to ${l}`,
  fileTooLarge: (l, f, n) => `${l}: "${f}" must be ${n} MB or smaller`,
  fileType: (l, f, t) => `${l}: "${f}" is not an accepted file type (accepted: ${t})`,
  tooFewRows: (l, n) => `Add at least ${n} entries to ${l}`,
  tooManyRows: (l, n) => `You can add up to ${n} entries to ${l}`,
  slot: (l) => `Select ${l} from the times shown`,
  unknownField: () => 'This field is not part of the form',
  notAnObject: () => 'The answers are not in the right format',
  phoneKinds: {
    fixed: 'landline',
    mobile: 'mobile',
    ip: 'IP phone',
    toll_free: 'toll-free',
    navi_dial: 'Navi Dial',
  },
  parts: {
    family: 'family name',
    given: 'given name',
    familyKana: 'family name in katakana',
    givenKana: 'given name in katakana',
    postalCode: 'postal code',
    prefecture: 'prefecture',
    city: 'city, ward, town or village',
    town: 'district and block number',
    building: 'building and room',
    bankCode: 'bank code',
    bankName: 'bank name',
    branchCode: 'branch code',
    branchName: 'branch name',
    accountType: 'account type',
    accountNumber: 'account number',
    holderKana: 'account holder name in katakana',
    confirm: 'confirmation',
  },
};

/** The answer messages for a locale. */
export function answerMessages(locale: Locale): AnswerMessages {
  return locale === 'en' ? en : ja;
}
