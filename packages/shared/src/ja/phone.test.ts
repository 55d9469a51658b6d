import { describe, expect, it } from 'vitest';
import { isPhoneKind, type PhoneKind, parsePhoneNumber } from './phone';

describe('parsePhoneNumber: accepted numbers', () => {
  it.each<[string, string, PhoneKind, string]>([
    ['03-1234-5678', '0312345678', 'fixed', '03-1234-5678'],
    ['0312345678', '0312345678', 'fixed', '03-1234-5678'],
    ['(03) 1234-5678', '0312345678', 'fixed', '03-1234-5678'],
    ['03.1234.5678', '0312345678', 'fixed', '03-1234-5678'],
    ['０３－１２３４－５６７８', '0312345678', 'fixed', '03-1234-5678'],
    ['（０３）１２３４ー５６７８', '0312345678', 'fixed', '03-1234-5678'],
    ['06-6208-8181', '0662088181', 'fixed', '06-6208-8181'],
    ['045-671-2121', '0456712121', 'fixed', '045-671-2121'],
    ['011-231-4111', '0112314111', 'fixed', '011-231-4111'],
    ['0123-24-3131', '0123243131', 'fixed', '012-324-3131'],
    ['099-224-1111', '0992241111', 'fixed', '099-224-1111'],
    ['090-1234-5678', '09012345678', 'mobile', '090-1234-5678'],
    ['080 1234 5678', '08012345678', 'mobile', '080-1234-5678'],
    ['07012345678', '07012345678', 'mobile', '070-1234-5678'],
    ['050-1234-5678', '05012345678', 'ip', '050-1234-5678'],
    ['0120-123-456', '0120123456', 'toll_free', '0120-123-456'],
    ['0800-123-4567', '08001234567', 'toll_free', '0800-123-4567'],
    ['0570-123-456', '0570123456', 'navi_dial', '0570-123-456'],
    ['+81 90-1234-5678', '09012345678', 'mobile', '090-1234-5678'],
    ['+81-3-1234-5678', '0312345678', 'fixed', '03-1234-5678'],
    ['+81 (0)3-1234-5678', '0312345678', 'fixed', '03-1234-5678'],
    ['＋８１　９０　１２３４　５６７８', '09012345678', 'mobile', '090-1234-5678'],
    ['81312345678', '0312345678', 'fixed', '03-1234-5678'],
    ['+81 120 123 456', '0120123456', 'toll_free', '0120-123-456'],
    ['090ー1234ー5678', '09012345678', 'mobile', '090-1234-5678'],
    ['090‐1234−5678', '09012345678', 'mobile', '090-1234-5678'],
  ])('%j', (input, digits, kind, formatted) => {
    expect(parsePhoneNumber(input)).toEqual({ digits, kind, formatted });
  });
});

describe('parsePhoneNumber: rejected input', () => {
  it.each([
    ['', 'empty'],
    ['abc', 'letters'],
    ['03-1234-567', '9 digits'],
    ['03-1234-56789', 'fixed number with 11 digits'],
    ['090-1234-567', 'mobile prefix with 10 digits'],
    ['090-1234-56789', '12 digits'],
    ['050-123-4567', 'IP prefix with 10 digits'],
    ['0120-123-4567', '0120 with 11 digits'],
    ['0800-123-456', '0800 with 10 digits'],
    ['0570-123-4567', '0570 with 11 digits'],
    ['020-1234-5678', '020 M2M'],
    ['060-1234-5678', '060 FMC'],
    ['0990-123-456', '0990 premium rate'],
    ['0180-99-1234', '0180 televoting'],
    ['001-234-5678', '00x carrier prefix'],
    ['0012345678', '00x carrier prefix'],
    ['010-123-4567', '010 international prefix'],
    ['1234567890', 'no leading 0'],
    ['+1 212 555 0100', 'other country code'],
    ['+44 20 7946 0000', 'other country code'],
    ['03-1234-5678 内線12', 'extension text'],
    ['03-1234-5678#12', 'extension mark'],
    ['03+1234+5678', 'plus inside'],
    ['++81 3 1234 5678', 'double plus'],
    ['0081-3-1234-5678', 'international call prefix from Japan'],
    ['03_1234_5678', 'underscore separators'],
  ])('%j (%s) -> null', (input) => {
    expect(parsePhoneNumber(input)).toBeNull();
  });
});

describe('isPhoneKind', () => {
  it.each([
    ['fixed', true],
    ['mobile', true],
    ['ip', true],
    ['toll_free', true],
    ['navi_dial', true],
    ['landline', false],
    ['', false],
    [null, false],
    [1, false],
  ])('%j -> %s', (value, expected) => {
    expect(isPhoneKind(value)).toBe(expected);
  });
});
