import { describe, expect, test } from 'vitest';
import { csvField, csvRecord, neutraliseFormula } from './cells';

describe('neutraliseFormula', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+81 3 5273 4000', "'+81 3 5273 4000"],
    ['-1', "'-1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ['田中 花子', '田中 花子'],
    ['0012345', '0012345'],
    ['1+1=2', '1+1=2'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

describe('CSV per RFC 4180', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hello"', '"say ""hello"""'],
    ['line 1\nline 2', '"line 1\nline 2"'],
    ['line 1\r\nline 2', '"line 1\r\nline 2"'],
    ['"', '""""'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  test('a neutralised cell that needs quotes is quoted after the quote mark is added', () => {
    expect(csvField('=1,2')).toBe('"\'=1,2"');
    expect(csvField('\r\n')).toBe('"\'\r\n"');
  });

  test('records end with CRLF', () => {
    expect(csvRecord(['受付番号', 'a,b', '-5'])).toBe('受付番号,"a,b",\'-5\r\n');
  });
});
