import { describe, expect, test } from 'vitest';
import { csvCell, csvRow, jstTimestamp } from './csv';

describe('CSV cells', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+81', "'+81"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a=b', 'a=b'],
  ])('neutralises a formula start: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('quotes commas, quotes and line breaks; numbers and null as they are', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });

  test('times are in Japan time, exact to the ms', () => {
    expect(jstTimestamp(Date.parse('2026-11-23T00:00:00.123Z'))).toBe(
      '2026-11-23T09:00:00.123+09:00',
    );
  });
});
