import { describe, expect, it } from 'vitest';
import { isValidMyNumber, maskMyNumber, myNumberCheckDigit, normalizeMyNumber } from './my-number';

// Written independently of the implementation: the weights of 総務省令 第五条 (Q_n for P_n counted
// from the right) listed for the digits read from the left.
const WEIGHTS_FROM_LEFT = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function oracleCheckDigit(first11: string): number {
  let sum = 0;
  WEIGHTS_FROM_LEFT.forEach((weight, i) => {
    sum += Number(first11[i]) * weight;
  });
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

function oracleIsValid(twelve: string): boolean {
  return oracleCheckDigit(twelve.slice(0, 11)) === Number(twelve[11]);
}

// Check digits worked out by hand and with a separate script, not with either function above.
const KNOWN: readonly [string, number][] = [
  ['12345678901', 8],
  ['00000000000', 0],
  ['98765432109', 3],
  ['11111111111', 8],
  ['31415926535', 2],
  ['27182818284', 0],
  ['55555555555', 7],
  ['10000000001', 3],
  ['90000000000', 1],
];

function singleDigitChanges(value: string): string[] {
  const changed: string[] = [];
  for (let position = 0; position < value.length; position++) {
    for (let digit = 0; digit <= 9; digit++) {
      if (String(digit) === value[position]) continue;
      changed.push(value.slice(0, position) + String(digit) + value.slice(position + 1));
    }
  }
  return changed;
}

describe('myNumberCheckDigit', () => {
  it.each(KNOWN)('%s -> %i', (first11, expected) => {
    expect(myNumberCheckDigit(first11)).toBe(expected);
    expect(oracleCheckDigit(first11)).toBe(expected);
  });

  it.each(['', '1234567890', '123456789012', '1234567890a', '１２３４５６７８９０１'])(
    'throws RangeError for %j',
    (input) => {
      expect(() => myNumberCheckDigit(input)).toThrow(RangeError);
    },
  );
});

describe('isValidMyNumber', () => {
  it.each([
    ['123456789018', true],
    ['000000000000', true],
    ['987654321093', true],
    ['314159265352', true],
    ['123456789010', false],
    ['123456789019', false],
    ['12345678901', false],
    ['1234567890180', false],
    ['1234-5678-9018', false],
    ['１２３４５６７８９０１８', false],
    ['', false],
  ])('%j -> %s', (input, expected) => {
    expect(isValidMyNumber(input)).toBe(expected);
  });

  it.each(KNOWN)('the full number built from %s is valid', (first11, checkDigit) => {
    expect(isValidMyNumber(`${first11}${checkDigit}`)).toBe(true);
  });

  // Weights 2–7 are non-zero mod 11, so any single-digit change moves r = Σ mod 11. When the check
  // digit is not 0 (r ≥ 2) every such change is caught, which these numbers rely on.
  it.each(KNOWN.filter(([, checkDigit]) => checkDigit !== 0))(
    'rejects all 99 single-digit changes of %s + %i',
    (first11, checkDigit) => {
      const changes = singleDigitChanges(`${first11}${checkDigit}`);
      expect(changes).toHaveLength(12 * 9);
      expect(changes.filter(isValidMyNumber)).toEqual([]);
    },
  );

  // The algorithm maps both r = 0 and r = 1 to check digit 0, so for those numbers a change that
  // moves r between 0 and 1 goes unnoticed. The validator must follow the rule, not "fix" it.
  it('follows the rule where it cannot detect a change (r = 0 <-> r = 1)', () => {
    expect(isValidMyNumber('000000000000')).toBe(true);
    expect(isValidMyNumber('200000000000')).toBe(true);
    expect(isValidMyNumber('271828182840')).toBe(true);
    for (const [first11, checkDigit] of KNOWN.filter(([, c]) => c === 0)) {
      for (const changed of singleDigitChanges(`${first11}${checkDigit}`)) {
        expect(isValidMyNumber(changed)).toBe(oracleIsValid(changed));
      }
    }
  });

  it('accepts generated numbers and rejects their single-digit changes as the rule dictates', () => {
    let seed = 20240501;
    let fullyCheckedNumbers = 0;
    for (let i = 0; i < 200; i++) {
      // MINSTD keeps the cases reproducible and the arithmetic within safe integers.
      seed = (seed * 48271) % 2147483647;
      const first11 = String(seed).padStart(11, '7').slice(-11);
      const checkDigit = oracleCheckDigit(first11);
      const valid = `${first11}${checkDigit}`;
      expect(myNumberCheckDigit(first11)).toBe(checkDigit);
      expect(isValidMyNumber(valid)).toBe(true);
      const changes = singleDigitChanges(valid);
      const acceptedChanges = changes.filter(isValidMyNumber);
      if (checkDigit === 0) {
        expect(acceptedChanges).toEqual(changes.filter(oracleIsValid));
      } else {
        expect(acceptedChanges).toEqual([]);
        fullyCheckedNumbers++;
      }
    }
    expect(fullyCheckedNumbers).toBeGreaterThan(150);
  });
});

describe('normalizeMyNumber', () => {
  it.each([
    ['123456789018', '123456789018'],
    ['1234-5678-9018', '123456789018'],
    ['1234 5678 9018', '123456789018'],
    ['１２３４－５６７８－９０１８', '123456789018'],
    ['1234\u30005678\u30009018', '123456789018'],
    ['123456789010', '123456789010'],
    ['12345678901', null],
    ['1234567890123', null],
    ['1234-5678-901X', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeMyNumber(input)).toBe(expected);
  });
});

describe('maskMyNumber', () => {
  it.each<[string, number | undefined, string]>([
    ['123456789012', undefined, '************'],
    ['123456789012', 0, '************'],
    ['123456789012', 4, '********9012'],
    ['123456789012', 1, '***********2'],
    ['1234-5678-9012', 4, '********9012'],
    ['123456789012', 12, '********9012'],
    ['123456789012', -3, '************'],
    ['123456789012', 2.5, '************'],
    ['123456789012', Number.NaN, '************'],
    ['12345', 4, '************'],
    ['', 4, '************'],
  ])('%j keepLast %s -> %j', (value, keepLast, expected) => {
    expect(maskMyNumber(value, keepLast)).toBe(expected);
  });
});
