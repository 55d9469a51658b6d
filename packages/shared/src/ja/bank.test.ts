import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_TYPE_LABELS,
  isAccountType,
  normalizeAccountHolderKana,
  normalizeAccountNumber,
  normalizeBankCode,
  normalizeBranchCode,
  toZenginKana,
  yuchoToZengin,
} from './bank';

describe('normalizeBankCode', () => {
  it.each([
    ['0005', '0005'],
    ['９９００', '9900'],
    [' 0001 ', '0001'],
    ['00-05', '0005'],
    ['005', null],
    ['00050', null],
    ['000A', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeBankCode(input)).toBe(expected);
  });
});

describe('normalizeBranchCode', () => {
  it.each([
    ['001', '001'],
    ['０１８', '018'],
    ['1 2 3', '123'],
    ['01', null],
    ['0018', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeBranchCode(input)).toBe(expected);
  });
});

describe('normalizeAccountNumber', () => {
  it.each([
    ['1234567', '1234567'],
    ['1234', '0001234'],
    ['1', '0000001'],
    ['１２３４５６７', '1234567'],
    ['123-4567', '1234567'],
    ['12345678', null],
    ['', null],
    ['12a4', null],
    ['-', null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeAccountNumber(input)).toBe(expected);
  });
});

describe('normalizeAccountHolderKana', () => {
  it.each([
    ['ヤマダ タロウ', 'ヤマダ タロウ'],
    ['やまだ　たろう', 'ヤマダ タロウ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['  ﾔﾏﾀﾞ   ﾀﾛｳ  ', 'ヤマダ タロウ'],
    ['キャッシュ', 'キャッシュ'],
    ['ｷｬｯｼｭ', 'キャッシュ'],
    ['ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ', 'カ)ヤマダショウジ'],
    ['（カ）テスト', '(カ)テスト'],
    ['ﾕ)ABC.ｺｳｷﾞｮｳ', 'ユ)ABC.コウギョウ'],
    ['abc xyz', 'ABC XYZ'],
    ['ｓｍｉｔｈ　ｊｏｈｎ', 'SMITH JOHN'],
    ['ローソン－１／２', 'ローソン-1/2'],
    ['ヴィ', 'ヴィ'],
    ['', null],
    ['   ', null],
    ['山田 太郎', null],
    ['ヤマダ・タロウ', null],
    ['ヤマダ,タロウ', null],
    ['ß', null],
    ['é', null],
    ['ヤマダ‐タロウ', null],
    ['ササヽ', null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeAccountHolderKana(input)).toBe(expected);
  });
});

describe('toZenginKana', () => {
  it.each([
    ['ヤマダ タロウ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['キャッシュ', 'ｷﾔﾂｼﾕ'],
    ['パーティー', 'ﾊﾟ-ﾃｲ-'],
    ['ガギグゲゴ', 'ｶﾞｷﾞｸﾞｹﾞｺﾞ'],
    ['パピプペポ', 'ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ'],
    ['ヴ', 'ｳﾞ'],
    ['ァィゥェォ', 'ｱｲｳｴｵ'],
    ['ヮヵヶ', 'ﾜｶｹ'],
    ['ヰヱヲン', 'ｲｴｦﾝ'],
    ['ヷヸヹヺ', 'ﾜﾞｲﾞｴﾞｦﾞ'],
    ['やまだ', 'ﾔﾏﾀﾞ'],
    ['(カ)ABC-1.2/3', '(ｶ)ABC-1.2/3'],
    ['ﾔﾏﾀﾞ', 'ﾔﾏﾀﾞ'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(toZenginKana(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = toZenginKana('キャッシュ・パーティー ヴ');
    expect(toZenginKana(once)).toBe(once);
  });
});

describe('yuchoToZengin', () => {
  it.each([
    [
      '10140',
      '12345671',
      { bankCode: '9900', branchCode: '018', accountType: 'ordinary', accountNumber: '1234567' },
    ],
    [
      '12340',
      '00012341',
      { bankCode: '9900', branchCode: '238', accountType: 'ordinary', accountNumber: '0001234' },
    ],
    [
      '１４０３０',
      '1234561',
      { bankCode: '9900', branchCode: '408', accountType: 'ordinary', accountNumber: '0123456' },
    ],
    [
      '10140',
      '1234567-1',
      { bankCode: '9900', branchCode: '018', accountType: 'ordinary', accountNumber: '1234567' },
    ],
    [
      '00190',
      '123456',
      { bankCode: '9900', branchCode: '019', accountType: 'current', accountNumber: '0123456' },
    ],
    [
      '00120',
      '01234567',
      { bankCode: '9900', branchCode: '019', accountType: 'current', accountNumber: '1234567' },
    ],
    [
      '05310',
      '9',
      { bankCode: '9900', branchCode: '539', accountType: 'current', accountNumber: '0000009' },
    ],
  ])('記号 %j 番号 %j', (kigou, bangou, expected) => {
    expect(yuchoToZengin(kigou, bangou)).toEqual(expected);
  });

  it.each([
    ['10140', '12345670', 'ordinary number not ending in 1'],
    ['10140', '123456781', 'ordinary number with 9 digits'],
    ['10140', '1', 'ordinary number without account digits'],
    ['00190', '12345678', 'current number with 8 significant digits'],
    ['1014', '12345671', 'symbol with 4 digits'],
    ['101400', '12345671', 'symbol with 6 digits'],
    ['20140', '12345671', 'symbol starting with 2'],
    ['1014A', '12345671', 'symbol with a letter'],
    ['10140', '', 'empty number'],
    ['', '', 'empty input'],
  ])('記号 %j 番号 %j (%s) -> null', (kigou, bangou) => {
    expect(yuchoToZengin(kigou, bangou)).toBeNull();
  });
});

describe('account types', () => {
  it.each([
    ['ordinary', true],
    ['current', true],
    ['savings', true],
    ['普通', false],
    ['', false],
    [undefined, false],
  ])('isAccountType(%j) -> %s', (value, expected) => {
    expect(isAccountType(value)).toBe(expected);
  });

  it('labels each type in Japanese', () => {
    expect(ACCOUNT_TYPE_LABELS).toEqual({ ordinary: '普通', current: '当座', savings: '貯蓄' });
  });
});
