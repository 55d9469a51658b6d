import { describe, expect, it } from 'vitest';
import { addDays, ageOn, compareIsoDates, isValidIsoDate, parseIsoDate } from './dates';

describe('isValidIsoDate', () => {
  it.each([
    ['2024-01-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-28', true],
    ['2023-12-31', true],
    ['1000-01-01', true],
    ['9999-12-31', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-01-32', false],
    ['0999-12-31', false],
    ['10000-01-01', false],
    ['2024-1-01', false],
    ['2024/01/01', false],
    ['20240101', false],
    ['2024-01-01T00:00:00Z', false],
    ['2024-01-01\n', false],
    [' 2024-01-01', false],
    ['２０２４-０１-０１', false],
    ['abc', false],
    ['', false],
  ])('%j -> %s', (input, expected) => {
    expect(isValidIsoDate(input)).toBe(expected);
  });

  it('returns the parts of a valid date', () => {
    expect(parseIsoDate('2019-05-01')).toEqual({ year: 2019, month: 5, day: 1 });
    expect(parseIsoDate('2019-02-30')).toBeNull();
  });
});

describe('ageOn', () => {
  it.each([
    ['2000-04-02', '2000-04-02', 0],
    ['2000-04-02', '2020-04-01', 19],
    ['2000-04-02', '2020-04-02', 20],
    ['2000-04-02', '2020-12-31', 20],
    ['1990-12-31', '2024-01-01', 33],
    ['2004-02-29', '2023-02-28', 18],
    ['2004-02-29', '2023-03-01', 19],
    ['2004-02-29', '2024-02-28', 19],
    ['2004-02-29', '2024-02-29', 20],
    ['1959-03-15', '2024-03-14', 64],
    ['1959-03-15', '2024-03-15', 65],
    ['2024-01-02', '2024-01-01', null],
    ['2023-02-29', '2024-01-01', null],
    ['2000-01-01', 'today', null],
  ])('born %s, on %s -> %s', (birth, on, expected) => {
    expect(ageOn(birth, on)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-15', 0, '2024-01-15'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2000-01-01', 36525, '2100-01-01'],
    ['1000-01-01', -1, null],
    ['9999-12-31', 1, null],
    ['2024-01-01', 1.5, null],
    ['2024-01-01', Number.NaN, null],
    ['2024-01-01', Number.POSITIVE_INFINITY, null],
    ['2024-01-01', Number.MAX_SAFE_INTEGER, null],
    ['2023-02-29', 1, null],
  ])('%s + %s -> %s', (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  it('agrees with Date.UTC arithmetic over a long range', () => {
    const start = Date.UTC(1000, 0, 1);
    for (let n = 0; n < 9000 * 366; n += 97) {
      const date = new Date(start + n * 86_400_000);
      if (date.getUTCFullYear() > 9999) break;
      const expected = date.toISOString().slice(0, 10);
      expect(addDays('1000-01-01', n)).toBe(expected);
      expect(addDays(expected, -n)).toBe('1000-01-01');
    }
  });
});

describe('compareIsoDates', () => {
  it.each([
    ['2024-01-01', '2024-01-02', -1],
    ['2024-01-02', '2024-01-01', 1],
    ['2024-01-01', '2024-01-01', 0],
    ['1999-12-31', '2000-01-01', -1],
  ])('%s vs %s -> %i', (a, b, expected) => {
    expect(compareIsoDates(a, b)).toBe(expected);
  });

  it('sorts dates chronologically', () => {
    expect(['2024-03-01', '1989-01-08', '2019-05-01'].sort(compareIsoDates)).toEqual([
      '1989-01-08',
      '2019-05-01',
      '2024-03-01',
    ]);
  });

  it.each([
    ['2024-02-30', '2024-01-01'],
    ['2024-01-01', 'abc'],
  ])('throws RangeError for %j vs %j', (a, b) => {
    expect(() => compareIsoDates(a, b)).toThrow(RangeError);
  });
});
